"""The admin settings pages that share one shape (agencies, topics, response templates).

A list page (with "Your changes are saved" after a change), an "add" page and a "change"
page per setting. Both form pages keep what was typed before a session ended, parse the form,
call one service function, show a refused change at its field, and go back to the list after
a change (POST/redirect/GET). An ``EditableSetting`` says what differs between settings.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from gesi_app.accounts.models import StaffUser
from gesi_app.accounts.permissions import Permission
from gesi_app.backoffice.web import page, resumed_fields, staff_page
from gesi_app.web.client import client_address
from gesi_app.web.database import db
from gesi_app.web.field_errors import FieldError

EntityT = TypeVar("EntityT")
DataT = TypeVar("DataT")
ErrorT = TypeVar("ErrorT", bound=FieldError)

Endpoint = Callable[[Request], Awaitable[Response]]
Fields = dict[str, str]


def _nothing_typed(request: Request) -> Fields:
    return {}


@dataclass(frozen=True)
class EditableSetting(Generic[EntityT, DataT, ErrorT]):
    """One setting's add and change pages: what they render, parse and call."""

    form_template: str
    list_route: str  # the route name the pages go back to after a change
    saved_query: str  # the list page's query string that says the change was saved
    context_key: str  # the entity's name in the page context; None on the "add" page
    id_param: str  # the path parameter of the "change" page
    get: Callable[[AsyncSession, StaffUser, int], Awaitable[EntityT]]
    add: Callable[[AsyncSession, StaffUser, DataT, str | None], Awaitable[object]]
    change: Callable[[AsyncSession, StaffUser, int, DataT, str | None], Awaitable[object]]
    parse: Callable[[FormData, bool], tuple[DataT | None, Fields, Fields]]  # bool: changing
    error: type[ErrorT]
    error_message: Callable[[ErrorT], str]
    not_found: type[Exception]
    current: Callable[[EntityT], Fields]  # the "change" form's values before any typing
    # What an "add" page starts with when nothing was typed before.
    blank: Callable[[Request], Fields] = _nothing_typed
    # More for both pages (lists to choose from); the entity is None on the "add" page.
    more_context: (
        Callable[[AsyncSession, StaffUser, EntityT | None], Awaitable[dict[str, Any]]] | None
    ) = None


def list_page(
    template: str, rows: Callable[[AsyncSession, StaffUser], Awaitable[Sequence[Any]]]
) -> Endpoint:
    """The list of a setting, with the "saved" notice when ``?saved=1``."""

    @staff_page(Permission.MANAGE_SETTINGS)
    async def show(request: Request, user: StaffUser) -> Response:
        async with db(request) as session:
            found = await rows(session, user)
        context = {"rows": found, "saved": request.query_params.get("saved") == "1"}
        return page(request, user, template, context)

    return show


def form_pages(
    setting: EditableSetting[EntityT, DataT, ErrorT],
) -> tuple[Endpoint, Endpoint]:
    """The "add" and "change" pages of ``setting``."""

    async def more(
        session: AsyncSession, user: StaffUser, entity: EntityT | None
    ) -> dict[str, Any]:
        if setting.more_context is None:
            return {}
        return await setting.more_context(session, user, entity)

    def saved(request: Request) -> Response:
        url = request.app.url_path_for(setting.list_route)
        return RedirectResponse(f"{url}?{setting.saved_query}", status_code=303)

    async def send(
        request: Request,
        user: StaffUser,
        session: AsyncSession,
        context: dict[str, Any],
        changing: bool,
        save: Callable[[DataT], Awaitable[object]],
    ) -> Response:
        """Parse and save the form, then back to the list; or the form again with its errors."""
        data, kept, errors = setting.parse(await request.form(), changing)
        context["kept"] = kept
        if data is not None:
            try:
                await save(data)
            except setting.error as error:
                errors = {error.field: setting.error_message(error)}
            else:
                await session.commit()
                return saved(request)
        context["errors"] = errors
        return page(request, user, setting.form_template, context, status_code=400)

    @staff_page(Permission.MANAGE_SETTINGS)
    async def new(request: Request, user: StaffUser) -> Response:
        async with db(request) as session:
            context: dict[str, Any] = {"errors": {}, "kept": {}, setting.context_key: None}
            context.update(await more(session, user, None))
            if request.method == "GET":
                resumed = resumed_fields(request)
                context.update(kept=resumed or setting.blank(request), resumed=resumed is not None)
                return page(request, user, setting.form_template, context)

            async def add(data: DataT) -> object:
                return await setting.add(session, user, data, client_address(request))

            return await send(request, user, session, context, False, add)

    @staff_page(Permission.MANAGE_SETTINGS)
    async def edit(request: Request, user: StaffUser) -> Response:
        entity_id: int = request.path_params[setting.id_param]
        async with db(request) as session:
            try:
                entity = await setting.get(session, user, entity_id)
            except setting.not_found:
                return page(request, user, "staff/not_found.html", status_code=404)
            current = setting.current(entity)
            context: dict[str, Any] = {"errors": {}, "kept": current, setting.context_key: entity}
            context.update(await more(session, user, entity))
            if request.method == "GET":
                resumed = resumed_fields(request)
                if resumed is not None:
                    context.update(kept={**current, **resumed}, resumed=True)
                return page(request, user, setting.form_template, context)

            async def change(data: DataT) -> object:
                return await setting.change(session, user, entity_id, data, client_address(request))

            return await send(request, user, session, context, True, change)

    return new, edit
