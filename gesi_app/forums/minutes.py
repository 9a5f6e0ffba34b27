"""The minutes (Berita Acara): inputs by agenda item, the CSV of inputs, and making an input a
tracked report."""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app import clock
from gesi_app.accounts import audit
from gesi_app.accounts.models import StaffUser
from gesi_app.db.base import aware
from gesi_app.forums.facilitators import require_facilitator
from gesi_app.forums.models import AgendaItem, Forum, ForumInput, InputSource
from gesi_app.forums.participation import inputs_of
from gesi_app.passwords import Hasher
from gesi_app.reports.collective import Collective
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Channel, Report, ReportType, WhenKind
from gesi_app.reports.service import NewReport, submit_report

TITLE_MAX = 150


@dataclass(frozen=True)
class Section:
    item: AgendaItem
    inputs: Sequence[ForumInput]


def sections_of(forum: Forum, everything: Sequence[ForumInput]) -> list[Section]:
    """Each agenda item with its inputs (all of ``forum``'s, in the order they came); an input
    merged into another as a duplicate is listed (and counted) only with that other one."""
    inputs = [i for i in everything if i.merged_into_id is None]
    return [
        Section(item, [i for i in inputs if i.agenda_item_id == item.id]) for item in forum.agenda
    ]


async def sections(session: AsyncSession, forum: Forum) -> list[Section]:
    """``sections_of`` the forum's inputs."""
    return sections_of(forum, await inputs_of(session, forum))


def merged_counts(everything: Sequence[ForumInput]) -> dict[int, int]:
    """Input id -> how many duplicates were merged into it."""
    counts: dict[int, int] = {}
    for item in everything:
        if item.merged_into_id is not None:
            counts[item.merged_into_id] = counts.get(item.merged_into_id, 0) + 1
    return counts


async def report_codes(session: AsyncSession, forum: Forum) -> dict[int, str]:
    """Input id -> tracking code of the report made from it."""
    rows = await session.execute(
        select(ForumInput.id, Report.tracking_code)
        .join(Report, Report.id == ForumInput.report_id)
        .where(ForumInput.forum_id == forum.id)
    )
    return {row[0]: row[1] for row in rows.all()}


def inputs_csv(
    forum: Forum,
    parts: Sequence[Section],
    codes: dict[int, str],
    headers: Sequence[str],
    sources: dict[InputSource, str],
    timezone: str,
) -> str:
    """One row an input: number, agenda item, time, text, who wrote it down, report code.

    No segment columns: who said what by segment stays out of a file that travels.
    """
    tz = zoneinfo.ZoneInfo(timezone)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    number = 0
    for part in parts:
        for item in part.inputs:
            number += 1
            local = aware(item.created_at).astimezone(tz)
            text = item.text
            if text[:1] in ("=", "+", "-", "@"):  # a spreadsheet must not run it as a formula
                text = "'" + text
            writer.writerow(
                [
                    number,
                    part.item.title,
                    local.strftime("%Y-%m-%d %H:%M"),
                    text,
                    sources[item.source],
                    codes.get(item.id, ""),
                ]
            )
    return out.getvalue()


class AlreadyReported(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


async def forum_report(
    session: AsyncSession,
    forum: Forum,
    title: str,
    description: str,
    *,
    locale: str,
    timezone: str,
    deadlines: Deadlines,
    hasher: Hasher,
    collective: Collective | None = None,
) -> Report:
    """Store (and commit) a tracked report that came from ``forum``: an aspiration, anonymous
    (the forum kept no contact to answer to) and public like the board it was shown on, dated
    the forum's day. Staff may still raise its privacy later. Sent on behalf of a group
    (``collective``), it shows the group's name, so it is not anonymous."""
    starts = aware(forum.starts_at).astimezone(zoneinfo.ZoneInfo(timezone))
    submitted = await submit_report(
        session,
        NewReport(
            type=ReportType.ASPIRASI,
            title=title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…",
            description=description,
            when_kind=WhenKind.DATE,
            occurred_on=min(starts.date(), clock.today(timezone)),
            anonim=collective is None,
            rahasia=False,
            channel=Channel.FORUM,
            locale=locale,
            collective=collective,
        ),
        hasher=hasher,
        timezone=timezone,
        deadlines=deadlines,
    )
    return submitted.report


async def make_report(
    session: AsyncSession,
    user: StaffUser,
    forum: Forum,
    input_id: int,
    *,
    locale: str,
    timezone: str,
    deadlines: Deadlines,
    hasher: Hasher,
    ip: str | None = None,
) -> Report:
    """A tracked report (channel forum) from one input, linked to it and audited.

    The report is an aspiration, anonymous (the forum kept no contact to answer to) and public
    like the board it was shown on; staff may still raise its privacy later.
    """
    await require_facilitator(session, user, forum)
    item = await session.scalar(
        select(ForumInput)
        .where(ForumInput.id == input_id, ForumInput.forum_id == forum.id)
        .with_for_update()
    )
    if item is None:
        raise LookupError(input_id)
    if item.report_id is not None:
        code = await session.scalar(select(Report.tracking_code).where(Report.id == item.report_id))
        raise AlreadyReported(code or "")
    agenda = next(a for a in forum.agenda if a.id == item.agenda_item_id)
    report = await forum_report(
        session,
        forum,
        f"{agenda.title} – {forum.title}",
        item.text,
        locale=locale,
        timezone=timezone,
        deadlines=deadlines,
        hasher=hasher,
    )
    item = await session.get_one(ForumInput, input_id)
    item.report_id = report.id
    await audit.record(
        session,
        user,
        audit.Action.FORUM_INPUT_REPORTED,
        "forum",
        forum.join_code,
        after={"input": input_id, "report": report.tracking_code},
        ip=ip,
    )
    await session.commit()
    return report
