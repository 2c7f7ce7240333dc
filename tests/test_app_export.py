"""The app's export buttons: each format of the filtered view, through the export library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser.synthetic import sample_events

from timeline.app.callbacks import export_view
from timeline.app.filters import ViewState


@pytest.fixture(scope="module")
def events():
    return sample_events()


@pytest.mark.parametrize("fmt", ["csv", "json", "html"])
def test_exports_of_the_view_carry_its_events(events, fmt):
    content, name = export_view(events, fmt, ViewState(scale="linear", lanes="status"))
    assert name == f"timeline.{fmt}"
    assert "New fighter jet with Italy and Britain ready" in content
    if fmt == "json":
        assert len(json.loads(content)) == len(events)


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's Chromium")
def test_the_image_export_gets_the_views_time_scale(events):
    # The view's "linear" scale is the figure's time scale, not the image's pixel scale.
    svg, name = export_view(events, "svg", ViewState(scale="linear"))
    assert name == "timeline.svg"
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    assert text.lstrip().startswith("<svg") and "2030" in text   # a calendar axis, in years


def test_an_unknown_format_is_refused(events):
    from timeline.errors import TimelineError

    with pytest.raises(TimelineError, match="unknown export format"):
        export_view(events, "docx", ViewState())
