"""The app's vendored assets: the partial plotly.js bundle matches the plotly.js that the
installed plotly package ships (figures are built for it), carries its licence, and the
page shell loads everything from this server."""

from __future__ import annotations

import re
from pathlib import Path

from plotly.offline import get_plotlyjs_version

from timeline.app.server import ASSETS

BUNDLE = ASSETS / "plotly-timeline.min.js"
BUILD_SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "build-plotly-bundle.sh"


def _major_minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def test_the_bundle_is_the_plotly_js_of_the_installed_plotly():
    header = BUNDLE.read_text(encoding="utf-8")[:400]
    found = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", header)
    assert found, header
    assert _major_minor(found.group(1)) == _major_minor(get_plotlyjs_version()), (
        "rebuild the bundle with tools/build-plotly-bundle.sh for the installed plotly")
    script = BUILD_SCRIPT.read_text(encoding="utf-8")
    assert f"PLOTLY_JS={found.group(1)}" in script


def test_the_bundle_is_small_and_licensed():
    size = BUNDLE.stat().st_size
    assert 500_000 < size < 2_000_000, size      # the full plotly.min.js is 4.8 MB
    licence = (ASSETS / "plotly-timeline.LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Plotly" in licence
    assert "window.Plotly=" in BUNDLE.read_text(encoding="utf-8")[-20_000:]
