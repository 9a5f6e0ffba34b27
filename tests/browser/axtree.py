"""Reading a page as a screen reader gets it: Chromium's accessibility tree through DevTools.

axe checks the markup against rules; this module asks the browser what it actually computed.
Chromium builds the same tree that it hands to NVDA, TalkBack or Orca (through the platform's
accessibility API), so the name and description it computes for a control are what a screen
reader says when the control takes focus. DevTools exposes it:

- ``Accessibility.getFullAXTree`` gives every node; we walk it from the root through
  ``childIds`` so nodes come in reading order (the list itself is not in that order), skipping
  nodes the browser ignores (hidden, ``aria-hidden``, purely presentational) but not their
  children;
- ``Accessibility.getPartialAXTree`` with a DOM node id (from ``DOM.getDocument`` and
  ``DOM.querySelector``) gives the node of one element, found by a CSS selector.

Names and descriptions are compared with their white space collapsed: the tree keeps the
line breaks of the template, a screen reader does not read them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

# Roles of the things a person fills in or presses; a screen reader names each on focus.
CONTROL_ROLES = frozenset(
    {"textbox", "radio", "checkbox", "combobox", "button", "group", "radiogroup", "searchbox"}
)
# Landmark roles as Chromium names them (an unnamed <form> or <section> is no landmark).
LANDMARK_ROLES = frozenset(
    {"banner", "main", "contentinfo", "navigation", "complementary", "search", "region"}
)
LIVE_ROLES = frozenset({"status", "alert", "log", "marquee", "timer"})


def squash(text: str) -> str:
    """White space collapsed and trimmed, as a screen reader reads it."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class AXNode:
    """One node of the accessibility tree: what a screen reader knows about an element."""

    role: str
    name: str
    description: str = ""
    level: int | None = None  # headings: 1 to 6
    live: str | None = None  # "polite" or "assertive" for a live region
    invalid: bool = False  # aria-invalid="true" (or a native error state)
    backend_id: int | None = None  # the DOM node behind it, for DOM.describeNode
    ancestors: tuple[str, ...] = field(default=(), compare=False)  # roles above it

    def __str__(self) -> str:
        text = f"{self.role} {self.name!r}"
        if self.level:
            text += f" level {self.level}"
        if self.description:
            text += f", described as {self.description!r}"
        if self.invalid:
            text += ", invalid"
        return text

    @property
    def in_alert(self) -> bool:
        return "alert" in self.ancestors


def _value(raw: dict[str, Any], key: str) -> Any:
    entry = raw.get(key) or {}
    return entry.get("value")


def _node(raw: dict[str, Any], ancestors: tuple[str, ...] = ()) -> AXNode:
    props = {p["name"]: p["value"].get("value") for p in raw.get("properties", [])}
    level = props.get("level")
    return AXNode(
        role=str(_value(raw, "role") or ""),
        name=squash(str(_value(raw, "name") or "")),
        description=squash(str(_value(raw, "description") or "")),
        level=int(level) if level is not None else None,
        live=props.get("live") if props.get("live") not in (None, "off") else None,
        invalid=props.get("invalid") not in (None, "false", False),
        backend_id=raw.get("backendDOMNodeId"),
        ancestors=ancestors,
    )


def enable(driver: WebDriver) -> None:
    """Turn on the browser's accessibility agent (once per page load is harmless)."""
    driver.execute_cdp_cmd("Accessibility.enable", {})


def full_tree(driver: WebDriver) -> list[AXNode]:
    """Every node a screen reader can reach on the loaded page, in reading order."""
    enable(driver)
    raw_nodes: list[dict[str, Any]] = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})[
        "nodes"
    ]
    by_id = {raw["nodeId"]: raw for raw in raw_nodes}
    roots = [raw for raw in raw_nodes if "parentId" not in raw]
    found: list[AXNode] = []

    def walk(raw: dict[str, Any], ancestors: tuple[str, ...]) -> None:
        here = ancestors
        if not raw.get("ignored"):
            node = _node(raw, ancestors)
            found.append(node)
            here = (*ancestors, node.role)
        for child in raw.get("childIds", []):
            if child in by_id:
                walk(by_id[child], here)

    for root in roots:
        walk(root, ())
    return found


def node_of(driver: WebDriver, css: str) -> AXNode:
    """The accessibility node of the element that ``css`` selects (the first one)."""
    enable(driver)
    document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    found = driver.execute_cdp_cmd(
        "DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": css}
    )
    assert found.get("nodeId"), f"{driver.current_url}: nothing matches {css!r}"
    raw_nodes = driver.execute_cdp_cmd(
        "Accessibility.getPartialAXTree", {"nodeId": found["nodeId"], "fetchRelatives": False}
    )["nodes"]
    assert raw_nodes, f"{driver.current_url}: {css!r} has no accessibility node"
    raw = raw_nodes[0]
    assert not raw.get("ignored"), f"{driver.current_url}: {css!r} is hidden from screen readers"
    return _node(raw)


def dom_ids(driver: WebDriver, nodes: Iterable[AXNode]) -> list[str]:
    """The ``id`` attribute of the element behind each node ("" when it has none)."""
    ids: list[str] = []
    for node in nodes:
        described = driver.execute_cdp_cmd("DOM.describeNode", {"backendNodeId": node.backend_id})
        attributes = described["node"].get("attributes", [])
        pairs = dict(zip(attributes[::2], attributes[1::2], strict=True))
        ids.append(pairs.get("id", ""))
    return ids


# ---------------------------------------------------------------------------------------------
# what a page is made of


def headings(tree: Sequence[AXNode]) -> list[AXNode]:
    return [node for node in tree if node.role == "heading"]


def landmarks(tree: Sequence[AXNode]) -> list[AXNode]:
    return [node for node in tree if node.role in LANDMARK_ROLES]


def live_regions(tree: Sequence[AXNode]) -> list[AXNode]:
    """Regions whose changes a screen reader announces: status, alert and other live roles."""
    return [node for node in tree if node.role in LIVE_ROLES or node.live]


def controls(tree: Sequence[AXNode]) -> list[AXNode]:
    return [node for node in tree if node.role in CONTROL_ROLES]


def outline_problems(tree: Sequence[AXNode]) -> list[str]:
    """What is wrong with the headings as an outline: not exactly one level-1 heading, a
    level skipped on the way down (h2 then h4), or a heading before the h1.

    The one allowed exception is the error summary's h2 (inside ``role=alert``) above the h1:
    it is the GOV.UK pattern, and the summary takes focus on load, so it is read first."""
    found = [h for h in headings(tree) if not h.in_alert]
    problems = []
    ones = [h for h in found if h.level == 1]
    if len(ones) != 1:
        problems.append(f"{len(ones)} level-1 headings: {[h.name for h in ones]}")
    previous = 0
    for heading in found:
        level = heading.level or 0
        if level > previous + 1:
            problems.append(f"level {level} after level {previous}: {heading.name!r}")
        previous = level
    return problems


def duplicate_ids(driver: WebDriver) -> list[str]:
    """Ids that more than one element on the page carries (a label, hint or error reference
    then reaches only the first of them)."""
    ids: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('[id]')].map(e => e.id)"
    )
    return sorted(name for name, count in Counter(ids).items() if count > 1)


def reading(tree: Sequence[AXNode]) -> str:
    """The page as lines (headings, landmarks, live regions and controls), for a failure."""
    wanted = {"heading", *CONTROL_ROLES, *LANDMARK_ROLES, *LIVE_ROLES}
    return "\n".join(f"  {node}" for node in tree if node.role in wanted or node.live)
