"""The rows of a registration's "check your answers" page, in the page's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.groups.forms import WHOLE
from gesi_app.groups.labels import KIND_LABELS
from gesi_app.groups.models import GroupKind
from gesi_app.i18n import get_locale
from gesi_app.i18n import gettext as _
from gesi_app.regions.service import get_region


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    change_slug: str


async def _region_name(session: AsyncSession, code: object) -> str:
    region = await get_region(session, str(code))
    return region.name if region else str(code)


async def summary_rows(session: AsyncSession, answers: Mapping[str, Any]) -> list[Row]:
    locale = get_locale()

    def number(key: str) -> str:
        return format_decimal(int(answers[key]), locale=locale)

    desa = answers.get("desa")
    village = _("The whole district") if desa == WHOLE else await _region_name(session, desa)
    members = "; ".join(
        (
            _("All members: %(num)s", num=number("members_total")),
            _("Women: %(num)s", num=number("members_women")),
            _("Young people: %(num)s", num=number("members_youth")),
            _("People with disabilities: %(num)s", num=number("members_disability")),
        )
    )
    not_given = _("Not given")
    return [
        Row(_("Name of the group"), str(answers["name"]), "name"),
        Row(_("Kind of group"), str(KIND_LABELS[GroupKind(answers["kind"])]), "kind"),
        Row(_("District (kecamatan)"), await _region_name(session, answers["kecamatan"]), "area"),
        Row(_("Village (desa or kelurahan)"), village, "village"),
        Row(_("Members"), members, "members"),
        Row(_("Who the group speaks for"), str(answers["speaks_for"]), "speaks-for"),
        Row(_("Your name"), str(answers["rep_name"]), "representative"),
        Row(_("Email address"), str(answers.get("rep_email") or not_given), "representative"),
        Row(_("Phone number"), str(answers.get("rep_phone") or not_given), "representative"),
    ]
