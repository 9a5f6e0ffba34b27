"""What is normalised between two captures: random values, times of the run, PDF metadata."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from snapshot.capture import Page


@dataclass
class Normaliser:
    replacements: list[tuple[str, str]]  # exact random values -> stable names, longest first
    start: dt.datetime  # the capture's run, UTC
    end: dt.datetime
    zone: zoneinfo.ZoneInfo

    def _clock_times(self) -> set[str]:
        """Every time of day (HH:MM and HH.MM, UTC and the site's zone) inside the run."""
        times: set[str] = set()
        moment = self.start - dt.timedelta(minutes=1)
        while moment <= self.end + dt.timedelta(minutes=1):
            for local in (moment, moment.astimezone(self.zone)):
                times.add(local.strftime("%H:%M"))
                times.add(local.strftime("%H.%M"))
            moment += dt.timedelta(minutes=1)
        return times

    def text(self, body: str) -> str:
        for value, name in self.replacements:
            body = body.replace(value, name)
        body = re.sub(r'(name="csrftoken"\s+value=")[^"]*"', r'\1{csrf}"', body)
        body = re.sub(r'("?x-csrftoken"?\s*:\s*")[^"]*"', r'\1{csrf}"', body, flags=re.I)
        times = self._clock_times()

        def clock(match: re.Match[str]) -> str:
            whole = match.group(0)
            return "{time}" if whole[:5] in times else whole

        # 15:31, 15:31:12, 15:31:12.491764 (alone or inside an ISO timestamp); 15.31, 15.31.12
        # (a full stop after it ends a sentence; one before or after a digit makes it a number)
        edge = r"(?<!\d)(?<!\d[.:])", r"(?!\d|[.:]\d)"
        colon = r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
        body = re.sub(edge[0] + colon + edge[1], clock, body)
        return re.sub(edge[0] + r"\d{2}\.\d{2}(?:\.\d{2})?" + edge[1], clock, body)

    def body(self, page: Page) -> bytes:
        if page.content_type.startswith("application/pdf"):
            body = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", rb"/\1 (D:{now})", page.body)
            return re.sub(rb"/ID \[<[0-9a-fA-F]+> <[0-9a-fA-F]+>\]", b"/ID [{id}]", body)
        kind = page.content_type.split(";")[0]
        if kind.startswith("text/") or kind in ("image/svg+xml", "application/json"):
            return self.text(page.body.decode("utf-8", "replace")).encode()
        return page.body
