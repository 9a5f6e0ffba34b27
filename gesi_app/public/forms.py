"""Reading the filters of the public reports list from the query string.

Filters never produce an error page: a value we do not know is dropped, a bad page number
becomes page 1 (and a page past the end becomes the last page, in the service).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gesi_app.categories.service import TopicGroup
from gesi_app.i18n import gettext
from gesi_app.public.labels import STATUS_LABELS, TYPE_LABELS
from gesi_app.public.service import Filters
from gesi_app.regions.models import Region
from gesi_app.reports.models import ReportType, Status
from gesi_app.web.forms import Choice
from gesi_app.web.numbers import parse_int

MAX_QUERY = 100
MAX_PAGE = 1_000_000


def _type(value: str) -> ReportType | None:
    return next((t for t in ReportType if t.value == value), None)


def _status(value: str) -> Status | None:
    return next((s for s in Status if s.value == value), None)


def _page(value: str) -> int:
    return parse_int(value.strip(), minimum=1, maximum=MAX_PAGE, clamp=True) or 1


def parse_filters(
    params: Mapping[str, str], topic_slugs: frozenset[str], area_codes: frozenset[str]
) -> Filters:
    """The filters named in ``params``, keeping only values we know."""
    topic = params.get("topic", "").strip()
    area = params.get("area", "").strip()
    return Filters(
        type=_type(params.get("type", "").strip()),
        topic=topic if topic in topic_slugs else None,
        area=area if area in area_codes else None,
        status=_status(params.get("status", "").strip()),
        q=" ".join(params.get("q", "").split())[:MAX_QUERY],
        page=_page(params.get("page", "")),
    )


def query_of(filters: Filters, page: int | None = None) -> dict[str, str]:
    """The query string for these filters (only those chosen), e.g. for the page links."""
    query = {
        "type": filters.type.value if filters.type else "",
        "topic": filters.topic or "",
        "area": filters.area or "",
        "status": filters.status.value if filters.status else "",
        "q": filters.q,
    }
    chosen = {k: v for k, v in query.items() if v}
    if page is not None and page > 1:
        chosen["page"] = str(page)
    return chosen


def type_choices() -> list[Choice]:
    return [Choice("", gettext("All types"))] + [
        Choice(t.value, str(label)) for t, label in TYPE_LABELS.items()
    ]


def status_choices() -> list[Choice]:
    return [Choice("", gettext("All statuses"))] + [
        Choice(s.value, str(label)) for s, label in STATUS_LABELS.items()
    ]


def topic_groups(tree: Sequence[TopicGroup], locale: str) -> list[tuple[str, list[Choice]]]:
    """One option group per top-level topic: the whole topic first, then its sub-topics."""
    groups: list[tuple[str, list[Choice]]] = []
    for group in tree:
        name = group.parent.name(locale)
        options = [Choice(group.parent.slug, gettext("All of %(topic)s", topic=name))]
        options += [Choice(c.slug, c.name(locale)) for c in group.children]
        groups.append((name, options))
    return groups


def area_choices(areas: Sequence[Region]) -> list[Choice]:
    return [Choice("", gettext("All areas"))] + [Choice(a.code, a.name) for a in areas]
