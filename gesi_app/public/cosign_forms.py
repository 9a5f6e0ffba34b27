"""Co-signing a public report on its page: what the page offers the visitor, and the one
field a group's representative fills in (how many of its members it speaks for)."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.numbers import format_decimal
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from gesi_app.accounts.models import StaffUser
from gesi_app.i18n import get_locale
from gesi_app.i18n import gettext as _
from gesi_app.public.service import supporter_hash
from gesi_app.reports import cosigns
from gesi_app.reports.collective import ActingGroup, acting_group
from gesi_app.reports.models import Report
from gesi_app.web.forms import field_text
from gesi_app.web.numbers import parse_int


@dataclass(frozen=True)
class CosignState:
    group: ActingGroup | None  # the signed-in representative's approved group
    own: bool  # that group sent the report
    done: bool  # this group, or this browser, co-signed already


@dataclass
class ParsedPeople:
    people: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)


async def cosign_state(
    session: AsyncSession, report: Report, user: StaffUser | None, token: str | None
) -> CosignState:
    group = await acting_group(session, user)
    if group is not None:
        done = await cosigns.group_cosigned(session, report.id, group.id)
        return CosignState(group, report.group_id == group.id, done)
    done = bool(token) and await cosigns.citizen_cosigned(
        session, report.id, supporter_hash(token or "")
    )
    return CosignState(None, False, done)


def parse_people(form: FormData, members: int) -> ParsedPeople:
    """1 to the group's registered members."""
    text = field_text(form, "people")
    typed = {"people": text}
    digits = text.replace(" ", "").replace(".", "")
    if not digits:
        message = _("Enter how many people of your group you speak for")
    elif (number := parse_int(digits, minimum=0, maximum=10**9)) is None:
        message = _("Enter the number of people as a whole number, like 25")
    elif not 1 <= number <= members:
        message = _(
            "Enter a number from 1 to %(max)s, the members your group registered",
            max=format_decimal(members, locale=get_locale()),
        )
    else:
        return ParsedPeople(number)
    return ParsedPeople(errors={"people": message}, typed=typed)
