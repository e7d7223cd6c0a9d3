"""The cheap "nothing changed" check: one hash of everything a build's output depends on.

A build's *fingerprint* hashes the generator's own code, the versions of the libraries that
shape the output (and Python's major.minor, which the footer names), the options, the date
of the data (``citation.data_date``: from git, shown in the How to cite block),
``site.yml``, and every entry of ``data/``, ``site_src/`` and ``templates/``, looked at with ``lstat`` (links are not followed): a regular file by
its content, a symbolic link by its target's text, anything else (a folder named
``x.csv``, a FIFO, a device, a dangling or looping link) by its name and kind. A
non-regular file is never opened, so the check cannot block, and any entry the checks of
``validate`` would see changes the fingerprint.

The output folder's marker records the fingerprint of the build that wrote it
(``output.write.publish``). A build is up to date when the output folder is exactly what
a previous build with the same fingerprint wrote (``output.write.previous_build``): it is
then left alone, and what that build reported is printed again (``up_to_date``). Standard library only, so
the command line answers "up to date" without importing pandas or Altair.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import stat
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import generator
from generator.citation import data_date
from generator.output import write
from generator.project import BuildSummary, Project

# Libraries whose version can change what a build writes.
LIBRARIES = ("altair", "pandas", "numpy", "jinja2", "markdown", "nh3", "pyyaml", "vl-convert-python")
FORMAT = 1  # bump when what the fingerprint covers changes
_CHUNK = 1 << 20


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "folder"), (stat.S_ISREG, "file"), (stat.S_ISLNK, "link"),
                       (stat.S_ISFIFO, "fifo"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "other"


def _file_digest(path: str) -> str:
    """The sha256 of a regular file's content, opened without following links or blocking
    (if it was replaced by something else since its ``lstat``, that is what is hashed)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return f"unreadable {exc.errno}"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "not a regular file"
        digest = hashlib.sha256()
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError as exc:
        return f"unreadable {exc.errno}"
    finally:
        os.close(fd)


def entry_digest(path: Path) -> str:
    """What ``path`` is, by ``lstat``: a folder with every entry under it (name order), a
    regular file by content, a link by its target text, anything else by its kind; absent
    or unreadable entries by that fact."""
    digest = hashlib.sha256()

    def visit(where: str, relative: str) -> None:
        try:
            info = os.lstat(where)
        except OSError as exc:
            digest.update(f"{relative}\0absent {exc.errno}\n".encode("utf-8", "surrogateescape"))
            return
        kind = _kind(info.st_mode)
        if kind == "file":
            what = _file_digest(where)
        elif kind == "link":
            try:
                what = os.readlink(where)
            except OSError as exc:
                what = f"unreadable {exc.errno}"
        else:
            what = ""
        digest.update(f"{relative}\0{kind}\0{what}\n".encode("utf-8", "surrogateescape"))
        if kind == "folder":
            try:
                names = sorted(os.listdir(where))
            except OSError as exc:
                digest.update(f"{relative}\0unlistable {exc.errno}\n".encode())
                return
            for name in names:
                visit(os.path.join(where, name), f"{relative}/{name}" if relative else name)

    visit(os.fspath(path), "")
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The generator's own files and the versions of the libraries it renders with."""
    digest = hashlib.sha256(f"code {FORMAT}\n".encode())
    package = Path(generator.__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()


def inputs_digests(project: Project) -> dict[str, str]:
    """``site.yml``, ``data/``, ``site_src/`` and ``templates/``, each by ``entry_digest``."""
    return {path.name: entry_digest(path) for path in
            (project.config_file, project.data_dir, project.site_src_dir, project.templates_dir)}


def fingerprint(project: Project, options: dict[str, Any]) -> str:
    """Everything a build's output depends on, hashed (see the module doc)."""
    parts = {"format": FORMAT, "code": code_digest(), "options": options, "inputs": inputs_digests(project),
             "data_date": data_date(project.root), "python": platform.python_version_tuple()[:2]}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def up_to_date(project: Project, out: Path, options: dict[str, Any], log: Callable[[str], None],
               warn: Callable[[str], None] | None = None) -> tuple[BuildSummary | None, str]:
    """The summary of the previous build into ``out`` when it is up to date (its warnings
    are printed again), else None; and this build's fingerprint either way.

    Checks the output folder first (a usage problem stops here, before any work) and
    restores or removes what an interrupted build left next to it."""
    started = time.perf_counter()
    target = write.check_target(out, project.root, project.inputs(), contents=False)  # previous_build hashes them
    write.probe(target)
    write.recover(target, log)
    key = fingerprint(project, options)
    previous = write.previous_build(target)
    if previous is None or previous.get("fingerprint") != key or not isinstance(previous.get("report"), dict):
        return None, key
    report = previous["report"]
    lines = report.get("warning_lines")
    summary = BuildSummary.from_report(target, report.get("summary"), time.perf_counter() - started)
    if summary is None or not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        return None, key
    for line in lines:
        (warn or log)(line)
    return summary, key
