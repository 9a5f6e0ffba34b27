"""Running a capture: the worker inside the checkout's interpreter, and the process that
starts it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from snapshot.capture import STAFF, Capture
from snapshot.normalise import Normaliser
from snapshot.people import Visit
from snapshot.routes import sweep_forms, walk_routes
from snapshot.scenario import scenario
from snapshot.seeded import SeededSecrets
from snapshot.store import write

ENTRY = Path(__file__).resolve().parents[1] / "page_snapshot.py"  # run again as the worker


def _detect(*candidates: str) -> Any:
    """The first of the checkout's modules that exists (helpers move between layouts)."""
    for name in candidates:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise
    raise SystemExit(f"none of {candidates} in this checkout")


def worker(checkout: Path, out: Path) -> None:
    """Runs inside the checkout's interpreter (``capture`` starts it)."""
    SeededSecrets().install()
    sys.path.insert(0, str(checkout))
    start = dt.datetime.now(dt.UTC)
    from starlette.testclient import TestClient

    import gesi_app
    from gesi_app.app import create_app
    from gesi_app.settings import Settings

    if not Path(gesi_app.__file__).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"gesi_app imported from {gesi_app.__file__}, not from {checkout}")

    factories = _detect("tests.factories", "tests.support.factories")
    conftest = _detect("tests.conftest")  # its make_settings: the test settings (cheap Argon2)
    databases = _detect("tests.databases", "tests.support.databases")

    with tempfile.TemporaryDirectory(prefix="page-snapshot-") as tmp:
        folder = Path(tmp)
        template = databases.sqlite_template(folder / "template")
        url = databases.fresh_sqlite(template, folder)
        seeded = factories.seed(url)
        settings = conftest.make_settings(
            folder / "data",
            url,
            GESI_REPORTS_PER_HOUR="1000000",
            GESI_FORUM_POSTS_PER_MINUTE="1000000",
            GESI_DOWNLOADS_PER_HOUR="1000000",
        )
        assert isinstance(settings, Settings)
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            cap = Capture(client, Path(url.split("///", 1)[1]), settings.timezone)
            visit = Visit(cap, seeded.new_passwords)
            scenario(cap, visit)
            walk_routes(cap, app)
            sweep_forms(cap)
            for persona in STAFF:  # last: signing out ends the sessions the rest needed
                cap.post(persona, "/staff/logout", "id", "sign out")
            end = dt.datetime.now(dt.UTC)
            words = dict(cap.words)
            for number, code in zip(cap.ids("reports"), cap.report_codes(), strict=True):
                words[code] = f"{{report-{number}}}"
                words[" ".join(ch for ch in code if ch != "-")] = f"{{report-{number} spelled}}"
            for number, code in zip(cap.ids("forums"), cap.forum_codes(), strict=True):
                words[code] = f"{{forum-{number}}}"
            for number, pin in enumerate(cap.pins, 1):
                words[pin] = f"{{pin-{number}}}"
                words[" ".join(pin)] = f"{{pin-{number} spelled}}"
            normaliser = Normaliser(
                sorted(words.items(), key=lambda kv: -len(kv[0])), start, end, cap.zone
            )
            write(out, cap, normaliser, start, end, settings.timezone)


def capture(checkout: Path, out: Path, python: str) -> int:
    checkout, out = checkout.resolve(), out.resolve()
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    for key in [k for k in env if k.startswith("GESI_")]:
        del env[key]
    run: Callable[..., Any] = subprocess.run
    run([python, "scripts/messages.py", "compile"], cwd=checkout, env=env, check=True)
    done = run(
        [python, str(ENTRY), "_worker", str(checkout), str(out)],
        cwd=checkout,
        env=env,
    )
    return int(done.returncode)
