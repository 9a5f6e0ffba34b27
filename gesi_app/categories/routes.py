"""Topic pages for admins: the tree with move up/down, add, and change or deactivate."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.agencies.service import active_agencies
from gesi_app.backoffice.settings_pages import EditableSetting, form_pages
from gesi_app.backoffice.web import page, staff_page
from gesi_app.categories import admin
from gesi_app.categories.forms import parse_topic, topic_error_message
from gesi_app.categories.models import Category
from gesi_app.i18n import get_locale, gettext
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.forms import Choice


async def _choices(session: AsyncSession, user: StaffUser) -> dict[str, Any]:
    locale = get_locale()
    agencies = [Choice("", gettext("No default agency"))] + [
        Choice(str(a.id), a.name(locale)) for a in await active_agencies(session)
    ]
    parents = [Choice("", gettext("A topic of its own (top level)"))] + [
        Choice(str(row.topic.id), gettext("A sub-topic of %(topic)s", topic=row.topic.name(locale)))
        for row in await admin.topic_list(session, user)
        if row.topic.active
    ]
    return {"agencies": agencies, "parents": parents}


def _back(request: Request, done: str) -> Response:
    url = request.app.url_path_for("staff_categories")
    return RedirectResponse(f"{url}?done={done}", status_code=303)


@staff_page(Permission.MANAGE_SETTINGS)
async def topic_list(request: Request, user: StaffUser) -> Response:
    async with db(request) as session:
        rows = await admin.topic_list(session, user)
    context = {"rows": rows, "done": request.query_params.get("done")}
    return page(request, user, "staff/categories.html", context)


async def _more(session: AsyncSession, user: StaffUser, topic: Category | None) -> dict[str, Any]:
    """The lists to choose from; on the change page also the topic a sub-topic is under."""
    more = await _choices(session, user)
    if topic is not None:
        more["parent"] = await session.get(Category, topic.parent_id) if topic.parent_id else None
    return more


def _current(topic: Category) -> dict[str, str]:
    return {
        "name_id": topic.name_id,
        "name_en": topic.name_en,
        "agency": str(topic.agency_id or ""),
        "active": "yes" if topic.active else "no",
    }


TOPIC = EditableSetting(
    form_template="staff/category_form.html",
    list_route="staff_categories",
    saved_query="done=saved",
    context_key="topic",
    id_param="topic_id",
    get=admin.get_topic,
    add=admin.add_topic,
    change=admin.change_topic,
    parse=parse_topic,
    error=admin.TopicError,
    error_message=topic_error_message,
    not_found=admin.TopicNotFound,
    current=_current,
    # "Add a sub-topic" links to the add page with the top-level topic chosen.
    blank=lambda request: {"parent": request.query_params.get("parent", "")},
    more_context=_more,
)
topic_new, topic_edit = form_pages(TOPIC)


@staff_page(Permission.MANAGE_SETTINGS)
async def topic_move(request: Request, user: StaffUser) -> Response:
    form = await request.form()
    direction = form.get("direction")
    async with db(request) as session:
        try:
            await admin.get_topic(session, user, request.path_params["topic_id"])
        except admin.TopicNotFound:
            return page(request, user, "staff/not_found.html", status_code=404)
        if direction not in ("up", "down"):
            rows = await admin.topic_list(session, user)
            return page(request, user, "staff/categories.html", {"rows": rows}, status_code=400)
        topic_id = request.path_params["topic_id"]
        await admin.move_topic(session, user, topic_id, direction == "up", client_address(request))
        await session.commit()
    return _back(request, "moved")


routes = [
    Route("/staff/categories", topic_list, name="staff_categories"),
    Route("/staff/categories/new", topic_new, methods=["GET", "POST"], name="staff_category_new"),
    Route(
        "/staff/categories/{topic_id:int}",
        topic_edit,
        methods=["GET", "POST"],
        name="staff_category",
    ),
    Route(
        "/staff/categories/{topic_id:int}/move",
        topic_move,
        methods=["POST"],
        name="staff_category_move",
    ),
]
