"""Disclosure control: small cells hidden, and no hidden cell recoverable from the totals,
checked against adversarial tables where the naive rule leaks."""

from __future__ import annotations

import itertools

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
