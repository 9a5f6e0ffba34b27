"""Notification texts: plain words in both languages, the tracking link, SMS ≤ 160 characters;
and the retry schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from gesi_app.demo import AGENCIES
from gesi_app.i18n import get_locale, set_locale
from gesi_app.notifications.delivery import MAX_ATTEMPTS, backoff
from gesi_app.notifications.messages import SMS_LIMIT, compose
from gesi_app.reports.deadlines import STANDARD

CODE = "SRA-7K4Q-2M"
BASE = "https://suara.tangerangkab.go.id"
LINK = f"{BASE}/track/{CODE}"


def test_verified_in_english_says_where_it_went_and_the_deadline() -> None:
    notice = compose(
        "verified",
        code=CODE,
        base_url=BASE,
        agency="Dinas Kesehatan",
        locale="en",
        deadlines=STANDARD,
    )
    assert notice.subject == "Your report SRA-7K4Q-2M has been checked"
    assert notice.body == (
        "Your report SRA-7K4Q-2M has been checked and sent to Dinas Kesehatan.\n\n"
        "The agency will answer within 5 working days.\n\n"
        f"See your report here: {LINK}"
    )
    assert notice.sms == (
        "Report SRA-7K4Q-2M was checked and sent to Dinas Kesehatan. "
        f"Answer within 5 working days. {LINK}"
    )


def test_answered_in_indonesian() -> None:
    notice = compose(
        "answered",
        code=CODE,
        base_url=BASE,
        agency="Dinas Kesehatan",
        locale="id",
        deadlines=STANDARD,
    )
    assert notice.subject == "Laporan Anda SRA-7K4Q-2M sudah dijawab"
    assert notice.body.splitlines()[0] == (
        "Laporan Anda SRA-7K4Q-2M sudah dijawab oleh Dinas Kesehatan."
    )
    assert f"Baca jawabannya di sini: {LINK}" in notice.body
    assert "10 hari kerja" in notice.body


@pytest.mark.parametrize("locale", ["id", "en"])
@pytest.mark.parametrize("kind", ["verified", "answered", "closed"])
@pytest.mark.parametrize("agency", [None, *(a[1] for a in AGENCIES), *(a[2] for a in AGENCIES)])
def test_sms_fits_in_one_message_with_the_link(kind: str, locale: str, agency: str | None) -> None:
    notice = compose(
        kind, code=CODE, base_url=BASE, agency=agency, locale=locale, deadlines=STANDARD
    )
    assert len(notice.sms) <= SMS_LIMIT
    assert notice.sms.endswith(LINK)
    assert notice.sms.isascii()  # GSM-7: one SMS holds 160 characters only in that alphabet


def test_a_long_agency_name_is_left_out_of_the_sms_not_the_link() -> None:
    agency = "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Tangerang"
    notice = compose(
        "verified", code=CODE, base_url=BASE, agency=agency, locale="id", deadlines=STANDARD
    )
    assert agency not in notice.sms
    assert agency in notice.body
    assert notice.sms == (
        f"Laporan {CODE} sudah diperiksa. Jawaban paling lambat 5 hari kerja. {LINK}"
    )


def test_composing_leaves_the_callers_language_alone() -> None:
    set_locale("en")
    compose("closed", code=CODE, base_url=BASE, agency=None, locale="id", deadlines=STANDARD)
    assert get_locale() == "en"
    set_locale("id")


def test_backoff_doubles_from_one_minute_up_to_six_hours() -> None:
    minutes = [backoff(n) / dt.timedelta(minutes=1) for n in range(1, MAX_ATTEMPTS + 1)]
    assert minutes == [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]
    assert backoff(1000) == dt.timedelta(hours=6)
