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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from email.utils import parseaddr
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
        "Anti-spam: reports one address may send per hour (all app processes together).",
    )
    forum_posts_per_minute: int = _setting(
        "GESI_FORUM_POSTS_PER_MINUTE",
        "30",
        "Anti-spam: forum sign-ins, inputs and votes one address may send a minute "
        "(all processes).",
    )
    downloads_per_hour: int = _setting(
        "GESI_DOWNLOADS_PER_HOUR",
        "30",
        "Whole data files (open data exports, GESI tables) one address may download per hour "
        "(all processes).",
    )
    max_form_kb: int = _setting(
        "GESI_MAX_FORM_KB",
        "256",
        "Largest form a page takes, in KB; a larger request gets a 413 page before it is read.",
    )
    max_upload_mb: int = _setting(
        "GESI_MAX_UPLOAD_MB",
        "64",
        "Largest request with a file (evidence, voice, video), in MB; above 50, the video limit.",
    )
    verify_days: int = _setting(
        "GESI_VERIFY_DAYS",
        "3",
        "Working days staff have to check a new report (SP4N-LAPOR!: 3).",
    )
    answer_days: int = _setting(
        "GESI_ANSWER_DAYS",
        "5",
        "Working days an agency has to answer a checked report (SP4N-LAPOR!: 5).",
    )
    autoclose_days: int = _setting(
        "GESI_AUTOCLOSE_DAYS",
        "10",
        "Working days an answered report waits for the reporter's reply before it closes.",
    )
    argon2_time_cost: int = _setting(
        "GESI_ARGON2_TIME_COST",
        "3",
        "Argon2 passes per staff password or reporter PIN hash (at least 1); lower is weaker.",
    )
    argon2_memory_kib: int = _setting(
        "GESI_ARGON2_MEMORY_KIB",
        "65536",
        "Argon2 memory per hash, in KiB (at least 1024); lower makes hashes cheaper to guess.",
    )
    tts_engines: tuple[str, ...] = _setting(
        "GESI_TTS_ENGINES",
        "gtts,espeak",
        "Voices for audio prompts, tried in order: gtts (web, only our own texts), espeak.",
    )
    tts_timeout: float = _setting(
        "GESI_TTS_TIMEOUT",
        "5",
        "Seconds to wait for the web voice (gtts) before espeak-ng speaks instead.",
    )
    smtp_host: str = _setting(
        "GESI_SMTP_HOST",
        "(none)",
        "Mail server for notifications to reporters; without it emails wait in the outbox.",
    )
    smtp_port: int = _setting("GESI_SMTP_PORT", "587", "Port of the mail server.")
    smtp_user: str = _setting(
        "GESI_SMTP_USER", "(none)", "User name on the mail server, if it asks for one."
    )
    smtp_password: str = _setting(
        "GESI_SMTP_PASSWORD", "(none)", "Password on the mail server (with GESI_SMTP_USER)."
    )
    smtp_starttls: bool = _setting(
        "GESI_SMTP_STARTTLS",
        "true",
        "Encrypt the connection to the mail server with STARTTLS: true or false.",
    )
    mail_from: str = _setting(
        "GESI_MAIL_FROM",
        "(none)",
        "Sender of notification emails, e.g. Suara <no-reply@example.go.id>; needed with SMTP.",
    )
    sms_url: str = _setting(
        "GESI_SMS_URL",
        "(none)",
        "HTTP(S) address of the SMS gateway (docs/sms-gateway.md); without it no SMS is sent.",
    )
    sms_token: str = _setting(
        "GESI_SMS_TOKEN",
        "(none)",
        "Bearer token the SMS gateway expects; needed with GESI_SMS_URL.",
    )
    sms_timeout: float = _setting(
        "GESI_SMS_TIMEOUT",
        "10",
        "Seconds to wait for the SMS gateway's answer before trying again later (at most 60).",
    )
    sms_sender: str = _setting(
        "GESI_SMS_SENDER",
        "(none)",
        "Sender name or number the gateway shows on each SMS, if it lets us choose one.",
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
            forum_posts_per_minute=_int(
                get("GESI_FORUM_POSTS_PER_MINUTE") or "30", "GESI_FORUM_POSTS_PER_MINUTE", 1
            ),
            downloads_per_hour=_int(
                get("GESI_DOWNLOADS_PER_HOUR") or "30", "GESI_DOWNLOADS_PER_HOUR", 1
            ),
            max_form_kb=_int(get("GESI_MAX_FORM_KB") or "256", "GESI_MAX_FORM_KB", 1),
            max_upload_mb=_int(get("GESI_MAX_UPLOAD_MB") or "64", "GESI_MAX_UPLOAD_MB", 1),
            verify_days=_int(get("GESI_VERIFY_DAYS") or "3", "GESI_VERIFY_DAYS", 1),
            answer_days=_int(get("GESI_ANSWER_DAYS") or "5", "GESI_ANSWER_DAYS", 1),
            autoclose_days=_int(get("GESI_AUTOCLOSE_DAYS") or "10", "GESI_AUTOCLOSE_DAYS", 1),
            argon2_time_cost=_int(get("GESI_ARGON2_TIME_COST") or "3", "GESI_ARGON2_TIME_COST", 1),
            argon2_memory_kib=_int(
                get("GESI_ARGON2_MEMORY_KIB") or "65536", "GESI_ARGON2_MEMORY_KIB", 1024
            ),
            **_tts(get),
            **_smtp(get),
            **_sms(get),
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sms_configured(self) -> bool:
        """Whether SMS can go out: without a gateway, no SMS is sent (or promised)."""
        return bool(self.sms_url)

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


def _smtp(get: Callable[[str], str]) -> dict[str, Any]:
    """Mail settings: all optional, but consistent when given."""
    host = get("GESI_SMTP_HOST")
    port = _int(get("GESI_SMTP_PORT") or "587", "GESI_SMTP_PORT", 1)
    if port > 65535:
        raise SettingsError("GESI_SMTP_PORT must be 65535 or less")
    starttls = (get("GESI_SMTP_STARTTLS") or "true").lower()
    if starttls not in ("true", "false"):
        raise SettingsError("GESI_SMTP_STARTTLS must be true or false")
    user, password = get("GESI_SMTP_USER"), get("GESI_SMTP_PASSWORD")
    if bool(user) != bool(password):
        raise SettingsError("GESI_SMTP_USER and GESI_SMTP_PASSWORD must be set together")
    mail_from = get("GESI_MAIL_FROM")
    if mail_from and "@" not in parseaddr(mail_from)[1]:
        raise SettingsError(f"GESI_MAIL_FROM has {mail_from!r}, which is not an email address")
    if host and not mail_from:
        raise SettingsError("GESI_MAIL_FROM must be set when GESI_SMTP_HOST is")
    return {
        "smtp_host": host,
        "smtp_port": port,
        "smtp_user": user,
        "smtp_password": password,
        "smtp_starttls": starttls == "true",
        "mail_from": mail_from,
    }


def _sms(get: Callable[[str], str]) -> dict[str, Any]:
    """SMS gateway settings: all optional, but a gateway needs its address and its token."""
    url, token = get("GESI_SMS_URL"), get("GESI_SMS_TOKEN")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SettingsError("GESI_SMS_URL must be an http:// or https:// address")
        if not token:
            raise SettingsError("GESI_SMS_TOKEN must be set when GESI_SMS_URL is")
    elif token:
        raise SettingsError("GESI_SMS_URL must be set when GESI_SMS_TOKEN is")
    try:
        timeout = float(get("GESI_SMS_TIMEOUT") or "10")
    except ValueError:
        raise SettingsError("GESI_SMS_TIMEOUT must be a number of seconds") from None
    if not 0 < timeout <= 60:
        raise SettingsError("GESI_SMS_TIMEOUT must be more than 0 and at most 60")
    sender = get("GESI_SMS_SENDER")
    if len(sender) > 20:
        raise SettingsError("GESI_SMS_SENDER must be at most 20 characters")
    return {"sms_url": url, "sms_token": token, "sms_timeout": timeout, "sms_sender": sender}


def _tts(get: Any) -> dict[str, Any]:
    """Audio prompt voices: a known, non-empty chain and a positive web timeout."""
    names = get("GESI_TTS_ENGINES") or "gtts,espeak"
    engines = tuple(n.strip().lower() for n in names.split(",") if n.strip())
    unknown = [n for n in engines if n not in ("gtts", "espeak")]
    if unknown or not engines or len(set(engines)) != len(engines):
        raise SettingsError("GESI_TTS_ENGINES must list gtts and/or espeak, once each")
    try:
        timeout = float(get("GESI_TTS_TIMEOUT") or "5")
    except ValueError:
        raise SettingsError("GESI_TTS_TIMEOUT must be a number of seconds") from None
    if not 0 < timeout <= 60:
        raise SettingsError("GESI_TTS_TIMEOUT must be more than 0 and at most 60")
    return {"tts_engines": engines, "tts_timeout": timeout}


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
