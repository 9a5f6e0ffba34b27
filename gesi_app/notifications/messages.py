"""The words of each notification, in the reporter's language: an email (subject and body)
and an SMS of at most 160 characters. Plain language (GLOSSARY.md): short sentences, what
happens next, and the deadline in working days."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from gesi_app.i18n import get_locale, gettext, set_locale
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Status

SMS_LIMIT = 160

# Which status changes the reporter hears about, and the outbox kind of each.
KINDS: dict[Status, str] = {
    Status.TERVERIFIKASI: "verified",
    Status.DITINDAKLANJUTI: "answered",
    Status.SELESAI: "closed",
}


@dataclass(frozen=True)
class Notice:
    subject: str
    body: str
    sms: str


@contextlib.contextmanager
def in_language(locale: str) -> Iterator[None]:
    """Translate in ``locale`` for a while (a job or a staff request may be in another one)."""
    previous = get_locale()
    set_locale(locale)
    try:
        yield
    finally:
        set_locale(previous)


def _verified(code: str, link: str, agency: str | None, deadlines: Deadlines) -> Notice:
    days = deadlines.answer
    if agency:
        first = gettext(
            "Your report %(code)s has been checked and sent to %(agency)s.",
            code=code,
            agency=agency,
        )
        sms = gettext(
            "Report %(code)s was checked and sent to %(agency)s. "
            "Answer within %(days)s working days. %(link)s",
            code=code,
            agency=agency,
            days=days,
            link=link,
        )
    else:
        first = gettext("Your report %(code)s has been checked.", code=code)
        sms = ""
    if len(sms) > SMS_LIMIT or not sms:  # a long agency name: the SMS leaves it out
        sms = gettext(
            "Report %(code)s was checked. Answer within %(days)s working days. %(link)s",
            code=code,
            days=days,
            link=link,
        )
    body = "\n\n".join(
        [
            first,
            gettext("The agency will answer within %(days)s working days.", days=days),
            gettext("See your report here: %(link)s", link=link),
        ]
    )
    subject = gettext("Your report %(code)s has been checked", code=code)
    return Notice(subject=subject, body=body, sms=sms)


def _answered(code: str, link: str, agency: str | None, deadlines: Deadlines) -> Notice:
    days = deadlines.auto_close
    if agency:
        first = gettext(
            "Your report %(code)s has an answer from %(agency)s.", code=code, agency=agency
        )
    else:
        first = gettext("Your report %(code)s has an answer.", code=code)
    body = "\n\n".join(
        [
            first,
            gettext("Read the answer here: %(link)s", link=link),
            gettext(
                "Not happy with the answer? Reply within %(days)s working days. "
                "If you do not reply, your report will be closed.",
                days=days,
            ),
        ]
    )
    sms = gettext(
        "Report %(code)s has an answer. Read it and reply within %(days)s working days: %(link)s",
        code=code,
        days=days,
        link=link,
    )
    subject = gettext("Your report %(code)s has an answer", code=code)
    return Notice(subject=subject, body=body, sms=sms)


def _closed(code: str, link: str, agency: str | None, _deadlines: Deadlines) -> Notice:
    body = "\n\n".join(
        [
            gettext("Your report %(code)s is closed.", code=code),
            gettext("You can still read it and rate the answer here: %(link)s", link=link),
            gettext("Thank you for your report."),
        ]
    )
    sms = gettext(
        "Report %(code)s is closed. Read it and rate the answer: %(link)s", code=code, link=link
    )
    subject = gettext("Your report %(code)s is closed", code=code)
    return Notice(subject=subject, body=body, sms=sms)


_BUILDERS = {"verified": _verified, "answered": _answered, "closed": _closed}


def tracking_link(base_url: str, code: str) -> str:
    return f"{base_url.rstrip('/')}/track/{code}"


def desk_link(base_url: str, code: str) -> str:
    """The report on its group's desk, where the group's representatives follow it."""
    return f"{base_url.rstrip('/')}/staff/desk/{code}"


def compose(
    kind: str,
    *,
    code: str,
    base_url: str,
    agency: str | None,
    locale: str,
    deadlines: Deadlines,
    link: str | None = None,
) -> Notice:
    """The notice of ``kind`` for a report, in ``locale``, with its tracking link (or
    ``link``: the group's desk, for its representatives)."""
    with in_language(locale):
        return _BUILDERS[kind](code, link or tracking_link(base_url, code), agency, deadlines)


# The reporter's key (tracking/keys.py). These bodies carry a PIN: the outbox empties them
# once they are sent (delivery.py), and nothing logs them.
KEY_KINDS = frozenset({"reporter_key", "reporter_key_new"})


def lookup_link(base_url: str, code: str) -> str:
    """The page where the reporter types the code (filled in) and the PIN."""
    return f"{base_url.rstrip('/')}/track?code={code}"


def _key_texts(kind: str, code: str, pin: str, link: str) -> Notice:
    if kind == "reporter_key":
        subject = gettext("Your report %(code)s: your PIN", code=code)
        first = gettext("We received your report %(code)s.", code=code)
        second = gettext("Your PIN is %(pin)s.", pin=pin)
        sms = gettext(
            "Report %(code)s received. PIN %(pin)s: keep it with the code to follow your "
            "report. Do not share it.",
            code=code,
            pin=pin,
        )
    else:
        subject = gettext("A new PIN for your report %(code)s", code=code)
        first = gettext("Your report %(code)s has a new PIN: %(pin)s.", code=code, pin=pin)
        second = gettext("An older PIN no longer works.")
        sms = gettext(
            "Report %(code)s has a new PIN: %(pin)s. Keep it with the code to follow your "
            "report. Do not share it.",
            code=code,
            pin=pin,
        )
    body = "\n\n".join(
        [
            first,
            second,
            gettext(
                "To see answers, reply or rate, you need the tracking code and this PIN. "
                "Keep them both, and do not share the PIN."
            ),
            gettext("Follow your report here: %(link)s", link=link),
        ]
    )
    if len(sms) + 1 + len(link) <= SMS_LIMIT:
        sms = f"{sms} {link}"
    return Notice(subject=subject, body=body, sms=sms)


def compose_key(kind: str, *, code: str, pin: str, base_url: str, locale: str) -> Notice:
    """The message that gives a reporter their PIN: ``reporter_key`` for a new report,
    ``reporter_key_new`` for a new PIN (given by staff, or to a report sent before PINs)."""
    if kind not in KEY_KINDS:
        raise ValueError(kind)
    with in_language(locale):
        return _key_texts(kind, code, pin, lookup_link(base_url, code))
