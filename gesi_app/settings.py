"""Settings read once from the environment (prefix ``GESI_``) into a frozen object.

Every setting carries its help text; the README documents each one and a test fails when one
is missing there. A bad value stops start-up with one line naming the setting.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import stat
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LOCALES = ("id", "en")


class SettingsError(ValueError):
    """A setting has a value the app cannot start with."""


def _setting(env: str, default: str, help_text: str) -> Any:
    return field(metadata={"env": env, "default": default, "help": help_text})


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(
        "GESI_DATA_DIR",
        "./var",
        "Folder for the SQLite database, uploads, audio and the secret key.",
    )
    database_url: str = _setting(
        "GESI_DATABASE_URL",
        "sqlite+aiosqlite:///<data dir>/suara.sqlite3",
        "SQLAlchemy URL: sqlite+aiosqlite:///path or postgresql+asyncpg://user@host/db.",
    )
    secret_key: str = _setting(
        "GESI_SECRET_KEY",
        "generated into <data dir>/secret_key (mode 0600)",
        "Signs sessions and CSRF tokens. Use the same value on every process and host.",
    )
    default_locale: str = _setting(
        "GESI_DEFAULT_LOCALE",
        "id",
        "Language when neither ?lang, the cookie nor the browser choose: id or en.",
    )
    base_url: str = _setting(
        "GESI_BASE_URL",
        "http://127.0.0.1:8000",
        "Public address of the site, used in links sent by email and SMS.",
    )
    trusted_proxies: tuple[str, ...] = _setting(
        "GESI_TRUSTED_PROXIES",
        "(none)",
        "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed.",
    )
    timezone: str = _setting(
        "GESI_TIMEZONE",
        "Asia/Jakarta",
        "Time zone of dates shown to people: Asia/Jakarta, Asia/Makassar or Asia/Jayapura.",
    )
    authority_name: str = _setting(
        "GESI_AUTHORITY_NAME",
        "Pemerintah Kabupaten Tangerang",
        "Name of the government that runs this site, shown in the header.",
    )
    contact_email: str = _setting(
        "GESI_CONTACT_EMAIL", "(none)", "Email address for help, shown on the help page."
    )
    contact_phone: str = _setting(
        "GESI_CONTACT_PHONE", "(none)", "Phone or WhatsApp number for help, shown on the help page."
    )
    min_fill_seconds: int = _setting(
        "GESI_MIN_FILL_SECONDS",
        "5",
        "Anti-spam: a report sent sooner than this after its first answer is refused.",
    )
    jobs_interval_minutes: int = _setting(
        "GESI_JOBS_INTERVAL_MINUTES",
        "60",
        "How often each app process runs periodic jobs (purge old drafts); 0 leaves them to cron.",
    )
    reports_per_hour: int = _setting(
        "GESI_REPORTS_PER_HOUR",
        "20",
        "Anti-spam: reports one address may send per hour (per app process).",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)

        def get(name: str) -> str:
            return env.get(name, "").strip()

        data_dir = Path(get("GESI_DATA_DIR") or "./var").resolve()
        database_url = (
            get("GESI_DATABASE_URL") or f"sqlite+aiosqlite:///{data_dir / 'suara.sqlite3'}"
        )
        if not database_url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise SettingsError(
                "GESI_DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
            )
        default_locale = get("GESI_DEFAULT_LOCALE") or "id"
        if default_locale not in LOCALES:
            raise SettingsError(f"GESI_DEFAULT_LOCALE must be one of: {', '.join(LOCALES)}")
        base_url = (get("GESI_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SettingsError("GESI_BASE_URL must be an http:// or https:// address")
        proxies = tuple(p.strip() for p in get("GESI_TRUSTED_PROXIES").split(",") if p.strip())
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise SettingsError(
                    f"GESI_TRUSTED_PROXIES has {proxy!r}, which is not an IP address"
                ) from None
        timezone = get("GESI_TIMEZONE") or "Asia/Jakarta"
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise SettingsError(
                f"GESI_TIMEZONE has {timezone!r}, which is not a time zone"
            ) from None
        secret_key = get("GESI_SECRET_KEY")
        if secret_key and len(secret_key) < 32:
            raise SettingsError("GESI_SECRET_KEY must be at least 32 characters")
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            secret_key=secret_key or _stored_secret(data_dir),
            default_locale=default_locale,
            base_url=base_url,
            trusted_proxies=proxies,
            timezone=timezone,
            authority_name=get("GESI_AUTHORITY_NAME") or "Pemerintah Kabupaten Tangerang",
            contact_email=get("GESI_CONTACT_EMAIL"),
            contact_phone=get("GESI_CONTACT_PHONE"),
            min_fill_seconds=_int(get("GESI_MIN_FILL_SECONDS") or "5", "GESI_MIN_FILL_SECONDS"),
            jobs_interval_minutes=_int(
                get("GESI_JOBS_INTERVAL_MINUTES") or "60", "GESI_JOBS_INTERVAL_MINUTES"
            ),
            reports_per_hour=_int(get("GESI_REPORTS_PER_HOUR") or "20", "GESI_REPORTS_PER_HOUR", 1),
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def https(self) -> bool:
        return self.base_url.startswith("https://")


def _int(value: str, name: str, minimum: int = 0) -> int:
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number") from None
    if number < minimum:
        raise SettingsError(f"{name} must be {minimum} or more")
    return number


def documented_settings() -> list[tuple[str, str, str]]:
    """(env name, default, help) of every setting, in declaration order."""
    return [
        (f.metadata["env"], f.metadata["default"], f.metadata["help"]) for f in fields(Settings)
    ]


def _stored_secret(data_dir: Path) -> str:
    path = data_dir / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"GESI_DATA_DIR {data_dir} cannot be created: {exc.strerror}") from None
    key = secrets.token_urlsafe(48)
    # O_EXCL so two processes starting together agree on one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key
