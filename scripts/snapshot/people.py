"""What a person does: staff sign in, a citizen reports and tracks, staff forms."""

from __future__ import annotations

import re
from typing import Any

from snapshot.answers import JOURNEY
from snapshot.capture import Capture, cap_last_text


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
