"""The ``gesi-app`` command: serve, migrate, seed demo data, manage regions and staff, check."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import sys
from collections.abc import Awaitable, Callable, Sequence

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gesi_app.accounts.models import Role
from gesi_app.db import migrate
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.forums.follow_up_news import install as install_follow_up_news
from gesi_app.notifications.delivery import outbox_state, senders_from
from gesi_app.notifications.service import install as install_notifications
from gesi_app.passwords import Hasher
from gesi_app.reports.deadlines import Deadlines
from gesi_app.settings import Settings, SettingsError


def _progress(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on stderr, redrawn in place."""

    def show(done: int, total: int) -> None:
        if done != total and done % 25:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _sessions(settings: Settings, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that queue notifications on status changes, as the app's do."""
    sessions = session_factory(engine)
    install_notifications(sessions, settings.base_url, Deadlines.from_settings(settings))
    install_follow_up_news(sessions, settings.base_url)
    return sessions


async def _with_session(settings: Settings, work: Callable[..., Awaitable[int]]) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with _sessions(settings, engine)() as session:
            code = await work(session)
            await session.commit()
            return code
    finally:
        await engine.dispose()


SHUTDOWN_GRACE_SECONDS = 5
# With --workers, uvicorn pings each worker and kills one that does not answer within this
# time (its default, 5 s). A new worker imports the whole app before it can answer, and a busy
# worker answers from a thread that waits for the GIL: on two loaded cores both took longer
# than 5 s, and uvicorn killed and restarted its workers without end.
WORKER_HEALTHCHECK_SECONDS = 60


def server_parts() -> tuple[str, str]:
    """uvicorn's HTTP parser and event loop: uvicorn[standard]'s httptools and uvloop (both
    dependencies), or the pure-Python h11 and asyncio where they cannot be installed."""
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return http, loop


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from gesi_app.i18n import LOCALE_DIR
    from gesi_app.i18n.catalogues import CataloguesMissing, ensure_compiled
    from gesi_app.logs import log_config

    # Never serve untranslated pages: gettext without a catalogue answers in English.
    try:
        compiled = ensure_compiled(LOCALE_DIR)
    except CataloguesMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if compiled:
        print(f"catalogues compiled: {', '.join(compiled)}")
    http, loop = server_parts()
    print(f"serving with {http} and {loop}")
    uvicorn.run(
        "gesi_app.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        http=http,
        loop=loop,
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or None,
        server_header=False,
        log_config=log_config(),  # every handler masks personal data (gesi_app.logs)
        # Board streams (SSE) never end by themselves: without a limit, stopping the server
        # would wait for every projector to disconnect.
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )
    return 0


def cmd_db_upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    migrate.upgrade(settings.database_url)
    print(f"database at revision {migrate.head_revision()}")
    return 0


def cmd_demo(settings: Settings, args: argparse.Namespace) -> int:
    from gesi_app.demo import seed_demo
    from gesi_app.regions.service import count_regions

    hasher = Hasher.from_settings(settings)

    async def work(session) -> int:  # type: ignore[no-untyped-def]  # AsyncSession
        if args.if_empty and await count_regions(session) > 0:
            print("demo data: database already has data, nothing added")
            return 0
        result = await seed_demo(
            session,
            _progress("regions"),
            hasher=hasher,
            reports=True,
            deadlines=Deadlines.from_settings(settings),
        )
        print(f"demo data: {result.regions_added} regions added")
        for username, password in result.new_passwords.items():
            print(f"  staff user {username:<14} password {password}   (shown once)")
        return 0

    return asyncio.run(_with_session(settings, work))


def cmd_regions_import(settings: Settings, args: argparse.Namespace) -> int:
    from gesi_app.regions.service import UnknownRegion, import_regions

    async def work(session) -> int:  # type: ignore[no-untyped-def]  # AsyncSession
        try:
            added = await import_regions(session, args.code, _progress(args.code))
        except UnknownRegion:
            print(
                f"error: {args.code} is not a kabupaten/kota code (for example 36.03)",
                file=sys.stderr,
            )
            return 2
        print(f"{added} regions added")
        return 0

    return asyncio.run(_with_session(settings, work))


def cmd_user_create(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from gesi_app.accounts.models import Role
    from gesi_app.accounts.service import StaffError, create_user, generate_password
    from gesi_app.agencies.service import agency_by_slug
    from gesi_app.groups.models import Group, GroupState

    hasher = Hasher.from_settings(settings)

    async def work(session) -> int:  # type: ignore[no-untyped-def]  # AsyncSession
        agency = None
        if args.agency:
            agency = await agency_by_slug(session, args.agency)
            if agency is None:
                print(f"error: no agency with slug {args.agency!r}", file=sys.stderr)
                return 2
        group = None
        if (args.role == Role.GROUP_REP.value) != bool(args.group):
            print("error: --group SLUG goes with --role group_rep only", file=sys.stderr)
            return 2
        if args.group:
            group = await session.scalar(select(Group).where(Group.slug == args.group))
            if group is None or group.state is not GroupState.APPROVED:
                print(f"error: no approved community group {args.group!r}", file=sys.stderr)
                return 2
        password = generate_password()
        try:
            user = await create_user(
                session,
                username=args.username,
                full_name=args.name or args.username,
                role=Role(args.role),
                password=password,
                password_hash=hasher.hash(password),
                agency=agency,
                email=args.email,
            )
        except StaffError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        user.group_id = group.id if group else None
        print(f"created {args.role} {args.username}; password (shown once): {password}")
        return 0

    return asyncio.run(_with_session(settings, work))


def cmd_jobs_run(settings: Settings, _args: argparse.Namespace) -> int:
    from gesi_app.jobs import run_jobs

    async def work() -> dict[str, int]:
        engine = create_engine(settings.database_url)
        try:
            return await run_jobs(
                _sessions(settings, engine),
                settings.data_dir,
                timezone=settings.timezone,
                deadlines=Deadlines.from_settings(settings),
                hasher=Hasher.from_settings(settings),
                senders=senders_from(settings),
            )
        finally:
            await engine.dispose()

    for name, count in asyncio.run(work()).items():
        print(f"{name}: {count}")
    return 0


def cmd_audio_build(settings: Settings, args: argparse.Namespace) -> int:
    from gesi_app.audio.service import AudioService

    service = AudioService(settings)
    result = service.build(_progress("audio"), workers=args.workers or None, force=args.force)
    engines = ", ".join(f"{n} {c}" for n, c in sorted(result.by_engine.items())) or "none"
    print(
        f"audio: {result.prompts} prompts, {result.made} made ({engines}), {result.kept} kept, "
        f"{result.failed} failed, {result.total_bytes / 1e6:.1f} MB, {result.seconds:.1f} s"
    )
    if result.failed:
        print("problem: espeak-ng is missing; prompts are made on first need", file=sys.stderr)
        return 1

    async def topic_names(session) -> int:  # type: ignore[no-untyped-def]  # AsyncSession
        # Topic names come from the database and are said by espeak-ng only, never the web.
        names = await service.names.all_names(session)
        made = service.names.build(names)
        print(f"audio: {len(names)} topic names, {made} made (espeak)")
        return 0

    try:
        return asyncio.run(_with_session(settings, topic_names))
    except SQLAlchemyError:
        print("audio: topic names made on first need (the database is not ready)")
        return 0


def cmd_check(settings: Settings, _args: argparse.Namespace) -> int:
    from gesi_app.i18n import LOCALE_DIR
    from gesi_app.i18n.catalogues import from_checkout, out_of_date

    problems: list[str] = []
    print(f"settings ok (data dir {settings.data_dir})")

    async def db_state() -> str | None:
        engine = create_engine(settings.database_url)
        try:
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        finally:
            await engine.dispose()
        return await migrate.current_revision(settings.database_url)

    try:
        current = asyncio.run(db_state())
    except Exception as exc:  # report any driver error as one line
        problems.append(f"database unreachable: {exc.__class__.__name__}")
    else:
        head = migrate.head_revision()
        if current != head:
            problems.append(
                f"database at revision {current}, head is {head}: run gesi-app db upgrade"
            )
        else:
            print(f"database ok (revision {current})")
            notes, troubles = asyncio.run(
                outbox_state(
                    settings.database_url, bool(settings.smtp_host), settings.sms_configured
                )
            )
            for note in notes:
                print(note)
            problems.extend(troubles)
    fix = "run make compile" if from_checkout(LOCALE_DIR) else "reinstall the package"
    for catalogue in out_of_date(LOCALE_DIR):
        problems.append(f"catalogue {catalogue.locale} not compiled: {fix}")
    if not problems:
        print("catalogues ok")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gesi-app", description="Suara public feedback system")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database migrations").add_subparsers(
        dest="db_command", required=True
    )
    db.add_parser("upgrade", help="upgrade the database to the newest revision").set_defaults(
        func=cmd_db_upgrade
    )

    demo = sub.add_parser("demo", help="add demo data (idempotent)")
    demo.add_argument(
        "--if-empty", action="store_true", help="only when the database has no regions"
    )
    demo.set_defaults(func=cmd_demo)

    regions = sub.add_parser("regions", help="region tree").add_subparsers(
        dest="regions_command", required=True
    )
    imp = regions.add_parser("import", help="load a kabupaten/kota from Kemendagri data")
    imp.add_argument("code", help="Kemendagri code, e.g. 36.03")
    imp.set_defaults(func=cmd_regions_import)

    user = sub.add_parser("user", help="staff accounts").add_subparsers(
        dest="user_command", required=True
    )
    create = user.add_parser("create", help="create a staff account with a generated password")
    create.add_argument("--role", required=True, choices=[r.value for r in Role])
    create.add_argument("--username", required=True)
    create.add_argument("--name", default="")
    create.add_argument("--agency", default="", help="agency slug (required for agency_officer)")
    create.add_argument("--email", default=None)
    create.add_argument(
        "--group", default="", help="community group slug (required for group_rep; approved)"
    )
    create.set_defaults(func=cmd_user_create)

    jobs = sub.add_parser("jobs", help="periodic jobs").add_subparsers(
        dest="jobs_command", required=True
    )
    jobs.add_parser("run", help="run the periodic jobs once (for cron)").set_defaults(
        func=cmd_jobs_run
    )

    audio = sub.add_parser("audio", help="audio prompts").add_subparsers(
        dest="audio_command", required=True
    )
    audio_build = audio.add_parser("build", help="make the audio file of every prompt")
    audio_build.add_argument("--workers", type=int, default=0, help="default: one per core")
    audio_build.add_argument("--force", action="store_true", help="make every file again")
    audio_build.set_defaults(func=cmd_audio_build)

    sub.add_parser("check", help="check settings, database and catalogues").set_defaults(
        func=cmd_check
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result: int = args.func(settings, args)
    return result


if __name__ == "__main__":
    sys.exit(main())
