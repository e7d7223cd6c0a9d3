"""Writing the site: the output folder is the user's, so it is replaced only when it is ours.

* **Whose folder.** A folder is replaced only if it is absent, empty, or holds the marker
  file ``MARKER`` that every build writes. Never the project folder or one of its
  ancestors, never anything inside the project's inputs, never a file (``check_target``).
* **What it holds.** The marker is JSON: the generator, its format, the build's
  fingerprint, what the build reported, and the sha256 of every file it wrote;
  ``previous_build`` returns it when the folder is exactly that (the "up to date" check).
* **Atomic.** The site is written into a staging folder next to the output folder, then
  swapped in with one ``renameat2(RENAME_EXCHANGE)`` (Linux), so the output folder is
  always the whole old or the whole new site. Where the exchange is missing, two renames
  are used, and the window between them is recovered by the next build.
* **Recoverable.** A build that is killed leaves ``.NAME.new-*`` / ``.NAME.old-*`` folders
  (each marked, or empty); the next build into NAME restores the old site if the output
  folder went missing, then removes them.
* **One at a time.** A lock on the parent folder (``flock``, released by the kernel when a
  process dies) makes a second build into the same place wait for the first.
* **Readable.** Published folders are 0755 and files 0644, whatever the umask.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.errors import UsageError

MARKER = ".qutibench-site"
MARKER_GENERATOR = "qutibench-site"
MARKER_FORMAT = 1
MARKER_LIMIT = 64 << 20  # bytes: a marker larger than this is not ours
FAULT: str | None = None  # tests only: the name of a point at which the process kills itself
EXCHANGE = True  # tests only: False forces the two-rename fallback

Log = Callable[[str], None]


# ---------------------------------------------------------------------------------------
# Whose folder


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(out: Path, project_root: Path, inputs: Iterable[Path]) -> Path:
    """The resolved output folder, or UsageError naming it and why it may not be replaced."""
    target = Path(os.path.abspath(out)).resolve()
    root = project_root.resolve()
    shown = str(out)
    if target == root:
        raise UsageError(f"{shown}: is the project folder; the site goes into a folder of its own (e.g. build)")
    if _inside(root, target):
        raise UsageError(f"{shown}: contains the project folder {root}; the site goes into a folder of its own")
    for folder in inputs:
        folder = folder.resolve()
        if _inside(target, folder):
            raise UsageError(f"{shown}: is inside {folder}, an input of the build; choose another output folder")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{shown}: is a file, not a folder; choose a folder for the site")
    if target.is_dir() and not _ours(target):
        raise UsageError(f"{shown}: holds files that are not a previous build of this generator (no {MARKER} "
                         "marker); choose a new or empty folder, or remove this one yourself")
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{shown}: cannot be created, {parent} is a file")
    return target


def probe(target: Path) -> None:
    """Refuse, before any work, an output whose parent cannot take the staging folder."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(prefix=f".{target.name}.probe-", dir=target.parent))
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written, {target.parent} does not accept new folders "
                         f"({exc.strerror or exc})") from None


def _ours(folder: Path) -> bool:
    """An empty folder, or one with our marker file."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries]
    except OSError:
        return False
    return not names or (MARKER in names and (folder / MARKER).is_file())


# ---------------------------------------------------------------------------------------
# Atomic swap


def _fault(point: str) -> None:
    if FAULT == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then nothing happened)."""
    if not EXCHANGE:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove(folder: Path) -> None:
    """Remove one of our folders, its marker last, so an interrupted removal stays ours."""
    with contextlib.suppress(FileNotFoundError):
        for entry in sorted(folder.iterdir()):
            if entry.name == MARKER:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            _fault("removing")
        with contextlib.suppress(FileNotFoundError):
            (folder / MARKER).unlink()
        folder.rmdir()


def _leftovers(target: Path) -> list[Path]:
    """Folders that killed builds into ``target`` left next to it (ours: marked or empty)."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"(new|old)-[A-Za-z0-9_]+\Z")
    found = []
    for entry in sorted(target.parent.iterdir()):
        if pattern.match(entry.name) and entry.is_dir() and not entry.is_symlink() and _ours(entry):
            found.append(entry)
    return found


def _recover(target: Path, log: Log) -> None:
    leftovers = _leftovers(target)
    if not os.path.lexists(target):
        aside = [p for p in leftovers if ".old-" in p.name]
        if aside:
            newest = max(aside, key=lambda p: p.stat().st_mtime)
            newest.rename(target)
            leftovers.remove(newest)
            log(f"Restored {target.name}/ from {newest.name}/, left by an interrupted build.")
    for folder in leftovers:
        _remove(folder)
    if leftovers:
        log(f"Removed {len(leftovers)} folder{'s' if len(leftovers) != 1 else ''} left by interrupted builds.")


@contextlib.contextmanager
def _locked(folder: Path, log: Log) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"Waiting for another build that is writing into {folder} ...")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _publishable(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask (the site is meant to be served)."""
    os.chmod(folder, 0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)


class Staging:
    """The folder a build writes into; every path is written once, relative to the site."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.written: dict[str, str] = {}  # relative path -> sha256 of its bytes

    def path(self, relative: str) -> Path:
        if relative in self.written or relative == MARKER:
            raise RuntimeError(f"the site would write {relative} twice")
        if relative.startswith("/") or ".." in Path(relative).parts:
            raise RuntimeError(f"the site would write outside its folder: {relative}")
        self.written[relative] = ""
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: str, data: bytes) -> None:
        self.path(relative).write_bytes(data)
        self.written[relative] = hashlib.sha256(data).hexdigest()


def _marker(fingerprint: str, report: dict[str, Any], files: dict[str, str]) -> str:
    return json.dumps({"generator": MARKER_GENERATOR, "format": MARKER_FORMAT, "fingerprint": fingerprint,
                       "report": report, "files": dict(sorted(files.items()))}, indent=1, sort_keys=True) + "\n"


def _file_sha256(path: str) -> str | None:
    """The sha256 of a regular file (not following links, never blocking), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def previous_build(target: Path) -> dict[str, Any] | None:
    """The marker of the build that wrote ``target`` (parsed), when the folder is exactly
    what it lists (the same files with the same bytes, nothing else); else None."""
    try:
        info = os.lstat(target / MARKER)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MARKER_LIMIT:
            return None
        with open(target / MARKER, "rb") as handle:
            marker = json.loads(handle.read(MARKER_LIMIT).decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(marker, dict) and marker.get("generator") == MARKER_GENERATOR
            and marker.get("format") == MARKER_FORMAT and isinstance(marker.get("files"), dict)):
        return None
    files = marker["files"]
    found: dict[str, str | None] = {}
    for root, dirs, names in os.walk(target):
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                return None  # a link to a folder: not something a build writes
        for name in names:
            path = os.path.join(root, name)
            relative = os.path.relpath(path, target).replace(os.sep, "/")
            if relative != MARKER:
                found[relative] = None
    if set(found) != set(files):
        return None
    for relative, digest in files.items():
        if _file_sha256(os.path.join(target, relative)) != digest:
            return None
    return marker


def recover(target: Path, log: Log) -> None:
    """Restore or remove what killed builds into ``target`` left (see the module doc)."""
    if target.parent.is_dir():
        with _locked(target.parent, log):
            _recover(target, log)


@contextlib.contextmanager
def publish(target: Path, project_root: Path, inputs: Iterable[Path], log: Log, *,
            fingerprint: str, report: dict[str, Any]) -> Iterator[Staging]:
    """Stage a site and swap it into ``target`` when the block succeeds (see the module doc).

    ``target`` is checked again under the lock, right before anything is changed. The
    marker file records the build's ``fingerprint``, its ``report`` (what an up-to-date
    build prints again) and every file written with its sha256 (``previous_build``).
    """
    inputs = list(inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{target}: cannot be created ({exc.strerror or exc})") from None
    with _locked(target.parent, log):
        _recover(target, log)
        check_target(target, project_root, inputs)
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        except OSError as exc:
            raise UsageError(f"{target}: cannot be written, {target.parent} does not accept new folders "
                             f"({exc.strerror or exc})") from None
        try:
            (staging / MARKER).write_text(_marker(fingerprint, report, {}), encoding="utf-8")
            site = Staging(staging)
            yield site
            (staging / MARKER).write_text(_marker(fingerprint, report, site.written), encoding="utf-8")
            _publishable(staging)
            _fault("staged")
            _swap_in(staging, target)
        except BaseException:
            _remove(staging)
            raise


def _swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; the previous site is removed afterwards."""
    if not os.path.lexists(target):
        staging.rename(target)
        return
    if _exchange(staging, target):
        _fault("swapped")
        _remove(staging)  # now holds the previous site
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    aside.rmdir()
    target.rename(aside)
    _fault("moved-aside")
    try:
        staging.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    _fault("swapped")
    _remove(aside)
