"""The monthly summary card of /stats for social media: one month's reports received, the
share answered on time and the participation gap of the three groups, as an SVG (1200 by 675,
real text, high contrast, every number labelled where it stands), the same SVG drawn as PNG
(CairoSVG), and the alt text to post beside it with the same facts in plain sentences.

The numbers are the /stats numbers of the month (the same service, the same "<5" rule): the
card only lays them out. ``card`` reads words in the request's language (run it where the
locale is set); ``svg`` is string work; ``CardImages.png`` draws and keeps the PNG (blocking:
run it off the event loop)."""

from __future__ import annotations

import datetime as dt
import hashlib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from babel.dates import format_date

from gesi_app.audio.files import store_atomically
from gesi_app.i18n import gettext
from gesi_app.stats import labels
from gesi_app.stats.service import Statistics
from gesi_app.stats.suppression import THRESHOLD

WIDTH, HEIGHT = 1200, 675
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
INK, PAPER, ACCENT, MUTED = "#0b0c0c", "#ffffff", "#1d4f91", "#3d4551"  # text >= 7:1 on white
MAX_FILES = 200
LINE_CHARS = 76  # characters of a gap sentence per line at 24 px across the card


@dataclass(frozen=True)
class Card:
    """The words and numbers of one month's card, in one language."""

    lang: str
    month: str  # "2026-11"
    title: str  # "Suara: November 2026"
    received: str  # "29" or "<5"
    received_label: str
    on_time: str  # "83.3%", or a dash when too few
    on_time_label: str
    on_time_said: str  # the share in the alt text: the number, or words instead of a dash
    gap_title: str
    gaps: list[str]  # the headline sentence of each group, as on /stats
    note: str

    @property
    def alt(self) -> str:
        """The alt text for social media: the card's facts as plain sentences."""
        return " ".join(
            [
                f"{self.title}.",
                f"{self.received_label}: {self.received}.",
                f"{self.on_time_label}: {self.on_time_said}.",
                f"{self.gap_title}:",
                *self.gaps,
                self.note,
            ]
        )


def month_name(month: tuple[int, int], locale: str) -> str:
    return format_date(dt.date(month[0], month[1], 1), "MMMM y", locale=locale)


def card(stats: Statistics, month: tuple[int, int], locale: str) -> Card:
    """The card of ``stats`` (the statistics of ``month`` alone) in ``locale``."""
    answer = stats.timings["answer"]
    on_time = "–"
    if answer.deadline and answer.on_time is not None and answer.reports >= THRESHOLD:
        on_time = labels.share(answer.on_time / answer.reports)
    return Card(
        lang=locale,
        month="{:04d}-{:02d}".format(*month),
        title=gettext("Suara: %(month)s", month=month_name(month, locale)),
        received=labels.count(stats.total),
        received_label=gettext("Reports received"),
        on_time=on_time,
        on_time_label=(
            gettext(
                "Answered on time (within %(days)s working days)",
                days=answer.deadline,
            )
            if answer.deadline
            else gettext("Answered on time")
        ),
        on_time_said=(
            on_time if on_time != "–" else gettext("too few answered reports to show a share")
        ),
        gap_title=gettext("Who is heard, compared with the population"),
        gaps=[labels.headline(line) for line in stats.gesi.lines],
        note=gettext(
            "A number smaller than 5 shows as <5. A dash means too few reports to show a share."
        ),
    )


def _text(x: int, y: int, words: str, size: int, *, bold: bool = False, fill: str = INK) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x}" y="{y}" font-size="{size}"{weight} fill="{fill}">{escape(words)}</text>'


def svg(item: Card) -> str:
    """The card as a standalone SVG document: title and desc (the alt text) name and describe
    it; every number is real text, labelled beside it."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" lang="{item.lang}" xml:lang="{item.lang}" '
        f'aria-labelledby="card-title card-desc" font-family="{FONT}">',
        f'<title id="card-title">{escape(item.title)}</title>',
        f'<desc id="card-desc">{escape(item.alt)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>',
        f'<rect width="{WIDTH}" height="16" fill="{ACCENT}"/>',
        _text(60, 92, item.title, 48, bold=True),
        # Two headline numbers, each with its label right under it.
        f'<rect x="60" y="125" width="520" height="190" fill="none" stroke="{ACCENT}" '
        'stroke-width="4"/>',
        _text(90, 210, item.received, 80, bold=True, fill=ACCENT),
        _text(90, 255, item.received_label, 26),
        f'<rect x="620" y="125" width="520" height="190" fill="none" stroke="{ACCENT}" '
        'stroke-width="4"/>',
        _text(650, 210, item.on_time, 80, bold=True, fill=ACCENT),
    ]
    for i, line in enumerate(textwrap.wrap(item.on_time_label, 36)[:2]):
        parts.append(_text(650, 255 + i * 32, line, 24))
    parts.append(_text(60, 370, item.gap_title, 30, bold=True))
    y = 412
    for sentence in item.gaps:
        # The group's name in bold, the rest of the sentence after it; long ones wrap.
        group = sentence.partition(": ")[0] + ":"
        first, *more = textwrap.wrap(sentence, LINE_CHARS) or [""]
        if first.startswith(group):
            parts.append(
                f'<text x="60" y="{y}" font-size="24" fill="{INK}">'
                f'<tspan font-weight="bold">{escape(group)}</tspan>'
                f"{escape(first[len(group) :])}</text>"
            )
        else:
            parts.append(_text(60, y, first, 24))
        for line in more[:2]:
            y += 30
            parts.append(_text(90, y, line, 24))
        y += 44
    for i, line in enumerate(textwrap.wrap(item.note, 90)[:2]):
        parts.append(_text(60, HEIGHT - 52 + i * 26, line, 20, fill=MUTED))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


class CardImages:
    """PNGs of cards, drawn from their SVG on first need and kept: the name holds the SVG's
    hash, so new numbers (a new data version) make a new file. At most ``max_files`` are
    kept; the oldest go first."""

    def __init__(self, folder: Path, max_files: int = MAX_FILES) -> None:
        self.folder = folder
        self.max_files = max_files

    def path(self, item: Card, document: str) -> Path:
        digest = hashlib.sha256(document.encode()).hexdigest()[:20]
        return self.folder / item.lang / f"{item.month}-{digest}.png"

    def png(self, item: Card, document: str) -> Path:
        """The PNG of ``document`` (blocking: run it off the event loop). A thread is enough:
        a card takes about 50 ms and is drawn once per month, language and data version."""
        target = self.path(item, document)
        if target.exists():
            return target
        import cairosvg  # loads libcairo: only where a PNG is drawn

        image = cairosvg.svg2png(bytestring=document.encode(), output_width=WIDTH)
        stored = store_atomically(target, image)
        self._trim(keep=stored)
        return stored

    def _trim(self, keep: Path) -> None:
        files = list(self.folder.glob("*/*.png"))
        if len(files) <= self.max_files:
            return
        files.sort(key=_made_at)
        for old in files[: len(files) - max(1, self.max_files * 9 // 10)]:
            if old != keep:
                old.unlink(missing_ok=True)


def _made_at(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
