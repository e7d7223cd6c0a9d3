"""``python -m generator serve``: build, serve (127.0.0.1 by default), rebuild on change, reload pages.

``http.server`` serves the output folder, a thread polls ``data/``, ``site_src/``,
``templates/`` and ``site.yml`` (modification time and size of every file) and rebuilds
in-process when something changed, with one memo kept in memory between rebuilds. Served
HTML pages (never the files on disk) get a small script that polls ``/__reload`` for the
build state and reloads the page when
it changes. A build that fails (a data problem, a template error) is reported in the
terminal and, on every served page, in a box above the last good site, which keeps being
served. A missing page is the site's own ``404.html`` with status 404, as GitHub Pages
serves it (the site is built with the base path ``/``, so that page finds its styles at any
depth).
"""

from __future__ import annotations

import html
import http.server
import socket
import sys
import threading
import time
import traceback
import urllib.parse
import webbrowser
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
<p>The build failed; the problems are listed below and in the terminal running
<code>python -m generator serve</code>. This page reloads when a build succeeds.</p>
</body></html>
"""

ERRORS_ID = "generator-serve-errors"
ERRORS_BOX = """<div id="%(id)s" role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:0.75em 1em;background:#fff4f4;color:#5c0000;border-bottom:3px solid #b00020;font:14px/1.4 system-ui,sans-serif">
<strong>The last build failed</strong> (%(when)s); this is the last good site. Fix these and save: the page reloads.
<pre style="white-space:pre-wrap;margin:0.5em 0 0;font:13px/1.4 ui-monospace,monospace">%(lines)s</pre></div>
"""
MAX_SHOWN_ERRORS = 50


def builder_of(project_root: Path) -> Callable[[Path, Path], None]:
    """A function that builds the site of ``project_root`` into a folder, with one memo for
    every build it makes: the only coupling to the build.

    It raises ``DataError`` (every data problem) or any other error of the build; the build
    swaps the new site in only when it succeeded, so the folder keeps the last good site.
    """
    project = Project(project_root)
    memo = Memo.for_project(project.cache_dir, project.root, code_digest(), keep=True)

    def build_once(root: Path, out_dir: Path) -> None:
        build(Project(root), out_dir, log=lambda _msg: None, memo=memo, base_path="/")

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


def inject_reload(page: bytes, build: int | str) -> bytes:
    """``page`` with the reload script before its last ``</body>`` (or at its end)."""
    script = (RELOAD_SCRIPT % {"build": build, "path": RELOAD_PATH}).encode("utf-8")
    at = page.lower().rfind(b"</body>")
    if at == -1:
        return page + script
    return page[:at] + script + page[at:]


def inject_errors(page: bytes, errors: list[str], when: str) -> bytes:
    """``page`` with a box listing ``errors`` (escaped: they quote data) right after ``<body>``."""
    shown = errors[:MAX_SHOWN_ERRORS] + ([f"... and {len(errors) - MAX_SHOWN_ERRORS} more"]
                                         if len(errors) > MAX_SHOWN_ERRORS else [])
    box = (ERRORS_BOX % {"id": ERRORS_ID, "when": html.escape(when),
                         "lines": html.escape("\n".join(shown))}).encode("utf-8")
    lower = page.lower()
    at = lower.find(b"<body")
    end = lower.find(b">", at) + 1 if at != -1 else 0
    return page[:end] + box + page[end:]


class DevServer:
    """The build-watch-serve loop; ``start()`` runs it in background threads, ``stop()`` ends it."""

    def __init__(self, project_root: Path, out_dir: Path, port: int = 8000, log: Log = print,
                 builder: Callable[[Path, Path], None] | None = None, poll_seconds: float = POLL_SECONDS,
                 host: str = "127.0.0.1", requests: Log | None = None):
        self.project_root = project_root
        self.out_dir = out_dir.resolve()
        self.log = log
        self.requests = requests  # logs each request when set (-v)
        self.builder = builder or builder_of(project_root)
        self.poll_seconds = poll_seconds
        self.builds = 0  # successful builds; the pages' reload counter
        self.failures = 0
        self.errors: list[str] = []  # the problems of the last build, when it failed
        self.failed_at = ""
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.host = host
        server_class = _IPv6Server if ":" in host else http.server.ThreadingHTTPServer
        self.httpd = server_class((host, port), self._handler())
        self.httpd.daemon_threads = True

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else ("[::1]" if self.host == "::" else self.host)
        return f"http://{f'[{host}]' if ':' in host and not host.startswith('[') else host}:{self.port}/"

    @property
    def state(self) -> str:
        """What the pages' reload script compares: changes with every build, failed or not."""
        with self._lock:
            return f"{self.builds}.{self.failures}"

    def rebuild(self) -> bool:
        """One build; True when it succeeded (and the counter advanced)."""
        started = time.perf_counter()
        errors: list[str] = []
        try:
            self.builder(self.project_root, self.out_dir)
        except DataError as exc:
            errors = [f"error: {problem}" for problem in exc.problems]
            for line in errors:
                self.log(line)
            n = len(exc.problems)
            self.log(f"{n} problem{'s' if n != 1 else ''} found; still serving the last good site.")
        except UsageError as exc:
            errors = [f"error: {exc}"]
            self.log(f"error: {exc}; still serving the last good site.")
        except Exception as exc:  # a template error or a bug: keep serving, show where
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" ({Path(last[0].filename).name}, line {last[0].lineno})" if last else ""
            errors = [f"error: build failed: {type(exc).__name__}: {exc}{where}"]
            self.log(f"{errors[0]}; still serving the last good site.")
        else:
            with self._lock:
                self.builds += 1
                self.errors = []
            self.log(f"Built in {time.perf_counter() - started:.1f} s (build {self.builds}).")
            return True
        with self._lock:
            self.failures += 1
            self.errors = errors
            self.failed_at = time.strftime("%H:%M:%S")
        return False

    def watch(self, seen: dict[str, tuple[int, int]] | None = None) -> None:
        """Poll the inputs; rebuild once they differ from ``seen`` (by default, what they are
        when it starts) and stopped changing."""
        seen = snapshot(self.project_root) if seen is None else seen
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

    def start(self, seen: dict[str, tuple[int, int]] | None = None) -> None:
        """Serve and watch, in threads of their own; the watcher rebuilds once the inputs
        differ from ``seen`` (taken before the first build: a file saved while it ran is not
        missed), by default from what they are now."""
        seen = snapshot(self.project_root) if seen is None else seen
        targets: tuple[tuple[str, Callable[[], None]], ...] = (
            ("serve_forever", self.httpd.serve_forever), ("watch", lambda: self.watch(seen)))
        for name, target in targets:
            thread = threading.Thread(target=target, daemon=True, name=f"serve-{name}")
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

            def log_message(self, format, *args):  # noqa: A002 - the terminal shows builds; requests with -v
                if server.requests is not None:
                    server.requests(f"{self.address_string()} {format % args}")

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def do_GET(self):
                self._serve(head=False)

            def do_HEAD(self):
                self._serve(head=True)

            def _page(self, page: bytes) -> bytes:
                """A served HTML page: the last build's problems on top, the reload script at the end."""
                with server._lock:
                    errors, when = list(server.errors), server.failed_at
                if errors:
                    page = inject_errors(page, errors, when)
                return inject_reload(page, server.state)

            def _serve(self, head: bool) -> None:
                path = urllib.parse.urlsplit(self.path).path
                if path == RELOAD_PATH:
                    return self._send(200, "text/plain; charset=utf-8", server.state.encode(), head)
                target = Path(self.translate_path(self.path))
                if target.is_dir() and path.endswith("/"):
                    target = target / "index.html"
                if target.suffix.lower() in (".html", ".htm") and target.is_file():
                    try:
                        page = target.read_bytes()
                    except OSError:  # swapped out by a rebuild at this very moment
                        return self.send_error(503, "Rebuilding; try again")
                    return self._send(200, "text/html; charset=utf-8", self._page(page), head)
                if not server.out_dir.is_dir() and path in ("/", "/index.html"):
                    return self._send(503, "text/html; charset=utf-8", self._page(WAITING_PAGE.encode("utf-8")), head)
                if not target.exists() and (server.out_dir / "404.html").is_file():  # as GitHub Pages does
                    try:
                        page = (server.out_dir / "404.html").read_bytes()
                    except OSError:
                        return self.send_error(503, "Rebuilding; try again")
                    return self._send(404, "text/html; charset=utf-8", self._page(page), head)
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


class _IPv6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


def run(project: Path, port: int, out: Path | None, log: Log = print, host: str = "127.0.0.1",
        open_browser: bool = False, quiet: bool = False, verbose: bool = False) -> int:
    """The ``serve`` command: blocks until Ctrl-C; returns the exit status. ``quiet``: only
    problems and the address; ``verbose``: every request too."""
    project = project.resolve()
    for name in ("data", "templates"):
        if not (project / name).is_dir():
            raise UsageError(f"{project / name}: folder not found (is {project} a project folder?)")
    out_dir = (out or project / DEFAULT_OUT).resolve()
    if not 0 <= port <= 65535:
        raise UsageError(f"--port: expected 0..65535, found {port}")
    shown = _flushing(log)
    said = (lambda message: shown(message) if message.startswith("error:") else None) if quiet else shown
    try:
        server = DevServer(project, out_dir, port, log=said, host=host, requests=shown if verbose else None)
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UsageError(f"cannot listen on {host}:{port}: {reason}") from None
    log = shown
    try:  # Ctrl-C at any moment from here on stops cleanly (a build in progress leaves the last good site)
        inputs = snapshot(project)  # before the build: an input saved while it runs starts another
        said(f"Building {project} into {out_dir} ...")
        server.rebuild()
        server.start(inputs)
        everyone = " (every interface: other machines can see it)" if host in ("", "0.0.0.0", "::") else ""
        shown(f"Serving {server.url}{everyone} (watching {', '.join(WATCHED)}; Ctrl-C to stop)")
        if open_browser:
            webbrowser.open(server.url)
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

