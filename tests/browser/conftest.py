"""Real-browser fixtures: the app in a subprocess on a free 127.0.0.1 port with its own
edit store, and headless Debian Chromium driven by Playwright (no downloaded browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``python app.py`` as a user runs it; restartable on the same port and store."""

    def __init__(self, store: Path, paths: list[str] | None = None):
        self.store = store
        self.paths = paths or []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None
        self.log = store.with_suffix(".log")

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "TIMELINE_STORE"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "app.py", *self.paths, "--port", str(self.port),
                 "--store", str(self.store)], cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("app did not start in 90 s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@pytest.fixture(scope="module")
def browser():
    # Module scope: Playwright's sync API allows one driver at a time, and other modules
    # here start their own.
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("app") / "edits.sqlite3")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, app_server):
    """A fresh page; any console error, page error or failed request fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
          if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # ERR_ABORTED is a request cancelled by our own reload/navigation, not a failure;
    # anything else (a CDN name that does not resolve, a refused connection) is one.
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}")
          if "ERR_ABORTED" not in (r.failure or "") else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    yield pg
    context.close()
    assert not problems, problems
