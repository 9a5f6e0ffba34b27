"""Reading the list filters: every bad value is dropped or corrected, never an error."""

from __future__ import annotations

import pytest

from gesi_app.public.forms import parse_filters, query_of
from gesi_app.public.service import Filters
from gesi_app.reports.models import ReportType, Status

TOPICS = frozenset({"infrastruktur", "jalan"})
AREAS = frozenset({"36.03.01", "36.03.18"})


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, Filters()),
        ({"type": "aspirasi"}, Filters(type=ReportType.ASPIRASI)),
        ({"type": "permintaan_informasi"}, Filters(type=ReportType.PERMINTAAN_INFORMASI)),
        ({"type": "Pengaduan"}, Filters()),
        ({"type": ""}, Filters()),
        ({"topic": "jalan"}, Filters(topic="jalan")),
        ({"topic": " infrastruktur "}, Filters(topic="infrastruktur")),
        ({"topic": "no-such-topic"}, Filters()),
        ({"area": "36.03.18"}, Filters(area="36.03.18")),
        ({"area": "36.03.1"}, Filters()),
        ({"area": "36.03.01.1001"}, Filters()),
        ({"area": "%"}, Filters()),
        ({"status": "selesai"}, Filters(status=Status.SELESAI)),
        ({"status": "closed"}, Filters()),
        ({"q": "  jalan   rusak "}, Filters(q="jalan rusak")),
        ({"q": "x" * 150}, Filters(q="x" * 100)),
        ({"page": "3"}, Filters(page=3)),
        ({"page": "0"}, Filters(page=1)),
        ({"page": "-2"}, Filters(page=1)),
        ({"page": "abc"}, Filters(page=1)),
        ({"page": "2.5"}, Filters(page=1)),
        ({"page": "٣"}, Filters(page=1)),  # an Arabic-Indic digit is not a page number
        ({"page": "9" * 40}, Filters(page=1_000_000)),
        (
            {"type": "pengaduan", "topic": "jalan", "area": "36.03.01", "status": "diterima"},
            Filters(
                type=ReportType.PENGADUAN, topic="jalan", area="36.03.01", status=Status.DITERIMA
            ),
        ),
    ],
)
def test_parse_filters(params: dict[str, str], expected: Filters) -> None:
    assert parse_filters(params, TOPICS, AREAS) == expected


@pytest.mark.parametrize(
    ("filters", "page", "expected"),
    [
        (Filters(), 1, {}),
        (Filters(), 2, {"page": "2"}),
        (
            Filters(type=ReportType.ASPIRASI, q="air", page=3),
            2,
            {"type": "aspirasi", "q": "air", "page": "2"},
        ),
        (
            Filters(topic="jalan", area="36.03.01", status=Status.SELESAI),
            None,
            {"topic": "jalan", "area": "36.03.01", "status": "selesai"},
        ),
    ],
)
def test_query_of_keeps_only_chosen_filters(
    filters: Filters, page: int | None, expected: dict[str, str]
) -> None:
    assert query_of(filters, page) == expected


def test_active_means_some_filter_is_chosen() -> None:
    assert not Filters(page=4).active
    assert Filters(q="air").active
    assert Filters(status=Status.DITUNDA).active
