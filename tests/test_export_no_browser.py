"""Image export without a working browser: a clear one-line error, never a hang or a traceback."""

from __future__ import annotations

import pytest

from timeline.cli import main
from timeline.errors import TimelineError
from timeline.export import image_session, to_image
from timeline.table import make_table


@pytest.fixture
def no_browser(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))


@pytest.fixture
def broken_browser(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))


def test_a_missing_browser_is_a_clear_error_in_a_session(no_browser):
    with pytest.raises(TimelineError, match="install Chromium"), image_session():
        to_image(make_table([]), "png")


def test_a_missing_browser_is_a_clear_error_for_one_image(no_browser):
    with pytest.raises(TimelineError, match="install Chromium"):
        to_image(make_table([]), "svg")


def test_a_browser_that_dies_does_not_hang_the_session(broken_browser, capsys):
    with pytest.raises(TimelineError, match="could not draw the image"), image_session():
        to_image(make_table([]), "png", width=300, height=200)
    assert "Traceback" not in capsys.readouterr().err


def test_cli_reports_a_missing_browser_in_one_line(no_browser, sample_path, tmp_path, capsys):
    assert main(["export", str(sample_path), "-o", str(tmp_path / "fig.png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: could not draw the image") and err.count("\n") == 1
    assert not (tmp_path / "fig.png").exists()
