"""Ids in server-rendered HTML, without a browser: every id once, every id reference to one
element. The browser tests check the live DOM the same way (``tests.browser.ids``); this
reads the HTML text, so a functional test can look at every page of the app in a second."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from tests.browser.ids import ID_REFERENCES


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, id)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1
            elif name in ID_REFERENCES and value:
                self.references.extend((tag, name, ref) for ref in value.split())


def id_problems(html: str) -> list[str]:
    """Each id used twice or more, and each reference that names no element or several."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    problems = [f'id "{i}" is on {n} elements' for i, n in parser.ids.items() if n > 1]
    for tag, attribute, ref in parser.references:
        if parser.ids[ref] != 1:
            where = f"{parser.ids[ref]} elements" if parser.ids[ref] else "no element"
            problems.append(f'<{tag} {attribute}="…{ref}…">: "{ref}" is on {where}')
    return problems
