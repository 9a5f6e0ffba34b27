"""Keyboard-only journeys: Tab to a control, press keys, and see the focus at every stop.

Keys go to the focused element through ActionChains, as a person's keyboard would; a keyboard
test never calls ``element.click()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement


def active(driver: WebDriver) -> WebElement:
    """The element that has focus."""
    return driver.switch_to.active_element


def press(driver: WebDriver, key: str, times: int = 1) -> None:
    """Press a key (``Keys.TAB``, ``Keys.ENTER``, ``Keys.SPACE``, ...) where the focus is."""
    for _ in range(times):
        ActionChains(driver).send_keys(key).perform()


_DESCRIBE = """
const describe = (e) => {
  const id = e.id ? '#' + e.id : '';
  const label = (e.labels && e.labels[0] ? e.labels[0].textContent
    : e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return e.tagName.toLowerCase() + id + ' "' + label + '"';
};
"""


def describe(driver: WebDriver, element: WebElement) -> str:
    """A short human name for an element in failure messages."""
    text: str = driver.execute_script(_DESCRIBE + "return describe(arguments[0]);", element)
    return text


def tab_to(
    driver: WebDriver,
    target: WebElement | Callable[[WebElement], bool],
    max_tabs: int = 40,
    *,
    backwards: bool = False,
    check_focus: bool = True,
) -> WebElement:
    """Press Tab until ``target`` (an element, or a test on the focused one) has focus.

    At every stop the focus must be visible (unless ``check_focus`` is False).
    """
    matches = target if callable(target) else (lambda element: element == target)
    visited: list[str] = []
    for _ in range(max_tabs):
        if backwards:
            chain = ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB)
            chain.key_up(Keys.SHIFT).perform()
        else:
            press(driver, Keys.TAB)
        # One round trip a stop: the focused element, its name and its focus styles.
        element, name, styles = driver.execute_script(_TAB_STOP, check_focus)
        visited.append(name)
        if check_focus:
            _assert_indicators(name, styles)
        if matches(element):
            return element
    raise AssertionError(f"not reached in {max_tabs} tabs; focus went to: " + ", ".join(visited))


_FOCUS_STYLES = """
const focusStyles = (el) => {
  const read = () => {
    const s = getComputedStyle(el);
    return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
            boxShadow: s.boxShadow, backgroundColor: s.backgroundColor,
            borderColor: [s.borderTopColor, s.borderRightColor, s.borderBottomColor,
                          s.borderLeftColor].join(' '),
            borderWidth: s.borderTopWidth};
  };
  // The colour behind the element: the nearest ancestor with a background that can be seen.
  let backdrop = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    const parts = (colour.match(/\\(([^)]*)\\)/) || ['', ''])[1].split(/[\\s,\\/]+/);
    const clear = colour === 'transparent' || (parts.length === 4 && parseFloat(parts[3]) === 0);
    if (!clear) { backdrop = colour; break; }
  }
  const focused = read();
  el.blur();
  const blurred = read();
  el.focus({preventScroll: true});
  return [focused, blurred, backdrop, document.activeElement === el];
};
"""
_TAB_STOP = (
    _DESCRIBE
    + _FOCUS_STYLES
    + """
const el = document.activeElement || document.body;
return [el, describe(el), arguments[0] ? focusStyles(el) : null];
"""
)
# WCAG 1.4.11: what shows the focus needs 3:1 against the colours next to it.
INDICATOR_CONTRAST = 3.0
_COLOUR = re.compile(r"rgba?\(([^)]*)\)")


def _rgba(colour: str) -> tuple[float, float, float, float]:
    """A computed ``rgb()``/``rgba()`` colour as (r, g, b, alpha); ``transparent`` is alpha 0."""
    match = _COLOUR.search(colour)
    if not match:
        return (0.0, 0.0, 0.0, 0.0)
    parts = [
        float(p.removesuffix("%"))
        for p in match.group(1).replace("/", " ").replace(",", " ").split()
    ]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) == 4 else 1.0)


def _luminance(colour: str) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = _rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two computed colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _seen(colour: str, against: list[str]) -> bool:
    """The colour can be seen: not transparent, and 3:1 against one of the colours around it."""
    if _rgba(colour)[3] == 0:
        return False
    return any(contrast(colour, other) >= INDICATOR_CONTRAST for other in against)


def focus_indicators(driver: WebDriver, element: WebElement) -> tuple[list[str], str]:
    """What shows that ``element`` (which has focus) is focused, and the styles compared."""
    styles = driver.execute_script(_FOCUS_STYLES + "return focusStyles(arguments[0]);", element)
    return _indicators(describe(driver, element), styles)


def _indicators(name: str, styles: list[Any]) -> tuple[list[str], str]:
    focused, blurred, backdrop, refocused = styles
    assert refocused, f"{name} did not take focus back"
    # Around an outline or a shadow lie the page behind and the element's own background.
    around = [backdrop]
    if _rgba(focused["backgroundColor"])[3] > 0:
        around.append(focused["backgroundColor"])
    indicators = []
    outline_changed = any(
        focused[k] != blurred[k] for k in ("outlineStyle", "outlineWidth", "outlineColor")
    )
    if (
        outline_changed
        and focused["outlineStyle"] != "none"
        and float(focused["outlineWidth"].removesuffix("px") or 0) > 0
        and _seen(focused["outlineColor"], around)
    ):
        indicators.append("outline")
    shadows = [m.group(0) for m in _COLOUR.finditer(focused["boxShadow"])]
    if focused["boxShadow"] != blurred["boxShadow"] and any(_seen(c, around) for c in shadows):
        indicators.append("box shadow")
    before = blurred["backgroundColor"] if _rgba(blurred["backgroundColor"])[3] else backdrop
    if _seen(focused["backgroundColor"], [before]):
        indicators.append("background")
    border_width = float(focused["borderWidth"].removesuffix("px") or 0)
    if border_width > 0 and focused["borderColor"] != blurred["borderColor"]:
        new = _COLOUR.findall(focused["borderColor"])
        old = _COLOUR.findall(blurred["borderColor"])
        if any(_seen(f"rgb({n})", [f"rgb({o})"]) for n, o in zip(new, old, strict=False)):
            indicators.append("border")
    styles_text = f"focused {focused}, not focused {blurred}, behind {backdrop}"
    return indicators, styles_text


def _assert_indicators(name: str, styles: list[Any]) -> None:
    indicators, text = _indicators(name, styles)
    assert indicators, f"no visible focus on {name}: {text}"


def assert_focus_visible(driver: WebDriver) -> None:
    """The focused element shows its focus, and visibly so.

    Outline, box shadow, background colour and border colour of the element focused and not
    focused are compared. A change counts only when it can be seen: an outline or a shadow
    (not "none", not zero wide) whose colour has 3:1 contrast with the page behind or the
    element's own background; a background or border colour with 3:1 against the old one.
    """
    _element, name, styles = driver.execute_script(_TAB_STOP, True)
    _assert_indicators(name, styles)


def assert_in_viewport(driver: WebDriver, element: WebElement) -> None:
    """The element is shown, has a size and lies inside the window (e.g. a skip link)."""
    inside = driver.execute_script(
        "const b = arguments[0].getBoundingClientRect();"
        "return b.width > 1 && b.height > 1 && b.left >= 0 && b.top >= 0"
        " && b.right <= window.innerWidth && b.bottom <= window.innerHeight;",
        element,
    )
    assert element.is_displayed() and inside, f"{describe(driver, element)} is not visible"
