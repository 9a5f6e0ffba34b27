"""The data ``event_loop_stalls.py`` needs, made through the app's own services: facilitators
to sign in as (hashed with the production Argon2 parameters) and a live forum of 60 inputs.

Needs the repository root on ``sys.path`` (``event_loop_stalls.py`` puts it there)."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher

USERNAME, PASSWORD = "bench.fasilitator", "bench stalls password 2026"
SIGN_IN_USERS = tuple(f"bench.masuk{n}" for n in range(1, 7))


async def set_up(database_url: str) -> str:
    """A facilitator and a live forum with 60 inputs, through the app's services; the code."""
    import gesi_app.app  # noqa: F401  # every model, so the staff table's foreign keys resolve
    from gesi_app.accounts.models import Role
    from gesi_app.accounts.service import create_user
    from gesi_app.db.engine import create_engine, session_factory
    from gesi_app.forums.models import ForumFormat, ForumState
    from gesi_app.forums.participation import NewInput, add_input
    from gesi_app.forums.service import NewForum, advance_state, create_forum
    from gesi_app.passwords import Hasher

    production = PasswordHasher()
    hasher = Hasher.make(time_cost=production.time_cost, memory_kib=production.memory_cost)
    password_hash = hasher.hash(PASSWORD)
    # The hash the server verifies costs what a real staff member's does.
    assert not production.check_needs_rehash(password_hash), password_hash
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            for username in (*SIGN_IN_USERS, USERNAME):  # the last one runs the forum
                user = await create_user(
                    session,
                    username=username,
                    full_name="Bench",
                    role=Role.FACILITATOR,
                    password=PASSWORD,
                    password_hash=password_hash,
                )
            forum = await create_forum(
                session,
                user,
                NewForum(
                    title="Musrenbang Kecamatan Balaraja",
                    agency_id=None,
                    format=ForumFormat.IN_PERSON,
                    starts_at=dt.datetime.now(dt.UTC),
                    place="Aula Kecamatan",
                    agenda=("Jalan desa", "Air bersih", "Puskesmas"),
                ),
            )
            await advance_state(session, user, forum, ForumState.LIVE)
            for n in range(60):
                item = forum.agenda[n % len(forum.agenda)].id
                text = f"Masukan {n + 1}: jalan di RT {n % 9 + 1} berlubang dan banjir saat hujan."
                await add_input(session, forum, NewInput(item, text), staff=user)
            return forum.join_code
    finally:
        await engine.dispose()
