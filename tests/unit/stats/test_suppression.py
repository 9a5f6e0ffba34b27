"""Disclosure control: small cells hidden, and no hidden cell recoverable from the totals,
checked against adversarial tables where the naive rule leaks."""

from __future__ import annotations

import itertools

from gesi_app.stats.gesi import protect_areas
from gesi_app.stats.suppression import (
    Hidden,
    _equations,
    pinned_down,
    protect,
    protect_list,
)


def test_the_naive_rule_leaks_and_complementary_suppression_does_not() -> None:
    table = [[20, 3, 30], [25, 30, 40], [30, 35, 50]]
    naive = frozenset({(0, 1)})
    assert pinned_down(_equations(3, 3), naive) == [(0, 1)]  # 3 = 53 - 20 - 30
    grid = protect(table)
    assert grid.shown((0, 1)) is Hidden.SMALL
    assert sorted(grid.hidden) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert pinned_down(_equations(3, 3), grid.hidden) == []
    assert grid.shown((0, 0)) is Hidden.COMPLEMENT
    assert grid.shown((-1, -1)) == 263


def test_a_small_not_stated_total_hides_another_total() -> None:
    grid = protect([[6, 2, 1], [0, 6, 0]])
    assert grid.shown((-1, 2)) is Hidden.SMALL
    assert grid.shown((-1, 0)) is Hidden.COMPLEMENT  # else 15 - 6 - 8 gives 1
    assert pinned_down(_equations(2, 3), grid.hidden) == []


def test_every_small_table_is_safe() -> None:
    """Every 2x2 and 2x3 table of counts from {0, 3, 5, 9}: no small cell shown, none
    recoverable."""
    for rows, columns in ((2, 2), (2, 3)):
        for values in itertools.product((0, 3, 5, 9), repeat=rows * columns):
            table = [list(values[r * columns : (r + 1) * columns]) for r in range(rows)]
            grid = protect(table)
            for r in range(-1, rows):
                for c in range(-1, columns):
                    shown = grid.shown((r, c))
                    assert not isinstance(shown, int) or shown >= 5
            assert pinned_down(_equations(rows, columns), grid.hidden) == []


def test_a_list_with_one_small_count_hides_the_next_smallest() -> None:
    assert protect_list([10, 3, 20]) == ([Hidden.COMPLEMENT, Hidden.SMALL, 20], 33)
    assert protect_list([10, 10]) == ([10, 10], 20)
    assert protect_list([2, 1]) == ([Hidden.SMALL, Hidden.SMALL], Hidden.SMALL)
    assert protect_list([3]) == ([Hidden.SMALL], Hidden.SMALL)


def test_an_area_count_hidden_in_one_table_is_hidden_in_every_table() -> None:
    """The reports by area and each segment's table by area share each area's count: the
    list hides Balaraja (3) and, to protect it, Cikupa (10). Were Cikupa's row total shown in
    the gender table, 33 - 10 - 20 would give Balaraja's 3 again."""
    by_area = [("A", 3), ("B", 10), ("C", 20)]
    per = {"A": (3, 0, 0), "B": (5, 5, 0), "C": (10, 10, 0)}
    segments = {
        name: [
            (code, category, per[code][i])
            for code in per
            for i, category in enumerate(["yes", "no", "not_stated"])
        ]
        for name in ("gender", "youth", "disability")
    }
    segments["difficulty"] = [(code, "none", n) for code, n in by_area]
    tables, areas, total = protect_areas(segments, by_area, {}, "")
    assert areas == {"A": Hidden.SMALL, "B": Hidden.COMPLEMENT, "C": 20}
    assert total == 33
    for table in tables.values():
        totals = {code: row_total for code, _, _, row_total in table.rows}
        assert totals == areas, table.segment
