"""Demo community groups for `gesi-app demo`: two groups an admin added, so the public
directory has something to show after `make run`."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.service import user_by_username
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


async def seed_demo_groups(session: AsyncSession) -> None:
    """The demo groups, when there are none yet (added by the demo admin, audited)."""
    admin = await user_by_username(session, "admin")
    if admin is None or await session.scalar(select(func.count()).select_from(Group)):
        return
    for data in DEMO_GROUPS:
        await add_group(session, admin, data, ip=None)
