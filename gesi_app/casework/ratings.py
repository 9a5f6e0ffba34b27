"""The reporter's rating of the answer, for staff: on the report's page (score in words and the
comment) and beside each report in the queue, so an agency sees how its answers were taken.

Only reports the staff member may see: the queue and the report page ask for ratings of the
reports they already show, and ``rating_for`` checks again.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.support import LazyProxy
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import StaffUser
from gesi_app.casework.access import can_see_report
from gesi_app.i18n import lazy_gettext
from gesi_app.reports.models import Rating, Report

MAX_SCORE = 5
# The words the reporter chose from on the tracking page (tracking/_rating.html): the same
# messages, so staff read exactly what the reporter saw.
SCORE_LABELS: dict[int, LazyProxy] = {
    1: lazy_gettext("1 – Very bad"),
    2: lazy_gettext("2 – Bad"),
    3: lazy_gettext("3 – Neither good nor bad"),
    4: lazy_gettext("4 – Good"),
    5: lazy_gettext("5 – Very good"),
}


def score_labels() -> dict[int, str]:
    """Each score in words, in the request's language."""
    return {score: str(label) for score, label in SCORE_LABELS.items()}


async def rating_for(session: AsyncSession, user: StaffUser, report: Report) -> Rating | None:
    """The reporter's rating of ``report``, if they rated and ``user`` may see the report."""
    if not can_see_report(user, report):
        return None
    return await session.get(Rating, report.id)


async def ratings_of(session: AsyncSession, report_ids: Sequence[int]) -> dict[int, Rating]:
    """The ratings of these reports (those the queue shows), by report id."""
    if not report_ids:
        return {}
    rows = await session.scalars(select(Rating).where(Rating.report_id.in_(list(report_ids))))
    return {rating.report_id: rating for rating in rows}
