"""Parsing the lookup, reply and rating forms: typed input, or field errors (translated)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.datastructures import FormData

from gesi_app.i18n import gettext
from gesi_app.reports.codes import normalise_code
from gesi_app.tracking.service import COMMENT_LIMIT, REPLY_LIMIT

Errors = dict[str, str]
_PIN = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class Lookup:
    code: str  # canonical, e.g. SRA-7K4Q-2M
    pin: str


@dataclass(frozen=True)
class RatingInput:
    score: int
    comment: str | None


def _text(form: FormData, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def parse_lookup(form: FormData) -> Lookup | Errors:
    typed_code = _text(form, "code").strip()
    pin = re.sub(r"[\s\-]", "", _text(form, "pin"))
    errors: Errors = {}
    code = normalise_code(typed_code) if typed_code else None
    if not typed_code:
        errors["code"] = gettext("Enter your tracking code")
    elif code is None:
        errors["code"] = gettext(
            "Enter the tracking code as it was given to you, for example SRA-7K4Q-2M"
        )
    if not pin:
        errors["pin"] = gettext("Enter your PIN. It has 6 digits and came with your tracking code")
    elif not _PIN.match(pin):
        errors["pin"] = gettext("Enter the PIN as 6 digits, for example 123456")
    if errors or code is None:
        return errors
    return Lookup(code=code, pin=pin)


def parse_reply(form: FormData) -> str | Errors:
    text = _text(form, "reply").replace("\r\n", "\n")
    if not text.strip():
        return {"reply": gettext("Write your reply")}
    if len(text) > REPLY_LIMIT:
        return {"reply": gettext("Make your reply 5000 characters or fewer")}
    return text.strip()


def parse_rating(form: FormData) -> RatingInput | Errors:
    score = _text(form, "score").strip()
    comment = _text(form, "comment").replace("\r\n", "\n").strip()
    errors: Errors = {}
    if score not in ("1", "2", "3", "4", "5"):
        errors["score"] = gettext("Choose how good the answer was")
    if len(comment) > COMMENT_LIMIT:
        errors["comment"] = gettext("Make your comment 1000 characters or fewer")
    if errors:
        return errors
    return RatingInput(score=int(score), comment=comment or None)
