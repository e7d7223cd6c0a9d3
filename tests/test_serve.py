"""``python -m generator serve``: serves the site, rebuilds on change, reloads open pages,
and keeps serving the last good site when the data breaks."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.serve import ERRORS_ID, RELOAD_PATH, inject_reload, snapshot
from tests.helpers import REPO
from tests.output_runs import cache_env

TIMEOUT = 180  # seconds for one build on a busy 2-core machine


class Session:
    """``serve`` in a subprocess, its merged output collected line by line."""

    def __init__(self, root: Path, *args: str, env: dict[str, str] | None = None,
                 on_building: Callable[[], None] | None = None):
        env = {"PYTHONPATH": str(REPO), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
               "HOME": str(root.parent / "home"), "LANG": "C.UTF-8", **cache_env(), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "--project", str(root), "serve", "--port", "0", *args],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        self.lines: list[str] = []
        self._new: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        if on_building is not None:  # called once serve says it is building (the first build may still run)
            self.wait_for_line(lambda s: s.startswith("Building "))
            on_building()
        line = self.wait_for_line(lambda s: s.startswith("Serving http://127.0.0.1:"))
        self.base = line.split()[1]

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._new.put(line.rstrip("\n"))

    def wait_for_line(self, match, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._new.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, "serve exited:\n" + "\n".join(self.lines)
                continue
            if match(line):
                return line
        raise AssertionError("timed out; output so far:\n" + "\n".join(self.lines))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:  # 404 and friends: their body too
            return error.code, error.read().decode("utf-8")

    def counter(self) -> int:
        """Successful builds (the reload state is "builds.failures")."""
        return int(self.get(RELOAD_PATH)[1].split(".")[0])

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                return self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                raise
        return self.proc.returncode


@pytest.fixture
def session(make_project):
    """A ``serve`` of its own for each test that watches it rebuild (its project starts from
    the session's memo, so it starts in a few seconds): no test sees what another changed,
    in whatever order they run."""
    root = make_project()
    s = Session(root)
    s.root = root
    yield s
    s.stop()


def rebuilt(session: Session, before: int) -> int:
    """Wait for the build after ``before`` and return the new counter."""
    session.wait_for_line(lambda line: line.startswith("Built in") and f"(build {before + 1})" in line)
    return session.counter()


def test_serves_the_built_site_with_the_reload_script_injected(session):
    status, page = session.get("/index.html")
    assert status == 200
    assert "<title>" in page and "</nav>" in page
    assert f'fetch("{RELOAD_PATH}"' in page and page.rstrip().endswith("</html>")
    assert session.counter() >= 1
    on_disk = (session.root / ".serve-build" / "index.html").read_text(encoding="utf-8")
    assert RELOAD_PATH not in on_disk  # injected into the response only
    assert session.base.startswith("http://127.0.0.1:")


def retitle(root: Path, title: str) -> None:
    config = root / "site.yml"
    text = re.sub(r"(?m)^title: .*$", f"title: {title}", config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")


def test_a_changed_input_rebuilds_and_advances_the_counter(session):
    before = session.counter()
    retitle(session.root, "Served Title")
    assert rebuilt(session, before) == before + 1
    assert "Served Title" in session.get("/index.html")[1]


def test_an_input_saved_while_the_first_build_runs_starts_another_build(make_project):
    root = make_project()
    session = Session(root, on_building=lambda: retitle(root, "Saved Early"))
    try:
        assert rebuilt(session, 1) == 2
        assert "Saved Early" in session.get("/index.html")[1]
    finally:
        session.stop()


def test_a_data_problem_is_reported_and_the_last_good_site_kept(session):
    runs = session.root / "data" / "measurements" / "fpga-a.csv"
    good = runs.read_text(encoding="utf-8")
    before, page = session.counter(), session.get("/index.html")[1]
    state = session.get(RELOAD_PATH)[1]
    runs.write_text(good + "imagenet,fpga-a,,INT8,no-such-net,100,1,1,,1,,,,,,\n", encoding="utf-8")
    problem = session.wait_for_line(lambda s: s.startswith("error: data/measurements/fpga-a.csv"))
    assert "network" in problem
    session.wait_for_line(lambda s: "still serving the last good site" in s)
    assert session.counter() == before
    assert session.get(RELOAD_PATH)[1] != state  # a failed build changes the state too: open pages reload
    # every served page is the last good site with the problems in a box on top
    served = session.get("/index.html")[1]
    box = served.split(f'<div id="{ERRORS_ID}" role="alert"', 1)[1].split("</div>", 1)[0]
    assert "The last build failed" in box
    assert "error: data/measurements/fpga-a.csv, line " in box and "field &#x27;network&#x27;" in box
    assert served.index(ERRORS_ID) < served.index("<header")  # right after <body>, above the site
    assert without_box(served).split("<script>/* injected")[0] == page.split("<script>/* injected")[0]
    runs.write_text(good, encoding="utf-8")  # mended: the next build succeeds
    assert rebuilt(session, before) == before + 1
    assert ERRORS_ID not in session.get("/index.html")[1]


def without_box(page: str) -> str:
    start = page.index(f'<div id="{ERRORS_ID}"')
    return page[:start] + page[page.index("</div>\n", start) + len("</div>\n"):]


def test_a_missing_page_is_the_sites_own_404_page_with_status_404(session):
    status, page = session.get("/no/such/page.html")
    assert status == 404
    assert "Page not found" in page
    assert '<base href="/">' in page  # its styles and links resolve from any depth
    assert f'fetch("{RELOAD_PATH}"' in page
    assert session.get("/assets/style.css")[0] == 200


def test_host_and_open_serve_there_and_open_the_browser_at_the_site(make_project, tmp_path):
    root = make_project()
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f"#!/bin/sh\necho \"$1\" > {opened}\n")
    browser.chmod(0o755)
    s = Session(root, "--host", "127.0.0.1", "--open", "-v", env={"BROWSER": str(browser)})
    try:
        assert s.get("/index.html")[0] == 200
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text().strip() == s.base
        s.wait_for_line(lambda line: "GET /index.html HTTP/1.1" in line and " 200 " in line)  # -v: every request
    finally:
        assert s.stop() == 0


def test_ctrl_c_stops_cleanly(make_project):
    alone = Session(make_project())
    assert alone.stop() == 0
    assert alone.lines[-1] == "Stopped."
    assert not any("Traceback" in line for line in alone.lines)


def test_reload_script_goes_before_the_closing_body_tag_or_at_the_end():
    page = inject_reload(b"<html><body><p>x</p></BODY></html>", 7)
    assert page.index(b'var seen = "7"') < page.index(b"</BODY>")
    assert inject_reload(b"plain", 1).startswith(b"plain<script>")


def test_snapshot_sees_changes_of_watched_files_only(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.csv").write_text("x\n")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "index.html").write_text("x")
    before = snapshot(tmp_path)
    assert list(before) == ["data/a.csv"]
    (tmp_path / "build" / "index.html").write_text("changed")
    assert snapshot(tmp_path) == before
    (tmp_path / "site.yml").write_text("title: t\n")
    assert set(snapshot(tmp_path)) == {"data/a.csv", "site.yml"}
