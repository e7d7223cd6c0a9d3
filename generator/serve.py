"""``python -m generator serve``: build, serve on 127.0.0.1, rebuild on change, reload pages.

``http.server`` serves the output folder, a thread polls ``data/``, ``site_src/``,
``templates/`` and ``site.yml`` (modification time and size of every file) and rebuilds
in-process when something changed, with one memo kept in memory between rebuilds. Served HTML pages (never the files on disk)
get a small script that polls ``/__reload`` for the build counter and reloads the page when
it changes. A build that fails (a data problem, a template error) is reported in the
terminal, and the last good site keeps being served.
"""

from __future__ import annotations

import http.server
import sys
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from generator.build import build
from generator.errors import DataError, UsageError
from generator.fingerprint import code_digest
from generator.memo import Memo
from generator.project import Project

RELOAD_PATH = "/__reload"
POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.2
WATCHED = ("data", "site_src", "templates", "site.yml")
DEFAULT_OUT = ".serve-build"

Log = Callable[[str], None]

RELOAD_SCRIPT = """<script>/* injected by generator serve; not in the built files */
(function () {
  var seen = "%(build)s";
  function poll() {
    fetch("%(path)s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (t) {
      if (t.trim() !== seen) { location.reload(); } else { setTimeout(poll, 700); }
    }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 700);
})();
</script>
"""

WAITING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No site yet</title></head>
<body><h1>No site built yet</h1>
<p>The build failed; the problems are listed in the terminal running
<code>python -m generator serve</code>. This page reloads when a build succeeds.</p>
</body></html>
"""


def builder_of(project_root: Path) -> Callable[[Path, Path], None]:
    """A function that builds the site of ``project_root`` into a folder, with one memo for
    every build it makes: the only coupling to the build.

    It raises ``DataError`` (every data problem) or any other error of the build; the build
    swaps the new site in only when it succeeded, so the folder keeps the last good site.
    """
    project = Project(project_root)
    memo = Memo.for_project(project.cache_dir, project.root, code_digest(), keep=True)

    def build_once(root: Path, out_dir: Path) -> None:
        build(Project(root), out_dir, log=lambda _msg: None, memo=memo)

    return build_once


def snapshot(project_root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file, by path relative to the project."""
    state: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = project_root / name
        paths = [top] if top.is_file() else (sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else [])
        for path in paths:
            try:
                st = path.stat()
            except OSError:  # removed while we looked
                continue
            state[path.relative_to(project_root).as_posix()] = (st.st_mtime_ns, st.st_size)
    return state


def inject_reload(page: bytes, build: int) -> bytes:
    """``page`` with the reload script before its last ``</body>`` (or at its end)."""
    script = (RELOAD_SCRIPT % {"build": build, "path": RELOAD_PATH}).encode("utf-8")
    at = page.lower().rfind(b"</body>")
    if at == -1:
        return page + script
    return page[:at] + script + page[at:]


class DevServer:
    """The build-watch-serve loop; ``start()`` runs it in background threads, ``stop()`` ends it."""

    def __init__(self, project_root: Path, out_dir: Path, port: int = 8000, log: Log = print,
                 builder: Callable[[Path, Path], None] | None = None, poll_seconds: float = POLL_SECONDS):
        self.project_root = project_root
        self.out_dir = out_dir.resolve()
        self.log = log
        self.builder = builder or builder_of(project_root)
        self.poll_seconds = poll_seconds
        self.builds = 0  # successful builds; the pages' reload counter
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.httpd.daemon_threads = True

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def rebuild(self) -> bool:
        """One build; True when it succeeded (and the counter advanced)."""
        started = time.perf_counter()
        try:
            self.builder(self.project_root, self.out_dir)
        except DataError as exc:
            for problem in exc.problems:
                self.log(f"error: {problem}")
            n = len(exc.problems)
            self.log(f"{n} problem{'s' if n != 1 else ''} found; still serving the last good site.")
        except UsageError as exc:
            self.log(f"error: {exc}; still serving the last good site.")
        except Exception as exc:  # a template error or a bug: keep serving, show where
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" ({Path(last[0].filename).name}, line {last[0].lineno})" if last else ""
            self.log(f"error: build failed: {type(exc).__name__}: {exc}{where}; still serving the last good site.")
        else:
            with self._lock:
                self.builds += 1
            self.log(f"Built in {time.perf_counter() - started:.1f} s (build {self.builds}).")
            return True
        return False

    def watch(self) -> None:
        """Poll the inputs; rebuild once they changed and stopped changing."""
        seen = snapshot(self.project_root)
        while not self._stop.wait(self.poll_seconds):
            now = snapshot(self.project_root)
            if now == seen:
                continue
            while not self._stop.wait(SETTLE_SECONDS):  # an editor may still be writing
                later = snapshot(self.project_root)
                if later == now:
                    break
                now = later
            changed = sorted(k for k in set(now) | set(seen) if now.get(k) != seen.get(k))
            seen = now
            self.log(f"Changed: {', '.join(changed[:5])}{' ...' if len(changed) > 5 else ''}; rebuilding ...")
            self.rebuild()

    def start(self) -> None:
        for target in (self.httpd.serve_forever, self.watch):
            thread = threading.Thread(target=target, daemon=True, name=f"serve-{target.__name__}")
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        if self._threads:  # ``shutdown`` waits for a serving loop: only when one was started
            self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=30)

    def _handler(self) -> type[http.server.SimpleHTTPRequestHandler]:
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(server.out_dir), **kwargs)

            def log_message(self, format, *args):  # noqa: A002 - quiet: the terminal shows builds
                pass

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def do_GET(self):
                self._serve(head=False)

            def do_HEAD(self):
                self._serve(head=True)

            def _serve(self, head: bool) -> None:
                path = urllib.parse.urlsplit(self.path).path
                if path == RELOAD_PATH:
                    return self._send(200, "text/plain; charset=utf-8", str(server.builds).encode(), head)
                target = Path(self.translate_path(self.path))
                if target.is_dir() and path.endswith("/"):
                    target = target / "index.html"
                if target.suffix.lower() in (".html", ".htm") and target.is_file():
                    try:
                        page = target.read_bytes()
                    except OSError:  # swapped out by a rebuild at this very moment
                        return self.send_error(503, "Rebuilding; try again")
                    return self._send(200, "text/html; charset=utf-8", inject_reload(page, server.builds), head)
                if not server.out_dir.is_dir() and path in ("/", "/index.html"):
                    return self._send(503, "text/html; charset=utf-8",
                                      inject_reload(WAITING_PAGE.encode("utf-8"), server.builds), head)
                if head:
                    return super().do_HEAD()
                return super().do_GET()

            def _send(self, status: int, content_type: str, body: bytes, head: bool) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)

        return Handler


def run(project: Path, port: int, out: Path | None, log: Log = print) -> int:
    """The ``serve`` command: blocks until Ctrl-C; returns the exit status."""
    project = project.resolve()
    for name in ("data", "templates"):
        if not (project / name).is_dir():
            raise UsageError(f"{project / name}: folder not found (is {project} a project folder?)")
    out_dir = (out or project / DEFAULT_OUT).resolve()
    if not 0 <= port <= 65535:
        raise UsageError(f"--port: expected 0..65535, found {port}")
    try:
        server = DevServer(project, out_dir, port, log=_flushing(log))
    except OSError as exc:
        raise UsageError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    log = server.log
    try:  # Ctrl-C at any moment from here on stops cleanly (a build in progress leaves the last good site)
        log(f"Building {project} into {out_dir} ...")
        server.rebuild()
        server.start()
        log(f"Serving {server.url} (watching {', '.join(WATCHED)}; Ctrl-C to stop)")
        _flush()
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        log("Stopping ...")
    finally:
        server.stop()
    log("Stopped.")
    return 0


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def _flushing(log: Log) -> Log:
    """Each message at once (the terminal may be a pipe); errors to stderr when printing."""

    def emit(message: str) -> None:
        if log is print and message.startswith("error:"):
            print(message, file=sys.stderr)
        else:
            log(message)
        _flush()

    return emit

