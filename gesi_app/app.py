"""The application factory: every feature's routes and every middleware, in one visible place."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator

from lokal.samaran.logging import SamaranFilter
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount

from gesi_app import jobs
from gesi_app.agencies import routes as agencies
from gesi_app.agencies.models import Agency
from gesi_app.audio import routes as audio
from gesi_app.audio.answers import AnswerAudio
from gesi_app.audio.dated import DatedAudio
from gesi_app.audio.service import AudioService
from gesi_app.backoffice import routes as backoffice
from gesi_app.backoffice.audit_values import AuditVocabulary, names_from
from gesi_app.casework import routes as casework
from gesi_app.categories import routes as categories
from gesi_app.categories.models import Category
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums import easy_read as forums_easy
from gesi_app.forums import labels as forum_labels
from gesi_app.forums import routes as forums
from gesi_app.forums.follow_up_news import install as install_follow_up_news
from gesi_app.forums.limits import forum_limiter
from gesi_app.groups import easy_read as groups_easy
from gesi_app.groups import labels as group_labels
from gesi_app.groups import routes as groups
from gesi_app.groups import staff_labels as group_staff_labels
from gesi_app.holidays import routes as holidays
from gesi_app.home import easy_read as home_easy
from gesi_app.home import routes as home
from gesi_app.i18n import LocaleMiddleware
from gesi_app.i18n.easy import EasyRead
from gesi_app.limits.shared import SharedLimit
from gesi_app.live.broker import broker_for
from gesi_app.notifications import routes as notification_routes
from gesi_app.notifications.admin import STATUS_LABELS as OUTBOX_STATUS_LABELS
from gesi_app.notifications.delivery import senders_from
from gesi_app.notifications.service import install as install_notifications
from gesi_app.opendata import routes as opendata
from gesi_app.passwords import Hasher
from gesi_app.public import easy_read as public_easy
from gesi_app.public import routes as public
from gesi_app.public.labels import STATUS_LABELS
from gesi_app.regions import routes as regions
from gesi_app.reports import easy_read as reports_easy
from gesi_app.reports import routes as reports
from gesi_app.reports.deadlines import Deadlines
from gesi_app.settings import Settings
from gesi_app.stats import admin_routes as stats_admin
from gesi_app.stats import infographic_routes as stats_card
from gesi_app.stats import labels as stats_labels
from gesi_app.stats import routes as stats
from gesi_app.stats import staff_routes as stats_staff
from gesi_app.stats.cache import StatsCache
from gesi_app.stats.service import BuiltViews, FilterOptions, MonthCounts
from gesi_app.team import routes as team
from gesi_app.tracking import easy_read as tracking_easy
from gesi_app.tracking import routes as tracking
from gesi_app.web import errors
from gesi_app.web.body_limit import BodyLimitMiddleware, body_limits
from gesi_app.web.csrf import CSRFMiddleware
from gesi_app.web.easy_read import EasyReadMiddleware
from gesi_app.web.routing import Suara
from gesi_app.web.security import SecurityHeadersMiddleware
from gesi_app.web.state import AppState, Resources, app_state
from gesi_app.web.state import install as install_state
from gesi_app.web.static import CachedStaticFiles, favicon_route
from gesi_app.web.templating import STATIC_DIR, build_templates
from gesi_app.web.unreadable import UnreadableRequestMiddleware


def _mask_personal_data_in_logs() -> None:
    """UU PDP: phone numbers, emails, NIK and the like never reach a log file in clear."""
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, SamaranFilter) for f in handler.filters):
            handler.addFilter(SamaranFilter())


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    templates = build_templates(settings)
    audio_service = AudioService(settings)
    audio.install(templates.env, audio_service)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        _mask_personal_data_in_logs()
        state = app_state(app)
        await state.broker.start()
        every = dt.timedelta(minutes=settings.jobs_interval_minutes)
        async with jobs.periodic(
            state.sessions,
            settings.data_dir,
            every,
            timezone=settings.timezone,
            deadlines=state.resource(Deadlines),
            hasher=state.hasher,
            senders=senders_from(settings),
        ):
            yield
        await state.broker.stop()
        await state.engine.dispose()

    middleware = [
        # Before every page, error page and form: easy-read words for who chose them.
        Middleware(EasyReadMiddleware, registry=easy_read_registry()),
        Middleware(BodyLimitMiddleware, **body_limits(settings, templates)),  # before any reader
        Middleware(
            LocaleMiddleware, default_locale=settings.default_locale, secure_cookie=settings.https
        ),
        Middleware(UnreadableRequestMiddleware, templates=templates),  # 400, never a 5xx
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret_key,
            session_cookie="suara_session",
            same_site="lax",
            https_only=settings.https,
        ),
        Middleware(
            CSRFMiddleware,  # every unsafe method, every content type
            secret=settings.secret_key,
            cookie_secure=settings.https,
            send_failed=errors.csrf_failed(templates),
        ),
    ]
    routes = [
        *home.routes,
        *backoffice.routes,
        *team.routes,
        *casework.routes,
        *agencies.routes,
        *categories.routes,
        *regions.routes,
        *notification_routes.routes,
        *holidays.routes,
        *public.routes,
        *opendata.routes,
        *reports.routes,
        *tracking.routes,
        *forums.routes,
        *groups.routes,
        *audio.routes,
        *stats.routes,
        *stats_admin.routes,
        *stats_staff.routes,
        *stats_card.routes,
        favicon_route(STATIC_DIR),
        Mount("/static", app=CachedStaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app = Suara(
        routes=routes,
        middleware=middleware,
        exception_handlers=errors.install(templates),  # type: ignore[arg-type]  # handler types
        lifespan=lifespan,
    )
    # Outside Starlette's error handling, so every error page (500 too) gets the headers.
    # The same layer sends pages over 1 KB gzipped (error pages too).
    app.outermost = [Middleware(SecurityHeadersMiddleware, https=settings.https, gzip=True)]
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    # Created here rather than in lifespan so an app used without lifespan (a bare ASGI server
    # call, the TestClient without a with-block) still works; disposed at lifespan end.
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    deadlines = Deadlines.from_settings(settings)
    # Every status change made through these sessions queues its notifications.
    install_notifications(sessions, settings.base_url, deadlines)
    # ... and tells forum participants who asked when a follow-up item's report moves on.
    install_follow_up_news(sessions, settings.base_url)
    # Deadline texts name this app's days (a per-app global, not a module's).
    templates.env.globals["deadlines"] = deadlines
    state = AppState(
        settings=settings,
        hasher=Hasher.from_settings(settings),
        engine=engine,
        sessions=sessions,
        templates=templates,
        # Live pages: PostgreSQL LISTEN/NOTIFY across processes, else this process only.
        broker=broker_for(settings.database_url),
        # Counted in the database, so the limits hold across every app process.
        report_limiter=SharedLimit(engine, "reports", settings.reports_per_hour, 3600),
        forum_limiter=forum_limiter(engine, settings.forum_posts_per_minute),
        track_failures=tracking.failure_limit(engine),
        resources=Resources(
            [
                deadlines,  # working days to verify, answer and close, from the settings
                audio_service,
                AnswerAudio(settings),
                DatedAudio(audio_service.folder / "dated", settings.timezone, deadlines=deadlines),
                audit_vocabulary(),  # the audit log's names and words for the features' values
                StatsCache(),  # counts of statistics views, until a report or forum changes
                BuiltViews(),  # the same views built for a language (disclosure control done)
                FilterOptions(),  # the areas and agencies the statistics' filters offer
                MonthCounts(),  # the same counts month by month, until that month changes
            ]
        ),
    )
    install_state(app, state)
    return app


def audit_vocabulary() -> AuditVocabulary:
    """Names and value words the audit page shows, from the features (it names none)."""
    return AuditVocabulary(
        names={"agency": names_from(Agency), "topic": names_from(Category)},
        words={
            "status": {**{s.value: w for s, w in STATUS_LABELS.items()}, **OUTBOX_STATUS_LABELS},
            "forum_state": forum_labels.STATE_LABELS,
            "forum_format": forum_labels.FORMAT_LABELS,
            "accommodation": forum_labels.ACCOMMODATION_LABELS,
            "audience": forum_labels.AUDIENCE_LABELS,
            "segment": {segment.value: words for segment, words in stats_labels.GROUPS.items()},
            "group_kind": {kind.value: words for kind, words in group_labels.KIND_LABELS.items()},
            "group_state": {s.value: words for s, words in group_staff_labels.STATE_LABELS.items()},
        },
    )


def easy_read_registry() -> EasyRead:
    """Every citizen feature's easy-read texts in one registry (i18n/easy.py)."""
    return EasyRead(
        [
            home_easy.EASY,
            reports_easy.EASY,
            tracking_easy.EASY,
            public_easy.EASY,
            forums_easy.EASY,
            groups_easy.EASY,
        ]
    )
