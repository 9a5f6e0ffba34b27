"""Settings: defaults, the stored secret key, and one clear line for each bad value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gesi_app.settings import Settings, SettingsError, documented_settings

ROOT = Path(__file__).resolve().parents[2]


def test_defaults(tmp_path: Path) -> None:
    settings = Settings.from_env({"GESI_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'suara.sqlite3'}"
    assert settings.default_locale == "id"
    assert settings.base_url == "http://127.0.0.1:8000"
    assert settings.trusted_proxies == ()
    assert settings.timezone == "Asia/Jakarta"
    assert not settings.https
    # Argon2's own defaults (RFC 9106's low-memory profile): production hashes are not weakened.
    assert (settings.argon2_time_cost, settings.argon2_memory_kib) == (3, 65536)


def test_secret_key_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    first = Settings.from_env({"GESI_DATA_DIR": str(tmp_path / "d")})
    second = Settings.from_env({"GESI_DATA_DIR": str(tmp_path / "d")})
    assert first.secret_key == second.secret_key
    assert len(first.secret_key) >= 48
    assert (tmp_path / "d" / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"GESI_DATABASE_URL": "mysql://x"},
            "GESI_DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://",
        ),
        ({"GESI_DEFAULT_LOCALE": "fr"}, "GESI_DEFAULT_LOCALE must be one of: id, en"),
        ({"GESI_BASE_URL": "example.org"}, "GESI_BASE_URL must be an http:// or https:// address"),
        (
            {"GESI_TRUSTED_PROXIES": "10.0.0.1, proxy"},
            "GESI_TRUSTED_PROXIES has 'proxy', which is not an IP address",
        ),
        (
            {"GESI_TIMEZONE": "Mars/Olympus"},
            "GESI_TIMEZONE has 'Mars/Olympus', which is not a time zone",
        ),
        ({"GESI_SECRET_KEY": "short"}, "GESI_SECRET_KEY must be at least 32 characters"),
        ({"GESI_ARGON2_TIME_COST": "0"}, "GESI_ARGON2_TIME_COST must be 1 or more"),
        ({"GESI_ARGON2_MEMORY_KIB": "512"}, "GESI_ARGON2_MEMORY_KIB must be 1024 or more"),
    ],
)
def test_bad_values_name_the_setting(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"GESI_DATA_DIR": str(tmp_path), **env})
    assert str(info.value) == message


def test_trusted_proxies_and_https(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "GESI_DATA_DIR": str(tmp_path),
            "GESI_TRUSTED_PROXIES": "10.0.0.1, 192.168.0.0/24",
            "GESI_BASE_URL": "https://lapor.example.go.id/",
        }
    )
    assert settings.trusted_proxies == ("10.0.0.1", "192.168.0.0/24")
    assert settings.https and settings.base_url == "https://lapor.example.go.id"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    rows = dict(re.findall(r"^\| `(GESI_[A-Z0-9_]+)` \| (.+?) \|", readme, re.M))
    for env, _default, help_text in documented_settings():
        assert env in rows, f"{env} is missing from the README settings table"
        assert help_text in rows[env], f"{env}: README text differs from the setting's help"
