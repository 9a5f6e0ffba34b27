"""The minutes PDF is laid out in a worker process, never on the event loop nor in a thread of
the app's process: WeasyPrint works in Python, so even a thread would hold the GIL and slow
every other request while it runs."""

from __future__ import annotations

import threading
import time

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from gesi_app.accounts.models import StaffUser
from gesi_app.forums.minutes_layout import to_pdf
from gesi_app.forums.participation import NewInput, add_input
from gesi_app.forums.service import forum_by_code
from tests import factories
from tests.forums_support import add_forum, forum_team
from tests.staff_support import sign_in

INPUTS = 80


def busy_forum(database_url: str) -> str:
    """A live forum with many inputs, so its minutes take a while to lay out; its code."""
    team = forum_team(database_url)
    forum = add_forum(database_url, team.ids["fasilitator"])

    async def work(session: AsyncSession) -> None:
        staff = await session.get_one(StaffUser, team.ids["fasilitator"])
        found = await forum_by_code(session, forum.join_code)
        for n in range(INPUTS):
            item = found.agenda[n % len(found.agenda)].id
            text = f"Masukan {n + 1}: antrean di loket {n % 7 + 1} panjang sejak pagi hari. " * 8
            await add_input(session, found, NewInput(item, text), staff=staff)

    factories.run(database_url, work)
    return forum.join_code


def test_the_minutes_pdf_is_laid_out_in_another_process(
    client: TestClient, database_url: str
) -> None:
    code = busy_forum(database_url)
    assert sign_in(client, "fasilitator").status_code == 303
    # What laying these minutes out costs in this process's CPU time, done here directly...
    html = client.get(f"/staff/forums/{code}/minutes").text
    to_pdf(html, "http://testserver/")  # fonts found once in this process too
    began = time.process_time()
    assert to_pdf(html, "http://testserver/").startswith(b"%PDF-")
    in_process = time.process_time() - began

    # ...and what the app's process spends when it serves the PDF, while /healthz is asked.
    answers: list[int] = []
    done = threading.Event()

    def download() -> None:
        try:
            pdf = client.get(f"/staff/forums/{code}/minutes.pdf")
            answers.append(pdf.status_code)
            assert pdf.content.startswith(b"%PDF-")
        finally:
            done.set()

    began = time.process_time()
    worker = threading.Thread(target=download)
    worker.start()
    health_while_rendering = 0
    while not done.is_set() and health_while_rendering < 3:
        if client.get("/healthz").status_code == 200 and not done.is_set():
            health_while_rendering += 1
        time.sleep(0.05)
    worker.join()
    served = time.process_time() - began

    assert answers == [200]
    assert health_while_rendering == 3
    # The layout's CPU time is spent in the worker, not here: serving the PDF costs this
    # process (rendering the HTML, talking to the database, the /healthz answers) far less
    # than laying it out.
    assert served < in_process / 2, (served, in_process)
