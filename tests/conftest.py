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
    (up to twice that, for a noisy machine); a quadratic cost would be sixteen times. Each
    cost is the least of a few runs: a pause of the machine lengthens one run, never all."""
    import time

    def cost(t: str, runs: int) -> float:
        best = float("inf")
        for _ in range(runs):
            t0 = time.process_time()
            run(t)
            best = min(best, time.process_time() - t0)
        return best

    small = cost(text, 3)
    big = cost(text * 4, 2)
    return big < max(small, 0.05) * 8


@pytest.fixture(scope="session")
def costs_linear_time():
    return _costs_linear_time
