"""The deadline settings: positive whole numbers, one clear line each, and the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from gesi_app.settings import Settings, SettingsError


def test_defaults_are_sp4n_lapor(tmp_path: Path) -> None:
    settings = Settings.from_env({"GESI_DATA_DIR": str(tmp_path)})
    assert (settings.verify_days, settings.answer_days, settings.autoclose_days) == (3, 5, 10)


def test_set_values_are_read(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "GESI_DATA_DIR": str(tmp_path),
            "GESI_VERIFY_DAYS": "2",
            "GESI_ANSWER_DAYS": " 7 ",
            "GESI_AUTOCLOSE_DAYS": "14",
        }
    )
    assert (settings.verify_days, settings.answer_days, settings.autoclose_days) == (2, 7, 14)


@pytest.mark.parametrize("name", ["GESI_VERIFY_DAYS", "GESI_ANSWER_DAYS", "GESI_AUTOCLOSE_DAYS"])
@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "must be 1 or more"), ("-3", "must be 1 or more"), ("five", "must be a whole number")],
)
def test_a_bad_value_names_the_setting(tmp_path: Path, name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"GESI_DATA_DIR": str(tmp_path), name: value})
    assert str(raised.value) == f"{name} {message}"
    assert "\n" not in str(raised.value)
