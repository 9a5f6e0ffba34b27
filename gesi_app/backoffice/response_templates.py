"""Response templates for answers, kept in the database and edited by admins.

Each is a starting point in plain language in both languages; the officer fills the
[brackets] before sending. Templates are never deleted, only deactivated: a deactivated one
leaves the answer form at once. Every change is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts import audit
from gesi_app.accounts.audit import Action
from gesi_app.accounts.models import ResponseTemplate, StaffUser
from gesi_app.accounts.permissions import Permission, require
from gesi_app.backoffice.setting_rows import check_names_free, setting_row
from gesi_app.backoffice.slugs import unique_slug
from gesi_app.web.field_errors import FieldError

LABEL_MAX = 100
TEXT_MAX = 2000


class TemplateError(FieldError):
    """A change to a template that is not allowed; ``field`` names the form field."""

    field = "label_en"


class TemplateNotFound(TemplateError):
    pass


class LabelTaken(TemplateError):
    """Two templates with the same name cannot be told apart in the answer form."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


@dataclass(frozen=True)
class TemplateData:
    label_id: str
    label_en: str
    text_id: str
    text_en: str
    active: bool = True


def snapshot(template: ResponseTemplate) -> dict[str, Any]:
    return {
        "key": template.key,
        "label_id": template.label_id,
        "label_en": template.label_en,
        "text_id": template.text_id,
        "text_en": template.text_en,
        "active": template.active,
    }


async def active_templates(session: AsyncSession) -> Sequence[ResponseTemplate]:
    """The templates the answer form offers, in the admins' order."""
    result = await session.scalars(
        select(ResponseTemplate)
        .where(ResponseTemplate.active.is_(True))
        .order_by(ResponseTemplate.position, ResponseTemplate.id)
    )
    return result.all()


async def list_templates(session: AsyncSession, actor: StaffUser) -> Sequence[ResponseTemplate]:
    require(actor, Permission.MANAGE_SETTINGS)
    result = await session.scalars(
        select(ResponseTemplate).order_by(
            ResponseTemplate.active.desc(), ResponseTemplate.position, ResponseTemplate.id
        )
    )
    return result.all()


async def get_template(
    session: AsyncSession, actor: StaffUser, template_id: int
) -> ResponseTemplate:
    return await setting_row(session, actor, ResponseTemplate, template_id, TemplateNotFound)


async def _check_labels(session: AsyncSession, data: TemplateData, own_id: int | None) -> None:
    labels = [
        ("label_id", ResponseTemplate.label_id, data.label_id),
        ("label_en", ResponseTemplate.label_en, data.label_en),
    ]
    await check_names_free(session, ResponseTemplate.id, labels, own_id=own_id, taken=LabelTaken)


async def add_template(
    session: AsyncSession,
    actor: StaffUser,
    data: TemplateData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> ResponseTemplate:
    """Add a template at the end of the list; its name must differ from every other's."""
    require(actor, Permission.MANAGE_SETTINGS)
    await _check_labels(session, data, None)
    last = await session.scalar(select(func.max(ResponseTemplate.position)))
    template = ResponseTemplate(
        key=await unique_slug(
            session,
            ResponseTemplate.key,
            data.label_en,
            max_length=50,
            fallback="template",
            separator="_",
        ),
        label_id=data.label_id,
        label_en=data.label_en,
        text_id=data.text_id,
        text_en=data.text_en,
        active=True,
        position=(last or 0) + 1,
    )
    session.add(template)
    await session.flush()
    await audit.record(
        session, actor, Action.TEMPLATE_ADDED, "response_template", template.id,
        after=snapshot(template), ip=ip, now=now,
    )  # fmt: skip
    return template


async def change_template(
    session: AsyncSession,
    actor: StaffUser,
    template_id: int,
    data: TemplateData,
    ip: str | None,
    now: dt.datetime | None = None,
) -> ResponseTemplate:
    """Change the names and texts, or (de)activate. Nothing is recorded when nothing changed."""
    template = await get_template(session, actor, template_id)
    await _check_labels(session, data, template.id)
    before = snapshot(template)
    template.label_id = data.label_id
    template.label_en = data.label_en
    template.text_id = data.text_id
    template.text_en = data.text_en
    template.active = data.active
    await audit.record_change(
        session, actor, "response_template", template.id, before, snapshot(template),
        changed=Action.TEMPLATE_CHANGED, deactivated=Action.TEMPLATE_DEACTIVATED, ip=ip, now=now,
    )  # fmt: skip
    return template
