"""Static report figures: real PNG/SVG/PDF files of the asked size, one Chromium for the batch."""

from __future__ import annotations

import shutil
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from timeline.errors import TimelineError
from timeline.export import export_all, image_session, to_image
from timeline.table import make_table

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists(),
                       reason="needs Chromium for kaleido"),
]


@pytest.fixture(scope="module")
def browser():
    with image_session():
        yield


@pytest.fixture(scope="module")
def sample_events(sample_text):
    from timeline.extract import extract

    return extract(sample_text, source="eu-japan-partnership-2024.txt")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_asked_size_times_scale(sample_events, browser):
    data = to_image(sample_events, "png", width=800, height=450, scale=2)
    assert _png_size(data) == (1600, 900)


def test_png_height_defaults_to_what_the_figure_needs(sample_events, browser):
    width, height = _png_size(to_image(sample_events, "png", width=700))
    assert width == 700 and height >= 300


def test_svg_is_xml_of_the_asked_size_with_the_events(sample_events, browser):
    root = ET.fromstring(to_image(sample_events, "svg", width=900, height=500))
    assert root.tag.endswith("svg")
    assert (root.get("width"), root.get("height")) == ("900", "500")
    text = "".join(root.itertext())
    assert "2027" in text  # the deadline is labelled on the print figure


def test_pdf_is_a_pdf(sample_events, browser):
    data = to_image(sample_events, "pdf", width=794)
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:]


def test_an_empty_table_still_draws(browser):
    assert _png_size(to_image(make_table([]), "png", width=600, height=300)) == (600, 300)


@pytest.mark.parametrize("kwargs, message", [
    ({"fmt": "gif"}, "image format 'gif'"),
    ({"fmt": "png", "width": 20}, "too small"),
    ({"fmt": "png", "scale": 0}, "out of range"),
    ({"fmt": "png", "width": 20000, "height": 20000, "scale": 4}, "too large"),
])
def test_bad_image_options_are_clear_errors(kwargs, message):
    with pytest.raises(TimelineError, match=message):
        to_image(make_table([]), **kwargs)


def test_a_batch_reuses_the_open_browser_and_leaves_it_open(sample_events, tmp_path, browser):
    import kaleido

    written = export_all(sample_events, tmp_path / "fig", ["png", "svg", "pdf"], width=1000,
                         scale=1)
    assert sorted(p.name for p in written.values()) == ["fig.pdf", "fig.png", "fig.svg"]
    assert _png_size(written["png"].read_bytes())[0] == 1000
    assert kaleido._global_server.is_running()  # the inner batch did not stop the outer session
