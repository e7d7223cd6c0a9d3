"""Running the command line in a child process for the output-folder tests: with a fault point
armed (the process kills itself there), the two-rename swap forced, a umask, or a few lines
of Python run before or after the output writer is imported (to simulate a system that
lacks something, or a kernel that answers with an error)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_project
from tests.helpers import REPO

ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}


def script(before: str = "", after: str = "") -> str:
    return "\n".join([
        "import os, sys",
        before,
        "import generator.output.write as w",
        "w.FAULT = sys.argv[1] or None",
        "w.EXCHANGE = sys.argv[2] == 'exchange'",
        after,
        "from generator.cli import main",
        "sys.exit(main(sys.argv[3:]))",
    ])


def run(root: Path, *args: str, fault: str = "", exchange: bool = True, umask: int | None = None,
        before: str = "", after: str = "", env: dict[str, str] | None = None,
        prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([*prefix, sys.executable, "-c", script(before, after), fault,
                           "exchange" if exchange else "renames",
                           "--project", str(root), *args], cwd=root, capture_output=True, text=True,
                          env={**ENV, **cache_env(), **(env or {})}, preexec_fn=preexec)


def cache_env() -> dict[str, str]:
    """The test session's user cache folder (the memo's secret), as ``conftest`` sets it."""
    folder = os.environ.get("XDG_CACHE_HOME")
    return {"XDG_CACHE_HOME": folder} if folder else {}


def build(root: Path, out: str = "build", **kwargs) -> subprocess.CompletedProcess:
    return run(root, "build", "-q", "--out", out, **kwargs)


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (marker included) by its content."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: files by content, folders and links by kind."""
    out = {}
    for p in sorted(folder.rglob("*")):
        key = p.relative_to(folder).as_posix()
        out[key] = ("link" if p.is_symlink() else "folder" if p.is_dir()
                    else hashlib.sha256(p.read_bytes()).hexdigest())
    return out


def leftovers(folder: Path) -> list[str]:
    """Staging and aside folders next to outputs in ``folder``, and inside them."""
    found = [p for p in folder.iterdir() if ".new-" in p.name or ".old-" in p.name]
    for out in folder.iterdir():
        if out.is_dir() and not out.name.startswith("."):
            found += [p for p in out.iterdir() if ".new-" in p.name or ".old-" in p.name]
    return sorted(p.relative_to(folder).as_posix() for p in found)


def retitle(root: Path) -> None:
    (root / "site.yml").write_text((root / "site.yml").read_text().replace("title:", "title: New #", 1))


def built_sites(base: Path) -> dict[str, Path]:
    """The old site (as shipped) and the new one (a changed title), built once into ``base``."""
    root = copy_project(base / "work" / "project")
    assert build(root, "old").returncode == 0
    retitle(root)
    assert build(root, "new").returncode == 0
    return {"old": root / "old", "new": root / "new"}


def break_data(root: Path) -> None:
    """A data problem: the next build exits 1 (after recovering what a killed build left)."""
    platforms = root / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("bandwidth_gbps: 19.2", "bandwidth_gbps: -1", 1))
