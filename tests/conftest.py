"""Shared fixtures: the sample article shipped in data/, and the read-only ../shared folder."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "eu-japan-partnership-2024.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


def _costs_linear_time(run, text: str) -> bool:
    """Whether ``run`` on four times ``text`` costs about four times as much as on ``text``
    (up to twice that, for a noisy machine); a quadratic cost would be sixteen times."""
    import time

    t0 = time.process_time()
    run(text)
    small = time.process_time() - t0
    t0 = time.process_time()
    run(text * 4)
    big = time.process_time() - t0
    return big < max(small, 0.05) * 8


@pytest.fixture(scope="session")
def costs_linear_time():
    return _costs_linear_time
