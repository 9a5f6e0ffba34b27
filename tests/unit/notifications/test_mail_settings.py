"""Mail settings: optional, consistent when given, one clear line for each bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesi_app.notifications.delivery import senders_from
from gesi_app.notifications.mail import SmtpSender
from gesi_app.settings import Settings, SettingsError

GOOD = {"GESI_SMTP_HOST": "mail.example.go.id", "GESI_MAIL_FROM": "Suara <no-reply@example.go.id>"}


def test_without_smtp_email_waits_and_without_a_gateway_no_sms_goes(tmp_path: Path) -> None:
    settings = Settings.from_env({"GESI_DATA_DIR": str(tmp_path)})
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_starttls) == ("", 587, True)
    assert senders_from(settings).email is None
    assert senders_from(settings).sms is None
    assert not settings.sms_configured


def test_with_smtp(tmp_path: Path) -> None:
    env = {"GESI_DATA_DIR": str(tmp_path), **GOOD, "GESI_SMTP_PORT": "2525"}
    env |= {"GESI_SMTP_STARTTLS": "FALSE", "GESI_SMTP_USER": "u", "GESI_SMTP_PASSWORD": "p"}
    settings = Settings.from_env(env)
    assert (settings.smtp_port, settings.smtp_starttls, settings.smtp_user) == (2525, False, "u")
    sender = senders_from(settings).email
    assert isinstance(sender, SmtpSender)
    assert sender.config.mail_from == "Suara <no-reply@example.go.id>"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GESI_SMTP_PORT": "smtp"}, "GESI_SMTP_PORT must be a whole number"),
        ({"GESI_SMTP_PORT": "0"}, "GESI_SMTP_PORT must be 1 or more"),
        ({"GESI_SMTP_PORT": "70000"}, "GESI_SMTP_PORT must be 65535 or less"),
        ({"GESI_SMTP_STARTTLS": "yes"}, "GESI_SMTP_STARTTLS must be true or false"),
        ({"GESI_SMTP_USER": "u"}, "GESI_SMTP_USER and GESI_SMTP_PASSWORD must be set together"),
        ({"GESI_SMTP_PASSWORD": "p"}, "GESI_SMTP_USER and GESI_SMTP_PASSWORD must be set together"),
        ({"GESI_MAIL_FROM": "Suara"}, "GESI_MAIL_FROM has 'Suara', which is not an email address"),
        (
            {"GESI_SMTP_HOST": "mail.example.go.id"},
            "GESI_MAIL_FROM must be set when GESI_SMTP_HOST is",
        ),
    ],
)
def test_bad_values_name_the_setting(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"GESI_DATA_DIR": str(tmp_path), **env})
    assert str(info.value) == message
