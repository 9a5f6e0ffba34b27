"""Languages: the request's locale in a ContextVar, gettext callables, negotiation middleware.

One Jinja environment serves every language: its gettext callables read the locale that the
middleware put in the ContextVar for this request.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qsl

from babel.support import LazyProxy, NullTranslations, Translations
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gesi_app.i18n import easy
from gesi_app.settings import LOCALES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
LANG_COOKIE = "suara_lang"
# Answers that are the same in every language (static files, the icon): no Vary on language.
SAME_IN_EVERY_LANGUAGE = ("/static/", "/favicon.ico")
_locale: ContextVar[str] = ContextVar("suara_locale", default="id")


def get_locale() -> str:
    return _locale.get()


def set_locale(locale: str) -> None:
    _locale.set(locale if locale in LOCALES else "id")


@cache
def translations(locale: str) -> NullTranslations:
    return Translations.load(str(LOCALE_DIR), [locale], domain="messages")


def _words(message: str) -> str:
    """The msgid to say: its easy-read text while easy read is on (i18n/easy.py)."""
    registry = easy.active()
    return registry.text(message) if registry else message


def gettext(message: str, **variables: object) -> str:
    text = str(translations(get_locale()).gettext(_words(message)))
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    text = str(translations(get_locale()).ngettext(singular, plural, n))
    return text % {"num": n, **variables}


def pgettext(context: str, message: str, **variables: object) -> str:
    registry = easy.active()
    if registry and registry.text(message) != message:  # the easy text has no context
        return gettext(message, **variables)
    text = str(translations(get_locale()).pgettext(context, message))
    return text % variables if variables else text


def lazy_gettext(message: str, **variables: object) -> LazyProxy:
    """For module-level strings: translated when shown, in the language of that request."""
    return LazyProxy(gettext, message, enable_cache=False, **variables)


def negotiate(accept_language: str, default: str) -> str:
    """The best of our locales for an Accept-Language header, else ``default``."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        lang, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = lang.strip().lower().split("-")[0]
        # "in" is the old ISO code for Indonesian that some Android phones still send.
        if primary == "in":
            primary = "id"
        if primary in LOCALES and quality > 0:
            choices.append((-quality, index, primary))
    return min(choices)[2] if choices else default


class LocaleMiddleware:
    """Choose the request's language: ?lang, then the cookie, then Accept-Language, then default.

    ``?lang=`` is remembered in a cookie for a year.
    """

    def __init__(self, app: ASGIApp, default_locale: str, secure_cookie: bool) -> None:
        self.app = app
        self.default_locale = default_locale
        self.secure_cookie = secure_cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        chosen = query.get("lang") if query.get("lang") in LOCALES else None
        cookie_value = None
        if "cookie" in headers:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(headers["cookie"])
            except Exception:  # a malformed cookie header must not break the page
                jar = SimpleCookie()
            if LANG_COOKIE in jar and jar[LANG_COOKIE].value in LOCALES:
                cookie_value = jar[LANG_COOKIE].value
        locale = (
            chosen
            or cookie_value
            or negotiate(headers.get("accept-language", ""), self.default_locale)
        )
        set_locale(locale)
        scope.setdefault("state", {})["locale"] = locale

        same_everywhere = scope["path"].startswith(SAME_IN_EVERY_LANGUAGE)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [] if same_everywhere else [(b"vary", b"Accept-Language, Cookie")]
                if chosen and chosen != cookie_value:
                    attrs = f"{LANG_COOKIE}={chosen}; Path=/; Max-Age=31536000; SameSite=Lax"
                    if self.secure_cookie:
                        attrs += "; Secure"
                    extra.append((b"set-cookie", attrs.encode("latin-1")))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_cookie)
