"""Page weight of citizen pages: HTML, and what a first visit downloads (CSS, scripts), raw and
gzip-compressed. Prints a table; the budget it is measured against is in docs/performance.md.

    python bench/page_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["/", "/report", "/report/type", "/track", "/reports", "/help", "/preferences"]


def main() -> None:
    from starlette.testclient import TestClient

    from gesi_app.app import create_app
    from gesi_app.cli import main as cli
    from gesi_app.settings import Settings

    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["GESI_DATA_DIR"] = data_dir
        os.environ["GESI_JOBS_INTERVAL_MINUTES"] = "0"
        cli(["db", "upgrade"])
        cli(["demo"])
        with TestClient(create_app(Settings.from_env())) as client:
            print(f"{'page':<16}{'HTML':>8}{'gz':>8}{'+assets':>10}{'gz':>8}   assets")
            for path in PAGES:
                html = client.get(path).content
                assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
                sizes = [client.get(a.decode()).content for a in assets]
                total = len(html) + sum(len(b) for b in sizes)
                total_gz = len(gzip.compress(html, 6)) + sum(
                    len(gzip.compress(b, 6)) for b in sizes
                )
                names = ", ".join(a.decode().split("?")[0].rsplit("/", 1)[-1] for a in assets)
                print(
                    f"{path:<16}{len(html):>8}{len(gzip.compress(html, 6)):>8}"
                    f"{total:>10}{total_gz:>8}   {names}"
                )


if __name__ == "__main__":
    main()
