"""SMS gateway settings: optional, consistent when given, one clear line for each bad value;
with them, the app sends SMS through the HTTP gateway adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesi_app.notifications.delivery import senders_from
from gesi_app.notifications.sms import HttpSms
from gesi_app.settings import Settings, SettingsError

GOOD = {"GESI_SMS_URL": "https://sms.example.go.id/v1/sms", "GESI_SMS_TOKEN": "s3cret-token"}


def test_with_a_gateway(tmp_path: Path) -> None:
    env = {"GESI_DATA_DIR": str(tmp_path), **GOOD, "GESI_SMS_TIMEOUT": "2.5"}
    settings = Settings.from_env(env | {"GESI_SMS_SENDER": "PEMKAB"})
    assert settings.sms_configured
    sms = senders_from(settings).sms
    assert isinstance(sms, HttpSms)
    assert (sms.config.url, sms.config.token) == (GOOD["GESI_SMS_URL"], "s3cret-token")
    assert (sms.config.timeout, sms.config.sender) == (2.5, "PEMKAB")
    assert Settings.from_env({"GESI_DATA_DIR": str(tmp_path), **GOOD}).sms_timeout == 10


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"GESI_SMS_URL": "sms.example.go.id"}, "GESI_SMS_URL must be an http:// or https:// address"),
        ({"GESI_SMS_URL": "file:///etc/passwd", "GESI_SMS_TOKEN": "t"},
         "GESI_SMS_URL must be an http:// or https:// address"),
        ({"GESI_SMS_URL": "https://sms.example.go.id"}, "GESI_SMS_TOKEN must be set when GESI_SMS_URL is"),
        ({"GESI_SMS_TOKEN": "t"}, "GESI_SMS_URL must be set when GESI_SMS_TOKEN is"),
        ({**GOOD, "GESI_SMS_TIMEOUT": "soon"}, "GESI_SMS_TIMEOUT must be a number of seconds"),
        ({**GOOD, "GESI_SMS_TIMEOUT": "0"}, "GESI_SMS_TIMEOUT must be more than 0 and at most 60"),
        ({**GOOD, "GESI_SMS_TIMEOUT": "61"}, "GESI_SMS_TIMEOUT must be more than 0 and at most 60"),
        ({**GOOD, "GESI_SMS_SENDER": "x" * 21}, "GESI_SMS_SENDER must be at most 20 characters"),
    ],
)  # fmt: skip
def test_bad_sms_settings(tmp_path: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"GESI_DATA_DIR": str(tmp_path), **env})
    assert str(raised.value) == message
