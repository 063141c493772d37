"""The inline SVG charts: accessible, escaped, scaled to the largest bar."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from ingest_service.web.charts import BAR_AREA, bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bar_chart_is_an_image_with_title_description_and_scaled_bars() -> None:
    svg = bar_chart("sector", "Referrals by sector", [("Education", 40), ("Health", 10)])
    root = ElementTree.fromstring(str(svg))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "sector-title sector-desc"
    assert root.findtext(f"{SVG}title") == "Referrals by sector"
    assert root.findtext(f"{SVG}desc") == (
        "50 in all; the largest is Education with 40. The table beside it has all."
    )
    widths = [int(rect.get("width", "0")) for rect in root.iter(f"{SVG}rect")]
    assert widths == [BAR_AREA, BAR_AREA // 4]
    assert "style=" not in str(svg)


def test_labels_are_escaped() -> None:
    svg = str(bar_chart("x", "<b>title</b>", [('<script>alert("x")</script>', 1)]))
    assert "<script>" not in svg and "<b>" not in svg
    ElementTree.fromstring(svg)  # still well-formed


def test_column_chart_labels_at_most_thirteen_ticks_and_handles_no_referrals() -> None:
    weeks = [(f"week {n}", 0) for n in range(53)]
    svg = str(column_chart("week", "Per week", weeks))
    root = ElementTree.fromstring(svg)
    ticks = [t for t in root.iter(f"{SVG}text") if (t.text or "").startswith("week ")]
    assert 1 < len(ticks) <= 13
    assert root.findtext(f"{SVG}desc") == "No referrals in this period."
    assert all(rect.get("height") == "0" for rect in root.iter(f"{SVG}rect"))
    assert re.search(r">Highest: 0<", svg)
