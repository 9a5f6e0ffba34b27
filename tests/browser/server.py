"""The live server and the browser that every browser test shares (one each per test worker).

The server is the real thing: ``gesi-app db upgrade`` and ``gesi-app demo`` through the console
script, then ``uvicorn gesi_app.asgi:app`` in its own process, on SQLite in a fresh folder. The
browser is Debian's Chromium through chromedriver, headless, with a fresh profile.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from gesi_app.settings import Settings
from tests.browser import nu

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SECRET_KEY = "browser-test-secret-key-that-is-long-enough-0123456789"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1024",
]


def with_query(url: str, **params: str) -> str:
    """``url`` with these query parameters set (replacing any of the same name)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in params]
    query.extend(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


# ---------------------------------------------------------------------------------------------
# live server


@dataclass(frozen=True)
class LiveServer:
    """A running ``uvicorn gesi_app.asgi:app`` on its own SQLite database with demo data."""

    base_url: str
    database_url: str
    data_dir: Path

    def url(self, path: str, **query: str) -> str:
        return with_query(self.base_url + path, **query) if query else self.base_url + path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(data_dir: Path) -> dict[str, str]:
    """The environment without any GESI_ setting of the caller's, so the app uses SQLite."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GESI_")}
    # No anti-spam wait before "Send report": a browser test answers faster than a person.
    env.update(GESI_DATA_DIR=str(data_dir), GESI_SECRET_KEY=SECRET_KEY, GESI_MIN_FILL_SECONDS="0")
    # Every browser test posts to forums from 127.0.0.1 on one server: no per-address limit.
    env.update(GESI_FORUM_POSTS_PER_MINUTE="100000")
    env.update(GESI_DOWNLOADS_PER_HOUR="100000")  # every test downloads from 127.0.0.1
    env.update(GESI_TTS_ENGINES="espeak")  # offline: answers are spoken without the web voice
    return env


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  # our own http URL
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the server did not answer {url} within 30 s:\n{log.read_text()[-3000:]}")


@contextmanager
def live_server(directory: Path, **settings: str) -> Iterator[LiveServer]:
    """Migrate and seed a fresh database through the CLI, serve it, stop it at the end;
    ``settings`` are GESI_ settings of this server's own (an SMS gateway, say)."""
    data_dir = directory / "data"
    env = server_env(data_dir) | settings
    bindir = Path(sys.executable).parent
    app_cli = str(bindir / "gesi-app")
    for command in ([app_cli, "db", "upgrade"], [app_cli, "demo"]):
        subprocess.run(command, env=env, check=True, capture_output=True)
    log = directory / "server.log"
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "gesi_app.asgi:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(f"{base_url}/healthz", process, log)
        database_url = Settings.from_env(env).database_url
        yield LiveServer(base_url=base_url, database_url=database_url, data_dir=data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---------------------------------------------------------------------------------------------
# browser


def browser_unavailable(reason: str, *, in_ci: bool = IN_CI) -> None:
    """In CI a missing browser fails the test run; on a developer machine the tests skip."""
    if in_ci:
        pytest.fail(f"Chromium is required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def chromium(
    directory: Path,
    *,
    binary: Path = CHROMIUM,
    chromedriver: Path = CHROMEDRIVER,
    in_ci: bool = IN_CI,
    extra_flags: Sequence[str] = (),
) -> Iterator[WebDriver]:
    """Headless Debian Chromium through chromedriver, with a fresh profile in ``directory``
    (``extra_flags``, e.g. fake camera and microphone, for a dedicated browser)."""
    for program in (binary, chromedriver):
        if not (program.is_file() and os.access(program, os.X_OK)):
            browser_unavailable(
                f"{program} is missing (Debian packages chromium, chromium-driver)", in_ci=in_ci
            )
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    for flag in (*CHROME_FLAGS, *extra_flags):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={directory}")
    # The network log: the Nu check reads each page as the server sent it (tests.browser.nu).
    for name, value in nu.PERFORMANCE_LOG.items():
        options.set_capability(name, value)
    options.add_experimental_option("perfLoggingPrefs", nu.PERF_LOGGING_PREFS)
    driver = webdriver.Chrome(service=Service(executable_path=str(chromedriver)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
