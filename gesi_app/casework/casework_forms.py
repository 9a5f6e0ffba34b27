"""Parsing the queue filter and the casework forms: typed data, or field errors in the
request's language, with what was typed kept to show again."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from starlette.datastructures import FormData, QueryParams

from gesi_app.casework import placeholders
from gesi_app.casework.casework import CaseAction
from gesi_app.casework.casework_actions import ANSWER_MAX, ANSWER_MIN, Verification
from gesi_app.casework.queue import QueueFilter
from gesi_app.i18n import gettext
from gesi_app.reports.forms import (
    DETAILS_MAX,
    DETAILS_MIN,
    LANDMARK_MAX,
    TITLE_MAX,
    TITLE_MIN,
)
from gesi_app.reports.models import Status
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int

Errors = dict[str, str]
Kept = dict[str, str]
REASON_MAX = 2000
SEARCH_MAX = 100
STATUS_VALUES = frozenset({"", "all", *(s.value for s in Status)})


def _int(value: str) -> int | None:
    return parse_int(value)


def parse_queue_filter(
    query: QueryParams,
    agency_ids: Collection[int],
    topic_slugs: Collection[str],
    area_codes: Collection[str],
) -> tuple[QueueFilter, Kept, Errors]:
    names = ("q", "status", "agency", "topic", "area", "overdue", "escalated", "collective")
    kept = {n: field_text(query, n) for n in names}
    errors: Errors = {}
    if len(kept["q"]) > SEARCH_MAX:
        errors["q"] = gettext("Write %(max)s characters or fewer", max=SEARCH_MAX)
    if kept["status"] not in STATUS_VALUES:
        errors["status"] = gettext("Choose a status from the list")
    agency_id = _int(kept["agency"]) if kept["agency"] else None
    if kept["agency"] and agency_id not in agency_ids:
        errors["agency"] = gettext("Choose an agency from the list")
    if kept["topic"] and kept["topic"] not in topic_slugs:
        errors["topic"] = gettext("Choose a topic from the list")
    if kept["area"] and kept["area"] not in area_codes:
        errors["area"] = gettext("Choose a district from the list")
    if kept["overdue"] not in ("", "yes"):
        errors["overdue"] = gettext("Tick the box to see only overdue reports, or leave it empty")
    if kept["escalated"] not in ("", "yes"):
        errors["escalated"] = gettext(
            "Tick the box to see only escalated reports, or leave it empty"
        )
    if kept["collective"] not in ("", "yes"):
        errors["collective"] = gettext(
            "Tick the box to see only collective reports, or leave it empty"
        )
    where = QueueFilter(
        status=kept["status"] if "status" not in errors else "",
        agency_id=agency_id,
        topic=kept["topic"] or None,
        area=kept["area"] or None,
        overdue=kept["overdue"] == "yes",
        escalated=kept["escalated"] == "yes",
        collective=kept["collective"] == "yes",
        search=" ".join(kept["q"].split()) if "q" not in errors else "",
        page=_int(field_text(query, "page")) or 1,
    )
    return where, kept, errors


def _public_words(kept: Kept) -> Errors:
    """The public title, text and landmark a verifier checked: the reporter's bounds."""
    errors: Errors = {}
    title, text = kept["public_title"], kept["public_description"]
    if not title:
        errors["public_title"] = gettext("Enter the title the public will see")
    elif len(title) < TITLE_MIN:
        message = gettext("Write a title of at least %(min)s characters", min=TITLE_MIN)
        errors["public_title"] = message
    elif len(title) > TITLE_MAX:
        message = gettext("Write a title of %(max)s characters or fewer", max=TITLE_MAX)
        errors["public_title"] = message
    if not text:
        errors["public_description"] = gettext("Enter the text the public will see")
    elif len(text) < DETAILS_MIN:
        message = gettext("Write a text of at least %(min)s characters", min=DETAILS_MIN)
        errors["public_description"] = message
    elif len(text) > DETAILS_MAX:
        message = gettext("Write a text of %(max)s characters or fewer", max=DETAILS_MAX)
        errors["public_description"] = message
    if len(kept["public_landmark"]) > LANDMARK_MAX:
        message = gettext("Write a landmark of %(max)s characters or fewer", max=LANDMARK_MAX)
        errors["public_landmark"] = message
    return errors


def parse_verification(
    form: FormData,
    agency_ids: Collection[int],
    category_ids: Collection[int],
    *,
    rahasia: bool = False,
) -> tuple[Verification | None, Kept, Errors]:
    """The verify form. The public words are checked only when the report will be public:
    not when it is rahasia already (``rahasia``) or the verifier makes it so."""
    names = (
        "agency",
        "public_title",
        "public_description",
        "public_landmark",
        "topic",
        "anonim",
        "rahasia",
    )
    kept = {n: field_text(form, n) for n in names}
    errors: Errors = {}
    agency_id = _int(kept["agency"])
    if agency_id not in agency_ids:
        errors["agency"] = gettext("Choose the agency that should answer this report")
    private = rahasia or kept["rahasia"] == "yes"
    if not private:
        errors.update(_public_words(kept))
    category_id = _int(kept["topic"]) if kept["topic"] else None
    if kept["topic"] and category_id not in category_ids:
        errors["topic"] = gettext("Choose a topic from the list")
    if errors or agency_id is None:
        return None, kept, errors
    decision = Verification(
        agency_id=agency_id,
        public_title=None if private else kept["public_title"],
        public_description=None if private else kept["public_description"],
        public_landmark=None if private else kept["public_landmark"] or None,
        category_id=category_id,
        make_anonim=kept["anonim"] == "yes",
        make_rahasia=kept["rahasia"] == "yes",
    )
    return decision, kept, errors


def _reason_missing(action: CaseAction) -> str:
    if action is CaseAction.HOLD:
        return gettext("Write why the report is on hold")
    if action is CaseAction.NOT_OURS:
        return gettext("Write which office handles this report, and why")
    return gettext("Write why the report is archived")


def parse_reason(form: FormData, action: CaseAction) -> tuple[str | None, Kept, Errors]:
    """The reason of a hold, archive or not-our-authority (the forward note); close has none."""
    kept = {"reason": field_text(form, "reason")}
    if action is CaseAction.CLOSE:
        return None, kept, {}
    reason = kept["reason"]
    if not reason:
        return None, kept, {"reason": _reason_missing(action)}
    if len(reason) > REASON_MAX:
        message = gettext("Write %(max)s characters or fewer", max=REASON_MAX)
        return None, kept, {"reason": message}
    return reason, kept, {}


@dataclass(frozen=True)
class AnswerForm:
    text: str | None  # the answer to send; None when only a template was inserted
    kept: Kept
    errors: Errors


def parse_answer(
    form: FormData, templates: Mapping[str, str], facts: placeholders.ReportFacts
) -> AnswerForm:
    """Send the answer, or (the "insert" button) put the chosen template into the text with
    the [brackets] the report answers filled in (``facts``). An answer that still has a
    [bracket] to fill is not sent.

    ``templates`` maps each active template's key to its text in the page's language."""
    raw = form.get("answer", "")
    typed = raw if isinstance(raw, str) else ""
    kept = {"answer": typed, "template": field_text(form, "template")}
    if "insert" in form:
        text = templates.get(kept["template"])
        if text is None:
            errors = {"template": gettext("Choose a template to put into the answer")}
            return AnswerForm(None, kept, errors)
        text = placeholders.fill(text, facts)
        joined = f"{typed.rstrip()}\n\n{text}" if typed.strip() else text
        return AnswerForm(None, {**kept, "answer": joined}, {})
    text = typed.strip()
    if kept["template"] and kept["template"] not in templates:
        return AnswerForm(None, kept, {"template": gettext("Choose a template from the list")})
    if not text:
        return AnswerForm(None, kept, {"answer": gettext("Write the answer to the reporter")})
    if len(text) < ANSWER_MIN:
        message = gettext("Write an answer of at least %(min)s characters", min=ANSWER_MIN)
        return AnswerForm(None, kept, {"answer": message})
    if len(text) > ANSWER_MAX:
        message = gettext("Write an answer of %(max)s characters or fewer", max=ANSWER_MAX)
        return AnswerForm(None, kept, {"answer": message})
    left = placeholders.left_over(text)
    if left:
        message = gettext(
            "Fill in the parts in brackets, then send the answer: %(parts)s",
            parts=", ".join(left),
        )
        return AnswerForm(None, kept, {"answer": message})
    return AnswerForm(text, kept, {})
