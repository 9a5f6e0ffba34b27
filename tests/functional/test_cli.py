"""The gesi-app command, run in-process against real SQLite databases."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gesi_app.accounts.models import Role, StaffUser
from gesi_app.cli import main
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.groups.models import Group, GroupState
from gesi_app.passwords import verify_password
from gesi_app.regions.models import Region


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("GESI_DATABASE_URL", "GESI_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GESI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


async def _count(url: str, model: type[Region] | type[StaffUser], *where: object) -> int:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return int(
                await session.scalar(select(func.count()).select_from(model).where(*where)) or 0
            )
    finally:
        await engine.dispose()


def test_upgrade_demo_is_idempotent_and_prints_passwords_once(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["demo"]) == 0
    first = capsys.readouterr()
    passwords = dict(re.findall(r"staff user (\S+)\s+password (\S+)", first.out))
    # With a representative of the first demo group, for its desk.
    assert set(passwords) == {
        "admin",
        "verifikator",
        "petugas.pupr",
        "fasilitator",
        "perwakilan.tunanetra",
    }
    assert "305 regions added" in first.out
    assert "305/305" in first.err  # progress shown
    url = f"sqlite+aiosqlite:///{env / 'suara.sqlite3'}"
    assert asyncio.run(_count(url, Region, Region.level == 3)) == 29
    assert asyncio.run(_count(url, Region, Region.level == 4)) == 274
    # Two approved demo groups for the directory, added once.
    assert asyncio.run(_count(url, Group, Group.state == GroupState.APPROVED)) == 2
    assert main(["demo"]) == 0
    second = capsys.readouterr().out
    assert asyncio.run(_count(url, Group)) == 2
    assert "0 regions added" in second and "password" not in second
    assert main(["demo", "--if-empty"]) == 0
    assert "nothing added" in capsys.readouterr().out
    assert (env / "secret_key").stat().st_mode & 0o777 == 0o600

    async def stored_hash() -> str:
        engine = create_engine(url)
        async with session_factory(engine)() as session:
            user = await session.scalar(select(StaffUser).where(StaffUser.username == "admin"))
            assert user is not None and user.role is Role.ADMIN
            await engine.dispose()
            return user.password_hash

    assert verify_password(asyncio.run(stored_hash()), passwords["admin"])


def test_regions_import_another_kabupaten(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    assert main(["regions", "import", "32.76"]) == 0  # Kota Depok
    assert "regions added" in capsys.readouterr().out
    assert main(["regions", "import", "99.99"]) == 2
    assert "not a kabupaten/kota code" in capsys.readouterr().err


def test_user_create(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    main(["demo"])
    capsys.readouterr()
    assert (
        main(["user", "create", "--role", "verifier", "--username", "siti", "--name", "Siti"]) == 0
    )
    assert "password (shown once)" in capsys.readouterr().out
    assert main(["user", "create", "--role", "verifier", "--username", "siti"]) == 2
    assert "is taken" in capsys.readouterr().err
    assert main(["user", "create", "--role", "agency_officer", "--username", "budi"]) == 2
    assert "needs an agency" in capsys.readouterr().err
    assert (
        main(
            ["user", "create", "--role", "agency_officer", "--username", "budi", "--agency", "nope"]
        )
        == 2
    )
    assert (
        main(
            [
                "user",
                "create",
                "--role",
                "agency_officer",
                "--username",
                "budi",
                "--agency",
                "dinkes",
            ]
        )
        == 0
    )


def test_user_create_group_rep(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    main(["demo"])
    capsys.readouterr()
    url = f"sqlite+aiosqlite:///{env / 'suara.sqlite3'}"
    slug = asyncio.run(_first_group_slug(url))
    rep = ["user", "create", "--role", "group_rep", "--username", "rep.dua"]
    assert main(rep) == 2
    assert "--group SLUG goes with --role group_rep only" in capsys.readouterr().err
    assert main([*rep, "--group", "nope"]) == 2
    assert "no approved community group 'nope'" in capsys.readouterr().err
    assert main(["user", "create", "--role", "verifier", "--username", "x.y", "--group", slug]) == 2
    capsys.readouterr()
    assert main([*rep, "--group", slug]) == 0
    assert "created group_rep rep.dua" in capsys.readouterr().out

    async def group_of() -> tuple[Role, int | None, int | None]:
        engine = create_engine(url)
        async with session_factory(engine)() as session:
            user = await session.scalar(select(StaffUser).where(StaffUser.username == "rep.dua"))
            group = await session.scalar(select(Group).where(Group.slug == slug))
            await engine.dispose()
            assert user is not None and group is not None
            return user.role, user.group_id, group.id

    role, group_id, expected = asyncio.run(group_of())
    assert (role, group_id) == (Role.GROUP_REP, expected)


async def _first_group_slug(url: str) -> str:
    engine = create_engine(url)
    async with session_factory(engine)() as session:
        slug = await session.scalar(select(Group.slug).order_by(Group.id).limit(1))
    await engine.dispose()
    assert slug is not None
    return slug


def test_check_reports_state(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 1
    assert "run gesi-app db upgrade" in capsys.readouterr().err
    main(["db", "upgrade"])
    assert main(["check"]) == 0
    assert "database ok" in capsys.readouterr().out


def test_bad_setting_stops_with_one_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GESI_DEFAULT_LOCALE", "fr")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err == "error: GESI_DEFAULT_LOCALE must be one of: id, en\n"


def test_server_entry_stops_with_one_line_on_a_bad_setting(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "GESI_DATA_DIR": str(tmp_path), "GESI_BASE_URL": "lapor.example"}
    result = subprocess.run(
        [sys.executable, "-c", "import gesi_app.asgi"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "error: GESI_BASE_URL must be an http:// or https:// address\n"
