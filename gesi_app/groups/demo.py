"""Demo community groups for `gesi-app demo`: two groups an admin added, so the public
directory has something to show after `make run`, and a representative of the first one, so
its desk can be tried (its password is printed with the demo staff's)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user, user_by_username
from gesi_app.groups.admin import add_group
from gesi_app.groups.models import Group, GroupKind
from gesi_app.groups.service import GroupData, Members, Representative

# Two community groups an admin added (approved), so the directory has something to show.
DEMO_GROUPS = (
    GroupData(
        name="Persatuan Tunanetra Cikupa",
        kind=GroupKind.DISABILITY,
        region_code="36.03.18",
        speaks_for="Warga tunanetra dan low vision di Kecamatan Cikupa dan keluarganya",
        members=Members(total=48, women=21, youth=9, disability=46),
        representative=Representative("Demo Perwakilan", "tunanetra@example.org", None),
    ),
    GroupData(
        name="Kelompok Perempuan Desa Balaraja",
        kind=GroupKind.WOMEN,
        region_code="36.03.01.1001",
        speaks_for="Ibu-ibu dan perempuan muda di desa, termasuk yang bekerja di pasar",
        members=Members(total=120, women=120, youth=34, disability=3),
        representative=Representative("Demo Perwakilan", "perempuan@example.org", None),
    ),
)


DEMO_REP = "perwakilan.tunanetra"  # the first group's representative


async def seed_demo_groups(
    session: AsyncSession, credentials: Callable[[str], tuple[str, str]]
) -> dict[str, str]:
    """The demo groups, when there are none yet (added by the demo admin, audited), and the
    first group's representative; returns {username: password} of the accounts it added.
    ``credentials`` gives the (password, Argon2 hash) of a new account."""
    admin = await user_by_username(session, "admin")
    if admin is None or await session.scalar(select(func.count()).select_from(Group)):
        return {}
    groups = [await add_group(session, admin, data, ip=None) for data in DEMO_GROUPS]
    if await user_by_username(session, DEMO_REP) is not None:
        return {}
    password, password_hash = credentials(DEMO_REP)
    rep = await create_user(
        session,
        username=DEMO_REP,
        full_name="Demo Perwakilan",
        role=Role.GROUP_REP,
        password=password,
        password_hash=password_hash,
        email=DEMO_GROUPS[0].representative.email,
    )
    rep.group_id = groups[0].id
    await session.flush()
    return {DEMO_REP: password}
