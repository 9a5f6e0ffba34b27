"""Every page a person can reach, rendered and saved, so two versions of the code can be compared
byte for byte (a refactor must leave every page as it was).

Usage::

    python scripts/page_snapshot.py capture CHECKOUT OUT   # render CHECKOUT's pages into OUT
    python scripts/page_snapshot.py compare OUT_A OUT_B    # what differs between two captures

``capture`` compiles CHECKOUT's catalogues with its own ``scripts/messages.py compile``, then
runs this file again in a subprocess with CHECKOUT first on PYTHONPATH (and as working
directory), so that checkout's ``gesi_app`` and ``tests`` are the ones imported. The only
names taken from the app are ``gesi_app.app.create_app`` and ``gesi_app.settings.Settings``;
the test data comes from the checkout's own helpers (``tests/factories.py``: the demo regions,
agencies, topics and one staff member per role), everything else is made through the pages as
a person would: reports through the journey, staff actions through their forms, forums set up,
joined and run by their facilitator. The database is a fresh SQLite file migrated by the
checkout's own migrations.

What is fetched, in both languages (``?lang=id`` and ``?lang=en``):

- every GET route of the app's route table, with each real path value the seeded data has
  (every report code, forum code, staff user, agency, topic, template, region, holiday, file),
  as an anonymous citizen and as each signed-in staff role (admin, verifier, agency officer,
  facilitator);
- the report journey, every question sent empty (its page with errors) and then answered, the
  check page, the confirmation with the tracking code and PIN, in several variants (about you,
  anonymous, confidential, evidence upload, no contact);
- tracking: the code-and-PIN form empty, with an unknown code, a wrong PIN and the right one;
  the reporter's page, a reply (empty and written), a rating (empty and given);
- staff work: every action form empty (errors) and filled (verify, answer, hold, not ours,
  archive, close, new PIN, intake, templates, agencies, topics, regions, holidays, users and
  password resets), sign-in errors;
- forums: set-up with errors, start, join, inputs, board, capture, attendance, themes, outcomes,
  minutes (page, CSV, PDF), prioritising, the facilitators page, editing, end;
- every POST form found on any page, sent empty (its error page), and error pages: 404, 403
  (wrong role, no CSRF token), 405, 400 (unreadable query).

Each response is one file (name from persona, method, path, language and state) holding its
status, content type, redirect target and body; ``index.tsv`` lists them. Event streams (the
live board) and audio files (synthesised on demand) are not fetched; a missing audio file is.

What is normalised, and only this (everything else is compared byte for byte):

- Randomness is made repeatable at its source: ``secrets`` (tracking codes, PINs, forum join
  codes, CSRF tokens, draft ids, passwords, reset and session tokens) draws from a generator
  seeded by the name of the calling function and how often it has called, so a page shows the
  same code in two runs even if a module moved. Then, so that a changed order of calls does
  not show as a difference either, the values still random per run are replaced by stable
  names: each report's tracking code by ``{report-N}`` (N its row id), spelled out too; each
  forum's join code by ``{forum-N}``; PINs shown by ``{pin-K}``; CSRF token values by
  ``{csrf}``; password-reset tokens and generated passwords by ``{token-K}``/``{password-K}``.
- Time: the clock is not fixed (the app reads it in many places). Both captures must run on
  the same day in the site's time zone (``compare`` refuses otherwise), so every date stays
  as it is. A time of day on a page (15:31, 15:31:12.491764 inside an ISO timestamp, 22.31 as
  the pages write it), in UTC or in the site's zone, that falls inside the capture's own run
  (from its start to its end, a minute either side) is replaced by ``{time}``; its date and
  offset stay. Fixed times (a forum at 09.30) stay, unless a capture runs at that minute.
- PDF metadata: the PDF's creation and modification dates and its file id.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import hashlib
import importlib
import json
import os
import random
import re
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

LANGS = ("id", "en")
PERSONAS = ("citizen", "admin", "verifikator", "petugas.pupr", "fasilitator")
STAFF = PERSONAS[1:]
INDEX = "index.tsv"
FIRST = "<first offered>"  # in ``Capture.submit`` values: the first value the page offers
META = "capture.json"


def _png() -> bytes:
    """A 1x1 grey PNG, the evidence the journey takes (checked by its magic bytes)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------------------------------------
# Repeatable randomness: installed before the app is imported.


class _SeededSecrets:
    """secrets' functions drawing from a generator per calling function (and call count)."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()

    def _rng(self) -> random.Random:
        caller = sys._getframe(2).f_code.co_qualname
        self.calls[caller] += 1
        # Not for secrets: repeatable values are the point here.
        return random.Random(f"{caller}:{self.calls[caller]}")  # noqa: S311

    def install(self) -> None:
        def choice(seq: Any) -> Any:
            return self._rng().choice(seq)

        def randbelow(n: int) -> int:
            return self._rng().randrange(n)

        def token_bytes(n: int | None = None) -> bytes:
            return self._rng().randbytes(32 if n is None else n)

        def token_hex(n: int | None = None) -> str:
            return self._rng().randbytes(32 if n is None else n).hex()

        def token_urlsafe(n: int | None = None) -> str:
            import base64

            raw = self._rng().randbytes(32 if n is None else n)
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

        secrets.choice = choice
        secrets.randbelow = randbelow
        secrets.token_bytes = token_bytes
        secrets.token_hex = token_hex
        secrets.token_urlsafe = token_urlsafe


# ---------------------------------------------------------------------------------------------
# Forms on a page, as a browser without JavaScript would send them.


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # defaults a browser would send
    names: list[str] = field(default_factory=list)  # every field name, in order
    options: dict[str, list[str]] = field(default_factory=dict)  # name -> values offered
    multipart: bool = False
    files: list[str] = field(default_factory=list)  # names of the file fields
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type, select, button


class _Forms(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self._select: str | None = None
        self._select_default: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = a.get("action") or self.page_path
            self.forms.append(
                Form(
                    action,
                    (a.get("method") or "get").lower(),
                    multipart="multipart" in a.get("enctype", ""),
                )
            )
            return
        if not self.forms or not a.get("name"):
            if tag == "option" and self._select is not None and self.forms:
                self._option(a)
            return
        form, name = self.forms[-1], a["name"]
        if name not in form.names:
            form.names.append(name)
        if tag == "input":
            kind = a.get("type", "text")
            form.kinds.setdefault(name, "button" if kind == "submit" else kind)
            if kind == "file":
                form.files.append(name)
            if kind in ("submit", "button", "image", "file", "reset"):
                if kind == "submit" and a.get("value"):
                    form.options.setdefault(name, []).append(a["value"])
                return
            if kind in ("radio", "checkbox"):
                form.options.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.fields.append((name, a.get("value", "on")))
                return
            form.fields.append((name, a.get("value", "")))
        elif tag == "button":
            form.kinds.setdefault(name, "button")
            if a.get("value"):
                form.options.setdefault(name, []).append(a["value"])
        elif tag == "select":
            form.kinds.setdefault(name, "select")
            self._select, self._select_default = name, None
            form.options.setdefault(name, [])
        elif tag == "textarea":
            form.kinds.setdefault(name, "textarea")
            self._textarea, self._text = name, ""

    def _option(self, a: dict[str, str]) -> None:
        assert self._select is not None
        value = a.get("value", "")
        self.forms[-1].options[self._select].append(value)
        if "selected" in a or self._select_default is None:
            self._select_default = value

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            self.forms[-1].fields.append((self._select, self._select_default or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1].fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def forms_of(page_path: str, html: str) -> list[Form]:
    parser = _Forms(page_path)
    parser.feed(html)
    return parser.forms


# ---------------------------------------------------------------------------------------------
# The capture (runs inside the checkout's interpreter).


@dataclass
class Page:
    key: str
    status: int
    content_type: str
    location: str
    body: bytes


def _detect(*candidates: str) -> Any:
    """The first of the checkout's modules that exists (helpers move between layouts)."""
    for name in candidates:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise
    raise SystemExit(f"none of {candidates} in this checkout")


class Capture:
    def __init__(self, client: Any, db_path: Path, timezone: str) -> None:
        self.client = client
        self.db_path = db_path
        self.zone = zoneinfo.ZoneInfo(timezone)
        self.pages: dict[str, Page] = {}
        self.jars: dict[str, Any] = {}
        self.current: str | None = None
        self.pins: list[str] = []
        self.words: dict[str, str] = {}  # a random value seen on a page -> its stable name
        self.skipped: list[str] = []

    # Requests ---------------------------------------------------------------------------------

    def use(self, persona: str) -> None:
        if self.current == persona:
            return
        if self.current is not None:
            self.jars[self.current] = self.client.cookies
        self.client.cookies = self.jars.get(persona, {})
        self.current = persona

    def request(
        self,
        persona: str,
        method: str,
        path: str,
        lang: str,
        state: str = "",
        *,
        data: Any = None,
        files: Any = None,
        headers: dict[str, str] | None = None,
        record: bool = True,
    ) -> Any:
        self.use(persona)
        target = path + ("&" if "?" in path else "?") + urlencode({"lang": lang})
        response = self.client.request(
            method, target, data=data, files=files, headers=headers, follow_redirects=False
        )
        if record:
            key = f"{persona} {method} {path} [{lang}]" + (f" {state}" if state else "")
            self.pages[key] = Page(
                key,
                response.status_code,
                response.headers.get("content-type", ""),
                response.headers.get("location", ""),
                response.content,
            )
        return response

    def get(self, persona: str, path: str, lang: str, state: str = "", **kw: Any) -> Any:
        return self.request(persona, "GET", path, lang, state, **kw)

    def token(self) -> str:
        for name, value in self.client.cookies.items():
            if "csrf" in name:
                return str(value)
        return ""

    def post(
        self,
        persona: str,
        path: str,
        lang: str,
        state: str,
        data: Any = None,
        *,
        follow: bool = True,
        files: Any = None,
        **kw: Any,
    ) -> Any:
        """POST with the page's CSRF token; a redirect is followed and its page kept too."""
        self.use(persona)
        if not self.token():
            self.get(persona, "/", lang, record=False)
        fields: dict[str, list[str]] = {"csrftoken": [self.token()]}
        for name, value in data or []:
            fields.setdefault(name, []).append(value)
        response = self.request(persona, "POST", path, lang, state, data=fields, files=files, **kw)
        if follow and response.status_code in (302, 303) and response.headers.get("location"):
            location = response.headers["location"]
            if location.startswith("http://testserver"):
                location = location.removeprefix("http://testserver")
            if location.startswith("/"):
                self.get(persona, location.split("?lang=")[0], lang, f"after {state}")
        return response

    def page_forms(self, persona: str, path: str, lang: str = "id") -> list[Form]:
        response = self.get(persona, path, lang, record=False)
        if "text/html" not in response.headers.get("content-type", ""):
            return []
        return forms_of(urlsplit(path).path, response.text)

    def submit(
        self,
        persona: str,
        page: str,
        action_has: str,
        lang: str,
        state: str,
        values: dict[str, str | list[str]] | None = None,
        *,
        files: Any = None,
    ) -> Any:
        """Send the form of ``page`` whose action contains ``action_has``, as its unnamed
        button would: with ``values`` None, nothing typed or chosen (hidden fields and selects
        as they are); otherwise its defaults, the first value offered for each radio or select
        left empty, and ``values`` over them (named buttons and checkboxes only from there)."""
        forms = [
            f
            for f in self.page_forms(persona, page, lang)
            if f.method == "post" and action_has in f.action
        ]
        if not forms:
            self.skipped.append(f"{persona} {page}: no form to {action_has!r}")
            return None
        form = forms[0]
        sent: dict[str, list[str]] = {}
        for name, value in form.fields:
            if name == "csrftoken":
                continue
            if values is None and form.kinds.get(name) not in ("hidden", "select"):
                value = ""  # sent empty: nothing typed or chosen
            sent.setdefault(name, []).append(value)
        for name, offered in form.options.items():
            chosen = [v for v in offered if v]
            if values is None or form.kinds.get(name) not in ("radio", "select"):
                continue  # buttons and checkboxes only as ``values`` say
            if not any(sent.get(name, [])) and chosen:
                sent[name] = chosen[:1]
        for name, value in (values or {}).items():
            if value == FIRST:  # a checkbox or button: its first value on the page
                value = [v for v in form.options.get(name, []) if v][:1]
            sent[name] = value if isinstance(value, list) else [value]
        fields = [(name, v) for name, vs in sent.items() for v in vs if v is not None]
        if form.multipart and files is None:  # a browser sends the file field, empty
            files = {form.files[0]: ("", b"", "application/octet-stream")} if form.files else None
        return self.post(persona, form.action, lang, state, fields, files=files)

    # Reading the database (random values to name, real path values) -------------------------

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        with contextlib.closing(sqlite3.connect(self.db_path)) as conn:
            return list(conn.execute(sql).fetchall())

    def ids(self, table: str, column: str = "id") -> list[str]:
        sql = f"SELECT {column} FROM {table} ORDER BY {column}"  # noqa: S608  # our own names
        return [str(r[0]) for r in self.rows(sql)]

    def report_codes(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT tracking_code FROM reports ORDER BY id")]

    def forum_codes(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT join_code FROM forums ORDER BY id")]

    def remember_pins(self, html: str) -> None:
        for pin in re.findall(r'<p class="pin"><strong[^>]*>(\d{6})</strong>', html):
            if pin not in self.pins:
                self.pins.append(pin)

    def remember(self, value: str, kind: str) -> None:
        if value and value not in self.words:
            count = sum(1 for v in self.words.values() if v.startswith("{" + kind))
            self.words[value] = f"{{{kind}-{count + 1}}}"


# Normalisation ---------------------------------------------------------------------------------


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


def _file_name(key: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._{}=-]+", "_", key).strip("_")[:150]
    return f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:10]}.txt"


# ---------------------------------------------------------------------------------------------
# What a person does.

JOURNEY: dict[str, dict[str, str | list[str]]] = {
    "type": {"type": "pengaduan"},
    "topic": {"topic": "infrastruktur"},
    "subtopic": {"subtopic": "jalan"},
    "title": {"title": "Jalan berlubang di depan pasar"},
    "details": {"details": "Lubang besar di depan pasar. Motor sering jatuh."},
    "when": {"when_kind": "date", "when_day": "3", "when_month": "11", "when_year": "2026"},
    "where": {"kecamatan": "36.03.01"},
    "village": {"desa": "36.03.01.1001"},
    "landmark": {"landmark": "Depan pasar"},
    "evidence": {"action": "continue"},
    "anonymous": {"anonim": "no"},
    "confidential": {"rahasia": "no"},
    "about-you": {"about_consent": "no"},
    "contact": {
        "contact_name": "Siti Rahma",
        "contact_email": "siti@example.org",
        "contact_phone": "0812 3456 7890",
    },
}


class Visit:
    """The people and what they do, recorded by ``Capture``."""

    def __init__(self, cap: Capture, passwords: dict[str, str]) -> None:
        self.cap = cap
        self.passwords = passwords
        self.journeys = 0

    def sign_in(self, persona: str) -> None:
        cap = self.cap
        cap.get(persona, "/staff/login", "id", "signed out")
        if persona == "admin":  # the sign-in page's errors, once
            cap.post(persona, "/staff/login", "id", "empty", [])
            cap.post(
                persona,
                "/staff/login",
                "en",
                "wrong password",
                [("username", "admin"), ("password", "not the password")],
            )
        cap.post(
            persona,
            "/staff/login",
            "id",
            "sign in",
            [("username", persona), ("password", self.passwords[persona])],
        )

    def journey(
        self,
        lang: str,
        answers: dict[str, dict[str, str | list[str]]] | None = None,
        *,
        record: bool = True,
        evidence: bool = False,
    ) -> tuple[str, str]:
        """A citizen reports, each question first sent empty (with ``record``); returns the
        tracking code and PIN from the confirmation page."""
        self.journeys += 1
        persona = f"citizen-{self.journeys}"
        cap = self.cap
        steps = {**JOURNEY, **(answers or {})}
        cap.get(persona, "/report", lang, "start" if record else "", record=record)
        slug = "type"
        seen: list[str] = []
        while slug not in ("check", "done") and slug not in seen:
            seen.append(slug)
            page = f"/report/{slug}"
            if record:
                cap.get(persona, page, lang, "empty")
                cap.submit(persona, page, page, lang, "sent empty", None)
            if slug == "evidence" and evidence:
                cap.submit(
                    persona,
                    page,
                    page,
                    lang,
                    "upload" if record else "",
                    {"action": "upload", "evidence_description": "Lubang di depan pasar"},
                    files={"evidence_file": ("foto jalan.png", _png(), "image/png")},
                )
                if record:
                    cap.get(persona, page, lang, "with a file")
            values = steps.get(slug, {})
            response = cap.submit(persona, page, page, lang, "answered", values)
            if response is None or response.status_code != 303:
                cap.skipped.append(f"journey stopped at {slug}")
                break
            slug = response.headers["location"].split("?")[0].rsplit("/", 1)[-1]
        if record:
            cap.get(persona, "/report/check", lang, "filled")
            cap.get(persona, "/report/type?return=check", lang, "changing")
        done = cap.submit(persona, "/report/check", "/report/check", lang, "send")
        text = cap_last_text(cap)  # the confirmation shows the PIN this once
        cap.get(persona, "/report/done", lang, "seen again")
        cap.remember_pins(text)
        code = re.search(r'class="tracking-code"[^>]*>([^<]+)<', text)
        pin = re.search(r'<p class="pin"><strong[^>]*>(\d{6})<', text)
        if done is None or not code or not pin:
            notes = "; ".join(cap.skipped)
            raise SystemExit(f"the report journey did not end on a confirmation ({lang}): {notes}")
        return code.group(1), pin.group(1)

    def track(self, code: str, pin: str, lang: str, full: bool) -> None:
        cap = self.cap
        persona = "citizen"
        if full:
            cap.get(persona, "/track", lang, "empty")
            cap.submit(persona, "/track", "/track", lang, "sent empty", None)
            cap.submit(persona, "/track", "/track", lang, "unknown code", {"code": "SRA-0000-00"})
            cap.submit(
                persona, "/track", "/track", lang, "wrong PIN", {"code": code, "pin": "000000"}
            )
            cap.get(persona, f"/track/{code}", lang, "without PIN")
        cap.submit(persona, "/track", "/track", lang, "code and PIN", {"code": code, "pin": pin})
        cap.get(persona, f"/track/{code}", lang, "with PIN")

    def staff_form(self, persona: str, page: str, lang: str, values: dict[str, Any]) -> Any:
        """A staff form: shown, sent empty (errors), sent filled."""
        self.cap.get(persona, page, lang, "form")
        self.cap.submit(persona, page, page, lang, "sent empty", None)
        return self.cap.submit(persona, page, page, lang, "filled", values)


def _route_values(cap: Capture, path: str) -> dict[str, list[str]]:
    codes_reports = cap.report_codes()
    return {
        "code": (
            cap.forum_codes()
            if "/forums/" in path
            else ["36.03", "36.03.01", "99.99"]
            if path.startswith("/staff/regions/")
            else [*codes_reports, "SRA-0000-00"]
        ),
        "user_id": [*cap.ids("staff_users"), "999999"],
        "agency_id": [*cap.ids("agencies")[:2], "999999"],
        "topic_id": [*cap.ids("categories")[:2], "999999"],
        "template_id": [*cap.ids("response_templates"), "999999"],
        "holiday_id": [*cap.ids("holidays")[:1], "999999"],
        "file_id": [*cap.ids("attachments"), "999999"],
        "input_id": [*cap.ids("forum_voice_inputs", "input_id"), "999999"],
        "token": [*(v for v, n in cap.words.items() if n.startswith("{token")), "x" * 20],
        "follow_up_id": cap.ids("forum_follow_ups")[:1],
        "outbox_id": cap.ids("notification_outbox")[:1],
        "year": ["2026"],
        "lang": ["id"],
        "name": ["nothing.mp3"],
        "step": [*JOURNEY, "gender", "age", "difficulty-seeing", "disability-kind", "nothing"],
    }


def _expand(route: Any, values: dict[str, list[str]]) -> Iterator[str]:
    names = list(route.param_convertors)
    paths = [route.path_format]
    for name in names:
        options = values.get(name) or ["1"]
        paths = [p.replace("{" + name + "}", v) for p in paths for v in options]
    yield from paths


def walk_routes(cap: Capture, app: Any) -> None:
    from starlette.routing import Mount, Route

    routes = []

    def collect(items: list[Any]) -> None:
        for route in items:
            if isinstance(route, Route):
                routes.append(route)
            elif isinstance(route, Mount) and getattr(route, "routes", None):
                collect(route.routes)

    collect(app.routes)
    for route in routes:
        if "GET" not in (route.methods or ()):
            continue
        if route.path.endswith("/events") or (
            route.path.startswith("/audio/") and "{name}" in route.path
        ):
            if route.path.startswith("/audio/"):
                for path in _expand(route, _route_values(cap, route.path)):
                    cap.get("citizen", path, "id", "route")
            else:
                cap.skipped.append(f"GET {route.path}: an event stream, never ends")
            continue
        for path in _expand(route, _route_values(cap, route.path)):
            for persona in PERSONAS:
                for lang in LANGS:
                    cap.get(persona, path, lang, "route")


def sweep_forms(cap: Capture) -> None:
    """Every POST form found on the pages fetched, sent empty by the persona that saw it."""
    seen: set[tuple[str, str]] = set()
    for key, page in list(cap.pages.items()):
        if "text/html" not in page.content_type:
            continue
        persona, method, path = key.split(" ", 3)[:3]
        if method != "GET":
            continue
        for form in forms_of(urlsplit(path).path, page.body.decode("utf-8", "replace")):
            action = urlsplit(form.action).path
            if form.method != "post" or action.endswith("/logout") or (persona, action) in seen:
                continue
            seen.add((persona, action))
            if action.endswith(("/join", "/state", "/new-pin", "/reset")):
                continue  # sent empty, these succeed: done on purpose elsewhere
            cap.post(persona, action, "id", "swept empty", [], follow=False)


def scenario(cap: Capture, visit: Visit) -> None:
    get, submit = cap.get, cap.submit
    for lang in LANGS:
        for path in ("/", "/help", "/preferences", "/reports", "/forums", "/track", "/report"):
            get("citizen", path, lang, "first visit")
    submit("citizen", "/preferences", "/preferences", "en", "filled", {})

    # Reports through the journey: recorded in both languages, then a few more quietly.
    reports: list[tuple[str, str]] = []
    reports.append(visit.journey("id", evidence=True))
    reports.append(
        visit.journey(
            "en",
            {
                "type": {"type": "aspirasi"},
                "about-you": {"about_consent": "yes"},
                "anonymous": {"anonim": "yes"},
            },
        )
    )
    more = [
        {"type": {"type": "permintaan_informasi"}, "confidential": {"rahasia": "yes"}},
        {"contact": {"contact_name": "", "contact_email": "", "contact_phone": ""}},
        {"when": {"when_kind": "ongoing"}},
        {"topic": {"topic": "kesehatan"}, "subtopic": {"subtopic": "puskesmas"}},
        {},
        {},
    ]
    for answers in more:
        reports.append(visit.journey("id", answers, record=False))

    for persona in STAFF:
        visit.sign_in(persona)

    codes = [c for c, _ in reports]
    dpupr = str(cap.rows("SELECT id FROM agencies WHERE slug = 'dpupr'")[0][0])
    verified, answered, held, not_ours, archived, closed = codes[0], codes[1], *codes[2:6]
    for lang in LANGS:
        for persona in STAFF:
            get(persona, "/staff", lang, "dashboard")
            get(persona, "/staff/queue", lang, "with reports")
    # Casework, first the forms with errors in both languages.
    for lang in LANGS:
        for action in ("verify", "hold", "not-ours", "archive", "new-pin"):
            page = f"/staff/reports/{codes[6]}/{action}"
            get("verifikator", page, lang, "form")
            if action != "new-pin":
                submit("verifikator", page, page, lang, "sent empty", None)
    for code in (verified, answered, closed):
        page = f"/staff/reports/{code}/verify"
        submit(
            "verifikator",
            page,
            page,
            "id",
            "filled",
            {"agency": dpupr},
        )
    for code in (answered, closed):
        page = f"/staff/reports/{code}/answer"
        submit(
            "petugas.pupr",
            page,
            page,
            "id",
            "filled",
            {"answer": "Lubang sudah kami tambal. Terima kasih."},
        )
    for lang in LANGS:
        for persona, code, action in (
            ("petugas.pupr", verified, "answer"),
            ("verifikator", answered, "close"),
        ):
            page = f"/staff/reports/{code}/{action}"
            get(persona, page, lang, "form")
            submit(persona, page, page, lang, "sent empty", None)
    submit(
        "verifikator",
        f"/staff/reports/{closed}/close",
        "/close",
        "en",
        "filled",
        {"reason": "Selesai"},
    )
    for code, action in ((held, "hold"), (not_ours, "not-ours"), (archived, "archive")):
        page = f"/staff/reports/{code}/{action}"
        submit(
            "verifikator", page, page, "id", "filled", {"reason": "Menunggu anggaran tahun depan"}
        )
    page = f"/staff/reports/{codes[7]}/new-pin"
    response = submit("verifikator", page, page, "id", "filled", {})
    if response is not None:
        cap.remember_pins(response.text)

    # Tracking with code and PIN, reply and rating.
    for lang in LANGS:
        visit.track(answered, reports[1][1], lang, full=True)
        visit.track(verified, reports[0][1], lang, full=False)
        get("citizen", f"/reports/{verified}", lang, "public")
    page = f"/track/{answered}"
    submit("citizen", page, "/reply", "id", "reply sent empty", None)
    submit("citizen", page, "/reply", "id", "reply", {"reply": "Terima kasih, sudah baik."})
    visit.track(closed, reports[5][1], "en", full=False)
    page = f"/track/{closed}"
    submit("citizen", page, "/rating", "en", "rating sent empty", None)
    submit("citizen", page, "/rating", "en", "rating", {"comment": "Cepat sekali."})
    submit("citizen", f"/reports/{verified}", "/support", "id", "support", {})

    # Intake at the desk.
    visit.staff_form(
        "verifikator",
        "/staff/intake",
        "id",
        {
            "title": "Lampu jalan mati",
            "details": "Lampu jalan mati sejak seminggu.",
            "when_kind": "ongoing",
            "contact_name": "Budi",
            "contact_phone": "0812 1111 2222",
        },
    )
    cap.remember_pins(cap_last_text(cap))

    # Admin pages.
    visit.staff_form(
        "admin",
        "/staff/templates/new",
        "en",
        {
            "label_id": "Terima kasih",
            "label_en": "Thank you",
            "text_id": "Terima kasih atas laporan Anda.",
            "text_en": "Thank you for your report.",
        },
    )
    visit.staff_form(
        "admin",
        "/staff/agencies/new",
        "id",
        {"name_id": "Bappeda", "name_en": "Planning Agency"},
    )
    visit.staff_form(
        "admin",
        "/staff/categories/new",
        "id",
        {"name_id": "Taman kota", "name_en": "City parks"},
    )
    visit.staff_form("admin", "/staff/regions/36.03.01", "en", {"name": "Balaraja (kecamatan)"})
    submit("admin", "/staff/categories", "/move", "id", "moved", {})
    visit.staff_form(
        "admin",
        "/staff/holidays",
        "id",
        {
            "name_id": "Hari jadi kabupaten",
            "name_en": "County day",
            "date_day": "28",
            "date_month": "12",
            "date_year": "2026",
        },
    )
    holidays = cap.ids("holidays")
    if holidays:
        page = f"/staff/holidays/{holidays[-1]}/remove"
        get("admin", page, "id", "form")
        submit("admin", page, page, "id", "filled", {})
    response = visit.staff_form(
        "admin",
        "/staff/users/new",
        "id",
        {"username": "budi", "full_name": "Budi Santoso", "email": "budi@example.org"},
    )
    if response is not None:
        for secret in re.findall(r"<code[^>]*>([A-Za-z0-9-]{12,})</code>", cap_last_text(cap)):
            cap.remember(secret, "password")
    users = cap.ids("staff_users")
    visit.staff_form("admin", f"/staff/users/{users[1]}", "en", {"full_name": "Verifikator Dua"})
    page = f"/staff/users/{users[2]}/reset"
    get("admin", page, "id", "form")
    submit("admin", page, page, "id", "filled", {})
    for token in re.findall(r"/staff/reset/([A-Za-z0-9_-]{20,})", cap_last_text(cap)):
        cap.remember(token, "token")
    for token in [v for v, n in cap.words.items() if n.startswith("{token")]:
        get("citizen", f"/staff/reset/{token}", "id", "reset link")
        cap.post("citizen", f"/staff/reset/{token}", "id", "sent empty", [])
    for path in ("/staff/notifications", "/staff/audit", "/staff/audit?page=2", "/staff/users"):
        for lang in LANGS:
            get("admin", path, lang, "after work")

    # Forums: set up, run and end.
    fac = "fasilitator"
    setup = {
        "title": "Musrenbang Kecamatan Balaraja",
        "agency": "",
        "format": "hybrid",
        "date_day": "17",
        "date_month": "8",
        "date_year": "2030",
        "time": "09.30",
        "place": "Aula Kecamatan Balaraja",
        "agenda": "Jalan desa\nAir bersih",
    }
    for lang in LANGS:
        get(fac, "/staff/forums/new", lang, "form")
        submit(fac, "/staff/forums/new", "/staff/forums/new", lang, "sent empty", None)
    submit(fac, "/staff/forums/new", "/staff/forums/new", "id", "filled", setup)
    submit(
        fac,
        "/staff/forums/new",
        "/staff/forums/new",
        "id",
        "second",
        {**setup, "title": "FKP Puskesmas"},
    )
    forums = cap.forum_codes()
    if forums:
        live = forums[0]
        for lang in LANGS:
            get(fac, f"/staff/forums/{live}", lang, "before start")
            get("citizen", f"/forums/{live}", lang, "before start")
        submit(fac, f"/staff/forums/{live}", "/state", "id", "start", {"state": "live"})
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "live, not joined")
        submit(
            "citizen", f"/forums/{live}", "/join", "id", "join", {"name": "Ani", "consent": FIRST}
        )
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "joined")
        submit("citizen", f"/forums/{live}", "/inputs", "id", "input sent empty", None)
        submit("citizen", f"/forums/{live}", "/inputs", "en", "input", {"text": "Antrean lama"})
        submit("citizen", f"/forums/{live}", "/inputs", "id", "input 2", {"text": "Jalan licin"})
        capture = f"/staff/forums/{live}/capture"
        submit(fac, capture, capture, "id", "captured", {"text": "Air sering mati"})
        attendance = f"/staff/forums/{live}/attendance"
        submit(
            fac,
            attendance,
            attendance,
            "en",
            "filled",
            {"total": "30", "women": "12", "youth": "8", "disability": "3"},
        )
        themes = f"/staff/forums/{live}/themes"
        submit(fac, themes, themes, "id", "theme", {"theme_title": "Jalan"})
        submit(fac, themes, "/themes/assign", "id", "assigned", {})
        outcomes = f"/staff/forums/{live}/outcomes"
        submit(fac, outcomes, "/agreed", "id", "agreed", {"point": "Jalan desa diperbaiki"})
        submit(
            fac,
            outcomes,
            "/follow-ups",
            "id",
            "follow-up",
            {"what": "Survei jalan", "due_day": "1", "due_month": "9", "due_year": "2030"},
        )
        prioritise = f"/staff/forums/{live}/prioritise"
        submit(fac, prioritise, "/dot-vote", "id", "dot vote", {"dots": "3"})
        submit("citizen", f"/forums/{live}/dots", f"/forums/{live}/dots", "id", "dots", {})
        submit(fac, prioritise, "/statements", "en", "statements", {"statement": "Jalan desa dulu"})
        facilitators = f"/staff/forums/{live}/facilitators"
        submit("admin", facilitators, facilitators, "id", "added", {})
        edit = f"/staff/forums/{live}/edit"
        submit(fac, edit, edit, "id", "edited", {**setup, "place": "Aula Desa"})
        for lang in LANGS:
            for path in ("", "/minutes", "/outcomes", "/prioritise", "/themes", "/attendance"):
                get(
                    fac,
                    f"/staff/forums/{live}{path}" if path else f"/staff/forums/{live}",
                    lang,
                    "in use",
                )
            get("citizen", f"/forums/{live}/board", lang, "in use")
        submit(fac, f"/staff/forums/{live}", "/state", "id", "end", {"state": "ended"})
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "ended")
            get(fac, f"/staff/forums/{live}/minutes", lang, "ended")

    # Error pages.
    for lang in LANGS:
        get("citizen", "/no-such-page", lang, "404")
        get("petugas.pupr", "/staff/users", lang, "403 wrong role")
        get("fasilitator", "/staff/agencies", lang, "403 wrong role")
        get("citizen", "/staff/queue", lang, "signed out")
        cap.request("citizen", "POST", "/track", lang, "403 no CSRF token", data={"code": "x"})
        cap.request("citizen", "DELETE", "/reports", lang, "405")
        cap.request("citizen", "GET", "/reports?page=%ff%fe", lang, "400 unreadable query")


def cap_last_text(cap: Capture) -> str:
    return next(reversed(cap.pages.values())).body.decode("utf-8", "replace")


def worker(checkout: Path, out: Path) -> None:
    """Runs inside the checkout's interpreter (``capture`` starts it)."""
    _SeededSecrets().install()
    sys.path.insert(0, str(checkout))
    start = dt.datetime.now(dt.UTC)
    from starlette.testclient import TestClient

    import gesi_app
    from gesi_app.app import create_app
    from gesi_app.settings import Settings

    if not Path(gesi_app.__file__).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"gesi_app imported from {gesi_app.__file__}, not from {checkout}")

    factories = _detect("tests.factories", "tests.support.factories")
    conftest = _detect("tests.conftest")  # its make_settings: the test settings (cheap Argon2)
    databases = _detect("tests.databases", "tests.support.databases")

    with tempfile.TemporaryDirectory(prefix="page-snapshot-") as tmp:
        folder = Path(tmp)
        template = databases.sqlite_template(folder / "template")
        url = databases.fresh_sqlite(template, folder)
        seeded = factories.seed(url)
        settings = conftest.make_settings(
            folder / "data",
            url,
            GESI_REPORTS_PER_HOUR="1000000",
            GESI_FORUM_POSTS_PER_MINUTE="1000000",
            GESI_DOWNLOADS_PER_HOUR="1000000",
        )
        assert isinstance(settings, Settings)
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            cap = Capture(client, Path(url.split("///", 1)[1]), settings.timezone)
            visit = Visit(cap, seeded.new_passwords)
            scenario(cap, visit)
            walk_routes(cap, app)
            sweep_forms(cap)
            for persona in STAFF:  # last: signing out ends the sessions the rest needed
                cap.post(persona, "/staff/logout", "id", "sign out")
            end = dt.datetime.now(dt.UTC)
            words = dict(cap.words)
            for number, code in zip(cap.ids("reports"), cap.report_codes(), strict=True):
                words[code] = f"{{report-{number}}}"
                words[" ".join(ch for ch in code if ch != "-")] = f"{{report-{number} spelled}}"
            for number, code in zip(cap.ids("forums"), cap.forum_codes(), strict=True):
                words[code] = f"{{forum-{number}}}"
            for number, pin in enumerate(cap.pins, 1):
                words[pin] = f"{{pin-{number}}}"
                words[" ".join(pin)] = f"{{pin-{number} spelled}}"
            normaliser = Normaliser(
                sorted(words.items(), key=lambda kv: -len(kv[0])), start, end, cap.zone
            )
            write(out, cap, normaliser, start, end, settings.timezone)


def write(
    out: Path,
    cap: Capture,
    normaliser: Normaliser,
    start: dt.datetime,
    end: dt.datetime,
    timezone: str,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    lines = []
    names: set[str] = set()
    for page in cap.pages.values():
        key = page.key
        for value, name in normaliser.replacements:
            key = key.replace(value, name)
        if key in names:
            continue
        names.add(key)
        location = normaliser.text(page.location)
        head = f"{page.status} {page.content_type}\nlocation: {location}\n\n".encode()
        body = normaliser.body(page)
        file = _file_name(key)
        (out / file).write_bytes(head + body)
        digest = hashlib.sha256(head + body).hexdigest()[:16]
        lines.append(f"{key}\t{page.status}\t{digest}\t{file}")
    (out / INDEX).write_text("\n".join(lines) + "\n")
    digests = [line.split("\t") for line in lines]
    skipped = [normaliser.text(note) for note in cap.skipped]
    meta = {
        "pages": len(lines),
        "different_contents": len({d[2] for d in digests}),
        "different_200_contents": len({d[2] for d in digests if d[1] == "200"}),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "site_date": start.astimezone(zoneinfo.ZoneInfo(timezone)).date().isoformat(),
        "skipped": skipped,
    }
    (out / META).write_text(json.dumps(meta, indent=1) + "\n")
    print(
        f"{len(lines)} pages written to {out} ({meta['different_contents']} different contents, "
        f"{meta['different_200_contents']} of them with status 200)"
    )
    for note in skipped:
        print(f"  not fetched: {note}")


# ---------------------------------------------------------------------------------------------
# The two modes.


def capture(checkout: Path, out: Path, python: str) -> int:
    checkout, out = checkout.resolve(), out.resolve()
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    for key in [k for k in env if k.startswith("GESI_")]:
        del env[key]
    run: Callable[..., Any] = subprocess.run
    run([python, "scripts/messages.py", "compile"], cwd=checkout, env=env, check=True)
    done = run(
        [python, str(Path(__file__).resolve()), "_worker", str(checkout), str(out)],
        cwd=checkout,
        env=env,
    )
    return int(done.returncode)


def read_index(folder: Path) -> dict[str, tuple[str, str]]:
    pages = {}
    for line in (folder / INDEX).read_text().splitlines():
        key, _status, digest, file = line.split("\t")
        pages[key] = (digest, file)
    return pages


def compare(a: Path, b: Path, diffs: int) -> int:
    for folder in (a, b):
        if not (folder / META).is_file():
            print(f"{folder} holds no finished capture (no {META})")
            return 2
    meta_a = json.loads((a / META).read_text())
    meta_b = json.loads((b / META).read_text())
    if meta_a["site_date"] != meta_b["site_date"]:
        print(
            f"captured on different days ({meta_a['site_date']}, {meta_b['site_date']}): dates "
            "on the pages would differ; capture both again on one day"
        )
        return 2
    left, right = read_index(a), read_index(b)
    common = [k for k in left if k in right]
    differing = [
        k for k in common if (a / left[k][1]).read_bytes() != (b / right[k][1]).read_bytes()
    ]
    only_a = [k for k in left if k not in right]
    only_b = [k for k in right if k not in left]
    print(f"pages compared: {len(common)}")
    print(f"identical: {len(common) - len(differing)}")
    print(f"differing: {len(differing)}")
    for key in differing:
        print(f"  {key}")
    for key in differing[:diffs]:
        old = (a / left[key][1]).read_text(errors="replace").splitlines()
        new = (b / right[key][1]).read_text(errors="replace").splitlines()
        print(f"\n--- {key}")
        sys.stdout.writelines(
            line + "\n" for line in difflib.unified_diff(old, new, str(a), str(b), lineterm="", n=2)
        )
    print(f"only in {a}: {len(only_a)}")
    for key in only_a:
        print(f"  {key}")
    print(f"only in {b}: {len(only_b)}")
    for key in only_b:
        print(f"  {key}")
    return 1 if differing or only_a or only_b else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    cap = sub.add_parser("capture", help="render every page of a checkout into a folder")
    cap.add_argument("checkout", type=Path)
    cap.add_argument("out", type=Path)
    cap.add_argument("--python", default=sys.executable, help="interpreter with the app's deps")
    cmp = sub.add_parser("compare", help="compare two captures")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    cmp.add_argument("--diffs", type=int, default=5, help="unified diffs to print")
    work = sub.add_parser("_worker")
    work.add_argument("checkout", type=Path)
    work.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.mode == "capture":
        return capture(args.checkout, args.out, args.python)
    if args.mode == "compare":
        return compare(args.a, args.b, args.diffs)
    worker(args.checkout, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
