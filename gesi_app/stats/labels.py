"""Words of the statistics page in the request's language: counts as shown ("<5" for a small
count), shares and working days through Babel, and the headline sentence of each group."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent
from babel.support import LazyProxy

from gesi_app.i18n import get_locale, gettext, lazy_gettext
from gesi_app.stats.gesi import Baseline, GroupLine, Part
from gesi_app.stats.models import Segment
from gesi_app.stats.suppression import Hidden, Shown

GROUPS: dict[Segment, LazyProxy] = {
    Segment.WOMEN: lazy_gettext("Women"),
    Segment.YOUTH: lazy_gettext("Youth (16–30)"),
    Segment.DISABILITY: lazy_gettext("People with disabilities"),
}

CATEGORIES: dict[str, dict[str, LazyProxy]] = {
    "gender": {
        "yes": lazy_gettext("Women"),
        "no": lazy_gettext("Men"),
        "not_stated": lazy_gettext("Not stated"),
    },
    "youth": {
        "yes": lazy_gettext("Youth (16–30)"),
        "no": lazy_gettext("Other ages"),
        "not_stated": lazy_gettext("Not stated"),
    },
    "disability": {
        "yes": lazy_gettext("With a disability"),
        "no": lazy_gettext("Without a disability"),
        "not_stated": lazy_gettext("Not stated"),
    },
    "difficulty": {
        "none": lazy_gettext("No difficulty"),
        "some": lazy_gettext("Some difficulty"),
        "a_lot": lazy_gettext("A lot of difficulty or cannot do at all"),
        "not_stated": lazy_gettext("Not stated"),
    },
}

SEGMENT_TITLES: dict[str, LazyProxy] = {
    "gender": lazy_gettext("Reports by gender and area"),
    "youth": lazy_gettext("Reports by age and area"),
    "disability": lazy_gettext("Reports by disability and area"),
    "difficulty": lazy_gettext("Reports by level of difficulty and area"),
}


def count(value: Shown | None) -> str:
    """A count as shown: the number, "<5", or "hidden" (hidden so a small one stays hidden)."""
    if value is None:
        return "–"
    if value is Hidden.SMALL:
        return "<5"
    if value is Hidden.COMPLEMENT:
        return gettext("hidden")
    return format_decimal(value, locale=get_locale())


def share(value: float | None) -> str:
    if value is None:
        return "–"
    return format_percent(value, "#,##0.0%", locale=get_locale())


def days(value: float | None) -> str:
    if value is None:
        return "–"
    return format_decimal(value, "#,##0.#", locale=get_locale())


def population(baseline: Baseline | None) -> str:
    if baseline is None:
        return gettext("no population figure yet")
    return gettext("about %(share)s of the population", share=share(baseline.share))


def _of_reports(part: Part, people: bool = False) -> str:
    if part.count is Hidden.SMALL:
        return gettext("fewer than 5 people") if people else gettext("fewer than 5 reports")
    if isinstance(part.count, int) and isinstance(part.total, int) and part.total:
        if people:  # collective reports count the people they speak for
            return gettext(
                "%(count)s of %(total)s people (%(share)s)",
                count=count(part.count),
                total=count(part.total),
                share=share(part.share),
            )
        return gettext(
            "%(count)s of %(total)s reports (%(share)s)",
            count=count(part.count),
            total=count(part.total),
            share=share(part.share),
        )
    return gettext("too few reports to show")


def headline(line: GroupLine, people: bool = False) -> str:
    """ "People with disabilities: 12 of 1,000 reports (1.2%); about 8.5% of the population.\"
    With collective reports among the counted (``people``), the counts are of people."""
    return gettext(
        "%(group)s: %(reports)s; %(population)s.",
        group=str(GROUPS[line.group]),
        reports=_of_reports(line.reports, people),
        population=population(line.baseline),
    )


def baseline_source(baseline: Baseline | None) -> str:
    if baseline is None:
        return ""
    if baseline.national:
        return gettext(
            "National estimate, %(year)s: %(source)s", year=baseline.year, source=baseline.source
        )
    return gettext("%(year)s: %(source)s", year=baseline.year, source=baseline.source)
