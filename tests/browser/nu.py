"""Valid HTML on every page the browser tests visit, checked by the Nu Html Checker (vnu.jar).

Each page that ``harness.check_current_page`` checks is also saved here: the HTML exactly as the
server sent it (read back from Chromium's network log, so a page answering a form post is
saved too) and, with JavaScript on, the DOM after our scripts ran. Identical pages are saved
once. Each test process (each xdist worker) writes its pages and an index of where each page
was seen into one folder for the whole test session; ``tests.browser.nu_plugin`` runs the
checker ONCE over that folder at the end of the session and fails the run on any error
(see ``tests/browser/README.md``).

The checker is ``vnu.jar`` pinned in ``scripts/vnu_jar.py`` (``make vnu`` fetches it); it runs
on Java 11 or newer. With ``CI=true`` a missing ``java`` or jar is an error; elsewhere the
check is left out with a note in the summary.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from scripts import vnu_jar

IN_CI = os.environ.get("CI", "").lower() == "true"
# Chromium's network events, read by served_html(); set by tests.browser.server.chromium.
CHECKER_OPTIONS = ("--errors-only", "--format", "json", "--stdout", "--skip-non-html")
PERFORMANCE_LOG = {"goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"}}
PERF_LOGGING_PREFS = {"enableNetwork": True, "enablePage": False}
# Where this process saves its pages: set once a session by tests.browser.nu_plugin.
_pages_dir: Path | None = None
# The last main-document response each browser got for each address (browser session, address),
# kept across reads of the network log, which empty it.
_documents: dict[tuple[str, str], str] = {}

_SERIALISE_DOM = """
const doctype = document.doctype ? '<!DOCTYPE ' + document.doctype.name + '>\\n' : '';
return doctype + document.documentElement.outerHTML;
"""


def set_pages_dir(directory: Path | None) -> None:
    global _pages_dir  # one folder per test process, set by the plugin
    _pages_dir = directory


def pages_dir() -> Path | None:
    return _pages_dir


# ---------------------------------------------------------------------------------------------
# collecting pages (in each test process)


def served_html(driver: WebDriver) -> str | None:
    """The current page's HTML as the server sent it, or None when the network log lacks it
    (a driver made without the log, or a page whose address scripts changed)."""
    try:
        entries = driver.get_log("performance")
    except WebDriverException:
        return None
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.responseReceived":
            continue
        params = message["params"]
        if params.get("type") == "Document":
            _documents[driver.session_id, params["response"]["url"]] = params["requestId"]
    request_id = _documents.get((driver.session_id, urldefrag(driver.current_url).url))
    if request_id is None:
        return None
    try:
        body = driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": request_id})
    except WebDriverException:
        return None
    if body.get("base64Encoded"):
        return None
    text: str = body["body"]
    return text


def dom_html(driver: WebDriver) -> str:
    """The DOM as it is now, serialised with its doctype."""
    html: str = driver.execute_script(_SERIALISE_DOM)
    return html


def collect_page(driver: WebDriver, mode: str, *, scripts_ran: bool) -> None:
    """Save the current page for the session's Nu check: as served, and the DOM when page
    scripts ran (or when the served HTML cannot be read). Pages not of our app (``data:``
    pages of the harness tests) are left out."""
    directory = _pages_dir
    url = driver.current_url
    if directory is None or urlsplit(url).scheme not in ("http", "https"):
        return
    source = served_html(driver)
    if source is not None:
        save_page(directory, source, url=url, mode=mode, kind="as served")
    if scripts_ran or source is None:
        kind = "DOM after scripts" if scripts_ran else "DOM"
        save_page(directory, dom_html(driver), url=url, mode=mode, kind=kind)


def save_page(directory: Path, html: str, *, url: str, mode: str, kind: str) -> None:
    """Write ``html`` once under its checksum, and one index line saying where it was seen."""
    data = html.encode("utf-8")
    name = hashlib.sha256(data).hexdigest()[:32] + ".html"
    path = directory / name
    if not path.exists():
        scratch = directory / f".{name}.{os.getpid()}"
        scratch.write_bytes(data)
        scratch.replace(path)  # atomic: another worker may write the same page
    parts = urlsplit(url)
    where = {
        "file": name,
        "url": parts.path + (f"?{parts.query}" if parts.query else ""),
        "mode": mode,
        "kind": kind,
        "test": os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0],
    }
    with (directory / f"index-{os.getpid()}.jsonl").open("a", encoding="utf-8") as index:
        index.write(json.dumps(where) + "\n")


# ---------------------------------------------------------------------------------------------
# checking the session's pages (once, in the controller)


@dataclass
class NuResult:
    """What the checker said about the session's pages."""

    pages: int
    places: int
    errors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seen: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    problem: str = ""  # the checker could not run

    @property
    def ok(self) -> bool:
        return not self.errors and not self.problem


def read_index(directory: Path) -> dict[str, list[dict[str, str]]]:
    seen: dict[str, list[dict[str, str]]] = {}
    for index in sorted(directory.glob("index-*.jsonl")):
        for line in index.read_text(encoding="utf-8").splitlines():
            where = json.loads(line)
            seen.setdefault(where["file"], []).append(where)
    return seen


def find_java() -> str | None:
    return shutil.which("java")


def run_checker(directory: Path, *, jar: Path = vnu_jar.JAR, java: str | None = None) -> NuResult:
    """Run vnu.jar once over every page in ``directory``: errors only, grouped by page."""
    seen = read_index(directory)
    pages = sorted(p.name for p in directory.glob("*.html"))
    result = NuResult(pages=len(pages), places=sum(len(v) for v in seen.values()), seen=seen)
    if not pages:
        return result
    java = java or find_java()
    if java is None:
        result.problem = "java is not installed (Debian package default-jre-headless)"
        return result
    if not jar.is_file():
        result.problem = f"{jar.name} {vnu_jar.VERSION} is missing: run `make vnu`"
        return result
    completed = subprocess.run(
        [java, "-jar", str(jar), *CHECKER_OPTIONS, str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError):
        result.problem = f"vnu.jar gave no report:\n{completed.stdout}{completed.stderr}"[:3000]
        return result
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = Path(urlsplit(message.get("url", "")).path).name
        result.errors.setdefault(name, []).append(message)
    return result


def format_report(result: NuResult, *, limit: int = 40, pages_each: int = 4) -> str:
    """A readable report: each kind of error once, then the pages that have it, each named by
    its address, mode, how it was saved and the test that visited it, with the line."""
    if result.problem:
        return f"Nu Html Checker did not run over {result.pages} page(s): {result.problem}"
    count = sum(len(errors) for errors in result.errors.values())
    lines = [
        f"Nu Html Checker {vnu_jar.VERSION}: {count} error(s) in {len(result.errors)} of"
        f" {result.pages} page(s) ({result.places} page visits)"
    ]
    # One entry per kind of error: the same message with other numbers (a time) is one kind.
    kinds: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name, errors in sorted(result.errors.items(), key=lambda item: _first_url(result, item[0])):
        for error in errors:
            kinds.setdefault(_DIGITS.sub("0", str(error.get("message", ""))), []).append(
                (name, error)
            )
    for shown, found in enumerate(sorted(kinds.values(), key=len, reverse=True)):
        if shown == limit:
            lines.append(f"... and {len(kinds) - limit} more kinds of error")
            break
        pages = list(dict.fromkeys(name for name, _ in found))
        lines += ["", f"{found[0][1].get('message', '')} ({len(pages)} page(s))"]
        listed = set(pages[:pages_each])
        for name, error in found:
            if name not in listed:
                continue
            listed.discard(name)  # a page's first line with this error
            lines.append(
                f"  {_place(result.seen.get(name, []), name)}, line {error.get('lastLine')}"
            )
            extract = " ".join(str(error.get("extract", "")).split())
            if extract:
                lines.append(f"      {extract[:160]}")
        if len(pages) > pages_each:
            lines.append(f"  ... and {len(pages) - pages_each} more page(s)")
    return "\n".join(lines)


_DIGITS = re.compile(r"[0-9]+")


def _first_url(result: NuResult, name: str) -> str:
    places = result.seen.get(name) or [{"url": name}]
    return places[0]["url"]


def _place(places: list[dict[str, str]], name: str) -> str:
    if not places:
        return f"{name} (not in the index)"
    where = places[0]
    test = f" in {where['test']}" if where.get("test") else ""
    more = f" (+{len(places) - 1} more visit(s))" if len(places) > 1 else ""
    return f"{where['url']} ({where['mode']}; {where['kind']}){test}{more}"
