"""Supporting a public report: once per browser, without and with htmx, never a rahasia one."""

from __future__ import annotations

import asyncio
import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.app import create_app
from gesi_app.db.engine import create_engine, session_factory
from gesi_app.public import service
from gesi_app.public.service import SupportNotCounted, support_report
from gesi_app.reports.models import Report, Support
from gesi_app.settings import Settings
from tests import factories
from tests.conftest import form_token
from tests.functional.public_data import add


def counts(url: str, code: str) -> tuple[int, int]:
    """The report's support count and its number of support rows."""

    async def work(session: AsyncSession) -> tuple[int, int]:
        report = await session.scalar(select(Report).where(Report.tracking_code == code))
        assert report is not None
        rows = await session.scalar(
            select(func.count()).select_from(Support).where(Support.report_id == report.id)
        )
        return report.support_count, int(rows or 0)

    result: tuple[int, int] = factories.run(url, work)
    return result


@pytest.fixture
def code(database_url: str) -> str:
    factories.seed(database_url)
    return add(database_url, 1, title="Trotoar rusak")


def support_form(html: str) -> str:
    match = re.search(r'<div id="support" class="support" data-keep-focus>(.*?)</div>', html, re.S)
    assert match
    return match.group(1)


def test_support_without_javascript_counts_once_per_browser(
    settings: Settings, client: TestClient, database_url: str, code: str
) -> None:
    page = client.get(f"/reports/{code}", params={"lang": "id"}).text
    assert "Belum ada yang mendukung laporan ini." in page
    form = support_form(page)
    assert f'<form method="post" action="/reports/{code}/support"' in form
    assert (
        f'data-hx-post="/reports/{code}/support" data-hx-target="#support" data-hx-swap="innerHTML"'
        in form
    )
    assert '<button class="button" type="submit">Dukung laporan ini</button>' in form
    token = form_token(page)

    response = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith(f"/reports/{code}")
    assert "HX-Request" in response.headers["vary"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("suara_supporter=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=" in cookie
    browser_token = client.cookies["suara_supporter"]
    assert counts(database_url, code) == (1, 1)

    after = client.get(f"/reports/{code}").text
    assert "<strong>Anda mendukung laporan ini</strong>" in after
    assert "1 orang mendukung laporan ini." in after
    assert "<button" not in support_form(after)

    # Again from the same browser (a double click, or the back button): nothing changes.
    again = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, follow_redirects=False
    )
    assert again.status_code == 303
    assert "set-cookie" not in again.headers or "suara_supporter" not in again.headers.get(
        "set-cookie", ""
    )
    assert client.cookies["suara_supporter"] == browser_token
    assert counts(database_url, code) == (1, 1)

    # The database keeps only a hash of the browser's token.
    async def stored(session: AsyncSession) -> list[str]:
        return list((await session.scalars(select(Support.supporter))).all())

    hashes = factories.run(database_url, stored)
    assert browser_token not in hashes and len(hashes[0]) == 64

    # Another browser, at another address, counts too.
    with TestClient(create_app(settings), client=("203.0.113.5", 1000)) as other:
        page = other.get(f"/reports/{code}", params={"lang": "en"}).text
        assert "1 person supports this report." in page
        assert "The number is a guide, not an exact count" in page
        other.post(f"/reports/{code}/support", data={"csrftoken": form_token(page)})
        assert counts(database_url, code) == (2, 2)
        assert "2 people support this report." in other.get(f"/reports/{code}").text
        listed = other.get("/reports").text
    assert "<dd>2 supporters</dd>" in listed


def test_support_with_htmx_returns_the_fragment_and_a_status_message(
    client: TestClient, database_url: str, code: str
) -> None:
    token = form_token(client.get(f"/reports/{code}", params={"lang": "id"}).text)
    response = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "HX-Request" in response.headers["vary"]
    html = response.text
    assert "<html" not in html and "<button" not in html
    assert '<p class="support-count">1 orang mendukung laporan ini.</p>' in html
    assert 'tabindex="-1" data-focus-after-swap><strong>Anda mendukung laporan ini</strong>' in html
    assert (
        '<div id="live-status" data-hx-swap-oob="innerHTML">'
        "Anda mendukung laporan ini. 1 orang mendukung laporan ini.</div>"
    ) in html
    assert counts(database_url, code) == (1, 1)

    client.get(f"/reports/{code}", params={"lang": "en"})
    second = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, headers={"HX-Request": "true"}
    )
    assert (
        '<div id="live-status" data-hx-swap-oob="innerHTML">'
        "You support this report. 1 person supports this report.</div>"
    ) in second.text
    assert counts(database_url, code) == (1, 1)


def test_a_report_page_loads_the_focus_script(client: TestClient, code: str) -> None:
    html = client.get(f"/reports/{code}").text
    script = re.search(r'<script src="(/static/js/focus-after-swap\.js\?v=\w+)" defer>', html)
    assert script
    assert client.get(script.group(1)).status_code == 200


def test_support_on_a_rahasia_or_unknown_report_is_not_found(
    client: TestClient, database_url: str, code: str
) -> None:
    secret = add(database_url, 2, rahasia=True, title="Rahasia")
    token = form_token(client.get(f"/reports/{code}").text)
    for target in (secret, "SRA-2222-22", "nonsense"):
        response = client.post(f"/reports/{target}/support", data={"csrftoken": token})
        assert response.status_code == 404
        assert "suara_supporter" not in response.headers.get("set-cookie", "")
    assert counts(database_url, secret) == (0, 0)


def test_support_needs_the_csrf_token(client: TestClient, database_url: str, code: str) -> None:
    client.get(f"/reports/{code}")
    response = client.post(f"/reports/{code}/support", data={})
    assert response.status_code == 403
    assert counts(database_url, code) == (0, 0)


def test_a_forged_supporter_cookie_is_replaced(
    client: TestClient, database_url: str, code: str
) -> None:
    client.cookies.set("suara_supporter", "short")
    token = form_token(client.get(f"/reports/{code}").text)
    response = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, follow_redirects=False
    )
    assert response.status_code == 303
    new = re.match(r"suara_supporter=([^;]+);", response.headers["set-cookie"])
    assert new and re.fullmatch(r"[A-Za-z0-9_-]{43}", new.group(1))
    assert counts(database_url, code) == (1, 1)


def test_two_requests_at_once_from_one_browser_count_once(database_url: str, code: str) -> None:
    """A double click sends two requests together; the unique row keeps the count right."""

    async def one(token: str) -> bool:
        engine = create_engine(database_url)
        try:
            async with session_factory(engine)() as session:
                return (await support_report(session, code, token)).added
        except SupportNotCounted:  # the address's one support today is the first request's
            return False
        finally:
            await engine.dispose()

    async def both() -> list[bool]:
        return list(await asyncio.gather(*(one("b" * 43) for _ in range(4))))

    assert sorted(asyncio.run(both())) == [False, False, False, True]
    assert counts(database_url, code) == (1, 1)


def test_two_hundred_cookieless_supports_from_one_address_count_once(
    client: TestClient, database_url: str, code: str
) -> None:
    page = client.get(f"/reports/{code}", params={"lang": "id"}).text
    token = form_token(page)
    for n in range(200):
        client.cookies.delete("suara_supporter")  # a script that never keeps the cookie
        response = client.post(
            f"/reports/{code}/support", data={"csrftoken": token}, follow_redirects=False
        )
        assert response.status_code == 303, n
    assert counts(database_url, code) == (1, 1)
    assert response.headers["location"].endswith(f"/reports/{code}?support=today#support")
    client.cookies.delete("suara_supporter")
    refused = client.get(response.headers["location"]).text
    assert (
        "Dukungan Anda tidak dihitung: hari ini sudah ada dukungan untuk laporan ini dari "
        "koneksi internet Anda."
    ) in refused
    assert "1 orang mendukung laporan ini." in refused
    # With htmx the button stays, with the reason, and the status region says it too.
    fragment = client.post(
        f"/reports/{code}/support", data={"csrftoken": token}, headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    assert "<button" in fragment.text
    assert (
        '<div id="live-status" data-hx-swap-oob="innerHTML">Dukungan Anda tidak dihitung'
        in fragment.text
    )


def test_supports_from_one_address_are_limited_across_reports(
    settings: Settings, database_url: str
) -> None:
    factories.seed(database_url)
    allowed = service.SUPPORTS_PER_HOUR
    codes = [add(database_url, n, title=f"Laporan {n}") for n in range(allowed + 1)]
    with TestClient(create_app(settings), client=("203.0.113.8", 1000)) as browser:
        token = form_token(browser.get(f"/reports/{codes[0]}", params={"lang": "en"}).text)
        for code in codes[:allowed]:
            browser.cookies.delete("suara_supporter")
            browser.post(f"/reports/{code}/support", data={"csrftoken": token})
        browser.cookies.delete("suara_supporter")
        later = browser.post(f"/reports/{codes[-1]}/support", data={"csrftoken": token})
    assert "many supports came from your internet connection in the last hour" in later.text
    assert [counts(database_url, code)[0] for code in codes] == [1] * allowed + [0]
