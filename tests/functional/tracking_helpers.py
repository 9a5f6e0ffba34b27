"""Helpers shared by the tracking tests: look a report up, read its page, load it back."""

from __future__ import annotations

import re
from typing import Any

from httpx2 import Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from starlette.testclient import TestClient

from gesi_app.reports.models import Rating, Report
from gesi_app.reports.service import Submitted, report_by_code
from gesi_app.tracking import keys
from tests import factories
from tests.conftest import form_token


def lookup(client: TestClient, code: str, pin: str = "", lang: str = "id") -> Response:
    page = client.get("/track", params={"lang": lang})
    return client.post(
        "/track",
        data={"csrftoken": form_token(page.text), "code": code, "pin": pin},
        follow_redirects=False,
    )


def prove(client: TestClient, submitted: Submitted) -> Report:
    """Give the report's code and PIN on the lookup page, as its reporter would."""
    response = lookup(client, submitted.report.tracking_code, submitted.pin)
    assert response.status_code == 303, response.text
    return submitted.report


def opened(client: TestClient, database_url: str, **overrides: Any) -> Report:
    """A new report whose reporter this browser is (it proved the code and the PIN)."""
    return prove(client, factories.create_report(database_url, **overrides))


def as_reporter(client: TestClient, database_url: str, code: str) -> None:
    """Make this browser the reporter of the report with ``code``, however it was made (a
    journey, a factory, a status helper): give the report a new PIN and prove it."""

    async def go(session: AsyncSession) -> str:
        report = await report_by_code(session, code)
        assert report is not None
        pin = await keys.new_key(report, factories.HASHER)
        await session.commit()
        return pin

    pin: str = factories.run(database_url, go)
    assert lookup(client, code, pin).status_code == 303


def post_on_page(
    client: TestClient, code: str, action: str, data: dict[str, Any], lang: str = "id"
) -> Response:
    """Open the report's page (as a browser would) and post one of its forms."""
    page = client.get(f"/track/{code}", params={"lang": lang})
    assert page.status_code == 200
    return client.post(
        f"/track/{code}/{action}",
        data={"csrftoken": form_token(page.text), **data},
        follow_redirects=False,
    )


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return match.group(1)


def summary(html: str) -> dict[str, str]:
    """The error summary: field id -> message."""
    return dict(re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html))


def main(html: str) -> str:
    """The page's main content, with the layout (menus, footer) cut away."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def text(html: str) -> str:
    """The visible words of the main content, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main(html))).strip()


def load(database_url: str, report_id: int) -> Report:
    async def go(session: AsyncSession) -> Report:
        report = await session.scalar(
            select(Report)
            .where(Report.id == report_id)
            .options(selectinload(Report.history), selectinload(Report.messages))
        )
        assert report is not None
        return report

    report: Report = factories.run(database_url, go)
    return report


def rating(database_url: str, report_id: int) -> Rating | None:
    async def go(session: AsyncSession) -> Rating | None:
        return await session.get(Rating, report_id)

    found: Rating | None = factories.run(database_url, go)
    return found
