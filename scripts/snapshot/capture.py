"""The capture: requests as each persona, recorded page by page (runs inside the checkout's
interpreter).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from snapshot.forms import Form, forms_of

LANGS = ("id", "en")
PERSONAS = ("citizen", "admin", "verifikator", "petugas.pupr", "fasilitator")
STAFF = PERSONAS[1:]
FIRST = "<first offered>"  # in ``Capture.submit`` values: the first value the page offers


@dataclass
class Page:
    key: str
    status: int
    content_type: str
    location: str
    body: bytes


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


def cap_last_text(cap: Capture) -> str:
    return next(reversed(cap.pages.values())).body.decode("utf-8", "replace")
