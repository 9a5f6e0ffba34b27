"""Every performance figure of issue 17 in one table, each with its target and met/not met.

    python bench/all.py [--quick] [--skip page,journey,board]

``make bench`` runs this. Figures come from bench/http_pages.py (a page against bare
Starlette, wrk), bench/journey_load.py (whole reports over HTTP) and bench/board_fanout.py
(live board listeners). A figure that was not measured says so and why; it never counts as
met. The machine's load average is printed with the table: on a shared machine every figure
is lower than on a quiet one, and the page ratio most of all (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import board_fanout  # bench/ is a folder of scripts, not a package
import http_pages
import journey_load
import server as bench

PARTS = ("page", "journey", "board")


@dataclasses.dataclass
class Row:
    figure: str
    value: str
    target: str
    met: bool | None  # None: not measured
    informative: bool = False  # a figure without a target of its own

    @property
    def verdict(self) -> str:
        if self.informative:
            return "(figure)"
        return "not measured" if self.met is None else ("met" if self.met else "not met")


def page_rows(quick: bool) -> list[Row]:
    result = http_pages.measure(seconds=4 if quick else 8, rounds=1 if quick else 2)
    http_pages.report(result)
    one = result.median()
    wrk_share = max(r.bare.wrk_cpu for r in result.rounds)
    return [
        Row(
            "/report/type req/s: Suara / bare Starlette (wrk -t2 -c32, same uvicorn)",
            f"{one.ratio:.2f} ({one.ours.rps:,.0f} / {one.bare.rps:,.0f} req/s; "
            f"wrk at most {100 * wrk_share:.0f}% of a core)",
            ">= 0.35",
            one.ratio >= http_pages.RATIO_TARGET,
        ),
        Row(
            "the same ratio per second of server CPU (the scheduler's shares left out)",
            f"{one.cpu_ratio:.2f} (server CPU: Suara {100 * one.ours.server_cpu:.0f}%, "
            f"bare {100 * one.bare.server_cpu:.0f}% of a core)",
            "—",
            None,
            informative=True,
        ),
        Row(
            "/report/type p99 at 32 connections",
            f"{one.ours.p99:.1f} ms (bare {one.bare.p99:.1f} ms)",
            "<= 30 ms",
            one.ours.p99 <= http_pages.P99_TARGET_MS,
        ),
    ]


def journey_rows(quick: bool) -> list[Row]:
    results = journey_load.measure(["sqlite", "postgresql"], seconds=10 if quick else 20)
    for result in results:
        print(journey_load.describe(result))
    by_engine = {r.engine: r for r in results}
    rows = []
    sqlite = by_engine.get("sqlite")
    if sqlite:
        rows.append(
            Row(
                "whole reports/s, SQLite, 1 process, 32 reporters",
                f"{sqlite.rate:.1f} ({sqlite.stored} stored of {sqlite.reports} confirmed; "
                f"driver {100 * sqlite.driver_cpu:.0f}% of a core)",
                f">= {journey_load.SQLITE_TARGET:.0f}",
                sqlite.rate >= journey_load.SQLITE_TARGET and sqlite.stored >= sqlite.reports,
            )
        )
    postgres = by_engine.get("postgresql")
    target = journey_load.POSTGRES_FACTOR * journey_load.SQLITE_TARGET
    if postgres:
        rows.append(
            Row(
                "whole reports/s, PostgreSQL, 2 processes, 32 reporters",
                f"{postgres.rate:.1f} ({postgres.stored} stored of {postgres.reports} confirmed; "
                f"driver {100 * postgres.driver_cpu:.0f}% of a core)",
                f">= {target:.0f} (1.5 x the SQLite target)",
                postgres.rate >= target and postgres.stored >= postgres.reports,
            )
        )
    else:
        rows.append(
            Row(
                "whole reports/s, PostgreSQL, 2 processes",
                "not measured: GESI_TEST_POSTGRES_URL not set",
                f">= {target:.0f}",
                None,
            )
        )
    return rows


def board_rows(quick: bool) -> list[Row]:
    listeners = 1000 if quick else 5000
    result = board_fanout.measure(listeners, inputs=5 if quick else 10)
    rows = [
        Row(
            f"live board, {listeners:,} listeners, 1 process: POST to every listener, p95",
            f"{result.p95:.0f} ms (p50 {result.p50:.0f} ms)",
            "<= 1,000 ms at 5,000",
            result.p95 <= 1000 if listeners >= 5000 else None,
        ),
        Row(
            f"live board, {listeners:,} listeners: server resident memory, peak",
            f"{result.peak_rss_mib:.0f} MiB (idle {result.idle_rss_mib:.0f} MiB)",
            "< 300 MB at 5,000",
            result.peak_rss_mib * 1.048576 < 300 if listeners >= 5000 else None,
        ),
    ]
    return rows


def not_measured(figure: str, target: str, why: str) -> Row:
    return Row(figure, f"not measured: {why}", target, None)


def run_part(name: str, make: Callable[[bool], list[Row]], quick: bool) -> list[Row]:
    print(f"--- {name}", flush=True)
    try:
        return make(quick)
    except (Exception, SystemExit) as exc:  # one broken part must not hide the others' figures
        traceback.print_exc()
        return [not_measured(name, "see above", f"the bench failed ({exc!s:.80})")]


def table(rows: list[Row]) -> str:
    lines = ["| figure | measured | target | |", "|---|---|---|---|"]
    lines += [f"| {r.figure} | {r.value} | {r.target} | **{r.verdict}** |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs, 1,000 listeners")
    parser.add_argument("--skip", default="", help=f"some of {', '.join(PARTS)}, comma-separated")
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    http, loop = bench.server_parts()
    started = dt.datetime.now(dt.UTC)
    rows: list[Row] = []
    makers = {"page": page_rows, "journey": journey_rows, "board": board_rows}
    for name in PARTS:
        if name in skip:
            rows.append(not_measured(name, "see the bench", "skipped (--skip)"))
        else:
            rows += run_part(name, makers[name], args.quick)
    rows.append(
        not_measured(
            "live board, 2 processes on PostgreSQL, listeners split, p95",
            "<= 1,000 ms",
            "no bench for it yet",
        )
    )
    print()
    print(
        f"{started:%Y-%m-%d %H:%M} UTC; {bench.cpu_model()}, {os.cpu_count()} cores, "
        f"{platform.platform()}, Python {platform.python_version()}; uvicorn with {http} and "
        f"{loop}; load average at the end {bench.load_average()}"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
