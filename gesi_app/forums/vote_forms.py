"""Parsing the dot-vote and agree / disagree / pass forms: typed data, or errors and the typing."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from starlette.datastructures import FormData

from gesi_app.forums.forms import text
from gesi_app.forums.participation_forms import Parsed
from gesi_app.forums.vote_models import MAX_DOTS, STATEMENT_LIMIT, Answer
from gesi_app.i18n import gettext as _
from gesi_app.i18n import ngettext
from gesi_app.web.numbers import parse_int

ROOM_MAX = 9999  # dots counted in one room for one input


def dot_field(input_id: int) -> str:
    return f"dots-{input_id}"


def parse_dots(
    form: FormData, input_ids: Sequence[int], allowed: int | None
) -> Parsed[dict[int, int]]:
    """A number per input, 0..allowed, adding up to at most ``allowed`` (None: room counts,
    no total); an empty box is 0."""
    kept = {dot_field(i): text(form, dot_field(i)) for i in input_ids}
    errors: dict[str, str] = {}
    dots: dict[int, int] = {}
    most = ROOM_MAX if allowed is None else allowed
    for input_id in input_ids:
        typed = kept[dot_field(input_id)]
        if not typed:
            dots[input_id] = 0
        elif (number := parse_int(typed, maximum=most)) is not None:
            dots[input_id] = number
        else:
            errors[dot_field(input_id)] = _("Enter a whole number from 0 to %(max)s", max=most)
    if not errors and allowed is not None and input_ids and sum(dots.values()) > allowed:
        errors[dot_field(input_ids[0])] = ngettext(
            "You have %(num)s dot: take some away so they add up to %(num)s or fewer",
            "You have %(num)s dots: take some away so they add up to %(num)s or fewer",
            allowed,
        )
    return Parsed(None if errors else dots, kept, errors)


def parse_open(form: FormData, agenda_ids: Collection[int]) -> Parsed[tuple[int | None, int]]:
    """Opening a round: on which agenda item ('all' = every input) and how many dots each."""
    kept = {n: text(form, n) for n in ("vote_on", "dots")}
    kept["dots"] = kept["dots"] or "3"
    errors: dict[str, str] = {}
    on = kept["vote_on"]
    item = parse_int(on)
    if not (on == "all" or item in agenda_ids):
        errors["vote_on"] = _("Choose an agenda item, or all inputs")
    dots = parse_int(kept["dots"], minimum=1, maximum=MAX_DOTS)
    if dots is None:
        errors["dots"] = _("Enter a whole number of dots from 1 to %(max)s", max=MAX_DOTS)
    if errors or dots is None:
        return Parsed(None, kept, errors)
    return Parsed((item, dots), kept, {})


def parse_statement(form: FormData) -> Parsed[str]:
    kept = {"statement": text(form, "statement")}
    if not kept["statement"]:
        return Parsed(None, kept, {"statement": _("Write the statement")})
    if len(kept["statement"]) > STATEMENT_LIMIT:
        message = _("The statement must be %(max)s characters or fewer", max=STATEMENT_LIMIT)
        return Parsed(None, kept, {"statement": message})
    return Parsed(kept["statement"], kept, {})


def answer_field(statement_id: int) -> str:
    return f"statement-{statement_id}"


def parse_answers(form: FormData, statement_ids: Sequence[int]) -> Parsed[dict[int, Answer]]:
    """An answer to each statement shown; leaving one out is an error (pass is an answer)."""
    kept = {answer_field(i): text(form, answer_field(i)) for i in statement_ids}
    errors: dict[str, str] = {}
    answers: dict[int, Answer] = {}
    valid = {a.value for a in Answer}
    for statement_id in statement_ids:
        typed = kept[answer_field(statement_id)]
        if typed in valid:
            answers[statement_id] = Answer(typed)
        else:
            errors[answer_field(statement_id)] = _("Choose agree, disagree or pass")
    return Parsed(None if errors else answers, kept, errors)
