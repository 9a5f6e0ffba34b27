"""Deadlines follow GESI_VERIFY_DAYS, GESI_ANSWER_DAYS and GESI_AUTOCLOSE_DAYS: the dates set,
the tracking page, the reporter's messages and the audio prompts all say the same number."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gesi_app import jobs
from gesi_app.app import create_app
from gesi_app.audio.catalogue import normalise, prompt_texts
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.notifications.messages import compose
from gesi_app.reports.deadlines import Deadlines
from gesi_app.reports.models import Status
from gesi_app.web.state import app_state
from tests import factories
from tests.casework_support import load, report_in
from tests.conftest import make_settings
from tests.functional.tracking_helpers import as_reporter
from tests.staff_support import make_team

MONDAY = dt.datetime(2026, 1, 5, 3, 0, tzinfo=dt.UTC)  # Monday 5 January 2026, 10:00 WIB


@pytest.fixture
def custom(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    settings = make_settings(
        tmp_path / "data",
        database_url,
        GESI_VERIFY_DAYS="4",
        GESI_ANSWER_DAYS="7",
        GESI_AUTOCLOSE_DAYS="2",
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def deadlines_of(client: TestClient) -> Deadlines:
    return app_state(client.app).resource(Deadlines)  # type: ignore[arg-type]  # the TestClient's app


def test_the_settings_set_the_deadlines_and_the_words(
    custom: TestClient, database_url: str
) -> None:
    days = deadlines_of(custom)
    assert (days.verify, days.answer, days.auto_close) == (4, 7, 2)
    report = factories.create_report(
        database_url, now=MONDAY, deadlines=days, region_code=None
    ).report
    assert report.verify_due == dt.date(2026, 1, 9)  # 4 working days, not 3
    as_reporter(custom, database_url, report.tracking_code)
    page = custom.get(f"/track/{report.tracking_code}", params={"lang": "en"}).text
    assert "The check takes up to 4 working days" not in page  # overdue by now: said plainly
    assert '<time datetime="2026-01-09">' in page
    fresh = factories.create_report(database_url, deadlines=days, region_code=None).report
    as_reporter(custom, database_url, fresh.tracking_code)
    page = custom.get(f"/track/{fresh.tracking_code}", params={"lang": "en"}).text
    assert "The check takes up to 4 working days, by" in page
    spoken = re.search(r"/audio/dated/en/\d+-4-[^\"]+", page)  # the sentence says 4 too
    assert spoken is not None and custom.get(spoken.group(0)).status_code == 200
    notice = compose(
        "verified", code="ABC234", base_url="http://x", agency="DPUPR", locale="en", deadlines=days
    )
    assert "7 working days" in notice.sms
    texts = prompt_texts("Pemerintah Kabupaten Tangerang", days)["en"]
    assert normalise("The check takes up to 4 working days.") in texts
    assert normalise("The agency answers within 7 working days.") in texts
    assert normalise("The check takes up to 3 working days.") not in texts
    assert normalise("Staff check your report within 4 working days.") in texts
    assert normalise("Staff check your report within 3 working days.") not in texts


def test_the_answer_and_close_deadlines_follow_the_settings(
    custom: TestClient, database_url: str, tmp_path: Path
) -> None:
    team = make_team(database_url)
    answered = report_in(database_url, Status.DITINDAKLANJUTI, team.agencies["dpupr"], now=MONDAY)

    async def run(now: dt.datetime) -> dict[str, int]:
        engine = create_engine(database_url)
        try:
            return await jobs.run_jobs(
                session_factory(engine),
                tmp_path,
                now,
                timezone="Asia/Jakarta",
                deadlines=deadlines_of(custom),
                hasher=factories.HASHER,
            )
        finally:
            await engine.dispose()

    # Two working days after Monday 5 January is Wednesday 7: still open on Tuesday.
    assert asyncio.run(run(dt.datetime(2026, 1, 6, 3, 0, tzinfo=dt.UTC)))["reports_closed"] == 0
    assert asyncio.run(run(dt.datetime(2026, 1, 7, 3, 0, tzinfo=dt.UTC)))["reports_closed"] == 1
    assert load(database_url, answered.id).status is Status.SELESAI


def test_the_defaults_keep_the_words(client: TestClient) -> None:
    days = deadlines_of(client)
    assert (days.verify, days.answer, days.auto_close) == (3, 5, 10)
    texts = prompt_texts("Pemerintah Kabupaten Tangerang", days)["id"]
    assert normalise("Pemeriksaan paling lama 3 hari kerja.") in texts


def test_no_page_writes_a_number_of_working_days_itself() -> None:
    """Every "N working days" in a template takes N from the settings (%(days)s or a count)."""
    templates = Path(__file__).parents[2] / "gesi_app" / "templates"
    fixed = [
        f"{path.relative_to(templates)}: {line.strip()}"
        for path in sorted(templates.rglob("*.html"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\b\d+ working days?\b", line)
    ]
    assert fixed == []


def test_two_apps_in_one_process_keep_their_own_days(
    custom: TestClient, tmp_path: Path, database_url: str
) -> None:
    """The days are the app's, not the process's: an app made later does not change them."""
    other = create_app(make_settings(tmp_path / "other", database_url))
    code = factories.create_report(database_url, region_code=None).report.tracking_code
    with TestClient(other) as standard:
        pages = []
        for client in (standard, custom):
            as_reporter(client, database_url, code)
            pages.append(client.get(f"/track/{code}", params={"lang": "en"}).text)
    assert "The check takes up to 3 working days, by" in pages[0]
    assert "The check takes up to 4 working days, by" in pages[1]
