"""The one Jinja environment: autoescape, i18n (newstyle gettext), Babel filters, static URLs."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal, format_percent
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.runtime import Context
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from gesi_app import i18n
from gesi_app.settings import LOCALES, Settings
from gesi_app.web.easy_read import picture_name
from gesi_app.web.forms import Choice
from gesi_app.web.preferences import listen_buttons_shown, preferences_of, set_listen_buttons
from gesi_app.web.state import state_of

# Indonesia's three time zones by their everyday names.
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"


@cache
def _static_hash(path: str) -> str:
    return hashlib.sha256((STATIC_DIR / path).read_bytes()).hexdigest()[:12]


def static_url(path: str) -> str:
    """A cache-busting URL: the file's hash in the query lets it be cached as immutable."""
    return f"/static/{path}?v={_static_hash(path)}"


@pass_context
def path_for(context: Context, name: str, /, **params: Any) -> str:
    request: Request = context["request"]
    query = params.pop("_query", None)
    path = str(request.app.url_path_for(name, **params))  # cached: see web.routing
    return f"{path}?{urlencode(query)}" if query else path


def picture(text: object, size: int = 48) -> Markup:
    """Easy read: the pictogram beside ``text`` (decorative, empty alt), or nothing."""
    name = picture_name(text)
    if name is None:
        return Markup("")
    # 96: a block above a question or heading; smaller: inline, before a line of text.
    kind = "pictogram" if size >= 96 else f"pictogram pictogram-{size}"
    return Markup('<img class="{kind}" src="{src}" alt="" width="{size}" height="{size}">').format(
        kind=kind, src=static_url(f"img/easy/{name}.svg"), size=size
    )


def pictured(text: object, size: int = 48) -> Markup:
    """Easy read: ``text`` with its pictogram before it (the text alone when it has none)."""
    return picture(text, size) + Markup.escape(text)


def switch_language_url(request: Request, locale: str) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    query.append(("lang", locale))
    return f"{request.url.path}?{urlencode(query)}"


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for every environment of this process, which are all
    built alike (below): an app built again, as each test builds one, loads a template's code
    instead of compiling it (compiling was most of the time of an app's first page). Jinja
    checks each entry against its template's source, so a changed template is compiled anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


COMPILED = CompiledTemplates()


def build_environment(settings: Settings) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=COMPILED,
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    tz = zoneinfo.ZoneInfo(settings.timezone)

    def _local(value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(tz)

    def date_filter(value: dt.date | dt.datetime, fmt: str = "long") -> str:
        if isinstance(value, dt.datetime):
            value = _local(value).date()
        return format_date(value, fmt, locale=i18n.get_locale())

    def datetime_filter(value: dt.datetime, with_zone: bool = True) -> str:
        """'23 November 2026, 14.05 WIB': date, time and (by default) the zone's short name."""
        local = _local(value)
        locale = i18n.get_locale()
        day = format_date(local.date(), "long", locale=locale)
        text = f"{day}, {format_time(local, 'HH.mm', locale=locale)}"
        zone = ZONE_NAMES.get(settings.timezone)
        return f"{text} {zone}" if with_zone and zone else text

    def iso_filter(value: dt.date | dt.datetime) -> str:
        """A valid <time datetime>: a date, or a moment to the second with its offset (HTML
        allows at most three digits of a second; a stored time has six)."""
        if isinstance(value, dt.datetime):
            return _local(value).isoformat(timespec="seconds")
        return value.isoformat()

    env.filters.update(
        pictured=pictured,
        date=date_filter,
        datetime=datetime_filter,
        isodate=iso_filter,
        number=lambda n: format_decimal(n, locale=i18n.get_locale()),
        percent=lambda n: format_percent(n, locale=i18n.get_locale()),
        full_datetime=lambda v: format_datetime(_local(v), "long", locale=i18n.get_locale()),
    )
    env.globals.update(
        static_url=static_url,
        picture=picture,
        path_for=path_for,
        locales=LOCALES,
        Choice=Choice,
        listen_buttons=listen_buttons_shown,
    )
    return env


def build_templates(settings: Settings) -> Jinja2Templates:
    def page_context(request: Request) -> dict[str, Any]:
        locale = i18n.get_locale()
        other = "en" if locale == "id" else "id"
        token = request.scope.get("csrftoken")
        prefs = preferences_of(request)
        set_listen_buttons(prefs.listen_buttons_on(request.url.path))
        return {
            "locale": locale,
            "prefs": prefs,
            "csrf_token": token() if callable(token) else "",
            "other_locale": other,
            "other_locale_url": switch_language_url(request, other),
            "authority_name": settings.authority_name,
            # Whether SMS go out at all: without a gateway no page promises one.
            "sms_on": settings.sms_configured,
        }

    return Jinja2Templates(env=build_environment(settings), context_processors=[page_context])


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render a page template with the app's one Jinja environment."""
    templates: Jinja2Templates = state_of(request).templates
    return templates.TemplateResponse(
        request, name, context or {}, status_code=status_code, headers=headers
    )
