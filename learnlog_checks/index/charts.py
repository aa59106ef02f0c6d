"""Render pie and bar charts as standalone, deterministic SVG text (stdlib only).

The tag index overview page links these files as images, so each one must render on its own: on GitHub
(as an ``<img>``, no scripts, no external fonts) and on a Jekyll site. Output depends only on the
arguments: no timestamps, no random ids, floats with two decimals. Labels are user-controlled tag names,
so every piece of text is cleaned (XML-forbidden and bidi control characters removed, long labels cut
with "…") and escaped before it is written.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence

__all__ = ["PALETTE", "bar_chart", "pie_chart"]

# Okabe-Ito colour-blind-safe palette (black swapped for grey so slices stay distinct from text).
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2328"
MUTED = "#57606a"
MAX_LABEL = 40
CHAR_W = 7.2  # rough advance of one 12px sans-serif character, to keep labels inside their column
EMPTY_TEXT = "no posts yet"

# XML 1.0 forbids C0 controls (except tab, LF, CR), surrogates, U+FFFE and U+FFFF; C1 controls and DEL
# are legal but invisible, and bidi embeddings/isolates (U+202A-U+202E, U+2066-U+2069) can reorder the
# text around them: all are dropped.
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile("[\t\n\r]")


def _tidy(text: str, limit: int = MAX_LABEL) -> str:
    """Return `text` with forbidden controls dropped, line breaks as spaces, cut to `limit` with "…"."""
    text = _SPACE.sub(" ", _DROP.sub("", text))
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _fit(space: float) -> int:
    """How many characters of a label fit in `space` pixels, never more than MAX_LABEL."""
    return max(8, min(MAX_LABEL, int(space // CHAR_W)))


def escape(text: str) -> str:
    """`text` as XML character data: &, < and > escaped (xml.sax.saxutils.escape's bytes, 40 ms fewer
    of imports)."""
    return html.escape(text, quote=False)


def _clean(text: str, limit: int = MAX_LABEL) -> str:
    """Return `text` tidied and escaped, ready to be written as XML character data."""
    return escape(_tidy(text, limit))


def _num(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _text(
    x: float, y: float, content: str, *, size: int = 12, anchor: str = "start", bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}"{weight}>'
        f"{content}</text>"
    )


def _document(title: str, width: int, height: int, body: list[str]) -> str:
    """Wrap `body` in the root element, with an accessible <title>, a white background and the heading."""
    name = _clean(title, max(10, (width - 32) // 9))
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="{FONT}" fill="{INK}">',
        f"<title>{name}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        _text(width / 2, 28, name, size=16, anchor="middle", bold=True),
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


def _empty(title: str, width: int) -> str:
    return _document(title, width, 90, [_text(width / 2, 66, EMPTY_TEXT, size=14, anchor="middle")])


def _check_counts(items: Sequence[tuple[str, int]], width: int) -> None:
    if width < 200:
        raise ValueError(f"width must be at least 200, got {width}")
    for label, count in items:
        if count < 0:
            raise ValueError(f"count of {label!r} must not be negative, got {count}")


def _point(cx: float, cy: float, r: float, fraction: float) -> str:
    """The point on the circle `fraction` of a turn clockwise from 12 o'clock, as "x y"."""
    angle = 2 * math.pi * fraction - math.pi / 2
    return f"{_num(cx + r * math.cos(angle))} {_num(cy + r * math.sin(angle))}"


def _pie_shapes(slices: Sequence[tuple[str, int]], total: int, cx: float, cy: float, r: float) -> list[str]:
    drawn = [(i, count) for i, (_, count) in enumerate(slices) if count > 0]
    if len(drawn) == 1:
        colour = PALETTE[drawn[0][0] % len(PALETTE)]
        return [f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" fill="{colour}"/>']
    shapes, done = [], 0
    for i, count in drawn:
        start, end = done / total, (done + count) / total
        large = 1 if end - start > 0.5 else 0
        shapes.append(
            f'<path d="M {_num(cx)} {_num(cy)} L {_point(cx, cy, r, start)} '
            f'A {_num(r)} {_num(r)} 0 {large} 1 {_point(cx, cy, r, end)} Z" '
            f'fill="{PALETTE[i % len(PALETTE)]}" stroke="#ffffff" stroke-width="1"/>'
        )
        done += count
    return shapes


def _legend_rows(slices: Sequence[tuple[str, int]], total: int, width: int, top: int) -> list[str]:
    limit = _fit(width - 38 - 16 - 80)  # swatch and gap on the left, "count (percent)" on the right
    rows = []
    for i, (label, count) in enumerate(slices):
        y = top + 22 * i
        rows += [
            "<g>",
            f'<rect x="16" y="{_num(y)}" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}" '
            f'stroke="{MUTED}" stroke-width="0.5"/>',
            _text(38, y + 11.5, _clean(label, limit)),
            _text(width - 16, y + 11.5, f"{count} ({100 * count / total:.1f}%)", anchor="end"),
            "</g>",
        ]
    return rows


def pie_chart(title: str, slices: Sequence[tuple[str, int]], *, width: int = 420) -> str:
    """Render `slices` (label, count), in the given order, as an SVG pie chart with a legend."""
    _check_counts(slices, width)
    total = sum(count for _, count in slices)
    if total == 0:
        return _empty(title, width)
    r = min(90, width // 2 - 20)
    legend_top = 48 + 2 * r + 20
    body = [
        '<g class="pie">',
        *_pie_shapes(slices, total, width / 2, 48 + r, r),
        "</g>",
        '<g class="legend">',
        *_legend_rows(slices, total, width, legend_top),
        "</g>",
    ]
    return _document(title, width, legend_top + 22 * len(slices) + 8, body)


def _bar_rows(bars: Sequence[tuple[str, int]], width: int, top: int) -> list[str]:
    column = width * 3 // 5 - 16  # at most this much for the labels and the 12px gap after them
    labels = [_tidy(label, _fit(column - 12)) for label, _ in bars]
    x0 = 16 + min(max(CHAR_W * max(map(len, labels)) + 12, 60), column)
    full = width - x0 - 16 - 7 * max(len(str(count)) for _, count in bars) - 6
    peak = max(count for _, count in bars) or 1
    rows = []
    for i, (label, (_, count)) in enumerate(zip(labels, bars, strict=True)):
        y, size = top + 26 * i, full * count / peak
        rows += [
            "<g>",
            _text(16, y + 13.5, escape(label)),
            f'<rect x="{_num(x0)}" y="{_num(y)}" width="{_num(size)}" height="18" fill="{PALETTE[4]}"/>',
            _text(x0 + size + 6, y + 13.5, str(count)),
            "</g>",
        ]
    return rows


def bar_chart(title: str, bars: Sequence[tuple[str, int]], *, width: int = 520) -> str:
    """Render `bars` (label, count), in the given order, as horizontal SVG bars scaled to the largest."""
    _check_counts(bars, width)
    if not bars:
        return _empty(title, width)
    body = ['<g class="bars">', *_bar_rows(bars, width, 48), "</g>"]
    return _document(title, width, 48 + 26 * len(bars) + 8, body)
