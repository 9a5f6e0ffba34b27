"""Plain-language names of report types and statuses, and counted phrases, in the request's
language. Counts go through Babel so that 1234 reads "1.234" in Indonesian."""

from __future__ import annotations

from babel.numbers import format_decimal
from babel.support import LazyProxy

from gesi_app.i18n import get_locale, gettext, lazy_gettext, ngettext
from gesi_app.reports.models import ReportType, Status

TYPE_LABELS: dict[ReportType, LazyProxy] = {
    ReportType.PENGADUAN: lazy_gettext("Complaint"),
    ReportType.ASPIRASI: lazy_gettext("Aspiration"),
    ReportType.PERMINTAAN_INFORMASI: lazy_gettext("Information request"),
}

STATUS_LABELS: dict[Status, LazyProxy] = {
    Status.DITERIMA: lazy_gettext("Received"),
    Status.TERVERIFIKASI: lazy_gettext("Verified"),
    Status.DITINDAKLANJUTI: lazy_gettext("Answered"),
    Status.SELESAI: lazy_gettext("Closed"),
    Status.DITUNDA: lazy_gettext("On hold"),
    Status.BUKAN_WEWENANG: lazy_gettext("Not our authority"),
    Status.DIARSIPKAN: lazy_gettext("Archived"),
}


def _number(n: int) -> str:
    return format_decimal(n, locale=get_locale())


def reports_found(n: int) -> str:
    return ngettext("%(num)s report", "%(num)s reports", n, num=_number(n))


def supporters(n: int) -> str:
    if n == 0:
        return gettext("No one supports this report yet.")
    return ngettext(
        "%(num)s person supports this report.",
        "%(num)s people support this report.",
        n,
        num=_number(n),
    )


def support_count(n: int) -> str:
    """The short form for a list: "12 supporters"."""
    return ngettext("%(num)s supporter", "%(num)s supporters", n, num=_number(n))


def you_support(n: int) -> str:
    return gettext("You support this report.") + " " + supporters(n)


def support_not_counted(reason: str) -> str:
    """Why a support was not counted (public.service.SupportNotCounted's reason)."""
    if reason == "today":
        return gettext(
            "Your support was not counted: a support for this report already came from "
            "your internet connection today."
        )
    return gettext(
        "Your support was not counted: many supports came from your internet connection "
        "in the last hour. Try again later."
    )
