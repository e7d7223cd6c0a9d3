"""Writing the site: the output folder is the user's, so it is replaced only when it is ours.

* **Whose folder.** A folder is replaced only if it is absent, empty, or exactly a previous
  build: its marker ``MARKER`` (a regular file) is the JSON manifest that build wrote
  (``{"generator", "format", "fingerprint", "report", "files": {path: sha256}}``) and the
  folder holds the files it lists, unchanged, and nothing else. A folder with files the
  build did not write, or with files changed since, is refused (``UsageError`` naming
  them), and so is a bare file with the marker's name. Never the project folder or one of
  its ancestors, never anything inside the project's inputs, never a file
  (``check_target``). ``previous_build`` returns the manifest of a folder that is exactly
  what it lists (the up-to-date check uses it).
* **Atomic.** The site is written into a staging folder next to the output folder, then
  swapped in with one ``renameat2(RENAME_EXCHANGE)`` (Linux), so the output folder is
  always the whole old or the whole new site. Elsewhere two renames are used, and the
  window between them is recovered by the next build.
* **Mount points.** An output folder that cannot be renamed (a mount point: ``EBUSY`` or
  ``EXDEV``) keeps its place: the new site is copied into a staging folder inside it, the
  previous site's entries are removed and the new ones moved in, the marker last. Not
  atomic as a whole; a killed swap is finished by the next build.
* **Recoverable, and only what is ours.** Every staging folder carries a journal in place
  of the marker (each file's path and hash, recorded before the file is written), replaced
  by the manifest once the site is complete. A folder that a killed build left next to the
  output (``.NAME.new-*`` / ``.NAME.old-*``) is restored or removed by the next build only
  if its journal or manifest lists everything in it (or it is empty); anything else with
  such a name is left alone.
* **One at a time.** A lock file next to the output folder (``.NAME.lock``, ``filelock``:
  ``flock`` on Linux and macOS, ``msvcrt`` on Windows, released when a process dies) makes a
  second build into the same place wait for the first.
* **Clear failures.** A full disk, a read-only or unreadable folder, a name longer than the
  system allows: one ``UsageError`` line; the previous site stays as it was and the
  staging folder is removed.
* **Readable.** Published folders are 0755 and files 0644, whatever the umask.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from generator.errors import UsageError

with warnings.catch_warnings():  # where fcntl is missing (not Windows), filelock warns that it uses a lock file
    warnings.simplefilter("ignore")
    from filelock import FileLock, Timeout

MARKER = ".qutibench-site"
GENERATOR = "qutibench-site"
FORMAT = 1
JOURNAL = {"generator": GENERATOR, "format": FORMAT, "staging": True}  # a staging folder's first marker line
INNER = f"{MARKER}.new-"  # the staging folder inside an output folder that is a mount point
MARKER_LIMIT = 64 * 2**20  # bytes of a marker read at most
SHOWN = 5  # names listed in a refusal, then "and N more"
FAULT: str | None = None  # tests only: the name of a point at which the process kills itself
EXCHANGE = True  # tests only: False forces the two-rename fallback

Log = Callable[[str], None]
Manifest = dict[str, Any]


# ---------------------------------------------------------------------------------------
# Names


def _stem(target: Path) -> str:
    """The part of the names next to ``target`` (staging, aside, lock) taken from its name:
    the name itself, or a short form of a long one, so theirs stay within the system's limit."""
    name = target.name
    if len(os.fsencode(name)) <= 64:
        return name
    return f"{name[:16]}~{hashlib.sha256(os.fsencode(name)).hexdigest()[:16]}"


def _prefix(target: Path, kind: str) -> str:
    return f".{_stem(target)}.{kind}-"


def _leftover_pattern(target: Path) -> re.Pattern[str]:
    return re.compile(re.escape(f".{_stem(target)}.") + r"(new|old)-[A-Za-z0-9_]+\Z")


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN])
    return shown + (f" and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _name_max(folder: Path) -> int:
    """The longest file name (bytes) the file system of ``folder`` (or its nearest existing
    ancestor) takes; 255 where the system does not say."""
    for candidate in (folder, *folder.parents):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if candidate.is_dir():
                return int(os.pathconf(candidate, "PC_NAME_MAX"))
    return 255


# ---------------------------------------------------------------------------------------
# Markers: the manifest of a whole site, or the journal of a staging folder


def _read_marker(folder: Path) -> tuple[str, Manifest] | None:
    """``("manifest", manifest)``, ``("journal", {"files": {path: sha256}})`` or None when
    ``folder`` has no marker this generator wrote (missing, not a regular file, too big,
    garbage)."""
    path = folder / MARKER
    try:
        if path.is_symlink():
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = handle.read(MARKER_LIMIT + 1)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if len(data) > MARKER_LIMIT:
        return None
    with contextlib.suppress(ValueError):
        manifest = json.loads(text)
        if _is_manifest(manifest):
            return "manifest", manifest
    *lines, _cut = text.split("\n")  # a last line without its newline was cut by a kill: its file was not written
    try:
        if not lines or json.loads(lines[0]) != JOURNAL:
            return None
        entries = [json.loads(line) for line in lines[1:]]
    except ValueError:
        return None
    if not all(isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("sha256"), str)
               for e in entries):
        return None
    return "journal", {"files": {e["path"]: e["sha256"] for e in entries}}


def _is_manifest(value: Any) -> bool:
    return (isinstance(value, dict) and value.get("generator") == GENERATOR and value.get("format") == FORMAT
            and isinstance(value.get("fingerprint"), str) and isinstance(value.get("report"), dict)
            and isinstance(value.get("files"), dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in value["files"].items()))


def _manifest_text(fingerprint: str, report: Mapping[str, Any], files: Mapping[str, str]) -> str:
    manifest = {"generator": GENERATOR, "format": FORMAT, "fingerprint": fingerprint, "report": dict(report),
                "files": dict(sorted(files.items()))}
    return json.dumps(manifest, sort_keys=True, indent=1) + "\n"


def _file_hash(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass
class _Survey:
    """How a folder compares with the files a marker lists."""

    foreign: list[str] = field(default_factory=list)  # entries the build did not write ("photos/" for a folder)
    changed: list[str] = field(default_factory=list)  # listed files that are no longer what the build wrote
    missing: list[str] = field(default_factory=list)  # listed files that are gone
    inner: list[str] = field(default_factory=list)  # staging folders of a content swap (top level)
    locked: list[str] = field(default_factory=list)  # folders whose entries cannot be removed


def _survey(folder: Path, files: Mapping[str, str], hashes: bool) -> _Survey:
    """Compare ``folder`` with ``files`` (path -> sha256) without following symlinks; with
    ``hashes`` every listed file's content too. OSError when a folder cannot be read."""
    survey = _Survey()
    folders = {parent.as_posix() for path in files for parent in Path(path).parents if parent.name}
    seen = set()
    pending = [(folder, "")]
    while pending:
        current, prefix = pending.pop()
        if not os.access(current, os.W_OK | os.X_OK):
            survey.locked.append(prefix or "(the folder itself)")
        with os.scandir(current) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        for entry in entries:
            relative = prefix + entry.name
            if not prefix and entry.name in (MARKER, f"{MARKER}.tmp"):
                continue
            if not prefix and entry.name.startswith(INNER):
                survey.inner.append(entry.name)
            elif entry.is_dir(follow_symlinks=False):
                if relative in folders:
                    pending.append((Path(entry.path), relative + "/"))
                else:
                    survey.foreign.append(relative + "/")
            elif relative in files:
                seen.add(relative)
                if not entry.is_file(follow_symlinks=False) or (hashes and _file_hash(entry.path) != files[relative]):
                    survey.changed.append(relative)
            else:
                survey.foreign.append(relative)
    survey.missing = sorted(set(files) - seen)
    survey.foreign.sort()
    survey.changed.sort()
    return survey


def previous_build(target: Path) -> Manifest | None:
    """The manifest of the build in ``target`` if the folder is exactly what it lists (every
    file present and unchanged, nothing else), else None."""
    marker = _read_marker(target)
    if marker is None or marker[0] != "manifest":
        return None
    manifest = marker[1]
    try:
        survey = _survey(target, manifest["files"], hashes=True)
    except OSError:
        return None
    if survey.foreign or survey.changed or survey.missing or survey.inner:
        return None
    return manifest


# ---------------------------------------------------------------------------------------
# Whose folder


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(out: Path, project_root: Path, inputs: Iterable[Path], *, contents: bool = True) -> Path:
    """The resolved output folder, or UsageError naming it and why it may not be replaced.

    A previous build in it is compared with its manifest by name and, with ``contents``, by
    the content of every file (and its folders must be removable). Without ``contents`` (the
    up-to-date check, which hashes them in ``previous_build`` next) a content swap that a
    killed build left is accepted: ``recover`` finishes it. ``publish`` checks again, with
    ``contents``, under the lock, right before anything is written."""
    shown = str(out)
    try:
        return _check_target(out, shown, project_root, inputs, contents)
    except OSError as exc:
        raise UsageError(f"{shown}: cannot be used as the output folder ({_reason(exc)})") from None


def _check_target(out: Path, shown: str, project_root: Path, inputs: Iterable[Path], contents: bool) -> Path:
    target = Path(os.path.abspath(out))
    limit = _name_max(target.parent)
    for part in target.parts:
        if len(os.fsencode(part)) > limit:
            raise UsageError(f"{shown}: the name {part[:40]}... is {len(os.fsencode(part))} bytes long; "
                             f"this system takes names of at most {limit} bytes")
    target = target.resolve()
    root = project_root.resolve()
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
    if target.is_dir():
        _check_ours(target, shown, strict=contents)
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{shown}: cannot be created, {parent} is a file")
    return target


def _check_ours(target: Path, shown: str, strict: bool) -> Manifest | None:
    """The manifest of the previous build in ``target`` (None when it is empty), or
    UsageError when the folder is not a previous build of ours as it was written.

    Not ``strict`` (before recovery, cheap): files are compared by name, and a content swap
    that a killed build left is accepted (``recover`` finishes it). ``strict`` (under the
    lock, right before writing): by content too, and every folder must be removable."""
    try:
        with os.scandir(target) as scan:
            if next(scan, None) is None:
                return None
    except OSError as exc:
        raise UsageError(f"{shown}: cannot be read ({_reason(exc)}); nothing was changed") from None
    marker = _read_marker(target)
    if marker is None or marker[0] != "manifest":
        why = (f"no {MARKER} marker" if not os.path.lexists(target / MARKER)
               else f"its {MARKER} is not a manifest this generator wrote; a build of an older version "
                    "is not recognised either")
        raise UsageError(f"{shown}: holds files that are not a previous build of this generator ({why}); "
                         "choose a new or empty folder, or remove this one yourself")
    manifest = marker[1]
    try:
        survey = _survey(target, manifest["files"], hashes=strict)
    except OSError as exc:
        where = exc.filename or target
        raise UsageError(f"{shown}: cannot be replaced, {where} cannot be read ({_reason(exc)}); "
                         "nothing was changed") from None
    if survey.inner and not strict:
        return manifest
    foreign = sorted(survey.foreign + [f"{name}/" for name in survey.inner])
    if foreign:
        raise UsageError(f"{shown}: holds files this generator did not write: {_listing(foreign)}; "
                         "a build replaces the whole folder, so it only replaces a previous build as it was "
                         "written (put files such as CNAME into site_src/extra/); move them away or choose "
                         "another folder")
    if survey.changed:
        raise UsageError(f"{shown}: files changed since the last build: {_listing(survey.changed)}; "
                         "a build would overwrite them: move them away, or remove the folder yourself")
    if strict and survey.locked:
        raise UsageError(f"{shown}: cannot be replaced, folders of the previous build are read-only: "
                         f"{_listing(survey.locked)}; nothing was changed")
    return manifest


def probe(target: Path) -> None:
    """Refuse, before any work, an output whose parent cannot take the staging folder."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rmdir(tempfile.mkdtemp(prefix=_prefix(target, "probe"), dir=target.parent))
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written, {target.parent} does not accept new folders "
                         f"({_reason(exc)})") from None


def _provably_ours(folder: Path) -> Manifest | None:
    """A folder a killed build left (its marker lists everything in it, or it is empty):
    the manifest, ``{"files": {}}`` for a journal or an empty folder; None when not ours."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return None
        with os.scandir(folder) as scan:
            if next(scan, None) is None:
                return {"files": {}}
        marker = _read_marker(folder)
        if marker is None:
            return None
        kind, manifest = marker
        survey = _survey(folder, manifest["files"], hashes=kind == "manifest")
    except OSError:
        return None
    if survey.foreign or survey.changed or survey.inner:
        return None
    return manifest if kind == "manifest" else {"files": {}}


# ---------------------------------------------------------------------------------------
# Atomic swap


def _fault(point: str) -> None:
    if FAULT == point:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then nothing happened)."""
    if not EXCHANGE or not sys.platform.startswith("linux"):
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


def _unmovable(exc: OSError) -> bool:
    """The error of renaming a mount point (or across one)."""
    return exc.errno in (errno.EBUSY, errno.EXDEV)


def _remove_entry(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _remove(folder: Path) -> None:
    """Remove one of our folders, its marker last, so an interrupted removal stays ours."""
    with contextlib.suppress(FileNotFoundError):
        for entry in sorted(folder.iterdir()):
            if entry.name == MARKER:
                continue
            _remove_entry(entry)
            _fault("removing")
        with contextlib.suppress(FileNotFoundError):
            (folder / MARKER).unlink()
        folder.rmdir()


def _recover(target: Path, log: Log) -> None:
    """Restore or remove what killed builds into ``target`` left, when it is provably ours."""
    leftovers: dict[Path, Manifest] = {}
    pattern = _leftover_pattern(target)
    with contextlib.suppress(OSError):
        for entry in sorted(target.parent.iterdir()):
            if pattern.match(entry.name):
                manifest = _provably_ours(entry)
                if manifest is not None:
                    leftovers[entry] = manifest
    if not os.path.lexists(target):
        whole = [p for p in leftovers if ".old-" in p.name and previous_build(p) is not None]
        if whole:
            newest = max(whole, key=lambda p: p.stat().st_mtime)
            try:
                newest.rename(target)
            except OSError as exc:
                raise UsageError(f"{target}: is missing, and the previous site left in {newest} by an "
                                 f"interrupted build could not be put back ({_reason(exc)})") from None
            del leftovers[newest]
            log(f"Restored {target.name}/ from {newest.name}/, left by an interrupted build.")
    removed = 0
    for folder in leftovers:
        try:
            _remove(folder)
            removed += 1
        except OSError as exc:
            log(f"Could not remove {folder}, left by an interrupted build ({_reason(exc)}); remove it yourself.")
    if removed:
        log(f"Removed {removed} folder{'s' if removed != 1 else ''} left by interrupted builds.")
    if target.is_dir() and not target.is_symlink():
        _recover_contents(target, log)


@contextlib.contextmanager
def _locked(target: Path, log: Log) -> Iterator[None]:
    lock = FileLock(str(target.parent / f".{_stem(target)}.lock"))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            log(f"Waiting for another build that is writing into {target} ...")
            lock.acquire()
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written, {target.parent} does not accept the build's lock file "
                         f"({_reason(exc)})") from None
    try:
        yield
    finally:
        lock.release()


def _publishable(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask (the site is meant to be served)."""
    os.chmod(folder, 0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)


class Staging:
    """The folder a build writes into: every path written once, relative to the site. Each
    file's path and hash go into the folder's journal (its marker) before the file is
    written, so a killed build's staging folder shows it is ours; ``finish`` replaces the
    journal with the manifest."""

    def __init__(self, folder: Path, target: Path):
        self.folder = folder
        self.target = target
        self.files: dict[str, str] = {}
        self._journal: TextIO | None = None
        try:
            self._journal = open(folder / MARKER, "x", encoding="utf-8", newline="\n")
            self._journal.write(json.dumps(JOURNAL) + "\n")
            self._journal.flush()
        except OSError as exc:
            self.close()
            raise self._cannot(exc, MARKER) from None

    def _cannot(self, exc: OSError, relative: str) -> UsageError:
        return UsageError(f"{self.target}: cannot write the site ({_reason(exc)}, writing {relative}); "
                          "the previous site is unchanged")

    def __contains__(self, relative: str) -> bool:
        return relative in self.files

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def write_bytes(self, relative: str, data: bytes) -> None:
        parts = relative.split("/")
        if relative in self.files:
            raise RuntimeError(f"the site would write {relative} twice")
        if any(part in ("", ".", "..") or "\\" in part for part in parts) or parts[0].startswith(MARKER):
            raise RuntimeError(f"the site would write outside its folder or over its marker: {relative}")
        assert self._journal is not None, "written after finish"
        digest = hashlib.sha256(data).hexdigest()
        path = self.folder / relative
        try:
            self._journal.write(json.dumps({"path": relative, "sha256": digest}) + "\n")
            self._journal.flush()
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as handle:
                handle.write(data)
        except OSError as exc:
            raise self._cannot(exc, relative) from None
        self.files[relative] = digest
        _fault("writing")

    def finish(self, fingerprint: str, report: Mapping[str, Any]) -> None:
        """The manifest in place of the journal: the folder is now a whole site."""
        self.close()
        temporary = self.folder / f"{MARKER}.tmp"
        try:
            temporary.write_text(_manifest_text(fingerprint, report, self.files), encoding="utf-8", newline="\n")
            os.replace(temporary, self.folder / MARKER)
            _publishable(self.folder)
        except OSError as exc:
            raise self._cannot(exc, MARKER) from None

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def recover(target: Path, log: Log) -> None:
    """Restore or remove what killed builds into ``target`` left (see the module doc)."""
    if target.parent.is_dir():
        with _locked(target, log):
            _recover(target, log)


def _new_folder(parent: Path, prefix: str, target: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    except OSError as exc:
        raise UsageError(f"{target}: cannot be written, {parent} does not accept new folders "
                         f"({_reason(exc)})") from None


@contextlib.contextmanager
def publish(target: Path, project_root: Path, inputs: Iterable[Path], log: Log, *,
            fingerprint: str, report: Mapping[str, Any]) -> Iterator[Staging]:
    """Stage a site and swap it into ``target`` when the block succeeds (see the module doc).

    ``target`` is checked again under the lock, right before anything is changed, this time
    by the content of every file; ``fingerprint`` and ``report`` go into the manifest (what
    ``previous_build`` returns), with every file the block wrote."""
    inputs = list(inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{target}: cannot be created ({_reason(exc)})") from None
    with _locked(target, log):
        _recover(target, log)
        check_target(target, project_root, inputs)
        staging = Staging(_new_folder(target.parent, _prefix(target, "new"), target), target)
        try:
            yield staging
            staging.finish(fingerprint, report)
        except BaseException:
            staging.close()
            _remove(staging.folder)
            raise
        _fault("staged")
        _swap_in(staging.folder, target, log)


def _swap_in(staging: Path, target: Path, log: Log) -> None:
    """Put the whole site ``staging`` at ``target``; the previous site is removed afterwards.
    Whatever fails before the swap leaves ``target`` as it was and removes ``staging``."""
    if not os.path.lexists(target):
        _or_discard(staging, target, lambda: staging.rename(target))
        return
    try:
        exchanged = _exchange(staging, target)
    except OSError as exc:
        if not _unmovable(exc):
            _discard(staging, target, exc)
        _swap_contents(staging, target, log)
        return
    if exchanged:
        _fault("swapped")
        _removed_after_swap(staging, target)  # now holds the previous site
        return
    aside = Path(_new_folder(target.parent, _prefix(target, "old"), target))
    aside.rmdir()
    try:
        target.rename(aside)
    except OSError as exc:
        if not _unmovable(exc):
            _discard(staging, target, exc)
        _swap_contents(staging, target, log)
        return
    _fault("moved-aside")
    try:
        staging.rename(target)
    except BaseException as exc:
        aside.rename(target)
        if isinstance(exc, OSError):
            _discard(staging, target, exc)
        _remove(staging)
        raise
    _fault("swapped")
    _removed_after_swap(aside, target)


def _or_discard(staging: Path, target: Path, step: Callable[[], Any]) -> None:
    try:
        step()
    except OSError as exc:
        _discard(staging, target, exc)


def _discard(staging: Path, target: Path, exc: OSError) -> NoReturn:
    _remove(staging)
    raise UsageError(f"{target}: cannot be replaced ({_reason(exc)}); the previous site is unchanged") from None


def _removed_after_swap(old: Path, target: Path) -> None:
    try:
        _remove(old)
    except OSError as exc:
        raise UsageError(f"{target}: the new site is published, but the previous one could not be removed from "
                         f"{old} ({_reason(exc)}); remove that folder yourself") from None


# ---------------------------------------------------------------------------------------
# Content swap (an output folder that is a mount point)


def _swap_contents(staging: Path, target: Path, log: Log) -> None:
    """Replace the contents of ``target`` (which cannot be renamed) with the site ``staging``:
    copied into a staging folder inside ``target`` first (the journal as for any staging
    folder), then ``_finish_contents``."""
    marker = _read_marker(staging)
    assert marker is not None and marker[0] == "manifest", "a complete staging folder"
    manifest = marker[1]
    inner: Path | None = None
    try:
        inner = Path(tempfile.mkdtemp(prefix=INNER, dir=target))
        copy = Staging(inner, target)
        try:
            for relative in manifest["files"]:
                copy.write_bytes(relative, (staging / relative).read_bytes())
            copy.finish(manifest["fingerprint"], manifest["report"])
        finally:
            copy.close()
    except BaseException as exc:
        if inner is not None:
            _remove(inner)
        _remove(staging)
        if isinstance(exc, OSError):
            raise UsageError(f"{target}: cannot write the site into it ({_reason(exc)}); "
                             "the previous site is unchanged") from None
        raise
    _remove(staging)
    _fault("contents-staged")
    log(f"{target.name}/ cannot be renamed (a mount point?): replacing its contents instead.")
    try:
        _finish_contents(target, inner, manifest)
    except OSError as exc:
        raise UsageError(f"{target}: replacing its contents failed ({_reason(exc)}); the next build finishes "
                         "the replacement") from None


def _finish_contents(target: Path, inner: Path, new: Manifest) -> None:
    """Move the site staged in ``inner`` (manifest ``new``) into ``target``: entries of the
    previous site are removed (those the new site also has are still in ``inner``, or the
    new site does not have them at all), the new ones moved in, the marker last. Run again
    after a kill, it finishes the job."""
    new_top = {path.split("/")[0] for path in new["files"]}
    staged = {entry.name for entry in inner.iterdir()} - {MARKER}
    for entry in sorted(target.iterdir()):
        name = entry.name
        if name in (MARKER, inner.name) or name.startswith(INNER):
            continue
        if name in staged or name not in new_top:
            _remove_entry(entry)
            _fault("contents-removing")
    for name in sorted(staged):
        os.rename(inner / name, target / name)
        _fault("contents-moving")
    os.replace(inner / MARKER, target / MARKER)
    _fault("contents-marker")
    os.rmdir(inner)


def _recover_contents(target: Path, log: Log) -> None:
    """Finish or undo a content swap into ``target`` that a killed build left: a whole staged
    site is moved in (``_finish_contents``); a partial or empty one is removed."""
    marker = _read_marker(target)
    if marker is None or marker[0] != "manifest":
        return
    old = marker[1]
    try:
        inners = sorted(p for p in target.iterdir() if p.name.startswith(INNER))
    except OSError:
        return
    for inner in inners:
        staged = _provably_ours(inner)
        if staged is None:
            continue
        if not _is_manifest(staged):
            _remove(inner)
            log(f"Removed {inner.name}/ inside {target.name}/, left by an interrupted build.")
            continue
        old_top = {path.split("/")[0] for path in old["files"]}
        new_top = {path.split("/")[0] for path in staged["files"]}
        others = {p.name for p in target.iterdir()} - {MARKER, f"{MARKER}.tmp"} - {p.name for p in inners}
        if not others <= old_top | new_top:
            continue  # something else is in the folder: leave it for the user (check_target names it)
        _finish_contents(target, inner, staged)
        log(f"Finished replacing the contents of {target.name}/, interrupted in an earlier build.")
