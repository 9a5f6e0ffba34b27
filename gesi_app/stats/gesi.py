"""Who is heard: the share of reports, forum inputs and forum attendance from women, youth and
people with disabilities, against their share of the population, overall and per kecamatan.

Every count passes disclosure control first; a share is given only from counts that are
shown, so no hidden count can be worked out from a share. "Not stated" is a category of its
own: shares are given of all reports and of reports whose answer is stated, each named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from gesi_app.stats.models import PopulationBaseline
from gesi_app.stats.models import Segment as Population
from gesi_app.stats.queries import NO_AREA, NOT_STATED, FlagCounts
from gesi_app.stats.suppression import (
    THRESHOLD,
    Grid,
    Hidden,
    Shown,
    number,
    protect,
    protect_list,
)

# The segment dimension of each population group, and its categories in table order.
SEGMENTS: dict[Population, str] = {
    Population.WOMEN: "gender",
    Population.YOUTH: "youth",
    Population.DISABILITY: "disability",
}
CATEGORIES = ("yes", "no", NOT_STATED)
DIFFICULTY = ("none", "some", "a_lot", NOT_STATED)


@dataclass(frozen=True)
class Part:
    """A group's count among some people: all shown or hidden (None) by disclosure control."""

    count: Shown
    total: Shown
    stated: int | None  # how many answered the question (yes + no), when both are shown

    @property
    def share(self) -> float | None:
        count, total = number(self.count), number(self.total)
        if count is None or not total:
            return None
        return count / total

    @property
    def share_of_stated(self) -> float | None:
        count = number(self.count)
        if count is None or not self.stated:
            return None
        return count / self.stated


@dataclass(frozen=True)
class Baseline:
    share: float
    year: int
    source: str
    note: str
    national: bool
    area: str | None  # the area's name when the figure is its own


@dataclass(frozen=True)
class GroupLine:
    group: Population
    reports: Part
    inputs: Part
    attendance: Part
    baseline: Baseline | None


@dataclass(frozen=True)
class AreaTable:
    """One segment by kecamatan: rows of (code, name, yes, no, not stated, total) as shown."""

    segment: str
    categories: tuple[str, ...]
    rows: list[tuple[str, str, list[Shown], Shown]]
    totals: list[Shown]
    grand: Shown


@dataclass(frozen=True)
class AreaGroup:
    group: Population
    part: Part
    upper: float | None  # a hidden count's share is at most (THRESHOLD - 1) / total
    baseline: Baseline | None

    @property
    def gap(self) -> float | None:
        """Population share minus the highest share the published counts allow."""
        share = self.part.share if self.part.share is not None else self.upper
        if share is None or self.baseline is None:
            return None
        return self.baseline.share - share


@dataclass(frozen=True)
class AreaGap:
    code: str
    name: str
    reports: Shown
    groups: list[AreaGroup]

    @property
    def widest(self) -> float | None:
        gaps = [g.gap for g in self.groups if g.gap is not None]
        return max(gaps) if gaps else None


@dataclass(frozen=True)
class GesiView:
    lines: list[GroupLine]
    areas: list[AreaGap]  # the widest gap first; areas too small to tell, last
    tables: list[AreaTable]
    difficulty: AreaTable
    kecamatan: dict[str, Shown]  # reports per kecamatan, as every table shows them
    kecamatan_total: Shown


_AREA_TABLES = {
    "gender": CATEGORIES,
    "youth": CATEGORIES,
    "disability": CATEGORIES,
    "difficulty": DIFFICULTY,
}


def protect_areas(
    segments: dict[str, list[tuple[str, str, int]]],
    by_kecamatan: Sequence[tuple[str, int]],
    regions: dict[str, str],
    unknown_area: str,
) -> tuple[dict[str, AreaTable], dict[str, Shown], Shown]:
    """Every table with a count per kecamatan, protected together: an area's count is one
    number in all of them (the reports by area, and each segment's row total), so a count
    hidden in one table is hidden in every other, and each table is protected again with it
    hidden, until no table hides a count another shows."""
    codes = [code for code, _ in by_kecamatan]
    forced: frozenset[str] = frozenset()
    while True:
        tables = {
            name: _area_table(name, segments[name], cats, regions, unknown_area, forced)
            for name, cats in _AREA_TABLES.items()
        }
        shown, total = protect_list(
            [n for _, n in by_kecamatan], [i for i, c in enumerate(codes) if c in forced]
        )
        hidden = {c for c, v in zip(codes, shown, strict=True) if not isinstance(v, int)}
        for table in tables.values():
            hidden |= {code for code, _, _, row in table.rows if not isinstance(row, int)}
        if hidden <= forced:
            return tables, dict(zip(codes, shown, strict=True)), total
        forced = forced | hidden


def _area_table(
    segment: str,
    counted: Sequence[tuple[str, str, int]],
    categories: tuple[str, ...],
    regions: dict[str, str],
    unknown_area: str,
    forced: frozenset[str] = frozenset(),
) -> AreaTable:
    codes = sorted({code for code, _, _ in counted}, key=lambda c: (c == NO_AREA, c))
    if not codes:
        return AreaTable(segment, categories, [], [0] * len(categories), 0)
    counts = {(code, category): n for code, category, n in counted}
    grid: Grid = protect(
        [[counts.get((c, k), 0) for k in categories] for c in codes],
        forced=[(r, -1) for r, code in enumerate(codes) if code in forced],
    )
    rows = [
        (
            code,
            regions.get(code, code) if code != NO_AREA else unknown_area,
            [grid.shown((r, k)) for k in range(len(categories))],
            grid.shown((r, -1)),
        )
        for r, code in enumerate(codes)
    ]
    totals = [grid.shown((-1, k)) for k in range(len(categories))]
    return AreaTable(segment, categories, rows, totals, grid.shown((-1, -1)))


def _part(yes: Shown, no: Shown, total: Shown) -> Part:
    stated = yes + no if isinstance(yes, int) and isinstance(no, int) else None
    return Part(yes, total, stated)


def _flags(counts: FlagCounts, segment: str) -> Part:
    grid = protect([[counts.yes[segment], counts.no[segment], counts.not_stated(segment)]])
    if counts.total == 0:
        return Part(0, 0, None)
    return _part(grid.shown((0, 0)), grid.shown((0, 1)), grid.shown((-1, -1)))


def _baseline_for(
    baselines: Sequence[PopulationBaseline],
    group: Population,
    code: str | None,
    regions: dict[str, str],
) -> Baseline | None:
    """The newest figure of the area itself, else of its kabupaten, else the national one."""
    wanted = [code, code[:5]] if code else []
    for area in [*wanted, None]:
        found = [b for b in baselines if b.segment is group and b.region_code == area]
        if found:
            best = max(found, key=lambda b: b.year)
            return Baseline(
                best.share,
                best.year,
                best.source,
                best.note,
                area is None,
                regions.get(area) if area else None,
            )
    return None  # fmt: skip


def build(
    segments: dict[str, list[tuple[str, str, int]]],
    by_kecamatan: Sequence[tuple[str, int]],
    inputs: FlagCounts,
    attendance: FlagCounts,
    regions: dict[str, str],
    baselines: Sequence[PopulationBaseline],
    unknown_area: str = "",
) -> GesiView:
    tables, kecamatan, kecamatan_total = protect_areas(
        segments, by_kecamatan, regions, unknown_area
    )
    lines = []
    for group, segment in SEGMENTS.items():
        table = tables[segment]
        said = _part(table.totals[0], table.totals[1], table.grand)
        if not table.rows:
            said = Part(0, 0, None)
        lines.append(
            GroupLine(
                group,
                said,
                _flags(inputs, segment),
                _flags(attendance, segment),
                _baseline_for(baselines, group, None, regions),
            )
        )
    areas = []
    codes = [row[0] for row in tables["gender"].rows if row[0] != NO_AREA]
    for code in codes:
        groups = []
        reports: Shown = 0
        for group, segment in SEGMENTS.items():
            row = next(r for r in tables[segment].rows if r[0] == code)
            _, _, cells, total = row
            reports = total
            part = _part(cells[0], cells[1], total)
            small = cells[0] is Hidden.SMALL and isinstance(total, int) and total > 0
            upper = (THRESHOLD - 1) / total if small and isinstance(total, int) else None
            groups.append(
                AreaGroup(group, part, upper, _baseline_for(baselines, group, code, regions))
            )
        areas.append(AreaGap(code, regions.get(code, code), reports, groups))
    areas.sort(key=lambda a: (a.widest is None, -(a.widest or 0.0), a.name))
    return GesiView(
        lines,
        areas,
        [tables[name] for name in ("gender", "youth", "disability")],
        tables["difficulty"],
        kecamatan,
        kecamatan_total,
    )
