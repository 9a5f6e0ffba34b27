"""The report journey's rules over a draft: choices to offer, answers to store, the summary to
check, and turning a complete draft into a stored report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.categories.models import Category
from gesi_app.categories.service import topic_tree
from gesi_app.db.base import utcnow
from gesi_app.passwords import Hasher
from gesi_app.regions.models import Region
from gesi_app.regions.service import children, get_region, top_regions
from gesi_app.reports import collective, journey
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.forms import Options
from gesi_app.reports.models import Channel, Draft, ReportType, WhenKind
from gesi_app.reports.questions import DONT_KNOW, QUESTIONS
from gesi_app.reports.recordings import recording_summary
from gesi_app.reports.service import NewReport, Segment, Submitted, submit_report
from gesi_app.web.forms import Choice


class DraftIncomplete(Exception):
    """A required question has no answer yet; the slug names the first one."""

    def __init__(self, slug: str) -> None:
        super().__init__(slug)
        self.slug = slug


@dataclass(frozen=True)
class Offer:
    """What a question page offers: the valid options and the choices to draw."""

    options: Options
    choices: Sequence[Choice]


def _topic_choice(category: Category, locale: str) -> Choice:
    # A topic's name is ours (seeded or set by an admin): spoken by its row (audio/names.py).
    return Choice(category.slug, category.name(locale), name_ref=f"topic:{category.id}")


async def _kecamatan(session: AsyncSession) -> list[Region]:
    result: list[Region] = []
    for top in await top_regions(session):
        result.extend(await children(session, top.code))
    return result


async def offer(
    session: AsyncSession, slug: str, answers: dict[str, Any], locale: str, today: dt.date
) -> Offer:
    anonymous = answers.get("anonim") == "yes"
    question = QUESTIONS[slug]
    static = [c.resolve() for c in question.choices]
    if slug == "topic":
        tree = await topic_tree(session)
        topics = {g.parent.slug: bool(g.children) for g in tree}
        choices = [_topic_choice(g.parent, locale) for g in tree]
        return Offer(Options(topics=topics), [*choices, DONT_KNOW.resolve()])
    if slug == "subtopic":
        tree = await topic_tree(session)
        group = next((g for g in tree if g.parent.slug == answers.get("topic")), None)
        subs = list(group.children) if group else []
        return Offer(
            Options(subtopics=[c.slug for c in subs]),
            [_topic_choice(c, locale) for c in subs],
        )
    if slug == "where":
        kecamatan = await _kecamatan(session)
        choices = [Choice(r.code, r.name) for r in kecamatan]
        return Offer(
            Options(kecamatan=[r.code for r in kecamatan]), [*choices, DONT_KNOW.resolve()]
        )
    if slug == "village":
        desa = await children(session, str(answers.get("kecamatan", "")))
        choices = [Choice(r.code, r.name) for r in desa]
        return Offer(Options(desa=[r.code for r in desa]), [*choices, DONT_KNOW.resolve()])
    members = collective.members_of(answers)
    return Offer(Options(anonymous=anonymous, today=today, members=members), static)


def segment_of(answers: dict[str, Any]) -> Segment | None:
    if answers.get("about_consent") != "yes":
        return None

    def said(key: str) -> str | None:
        value = answers.get(key)
        return None if value in (None, "prefer_not") else str(value)

    wg = {d: (int(v) if (v := said(f"wg_{d}")) else None) for d in journey.WG_DOMAINS}
    return Segment(
        gender=said("gender"),
        age_band=said("age_band"),
        wg=wg,
        disability_kinds=tuple(answers.get("disability_kinds", [])),
    )


async def _category_id(session: AsyncSession, answers: dict[str, Any]) -> int | None:
    slug = answers.get("subtopic") or answers.get("topic")
    if not slug or slug == "unknown":
        return None
    return await session.scalar(select(Category.id).where(Category.slug == slug))


def _region_code(answers: dict[str, Any]) -> str | None:
    desa, kecamatan = answers.get("desa"), answers.get("kecamatan")
    if desa and desa != "unknown":
        return str(desa)
    if kecamatan and kecamatan != "unknown":
        return str(kecamatan)
    return None


def told_by(answers: dict[str, Any]) -> str:
    """What happened: the text, or for a report told by recording what the recording is, so
    staff lists and public pages have a meaningful description (never the recording)."""
    text = str(answers.get("details") or "")
    recording = answers.get("recording")
    if text or not isinstance(recording, dict):
        return text
    return recording_summary(str(recording.get("kind")), recording.get("seconds"))


async def submit_draft(
    session: AsyncSession,
    draft_id: str,
    answers: dict[str, Any],
    *,
    locale: str,
    timezone: str,
    deadlines: Deadlines,
    hasher: Hasher,
    now: dt.datetime | None = None,
) -> Submitted:
    """Store the report the draft describes; raises DraftIncomplete when a question is open."""
    missing = journey.first_unanswered(answers)
    if missing is not None:
        raise DraftIncomplete(missing.slug)
    occurred = answers.get("occurred_on")
    try:
        found = collective.collective_of(answers)
    except ValueError:  # the group's members changed since: ask the counts again
        raise DraftIncomplete("on-behalf-count") from None
    anonim = answers.get("anonim") == "yes"
    new = NewReport(
        type=ReportType(answers["type"]),
        title=answers["title"],
        description=told_by(answers),
        when_kind=WhenKind(answers["when_kind"]),
        occurred_on=dt.date.fromisoformat(occurred) if occurred else None,
        anonim=anonim,
        rahasia=answers["rahasia"] == "yes",
        category_id=await _category_id(session, answers),
        region_code=_region_code(answers),
        landmark=answers.get("landmark"),
        contact_name=None if anonim else answers.get("contact_name"),
        contact_email=answers.get("contact_email"),
        contact_phone=answers.get("contact_phone"),
        segment=segment_of(answers),
        locale=locale,
        channel=Channel.WEB,
        draft_id=draft_id,
        collective=found,
    )
    return await submit_report(
        session, new, hasher=hasher, now=now, timezone=timezone, deadlines=deadlines
    )


async def place_names(
    session: AsyncSession, answers: dict[str, Any]
) -> tuple[str | None, str | None]:
    """Names of the chosen kecamatan and desa, for the summary."""
    names: list[str | None] = []
    for key in ("kecamatan", "desa"):
        code = answers.get(key)
        region = await get_region(session, str(code)) if code and code != "unknown" else None
        names.append(region.name if region else None)
    return names[0], names[1]


async def topic_names(session: AsyncSession, answers: dict[str, Any], locale: str) -> list[str]:
    names = []
    for key in ("topic", "subtopic"):
        slug = answers.get(key)
        if slug and slug != "unknown":
            category = await session.scalar(select(Category).where(Category.slug == slug))
            if category is not None:
                names.append(category.name(locale))
    return names


def looks_automated(
    honeypot: str, draft: Draft, min_seconds: int, now: dt.datetime | None = None
) -> bool:
    """Anti-spam without a CAPTCHA: the hidden field was filled, or the whole journey took
    less time than a person could need."""
    created = (
        draft.created_at if draft.created_at.tzinfo else draft.created_at.replace(tzinfo=dt.UTC)
    )
    age = ((now or utcnow()) - created).total_seconds()
    return bool(honeypot.strip()) or age < min_seconds
