"""The build cache: work a rebuild need not redo. Imports the standard library only (and ``filelock``
through the output writer; pandas when it hashes a frame).

It lives in ``PROJECT/.cache`` (git-ignored; deleting it only makes the next build cold):

* **Whole builds.** A build's *fingerprint* hashes everything its output depends on: the
  generator's own code and the versions of the libraries that shape the output, the
  options, and every file of ``data/``, ``site_src/``, ``templates/`` and ``site.yml``.
  The output folder's marker (``output.write.previous_build``) records it with the hash
  of every file written and what the build reported. When the fingerprint matches and the
  folder is still exactly what it lists, nothing has changed: the build is reported up to
  date without reading the data or importing the charting libraries.
* **Pages.** A page is stored under a hash of the code and of everything it is built from
  (``site.plan.page_results``, the configuration, the prose and the site's style): a
  change to one task's measurements rebuilds that task's page only.
* **Measurement files.** The runs read from each measurement file that had no problem, so
  a rebuild reads only the files that changed.
* **Files.** The text of every CSV and page is stored under a hash of what it is made
  from, so only the files whose content changed are formatted again.
* **Charts.** A chart is stored under a hash of its function, the code and its input
  frames (``charts.common.cached``): a page that is rebuilt recomputes only the charts
  whose data changed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

import generator
from collections.abc import Callable, Iterator

from generator.output import write
from generator.project import BuildSummary, Project, build_options

LIBRARIES = ("altair", "pandas", "numpy", "jinja2", "markdown", "nh3", "pyyaml", "vl-convert-python")
SCHEMA = 1  # bump when the cache's own format changes


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    """The generator's code and data files, and the versions of the libraries it renders with."""
    digest = hashlib.sha256(f"cache {SCHEMA}\n".encode())
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


def fingerprint(project: Project, options: dict[str, Any]) -> str:
    """Everything a build's output depends on, hashed (see the module doc)."""
    digest = hashlib.sha256(code_hash().encode() + json.dumps(options, sort_keys=True).encode())
    if project.config_file.is_file():
        digest.update(_content_hash(project.config_file).encode())
    for folder in (project.data_dir, project.site_src_dir, project.templates_dir):
        digest.update(f"{folder.name}\0{folder_hash(folder)}\0".encode())
    return digest.hexdigest()


def value_digest(value: Any, digest: Any) -> None:
    """Feed ``value`` into ``digest``: frames column by column (dtypes, then values), dataclasses field
    by field, dicts in key order, sequences item by item, anything else by its ``repr``."""
    import pandas as pd  # only builds that compute anything get here

    if isinstance(value, pd.DataFrame):
        digest.update(repr([(str(c), str(t)) for c, t in value.dtypes.items()]).encode())
        for _name, column in value.items():
            if isinstance(column.dtype, pd.CategoricalDtype):  # codes, then what they stand for
                digest.update(column.cat.codes.to_numpy().tobytes() + repr(list(column.cat.categories)).encode())
            elif column.dtype.kind in "biufcmM":  # numbers and times: their bytes
                digest.update(column.to_numpy().tobytes())
            else:  # text and other objects: their repr (None, NaN and "nan" differ)
                digest.update(repr(column.tolist()).encode())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        digest.update(type(value).__qualname__.encode() + b"(")
        for item in dataclasses.fields(value):
            digest.update(item.name.encode() + b"=")
            value_digest(getattr(value, item.name), digest)
        digest.update(b")")
    elif isinstance(value, dict):
        digest.update(b"{")
        for key in sorted(value, key=repr):
            value_digest(key, digest)
            value_digest(value[key], digest)
        digest.update(b"}")
    elif isinstance(value, (list, tuple)):
        digest.update(b"[")
        for item in value:
            value_digest(item, digest)
        digest.update(b"]")
    else:
        digest.update(repr(value).encode() + b"\0")


def key_of(what: str, *values: Any) -> str:
    """A cache key: the code's hash, ``what`` and the digest of ``values``."""
    digest = hashlib.sha256(f"{code_hash()} {what}".encode())
    value_digest(list(values), digest)
    return digest.hexdigest()


_ACTIVE: Cache | None = None  # the build's cache while ``using`` is in effect


def active() -> Cache | None:
    """The build's cache while ``using`` is in effect, else None."""
    return _ACTIVE


@contextlib.contextmanager
def using(store: Cache) -> Iterator[None]:
    """Within the block, ``remembered`` functions reuse what ``store`` holds for the same inputs."""
    global _ACTIVE
    previous, _ACTIVE = _ACTIVE, store
    try:
        yield
    finally:
        _ACTIVE = previous


def remembered(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator: the function (pure: frames and plain values in, a picklable value out)
    keeps its results in the build's cache, under ``kind`` and a hash of the code and its
    arguments, while a build runs (``using``); outside a build it simply runs."""
    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            store = _ACTIVE
            if store is None:
                return function(*args, **kwargs)
            key = key_of(f"{kind} {function.__module__}.{function.__qualname__}", list(args), kwargs)
            return store.memo(kind, key, lambda: function(*args, **kwargs))
        return wrapper
    return decorate


def file_hashes(folder: Path, pattern: str = "*") -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _content_hash(p) for p in sorted(folder.rglob(pattern)) if p.is_file()}


def _content_hash(path: Path) -> str:
    """The hash of a file's bytes; a file that cannot be read hashes as such (reading the
    inputs reports it as a problem, as ``validate`` does)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable: {exc.errno}"


def folder_hash(folder: Path, pattern: str = "*") -> str:
    """One hash of the name and content of every file under ``folder`` that matches ``pattern``."""
    return hashlib.sha256(json.dumps(file_hashes(folder, pattern) if folder.is_dir() else {}).encode()).hexdigest()


class Cache:
    """Pickled values by (kind, key) under one folder; a damaged entry is a miss."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[Path] = set()

    def _path(self, kind: str, key: str, suffix: str = ".pickle") -> Path:
        return self.folder / kind / f"{key}{suffix}"

    def get(self, kind: str, key: str) -> Any:
        path = self._path(kind, key)
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return None
        self.used.add(path)
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        self._write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        self.used.add(path)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def memo(self, kind: str, key: str, compute: Callable[[], Any]) -> Any:
        """The value stored under (kind, key), computed and stored first if there is none."""
        value = self.get(kind, key)
        if value is None:
            value = compute()
            self.put(kind, key, value)
        return value

    def forget_unused(self, *kinds: str) -> None:
        """Remove the entries of ``kinds`` this build did not use: the cache holds one build's worth."""
        for kind in kinds:
            folder = self.folder / kind
            if folder.is_dir():
                for path in folder.iterdir():
                    if path.suffix == ".pickle" and path not in self.used:
                        path.unlink(missing_ok=True)

def reuse(project: Project, out: Path, strict: bool, base_path: str, log: Callable[[str], None],
          warn: Callable[[str], None] | None = None, figures: bool = False) -> tuple[BuildSummary | None, str]:
    """The summary of the previous build into ``out`` if nothing it depends on changed and
    the folder is exactly as it was written (its warnings are printed again), else None;
    and the build's fingerprint either way (``build`` takes it, not to hash everything twice).

    Cheap: it checks the output folder, hashes the inputs and the output, and imports
    neither pandas nor the charting libraries.
    """
    import time

    started = time.perf_counter()
    target = write.check_target(out, project.root, project.inputs(), contents=False)  # previous_build hashes them
    write.probe(target)
    write.recover(target, log)  # a killed build's output is whole again, even if this one fails
    key = fingerprint(project, build_options(strict, base_path, figures))
    previous = write.previous_build(target)  # the output folder is exactly what that build wrote
    if previous is None or previous["fingerprint"] != key:
        return None, key
    report = previous["report"]
    try:
        summary = BuildSummary(out=target, seconds=time.perf_counter() - started, up_to_date=True, **report["summary"])
    except (KeyError, TypeError):
        return None, key  # a manifest that does not report what this generator reports
    for line in report.get("warning_lines", []):
        (warn or log)(line)
    return summary, key
