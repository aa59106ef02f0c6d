from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from learnlog_checks.index.charts import PALETTE, _num, bar_chart, pie_chart

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & 'q'\"d\"]]>"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    assert svg.endswith("</svg>\n")
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    return root


def group(root: ET.Element, name: str) -> ET.Element:
    found = root.find(f"{NS}g[@class='{name}']")
    assert found is not None, name
    return found


def rows(root: ET.Element, name: str) -> list[list[str]]:
    """The texts of each row of the legend or of the bars, in order."""
    return [["".join(t.itertext()) for t in row.iter(f"{NS}text")] for row in group(root, name)]


def shapes(root: ET.Element) -> list[ET.Element]:
    return [e for e in group(root, "pie") if e.tag in (f"{NS}path", f"{NS}circle")]


def bar_widths(root: ET.Element) -> list[float]:
    return [float(rect.get("width", "")) for rect in group(root, "bars").iter(f"{NS}rect")]


def test_pie_draws_one_slice_per_nonzero_count_and_lists_all_in_legend() -> None:
    root = parse(pie_chart("Modes", [("theory", 3), ("none", 0), ("practice", 1)]))
    drawn = shapes(root)
    assert [e.tag for e in drawn] == [f"{NS}path", f"{NS}path"]
    assert [e.get("fill") for e in drawn] == [PALETTE[0], PALETTE[2]]
    assert rows(root, "legend") == [["theory", "3 (75.0%)"], ["none", "0 (0.0%)"], ["practice", "1 (25.0%)"]]


def test_pie_title_is_accessible_and_shown() -> None:
    root = parse(pie_chart("Theory vs practice", [("a", 1), ("b", 1)]))
    assert root.findtext(f"{NS}title") == "Theory vs practice"
    assert "Theory vs practice" in [t.text for t in root.iter(f"{NS}text")]


def test_pie_arcs_go_clockwise_from_the_top() -> None:
    root = parse(pie_chart("t", [("big", 3), ("small", 1)]))
    assert [e.get("d") for e in shapes(root)] == [
        "M 210.00 138.00 L 210.00 48.00 A 90.00 90.00 0 1 1 120.00 138.00 Z",
        "M 210.00 138.00 L 120.00 138.00 A 90.00 90.00 0 0 1 210.00 48.00 Z",
    ]


def test_single_slice_is_a_full_circle() -> None:
    root = parse(pie_chart("t", [("zero", 0), ("only", 5)]))
    assert [(e.tag, e.get("fill")) for e in shapes(root)] == [(f"{NS}circle", PALETTE[1])]
    assert rows(root, "legend")[1] == ["only", "5 (100.0%)"]


@pytest.mark.parametrize("slices", [[], [("a", 0), ("b", 0)]])
def test_empty_pie_says_no_posts_yet(slices: list[tuple[str, int]]) -> None:
    svg = pie_chart("Modes", slices)
    root = parse(svg)
    assert [t.text for t in root.iter(f"{NS}text")] == ["Modes", "no posts yet"]
    assert "<path" not in svg
    assert "<circle" not in svg


def test_empty_bar_chart_says_no_posts_yet() -> None:
    root = parse(bar_chart("Topics", []))
    assert [t.text for t in root.iter(f"{NS}text")] == ["Topics", "no posts yet"]


def test_palette_cycles_in_slice_order() -> None:
    root = parse(pie_chart("t", [(f"tag{i}", 1) for i in range(len(PALETTE) + 2)]))
    assert [e.get("fill") for e in shapes(root)] == [*PALETTE, PALETTE[0], PALETTE[1]]


def test_hostile_label_is_escaped() -> None:
    for svg in (pie_chart("t", [(HOSTILE, 1), ("b", 1)]), bar_chart("t", [(HOSTILE, 1)])):
        assert "<script>" not in svg
        assert "]]>" not in svg
        assert "&lt;script&gt;" in svg
        texts = [t.text for t in parse(svg).iter(f"{NS}text")]
        assert HOSTILE in texts


def test_hostile_title_is_escaped() -> None:
    svg = pie_chart("<b>&</b>", [("a", 1)])
    assert "<b>" not in svg
    assert parse(svg).findtext(f"{NS}title") == "<b>&</b>"


def test_control_and_bidi_characters_are_stripped() -> None:
    label = "ta\x00g\x1b-\u202eevil\u202c\u2066x\u2069\ud800\ufffe\x85\ttab"
    for svg in (pie_chart("t\x07itle", [(label, 1)]), bar_chart("t\x07itle", [(label, 1)])):
        root = parse(svg)
        texts = [t.text for t in root.iter(f"{NS}text")]
        assert "tag-evilx tab" in texts
        assert root.findtext(f"{NS}title") == "title"


def test_long_label_is_truncated_visibly() -> None:
    label = "a" * 30 + "b" * 30
    for svg in (pie_chart("t", [(label, 1)]), bar_chart("t", [(label, 1)])):
        shown = [t.text or "" for t in parse(svg).iter(f"{NS}text") if (t.text or "").startswith("a")]
        assert len(shown) == 1
        assert shown[0].endswith("…")
        assert 30 < len(shown[0]) <= 40
        assert label.startswith(shown[0][:-1])


def test_label_just_under_the_limit_is_kept_whole() -> None:
    label = "k" * 38
    assert rows(parse(pie_chart("t", [(label, 1)])), "legend") == [[label, "1 (100.0%)"]]


def test_unicode_label_is_shown_as_given() -> None:
    label = "日本語-çà-🙂"
    assert rows(parse(bar_chart("t", [(label, 2)])), "bars") == [[label, "2"]]


def test_output_is_deterministic_and_has_no_negative_zero() -> None:
    slices = [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 0)]
    assert pie_chart("t", slices) == pie_chart("t", list(slices))
    assert bar_chart("t", slices) == bar_chart("t", list(slices))
    assert "-0.00" not in pie_chart("t", [("a", 1), ("b", 1), ("c", 1), ("d", 1)])
    assert [_num(-0.001), _num(-1e-16), _num(-0.005001), _num(2.345)] == ["0.00", "0.00", "-0.01", "2.35"]


def test_font_family_is_a_sans_serif_stack() -> None:
    font = parse(pie_chart("t", [("a", 1)])).get("font-family", "")
    assert font.endswith("sans-serif")


def test_bars_keep_order_and_show_counts() -> None:
    root = parse(bar_chart("Topics", [("ml", 2), ("math", 10), ("stats", 0)]))
    assert rows(root, "bars") == [["ml", "2"], ["math", "10"], ["stats", "0"]]


def test_bar_widths_are_proportional() -> None:
    root = parse(bar_chart("t", [("half", 20), ("full", 40), ("quarter", 10), ("none", 0)]))
    half, full, quarter, none = bar_widths(root)
    assert full > 200
    assert half == pytest.approx(full / 2, abs=0.01)
    assert quarter == pytest.approx(full / 4, abs=0.01)
    assert none == 0


def test_largest_bar_fills_the_bar_area_and_its_count_fits() -> None:
    root = parse(bar_chart("t", [("a", 7), ("b", 12345)], width=600))
    row = list(group(root, "bars"))[1]
    rect, count = row.find(f"{NS}rect"), row.findall(f"{NS}text")[1]
    assert rect is not None
    end = float(rect.get("x", "")) + float(rect.get("width", ""))
    assert float(count.get("x", "")) == pytest.approx(end + 6)
    assert end + 6 + 7.2 * 5 <= 600


def test_all_zero_bars_have_zero_width() -> None:
    assert bar_widths(parse(bar_chart("t", [("a", 0), ("b", 0)]))) == [0, 0]


def test_height_grows_with_the_number_of_bars() -> None:
    heights = [int(parse(bar_chart("t", [("a", 1)] * n)).get("height", "")) for n in (1, 2, 5)]
    assert heights == [82, 108, 186]


def test_pie_height_grows_with_the_legend() -> None:
    small = int(parse(pie_chart("t", [("a", 1)])).get("height", ""))
    large = int(parse(pie_chart("t", [("a", 1)] * 4)).get("height", ""))
    assert large - small == 3 * 22


@pytest.mark.parametrize("chart", [pie_chart, bar_chart])
def test_negative_counts_and_tiny_widths_are_rejected(chart: Callable[..., str]) -> None:
    with pytest.raises(ValueError, match="negative"):
        chart("t", [("a", -1)])
    with pytest.raises(ValueError, match="width"):
        chart("t", [("a", 1)], width=100)


def test_labels_are_escaped_as_xml_text_without_loading_xml_sax():
    """html.escape(quote=False) gives xml.sax.saxutils.escape's bytes for &, < and >, without its 40 ms
    of imports; quotes stay as they are in character data."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from learnlog_checks.index.charts import _clean\n"
        "print(_clean('a<b & \"c\" \\'d\\' >'))\n"
        "print('xml.sax' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["a&lt;b &amp; \"c\" 'd' &gt;", "False"]
