"""Disclosure control for published counts: small cells hidden, and enough other cells hidden
that no hidden cell can be worked out from the totals.

Primary suppression: a cell counting fewer than ``THRESHOLD`` people (zero included) is shown
as "<5". Secondary (complementary) suppression: a table with row and column totals is a set
of sums (each row adds up to its total, each column to its total, the totals to the grand
total). A hidden cell is safe only if those sums cannot pin it down, which we check exactly
with linear algebra over fractions (the tables are small: tens of cells). While some hidden
cell is pinned down, we hide the smallest published cell in one of its sums that frees it
(or else the smallest there at all), and check again. Statistics offices do the same with
tau-argus or sdcTable; this routine is small enough to test with adversarial tables.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction

THRESHOLD = 5

Position = tuple[int, int]


class Hidden(enum.Enum):
    """A count not shown: fewer than 5 ("<5"), or hidden so a small one cannot be worked out."""

    SMALL = "<5"
    COMPLEMENT = "x"


Shown = int | Hidden


def number(value: Shown | None) -> int | None:
    """The count when it is shown, else None."""
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class Grid:
    """A table of counts with its totals, and which of them are hidden.

    ``cells[r][c]``; ``row_totals[r]``; ``column_totals[c]``; ``grand``. In ``hidden`` a
    position (r, c) is a cell, (r, -1) a row total, (-1, c) a column total, (-1, -1) the
    grand total."""

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand: int
    hidden: frozenset[Position]

    def value(self, position: Position) -> int:
        row, column = position
        if row == -1 and column == -1:
            return self.grand
        if column == -1:
            return self.row_totals[row]
        if row == -1:
            return self.column_totals[column]
        return self.cells[row][column]

    def shown(self, position: Position) -> Shown:
        """The published value, or why it is hidden."""
        if position not in self.hidden:
            return self.value(position)
        return Hidden.SMALL if self.value(position) < THRESHOLD else Hidden.COMPLEMENT


def _equations(rows: int, columns: int) -> list[list[Position]]:
    """Each sum as the positions it holds, the total last (cells add up to it)."""
    equations = [[*((r, c) for c in range(columns)), (r, -1)] for r in range(rows)]
    equations += [[*((r, c) for r in range(rows)), (-1, c)] for c in range(columns)]
    equations.append([*((r, -1) for r in range(rows)), (-1, -1)])
    equations.append([*((-1, c) for c in range(columns)), (-1, -1)])
    return equations


def _reduced(matrix: list[list[Fraction]]) -> list[list[Fraction]]:
    """The reduced row echelon form of ``matrix`` (its non-zero rows)."""
    rows = [row[:] for row in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [value / lead for value in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][column] != 0:
                factor = rows[i][column]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rows[:rank]


def pinned_down(
    equations: Sequence[Sequence[Position]], hidden: frozenset[Position]
) -> list[Position]:
    """The hidden positions whose value the published values and the sums determine.

    A hidden value x_i is determined exactly when the unit vector e_i lies in the row space of
    the sums over the hidden unknowns: in reduced row echelon form, when some row is e_i."""
    unknowns = sorted(hidden)
    index = {p: i for i, p in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for equation in equations:
        row = [Fraction(0)] * len(unknowns)
        total = equation[-1]
        for position in equation:
            if position in index:
                row[index[position]] += -1 if position == total else 1
        if any(row):
            matrix.append(row)
    found = []
    for row in _reduced(matrix):
        nonzero = [i for i, value in enumerate(row) if value != 0]
        if len(nonzero) == 1:
            found.append(unknowns[nonzero[0]])
    return sorted(found)


def protect(cells: Sequence[Sequence[int]], forced: Collection[Position] = ()) -> Grid:
    """The table with its totals, small cells hidden and complementary cells hidden too.

    ``forced``: positions to hide whatever their value (a row total another table that
    shares it had to hide: the same number must be hidden everywhere it appears)."""
    rows = len(cells)
    columns = len(cells[0]) if rows else 0
    table = tuple(tuple(int(v) for v in row) for row in cells)
    grid = Grid(
        cells=table,
        row_totals=tuple(sum(row) for row in table),
        column_totals=tuple(sum(table[r][c] for r in range(rows)) for c in range(columns)),
        grand=sum(sum(row) for row in table),
        hidden=frozenset(),
    )
    if not rows or not columns:
        small = frozenset({(-1, -1)}) if grid.grand < THRESHOLD else frozenset()
        return Grid(grid.cells, grid.row_totals, grid.column_totals, grid.grand, small)
    positions = [(r, c) for r in range(-1, rows) for c in range(-1, columns)]
    hidden = {p for p in positions if grid.value(p) < THRESHOLD} | set(forced)
    equations = _equations(rows, columns)
    _fill_lonely(grid, equations, hidden)
    while True:
        exposed = pinned_down(equations, frozenset(hidden))
        if not exposed:
            break
        hidden.add(_complement(grid, equations, frozenset(hidden), exposed[0]))
    return Grid(grid.cells, grid.row_totals, grid.column_totals, grid.grand, frozenset(hidden))


def _order(grid: Grid) -> Callable[[Position], tuple[bool, int, Position]]:
    """Cells before totals, the smallest first, then by position (a stable choice)."""
    return lambda p: (-1 in p, grid.value(p), p)


def _fill_lonely(
    grid: Grid, equations: Sequence[Sequence[Position]], hidden: set[Position]
) -> None:
    """The classic rule first: a sum with exactly one hidden value gets a second one, the
    smallest other value in that sum. What it leaves pinned, the exact check catches."""
    changed = True
    while changed:
        changed = False
        for equation in equations:
            inside = [p for p in equation if p in hidden]
            if len(inside) == 1:
                rest = sorted((p for p in equation if p not in hidden), key=_order(grid))
                if rest:
                    hidden.add(rest[0])
                    changed = True


def _complement(
    grid: Grid,
    equations: Sequence[Sequence[Position]],
    hidden: frozenset[Position],
    exposed: Position,
) -> Position:
    """The cell to hide beside ``exposed``: the smallest published one in a sum with it whose
    hiding frees ``exposed``, else the smallest published one in such a sum (cells before
    totals, then by position, so the choice is stable)."""
    candidates = sorted(
        {p for eq in equations if exposed in eq for p in eq if p not in hidden},
        key=_order(grid),
    )
    for candidate in candidates:
        if exposed not in pinned_down(equations, hidden | {candidate}):
            return candidate
    if candidates:
        return candidates[0]
    # Every sum through it is hidden already, yet it is pinned down: hide anything left.
    rest = sorted(
        (p for eq in equations for p in eq if p not in hidden),
        key=_order(grid),
    )
    return rest[0]


def protect_list(counts: Sequence[int], forced: Collection[int] = ()) -> tuple[list[Shown], Shown]:
    """A one-column list (e.g. reports by type) and its total, as shown. The only sum is "the
    counts add up to the total", so one hidden count beside a shown total is one too few:
    the smallest shown count is hidden with it. ``forced``: indexes to hide in any case."""
    total = sum(counts)
    hidden = {i for i, count in enumerate(counts) if count < THRESHOLD} | set(forced)
    total_hidden = total < THRESHOLD
    if len(hidden) == 1 and not total_hidden:
        rest = sorted((c, i) for i, c in enumerate(counts) if i not in hidden)
        if rest:
            hidden.add(rest[0][1])
        else:
            total_hidden = True

    def show(value: int, hide: bool) -> Shown:
        if not hide:
            return value
        return Hidden.SMALL if value < THRESHOLD else Hidden.COMPLEMENT

    shown = [show(c, i in hidden) for i, c in enumerate(counts)]
    return shown, show(total, total_hidden)
