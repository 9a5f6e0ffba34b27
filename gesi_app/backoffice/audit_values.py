"""The audit log's before and after values, in the page's language.

An entry keeps the raw snapshot a service recorded (``{"agency_id": 3, "answer_length": 120}``);
the page shows "Agency: Dinas Kesehatan" and "Answer length: 120 characters". FIELDS names
every key the services record (a test fails for a key recorded and named nowhere), with its
label and the kind of its value; a key not in it still reads as words ("some_key" -> "Some
key") with its value as recorded, so an entry is never hidden.

Names of agencies and topics, and the words for statuses that belong to features above this
floor, come from an ``AuditVocabulary`` that ``create_app`` makes (``state.resource``): this
module names no feature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from babel.numbers import format_decimal, format_percent
from babel.support import LazyProxy
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import AuditEntry
from gesi_app.backoffice.labels import ROLE_LABELS
from gesi_app.i18n import get_locale, gettext, lazy_gettext, ngettext

# How a value is shown: words from a table of values, a name looked up, a date, a count...
Kind = Literal[
    "text",
    "yes_no",
    "number",
    "characters",
    "share",
    "date",
    "datetime",
    "words",
    "word_list",
    "name",
]


@dataclass(frozen=True)
class Field:
    label: LazyProxy
    kind: Kind = "text"
    words: str | None = None  # for "words"/"word_list": which table of value words
    names: str | None = None  # for "name": which names ("agency", "topic")


_ = lazy_gettext
FIELDS: dict[str, Field] = {
    # a report's handling (casework)
    "status": Field(_("Status"), "words", words="status"),
    "agency_id": Field(_("Agency"), "name", names="agency"),
    "category_id": Field(_("Topic"), "name", names="topic"),
    "anonim": Field(_("Anonymous"), "yes_no"),
    "rahasia": Field(_("Confidential"), "yes_no"),
    "answer_due": Field(_("Answer deadline"), "date"),
    "published": Field(_("Public"), "yes_no"),
    "public_title": Field(_("Public title")),
    "public_description": Field(_("Public text")),
    "public_landmark": Field(_("Public landmark")),
    "answer_length": Field(_("Answer length"), "characters"),
    "transcript_length": Field(_("Transcript length"), "characters"),
    "reason": Field(_("Reason")),
    "redacted": Field(_("Words changed before publishing"), "yes_no"),
    "channel": Field(_("Came in"), "words", words="channel"),
    "had_pin": Field(_("Had a PIN"), "yes_no"),
    "delivery": Field(_("How the PIN was given"), "words", words="delivery"),
    "channels": Field(_("Sent through"), "word_list", words="outbox_channel"),
    # staff members
    "username": Field(_("Username")),
    "full_name": Field(_("Full name")),
    "email": Field(_("Email")),
    "role": Field(_("Role"), "words", words="role"),
    "phone": Field(_("Phone number")),
    "community_group": Field(_("Community group")),
    "sent_by": Field(_("Sent by"), "words", words="outbox_channel"),
    "score": Field(_("Rating"), "number"),
    "active": Field(_("Active"), "yes_no"),
    # agencies, topics, areas, holidays, response templates
    "slug": Field(_("Short name in addresses")),
    "name": Field(_("Name")),
    "name_id": Field(_("Name in Indonesian")),
    "name_en": Field(_("Name in English")),
    "parent_id": Field(_("Under topic"), "name", names="topic"),
    "position": Field(_("Place in the list"), "number"),
    "date": Field(_("Date"), "date"),
    "kind": Field(_("Kind"), "words", words="holiday_kind"),
    "key": Field(_("Key")),
    "label_id": Field(_("Label in Indonesian")),
    "label_en": Field(_("Label in English")),
    "text_id": Field(_("Text in Indonesian")),
    "text_en": Field(_("Text in English")),
    # messages to reporters
    "attempts": Field(_("Tries"), "number"),
    "count": Field(_("Number of messages"), "number"),
    # sign-in and password links
    "scope": Field(_("Paused for"), "words", words="scope"),
    "until": Field(_("Until"), "datetime"),
    "valid_until": Field(_("Valid until"), "datetime"),
    # escalations
    "deadline": Field(_("Deadline"), "words", words="deadline"),
    "due": Field(_("Due"), "date"),
    # forums
    "title": Field(_("Title")),
    "agenda_items": Field(_("Agenda items"), "number"),
    "agenda": Field(_("Agenda"), "word_list"),
    "state": Field(_("Forum state"), "words", words="forum_state"),
    "agency": Field(_("Agency"), "name", names="agency"),
    "format": Field(_("Format"), "words", words="forum_format"),
    "starts_at": Field(_("Starts"), "datetime"),
    "place": Field(_("Place")),
    "accommodations": Field(_("Accommodations"), "word_list", words="accommodation"),
    "audiences": Field(_("Who the forum aims to hear"), "word_list", words="audience"),
    "facilitator": Field(_("Facilitator")),
    "statement": Field(_("Statement number"), "number"),
    "text": Field(_("Text")),
    "input": Field(_("Input number"), "number"),
    "inputs": Field(_("Input numbers"), "word_list"),
    "into": Field(_("Merged into input number"), "number"),
    "theme": Field(_("Theme number"), "number"),
    "point": Field(_("Agreed point number"), "number"),
    "report": Field(_("Report")),
    "follow_up": Field(_("Follow-up item number"), "number"),
    "vote": Field(_("Dot vote number"), "number"),
    "agenda_item": Field(_("Agenda item number"), "number"),
    "dots": Field(_("Dots"), "number"),
    "total": Field(_("People"), "number"),
    "women": Field(_("Women"), "number"),
    "youth": Field(_("Young people"), "number"),
    "disability": Field(_("People with disabilities"), "number"),
    # the minutes as a document
    "number": Field(_("Document number")),
    "signers": Field(_("Who signs"), "word_list"),
    "provided": Field(_("Support provided"), "word_list", words="accommodation"),
    "attendee": Field(_("Attendance list line number"), "number"),
    "origin": Field(_("Institution, community or village")),
    "logo": Field(_("Logo file")),
    # community groups
    "group_kind": Field(_("Kind of group"), "words", words="group_kind"),
    "group_state": Field(_("State of the group"), "words", words="group_state"),
    "speaks_for": Field(_("Who the group speaks for")),
    "members_total": Field(_("All members"), "number"),
    "members_women": Field(_("Women members"), "number"),
    "members_youth": Field(_("Young members (16 to 30)"), "number"),
    "members_disability": Field(_("Members with disabilities"), "number"),
    # population baselines (statistics)
    "region_code": Field(_("Area code")),
    "segment": Field(_("Group of people"), "words", words="segment"),
    "share_bp": Field(_("Share of the population"), "share"),
    "year": Field(_("Year")),  # as written: 2020, not 2.020
    "source": Field(_("Source")),
    "note": Field(_("Note")),
}

# Words for values that belong to this floor or below (others: AuditVocabulary.words).
WORDS: dict[str, Mapping[str, LazyProxy]] = {
    "role": {role.value: label for role, label in ROLE_LABELS.items()},
    "scope": {
        "pair": _("this username from this address"),
        "account": _("this username"),
        "address": _("this address"),
    },
    "delivery": {"show": _("Shown once to staff"), "send": _("Sent to the reporter")},
    "outbox_channel": {"email": _("Email"), "sms": _("SMS")},
    "deadline": {"verify": _("Checking the report"), "answer": _("The agency's answer")},
    # The same words as staff/_channel.html and the holidays page.
    "channel": {
        "web": _("Website"),
        "walk_in": _("In person"),
        "phone": _("Phone"),
        "letter": _("Letter"),
        "forum": _("Forum"),
    },
    "holiday_kind": {
        "national": _("National holiday"),
        "cuti_bersama": _("Cuti bersama (joint leave)"),
        "local": _("Local holiday"),
    },
}
del _


@dataclass(frozen=True)
class Shown:
    """One value as the page shows it: a label, and text or a date for the page's filters."""

    key: str
    label: str
    text: str | None = None
    moment: dt.date | dt.datetime | None = None
    kind: Literal["text", "date", "datetime"] = "text"


NameLoader = Callable[[AsyncSession, Collection[int]], Awaitable[Mapping[int, Any]]]


def names_from(model: Any) -> NameLoader:
    """Load rows of ``model`` (a model with ``id`` and ``name(locale)``) by id."""

    async def load(session: AsyncSession, ids: Collection[int]) -> Mapping[int, Any]:
        if not ids:
            return {}
        rows = await session.scalars(select(model).where(model.id.in_(list(ids))))
        return {row.id: row for row in rows}

    return load


@dataclass(frozen=True)
class AuditVocabulary:
    """What the features lend the audit page: names by id, and words for their values."""

    names: Mapping[str, NameLoader] = field(default_factory=dict)
    words: Mapping[str, Mapping[str, LazyProxy]] = field(default_factory=dict)

    def words_for(self, table: str | None) -> Mapping[str, LazyProxy]:
        if table is None:
            return {}
        return self.words.get(table) or WORDS.get(table) or {}


def readable(key: str) -> str:
    """A key no one named, as words: ``agenda_item`` -> "Agenda item"."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else key


def _number(value: Any) -> str:
    try:
        return format_decimal(value, locale=get_locale())
    except (TypeError, ValueError, ArithmeticError):
        return str(value)


def _moment(value: Any, kind: Literal["date", "datetime"]) -> dt.date | dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        if kind == "date":
            return dt.date.fromisoformat(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _word(value: Any, table: Mapping[str, LazyProxy]) -> str:
    label = table.get(str(value))
    return str(label) if label is not None else str(value)


def show(
    key: str, value: Any, vocabulary: AuditVocabulary, names: Mapping[str, Mapping[int, Any]]
) -> Shown:
    """One recorded value in the page's language; an unknown key or value reads as recorded."""
    known = FIELDS.get(key)
    if known is None:
        text = "–" if value is None else str(value)
        return Shown(key, readable(key), text)
    label = str(known.label)
    if value is None or value == "" or value == []:
        return Shown(key, label, "–")
    kind = known.kind
    if kind == "yes_no" and isinstance(value, bool):
        return Shown(key, label, gettext("Yes") if value else gettext("No"))
    if kind in ("number", "characters") and isinstance(value, int | float):
        if kind == "characters":
            count = int(value)
            text = ngettext("%(num)s character", "%(num)s characters", count)
            return Shown(key, label, text)
        return Shown(key, label, _number(value))
    if kind == "share" and isinstance(value, int) and not isinstance(value, bool):
        # kept in hundredths of a percent (basis points): 850 is 8.5%
        return Shown(key, label, format_percent(value / 10_000, "#,##0.##%", locale=get_locale()))
    if kind == "date" or kind == "datetime":
        moment = _moment(value, kind)
        if moment is not None:
            return Shown(key, label, moment=moment, kind=kind)
    if kind == "words":
        return Shown(key, label, _word(value, vocabulary.words_for(known.words)))
    if kind == "word_list" and isinstance(value, list):
        table = vocabulary.words_for(known.words)
        return Shown(key, label, ", ".join(_word(item, table) for item in value))
    if kind == "name" and isinstance(value, int) and not isinstance(value, bool):
        row = names.get(known.names or "", {}).get(value)
        if row is not None:
            return Shown(key, label, row.name(get_locale()))
        return Shown(key, label, gettext("number %(id)s (no longer there)", id=value))
    return Shown(key, label, str(value))


@dataclass(frozen=True)
class EntryView:
    entry: AuditEntry
    before: Sequence[Shown]
    after: Sequence[Shown]


def _ids_to_name(entries: Iterable[AuditEntry]) -> dict[str, set[int]]:
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        for values in (entry.before or {}, entry.after or {}):
            for key, value in values.items():
                known = FIELDS.get(key)
                if known is None or known.kind != "name" or known.names is None:
                    continue
                if isinstance(value, int) and not isinstance(value, bool):
                    wanted.setdefault(known.names, set()).add(value)
    return wanted


async def describe(
    session: AsyncSession, entries: Sequence[AuditEntry], vocabulary: AuditVocabulary
) -> list[EntryView]:
    """The page's entries with their values in words; names looked up once for the page."""
    names: dict[str, Mapping[int, Any]] = {}
    for table, ids in _ids_to_name(entries).items():
        loader = vocabulary.names.get(table)
        names[table] = await loader(session, ids) if loader else {}

    def shown(values: dict[str, Any] | None) -> list[Shown]:
        return [show(k, v, vocabulary, names) for k, v in (values or {}).items()]

    return [EntryView(e, shown(e.before), shown(e.after)) for e in entries]
