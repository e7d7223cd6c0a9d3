"""Files in ``data/`` -> a validated :class:`~generator.records.Dataset`, or every problem.

Validation is the user interface of the data folder: whoever adds a platform or a CSV file
gets one line per mistake (file, line, field, what was expected, what was found), all at
once, never a traceback. YAML is read with a loader that remembers the line of every key;
CSV is read with the ``csv`` module so each row keeps its line number in the file.

The checks run in schema order: precisions, tasks, platforms, networks (each may refer to
the ones before), then measurements and power traces (which refer to all of them). When a
file cannot be read at all, references to it are not checked, so one broken file does not
bury the report under follow-up errors.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd
import yaml

from generator.errors import DataError, Problem, UsageError
from generator.records import (
    MEASUREMENT_COLUMNS,
    MEASUREMENT_KEY,
    MEASUREMENT_SOURCE,
    MEASUREMENT_VALUES,
    PLATFORM_KINDS,
    TRACE_COLUMNS,
    Accuracy,
    Dataset,
    Mode,
    Network,
    Platform,
    Precision,
    Task,
    Variant,
)

SLUG = re.compile(r"[a-z0-9][a-z0-9.-]*\Z")
PRECISION_ID = re.compile(r"[A-Za-z0-9]+\Z")
PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")
SLUG_SHAPE = "a lower-case slug (a-z, 0-9, '.', '-')"
PRECISION_SHAPE = "a name of letters and digits like INT8"

# ---------------------------------------------------------------------------------------
# Problems


class _Problems:
    """Every problem found so far, in discovery order; sorted by file and line at the end."""

    def __init__(self) -> None:
        self._found: list[tuple[str, int, int, Problem]] = []

    def add(self, file: str, line: int | None, field: str, message: str) -> None:
        where = f"line {line}" if line else ""
        self._found.append((file, line or 0, len(self._found), Problem(file, where, field, message)))

    def sorted(self) -> list[Problem]:
        return [entry[3] for entry in sorted(self._found, key=lambda e: e[:3])]

    def __bool__(self) -> bool:
        return bool(self._found)


@dataclass(frozen=True)
class _Log:
    """The problems of one file."""

    problems: _Problems
    file: str

    def add(self, line: int | None, field: str, message: str) -> None:
        self.problems.add(self.file, line, field, message)

    def add_if(self, line: int | None, field: str, message: str | None) -> None:
        if message:
            self.add(line, field, message)


# ---------------------------------------------------------------------------------------
# Values: ranges and how to describe what was found


@dataclass(frozen=True)
class _Range:
    """An allowed range of numbers, e.g. ``> 0`` or ``0..100``; it also writes the message."""

    low: float
    low_open: bool  # True: the value must be > low, False: >= low
    high: float | None = None
    integer: bool = False

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = self.high is None or value <= self.high
        whole = not self.integer or float(value).is_integer()
        return math.isfinite(value) and above and below and whole

    def describe(self) -> str:
        noun = "an integer" if self.integer else "a number"
        if self.high is None:
            return f"{noun} {'>' if self.low_open else '>='} {_fmt(self.low)}"
        if self.low_open:
            return f"{noun} > {_fmt(self.low)} and <= {_fmt(self.high)}"
        return f"{noun} in {_fmt(self.low)}..{_fmt(self.high)}"


POSITIVE = _Range(0, low_open=True)
NON_NEGATIVE = _Range(0, low_open=False)
PERCENT = _Range(0, low_open=False, high=100)
PRUNING = _Range(0, low_open=True, high=100)
COUNT = _Range(0, low_open=True, integer=True)
INDEX = _Range(1, low_open=False, integer=True)


def _fmt(value: float) -> str:
    """``100.0`` -> ``100``, ``12.5`` -> ``12.5``: numbers as a user would write them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _found(value: Any) -> str:
    """What a YAML value is, in words, for the ``found ...`` part of a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {_fmt(value)}"
    if isinstance(value, str):
        return f"the text '{value}'" if value else "an empty text"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return f"a {type(value).__name__} ({value})"


def _suggest(name: str, known: list[str]) -> str:
    """``; did you mean 'x'?`` for the closest known name, or nothing when none is close."""
    lower = {k.lower(): k for k in reversed(known)}
    close = difflib.get_close_matches(name.lower(), list(lower), n=1, cutoff=0.6)
    return f"; did you mean '{lower[close[0]]}'?" if close else ""


def _unknown(name: str, known: list[str], noun: str) -> str:
    """Names the closest known name, or lists them all when there are few."""
    hint = _suggest(name, known) or (f" (known: {', '.join(known)})" if len(known) <= 20 else "")
    return f"expected a known {noun}, found '{name}'{hint}"


def _yaml_number_problem(value: Any, rng: _Range) -> str | None:
    """Why a YAML value is not a number in ``rng`` (strings and booleans never are)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = ""
        if isinstance(value, str) and PLAIN_NUMBER.match(value.strip()):
            hint = " (remove the quotes)"
        elif isinstance(value, str) and PLAIN_NUMBER.match(value.strip().replace(",", "")):
            hint = " (write plain decimals like 1234.82)"
        return f"expected {rng.describe()}, found {_found(value)}{hint}"
    if not rng.contains(float(value)):
        return f"expected {rng.describe()}, found {_fmt(value)}"
    return None


def _cell_number(text: str, rng: _Range) -> tuple[float, str | None]:
    """A CSV cell as a float (NaN when empty) and why it is wrong, if it is."""
    if text == "":
        return math.nan, None
    if not PLAIN_NUMBER.match(text):
        return math.nan, f"expected {rng.describe()} written as a plain decimal like 1234.82, found '{text}'"
    value = float(text)
    if not rng.contains(value):
        return math.nan, f"expected {rng.describe()}, found {text}"
    return value, None


# ---------------------------------------------------------------------------------------
# YAML with line numbers


class _Map(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _Seq(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that builds ``_Map`` / ``_Seq`` and records duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str, int]] = []  # (line, key, first line)


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line, result.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = key if isinstance(key, (str, int, float, bool)) or key is None else str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            loader.duplicate_keys.append((line, str(key), result.key_lines[key]))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines.setdefault(key, line)
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(item, deep=True) for item in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [item.start_mark.line + 1 for item in node.value]
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
# YAML 1.1 reads 1e5 (no dot) as text; users mean a number.
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?[0-9]+[eE][-+]?[0-9]+$"), list("-+0123456789")
)

_UNREADABLE = object()


def _read_text(log: _Log, path: Path, encoding: str, what: str) -> str | None:
    """The file's text, or ``None`` after logging why it cannot be read."""
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError as exc:
        log.add(None, "", f"expected UTF-8 text, found bytes that are not ({exc.reason})")
    except OSError as exc:
        log.add(None, "", f"expected a readable {what}, found {exc.strerror or exc}")
    return None


def _read_yaml(log: _Log, path: Path) -> Any:
    """The parsed file, or ``_UNREADABLE`` after logging why (missing, syntax error)."""
    if not path.is_file():
        log.add(None, "", "expected this file, found no such file (the data set needs it)")
        return _UNREADABLE
    text = _read_text(log, path, "utf-8", "file")
    if text is None:
        return _UNREADABLE
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = f"{what} ({context})" if context else what
        log.add(mark.line + 1 if mark else None, "", f"expected valid YAML, found a syntax error: {detail}")
        return _UNREADABLE
    finally:
        loader.dispose()
    for line, key, first in loader.duplicate_keys:
        log.add(line, key, f"expected each key once in a mapping, found '{key}' again (first at line {first})")
    return data


class _Fields:
    """Typed, located access to one YAML mapping; every bad field becomes one problem.

    Unknown keys are reported when the mapping is opened; a getter returns ``None`` when
    the value is missing or wrong, so callers can go on checking the other fields.
    """

    def __init__(self, log: _Log, node: Any, line: int, what: str,
                 required: tuple[str, ...], optional: tuple[str, ...] = (), prefix: str = ""):
        self.log, self.prefix, self.required = log, prefix, required
        self.valid = isinstance(node, _Map)
        if not self.valid:
            log.add(line, prefix.rstrip("."), f"expected {what} (a mapping of keys), found {_found(node)}")
            node = _Map()
            node.line, node.key_lines = line, {}
        self.map: _Map = node
        known = list(required + optional)
        for key in node:
            if key not in known:
                log.add(self.line(key), prefix + str(key), _unknown(str(key), known, "key"))

    def line(self, key: Any) -> int:
        return self.map.key_lines.get(key, self.map.line)

    def problem(self, key: str, message: str) -> None:
        self.log.add(self.line(key), self.prefix + key, message)

    def _get(self, key: str, expected: str) -> Any:
        """The value, or ``None`` when absent or empty (a problem if the key is required)."""
        value = self.map.get(key)
        if value is None and key in self.required and self.valid:
            found = "an empty value" if key in self.map else "nothing (the field is required)"
            self.problem(key, f"expected {expected}, found {found}")
        return value

    def number(self, key: str, rng: _Range) -> float | None:
        value = self._get(key, rng.describe())
        if value is None:
            return None
        message = _yaml_number_problem(value, rng)
        if message:
            self.problem(key, message)
            return None
        return int(value) if rng.integer else float(value)

    def text(self, key: str, pattern: re.Pattern[str] | None = None, shape: str = "text") -> str | None:
        value = self._get(key, shape)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip() or (pattern and not pattern.match(value)):
            self.problem(key, f"expected {shape}, found {_found(value)}")
            return None
        return value.strip()

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        shape = f"one of {', '.join(options)}"
        value = self.text(key, shape=shape)
        if value is not None and value not in options:
            self.problem(key, f"expected {shape}, found '{value}'{_suggest(value, list(options))}")
            return None
        return value

    def items(self, key: str, what: str) -> Iterator[tuple[Any, int]]:
        """(item, line) for each entry of a required non-empty list."""
        value = self._get(key, f"a list of {what}")
        if value is None:
            return
        if not isinstance(value, _Seq) or not value:
            self.problem(key, f"expected a non-empty list of {what}, found {_found(value)}")
            return
        yield from zip(value, value.item_lines)

    def mapping(self, key: str, what: str) -> _Map | None:
        value = self._get(key, what)
        if value is None:
            return None
        if not isinstance(value, _Map):
            self.problem(key, f"expected {what}, found {_found(value)}")
            return None
        return value


def _top_list(log: _Log, path: Path, key: str) -> list[tuple[Any, int]] | None:
    """The entries under the file's single top-level key, or ``None`` if unusable."""
    data = _read_yaml(log, path)
    if data is _UNREADABLE:
        return None
    if data is None:
        log.add(1, key, f"expected a mapping with the key '{key}', found an empty file")
        return None
    top = _Fields(log, data, 1, f"a file with the key '{key}'", (key,))
    if not top.valid or key not in top.map:
        if top.valid:
            top.problem(key, f"expected the top-level key '{key}', found nothing")
        return None
    value = top.map[key]
    if not isinstance(value, _Seq):
        top.problem(key, f"expected a list of {key}, found {_found(value)}")
        return None
    return list(zip(value, value.item_lines))


def _first_time(log: _Log, seen: dict[Any, int], value: Any, line: int, field: str, scope: str) -> bool:
    """True the first time an id is seen; a later copy is a problem naming both lines."""
    if value in seen:
        shown = _fmt(value) if isinstance(value, float) else f"'{value}'"
        log.add(line, field, f"expected a unique {field}{scope}, found {shown} again (first at line {seen[value]})")
        return False
    seen[value] = line
    return True


@dataclass(frozen=True)
class _Known:
    """The records of one specification file by id, to check references to them.

    ``by_id`` is None when the file could not be read: references to it are then not
    checked, so one broken file gives one problem, not one per reference.
    """

    file: str
    noun: str
    by_id: dict[str, Any] | None

    @classmethod
    def of(cls, file: str, noun: str, records: list[Any] | None) -> _Known:
        return cls(file, noun, None if records is None else {r.id: r for r in records})

    def get(self, key: Any) -> Any:
        return None if self.by_id is None else self.by_id.get(key)

    def unknown(self, key: Any) -> str | None:
        """Why ``key`` is not an id of this file, or None."""
        if self.by_id is None or key in self.by_id:
            return None
        return _unknown(str(key), list(self.by_id), f"{self.noun} id from {self.file}")


def _known_keys(log: _Log, table: _Map, field: str, precisions: _Known) -> Iterator[tuple[str, Any, int, str]]:
    """(precision, value, line, field) per key of a per-precision mapping that names a known precision."""
    for key, value in table.items():
        line, name = table.key_lines[key], f"{field}.{key}"
        message = precisions.unknown(key)
        log.add_if(line, name, message)
        if message is None:
            yield str(key), value, line, name


# ---------------------------------------------------------------------------------------
# Specifications (YAML)


def _precisions(log: _Log, path: Path) -> list[Precision] | None:
    entries = _top_list(log, path, "precisions")
    if entries is None:
        return None
    result, seen = [], {}
    for item, line in entries:
        f = _Fields(log, item, line, "a precision", ("id", "bits"))
        pid, bits = f.text("id", PRECISION_ID, PRECISION_SHAPE), f.number("bits", POSITIVE)
        if pid is not None and _first_time(log, seen, pid, f.line("id"), "id", ""):
            result.append(Precision(pid, bits if bits is not None else math.nan))
    return result


def _tasks(log: _Log, path: Path) -> list[Task] | None:
    entries = _top_list(log, path, "tasks")
    if entries is None:
        return None
    result, seen = [], {}
    for item, line in entries:
        f = _Fields(log, item, line, "a task", ("id", "name", "input_elements", "output_elements"), ("description",))
        tid, name = f.text("id", SLUG, SLUG_SHAPE), f.text("name")
        inputs, outputs = f.number("input_elements", COUNT), f.number("output_elements", COUNT)
        description = f.text("description") or ""
        if tid is not None and _first_time(log, seen, tid, f.line("id"), "id", ""):
            result.append(Task(tid, name or "", inputs or 0, outputs or 0, description))
    return result


def _peaks(m: _Fields, precisions: _Known) -> dict[str, float]:
    """``peak_tops``: TOP/s per known precision, each > 0, at least one."""
    peaks = m.mapping("peak_tops", "a mapping of precision id -> peak TOP/s")
    if peaks is None:
        return {}
    if not peaks:
        m.problem("peak_tops", "expected at least one precision with its peak TOP/s, found an empty mapping")
    result = {}
    for precision, value, line, field in _known_keys(m.log, peaks, "peak_tops", precisions):
        message = _yaml_number_problem(value, POSITIVE)
        m.log.add_if(line, field, message)
        if message is None:
            result[precision] = float(value)
    return result


def _platforms(log: _Log, path: Path, precisions: _Known) -> list[Platform] | None:
    entries = _top_list(log, path, "platforms")
    if entries is None:
        return None
    result, seen = [], {}
    for item, line in entries:
        f = _Fields(log, item, line, "a platform", ("id", "name", "vendor", "kind", "modes"), ("description",))
        pid, name, vendor = f.text("id", SLUG, SLUG_SHAPE), f.text("name"), f.text("vendor")
        kind, description = f.choice("kind", PLATFORM_KINDS), f.text("description") or ""
        mode_items = list(f.items("modes", "modes"))
        modes, mode_ids = [], {}
        for mode_item, mode_line in mode_items:
            m = _Fields(log, mode_item, mode_line, "a mode", ("peak_tops", "bandwidth_gbps"),
                        ("id", "memory_gb", "power_w"))
            if not m.valid:
                continue
            mode_id = "" if m.map.get("id") in (None, "") else m.text("id", SLUG, SLUG_SHAPE)
            if len(mode_items) > 1 and mode_id == "":
                m.problem("id", "expected a mode id: a platform with several modes names each one, found nothing")
                continue
            peaks = _peaks(m, precisions)
            bandwidth = m.number("bandwidth_gbps", POSITIVE)
            memory, power = m.number("memory_gb", POSITIVE), m.number("power_w", POSITIVE)
            if mode_id is not None and _first_time(log, mode_ids, mode_id, m.line("id"), "id", " among the modes"):
                modes.append(Mode(mode_id, peaks, bandwidth if bandwidth is not None else math.nan, memory, power))
        if pid is not None and _first_time(log, seen, pid, f.line("id"), "id", ""):
            result.append(Platform(pid, name or "", vendor or "", kind or "", tuple(modes), description))
    return result


def _accuracy(v: _Fields, precisions: _Known) -> dict[str, Accuracy]:
    """``accuracy``: published top-1 (required) and top-5 per known precision."""
    table = v.map.get("accuracy")
    if table is None:
        return {}
    if not isinstance(table, _Map):
        v.problem("accuracy", f"expected a mapping of precision id -> {{top1_pct, top5_pct}}, found {_found(table)}")
        return {}
    result = {}
    for precision, value, line, field in _known_keys(v.log, table, "accuracy", precisions):
        a = _Fields(v.log, value, line, "top1_pct and top5_pct", ("top1_pct",), ("top5_pct",), field + ".")
        top1, top5 = a.number("top1_pct", PERCENT), a.number("top5_pct", PERCENT)
        if top1 is not None:
            result[precision] = Accuracy(top1, top5)
    return result


def _networks(log: _Log, path: Path, tasks: _Known, precisions: _Known) -> list[Network] | None:
    entries = _top_list(log, path, "networks")
    if entries is None:
        return None
    result, seen = [], {}
    for item, line in entries:
        f = _Fields(log, item, line, "a network", ("id", "name", "task", "variants"), ("description",))
        nid, name, task = f.text("id", SLUG, SLUG_SHAPE), f.text("name"), f.text("task", SLUG, "a task id")
        if task is not None:
            log.add_if(f.line("task"), "task", tasks.unknown(task))
        description = f.text("description") or ""
        variants, levels = [], {}
        for v_item, v_line in f.items("variants", "variants"):
            v = _Fields(log, v_item, v_line, "a variant", ("pruning_pct", "ops_gop", "weights_m"), ("accuracy",))
            pruning = v.number("pruning_pct", PRUNING)
            ops, weights = v.number("ops_gop", POSITIVE), v.number("weights_m", POSITIVE)
            accuracy = _accuracy(v, precisions)
            scope = f" within {nid}" if nid else " within the network"
            if pruning is not None and _first_time(log, levels, pruning, v.line("pruning_pct"), "pruning_pct", scope):
                variants.append(Variant(pruning, ops if ops is not None else math.nan,
                                        weights if weights is not None else math.nan, accuracy))
        if nid is not None and _first_time(log, seen, nid, f.line("id"), "id", ""):
            result.append(Network(nid, name or "", task or "", tuple(variants), description))
    return result


# ---------------------------------------------------------------------------------------
# Tables (CSV)


@dataclass(frozen=True)
class _Table:
    columns: frozenset[str]
    rows: list[tuple[int, dict[str, str]]]  # (line in the file, column -> stripped cell)


def _read_table(log: _Log, path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> _Table | None:
    """The header and the rows of a CSV file, or ``None`` when it has no usable header."""
    text = _read_text(log, path, "utf-8-sig", "CSV file")
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        if not any(header):
            found = "an empty line" if text.strip() else "an empty file"
            log.add(1, "", f"expected a header line with the column names, found {found}")
            return None
        _check_header(log, header, required, optional)
        return _Table(frozenset(header), _table_rows(log, reader, header, required + optional))
    except csv.Error as exc:
        log.add(reader.line_num, "", f"expected CSV text, found a syntax error: {exc}")
        return None


def _check_header(log: _Log, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """Missing, unknown (probably misspelt) and repeated columns."""
    known = list(required + optional)
    for index, name in enumerate(header):
        if not name:
            log.add(1, "", f"expected a column name, found an empty header cell (column {index + 1})")
        elif name in header[:index]:
            log.add(1, name, f"expected each column once, found '{name}' again")
        elif name not in known:
            log.add(1, name, _unknown(name, known, "column"))
    for name in required:
        if name not in header:
            log.add(1, name, f"expected a column '{name}' in the header, found none")


def _table_rows(log: _Log, reader: Any, header: list[str], known: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line, known column -> stripped cell) per non-blank row with one cell per column."""
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) != len(header):
            log.add(line, "", f"expected {len(header)} cells (one per column), found {len(cells)}")
            continue
        row: dict[str, str] = {}
        for name, cell in zip(header, cells):
            if name in known:
                row.setdefault(name, cell.strip())
        rows.append((line, row))
    return rows


@dataclass(frozen=True)
class _Catalog:
    """The specifications that measurements and traces refer to."""

    precisions: _Known
    tasks: _Known
    platforms: _Known
    networks: _Known


def _resolve_mode(platform: Platform, mode_id: str) -> tuple[str | None, str | None]:
    """(mode id as stored, problem): an empty cell means the only mode of a single-mode platform."""
    ids = [m.id for m in platform.modes]
    if len(ids) == 1:
        if mode_id in ("", ids[0]):
            return ids[0], None
        named = f" or '{ids[0]}'" if ids[0] else ""
        return None, f"expected an empty cell{named} ({platform.id} has a single mode), found '{mode_id}'"
    if mode_id in ids:
        return mode_id, None
    expected = f"expected a mode of {platform.id} ({', '.join(ids)})"
    if mode_id == "":
        return None, f"{expected}, found an empty cell"
    return None, f"{expected}, found '{mode_id}'{_suggest(mode_id, ids)}"


def _check_platform_mode(log: _Log, line: int, row: dict[str, Any], cat: _Catalog) -> Mode | None:
    """Checks ``platform`` and ``mode`` of a row, normalises its mode, returns the mode."""
    log.add_if(line, "platform", cat.platforms.unknown(row["platform"]))
    platform = cat.platforms.get(row["platform"])
    if platform is None or not platform.modes:
        return None
    mode_id, message = _resolve_mode(platform, row["mode"])
    if message:
        log.add(line, "mode", message)
        return None
    row["mode"] = mode_id
    return platform.mode(mode_id)


def _text_cells(log: _Log, line: int, cells: dict[str, str], columns: frozenset[str],
                required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in required + optional:
        row[name] = cells.get(name, "")
        if name in required and name in columns and not row[name]:
            log.add(line, name, f"expected a {name} id, found an empty cell")
    return row


def _number_cells(log: _Log, line: int, cells: dict[str, str], row: dict[str, Any],
                  ranges: dict[str, _Range], required: tuple[str, ...], columns: frozenset[str]) -> None:
    for name, rng in ranges.items():
        value, message = _cell_number(cells.get(name, ""), rng)
        if message:
            log.add(line, name, message)
        elif math.isnan(value) and name in required and name in columns:
            log.add(line, name, f"expected {rng.describe()}, found an empty cell")
        row[name] = value


# ---------------------------------------------------------------------------------------
# Measurements

_M_IDS = ("task", "platform", "precision", "network")
_M_REQUIRED = _M_IDS + ("pruning_pct", "batch")
_M_RANGES = {
    "pruning_pct": PRUNING, "batch": INDEX, "repeat": INDEX,
    "lat_comp_ms": POSITIVE, "lat_sys_ms": POSITIVE, "fps_comp": POSITIVE, "fps_sys": POSITIVE,
    "top1_pct": PERCENT, "top5_pct": PERCENT,
    "power_base_w": NON_NEGATIVE, "power_idle_w": NON_NEGATIVE, "power_full_w": POSITIVE,
}
_M_OPTIONAL = tuple(c for c in MEASUREMENT_COLUMNS if c not in _M_REQUIRED)
_NEITHER = "lat_comp_ms/fps_comp"


def _check_measurement_refs(log: _Log, line: int, row: dict[str, Any], cat: _Catalog) -> None:
    """task, platform, mode, network (of that task), pruning level and supported precision."""
    log.add_if(line, "task", cat.tasks.unknown(row["task"]))
    log.add_if(line, "precision", cat.precisions.unknown(row["precision"]))
    mode = _check_platform_mode(log, line, row, cat)
    log.add_if(line, "network", cat.networks.unknown(row["network"]))
    network = cat.networks.get(row["network"])
    if network is not None and cat.tasks.unknown(row["task"]) is None and network.task != row["task"]:
        log.add(line, "network", f"expected a network of task '{row['task']}', "
                                 f"found '{network.id}' (a network of task '{network.task}')")
    elif network is not None and network.variant(row["pruning_pct"]) is None:
        levels = ", ".join(_fmt(v.pruning_pct) for v in network.variants)
        found = _fmt(row["pruning_pct"])
        log.add(line, "pruning_pct", f"expected a pruning_pct of {network.id} ({levels}), found {found}")
    if mode is not None and cat.precisions.get(row["precision"]) and row["precision"] not in mode.peak_tops:
        label = row["platform"] + (f" mode {mode.id}" if mode.id else "")
        supported = ", ".join(p for p in cat.precisions.by_id or () if p in mode.peak_tops)
        log.add(line, "precision",
                f"expected a precision that {label} supports ({supported}), found {row['precision']}")


def _measurement_row(log: _Log, line: int, cells: dict[str, str], columns: frozenset[str]) -> dict[str, Any] | None:
    """The values of one run (NaN = not measured), or None when its key is unusable."""
    row = _text_cells(log, line, cells, columns, _M_IDS, ("mode",))
    _number_cells(log, line, cells, row, _M_RANGES, _M_REQUIRED, columns)
    if {"lat_comp_ms", "fps_comp"} & columns and not (cells.get("lat_comp_ms") or cells.get("fps_comp")):
        log.add(line, _NEITHER, "expected lat_comp_ms or fps_comp (a run measures one), found both cells empty")
    if not cells.get("repeat"):
        row["repeat"] = 1.0
    if any(not row[c] for c in _M_IDS) or any(math.isnan(row[c]) for c in ("pruning_pct", "batch", "repeat")):
        return None
    return row


def _check_unique_run(log: _Log, line: int, row: dict[str, Any], first_seen: dict[tuple, str]) -> None:
    """Two runs with the same key are one run entered twice, unless ``repeat`` says otherwise."""
    key = tuple(row[c] for c in MEASUREMENT_KEY)
    if key in first_seen:
        log.add(line, "repeat", "expected one run per task, platform, mode, precision, network, pruning_pct, "
                                f"batch and repeat, found the same run as {first_seen[key]} "
                                "(number repeated runs in a 'repeat' column)")
    else:
        first_seen[key] = f"{log.file} line {line}"


def _measurements(problems: _Problems, folder: Path, display: Any, cat: _Catalog) -> list[dict[str, Any]]:
    """Every run of every ``*.csv`` in ``folder`` (name order), each checked on its own and
    against the specifications and the other runs."""
    if not folder.is_dir():
        problems.add(display(folder), None, "", "expected a folder of measurement CSV files, found no such folder")
        return []
    rows: list[dict[str, Any]] = []
    first_seen: dict[tuple, str] = {}
    for path in sorted(folder.glob("*.csv"), key=lambda p: p.name):
        log = _Log(problems, display(path))
        table = _read_table(log, path, _M_REQUIRED, _M_OPTIONAL)
        if table is None:
            continue
        if not {"lat_comp_ms", "fps_comp"} & table.columns:
            log.add(1, _NEITHER, "expected a column lat_comp_ms or fps_comp in the header, found neither")
        complete = all(c in table.columns for c in _M_REQUIRED)
        for line, cells in table.rows:
            row = _measurement_row(log, line, cells, table.columns)
            if row is None or not complete:
                continue
            _check_measurement_refs(log, line, row, cat)
            _check_unique_run(log, line, row, first_seen)
            row.update(source_file=log.file, source_row=line)
            rows.append(row)
    return rows


def _measurement_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The documented frame: str ids, float pruning, int batch/repeat, float values; sorted."""
    columns = list(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE)
    frame = pd.DataFrame({c: [r[c] for r in rows] for c in columns}, columns=columns)
    ids = ("task", "platform", "mode", "precision", "network", "source_file")
    types = {c: str for c in ids} | {"pruning_pct": float, "batch": "int64", "repeat": "int64", "source_row": "int64"}
    frame = frame.astype(types | {c: float for c in MEASUREMENT_VALUES})
    return frame.sort_values(list(MEASUREMENT_KEY), kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Power traces

_T_REQUIRED = ("platform", "time_s")
_T_OPTIONAL = ("mode", "network", "power_w", "voltage_v", "current_a")
_T_RANGES = {"time_s": NON_NEGATIVE, "power_w": NON_NEGATIVE, "voltage_v": NON_NEGATIVE, "current_a": NON_NEGATIVE}


def _trace_power(log: _Log, line: int, cells: dict[str, str], row: dict[str, Any]) -> float:
    """``power_w`` as given, else ``voltage_v x current_a``; NaN (and a problem) if neither."""
    if cells.get("power_w"):
        return row["power_w"]
    volts, amps = cells.get("voltage_v"), cells.get("current_a")
    if volts and amps:
        return row["voltage_v"] * row["current_a"]
    if volts or amps:
        given, missing = ("voltage_v", "current_a") if volts else ("current_a", "voltage_v")
        log.add(line, missing, f"expected {missing} next to {given}, found an empty cell")
    else:
        log.add(line, "power_w", "expected power_w, or voltage_v and current_a, found empty cells")
    return math.nan


def _traces(problems: _Problems, folder: Path, display: Any, cat: _Catalog) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not folder.is_dir():
        return rows
    for path in sorted(folder.glob("*.csv"), key=lambda p: p.name):
        log = _Log(problems, display(path))
        table = _read_table(log, path, _T_REQUIRED, _T_OPTIONAL)
        if table is None:
            continue
        has_power = "power_w" in table.columns or {"voltage_v", "current_a"} <= table.columns
        if not has_power:
            log.add(1, "power_w", "expected a column power_w, or both voltage_v and current_a, found neither")
        complete = has_power and all(c in table.columns for c in _T_REQUIRED)
        for line, cells in table.rows:
            row = _text_cells(log, line, cells, table.columns, ("platform",), ("mode", "network"))
            _number_cells(log, line, cells, row, _T_RANGES, _T_REQUIRED, table.columns)
            if not complete:
                continue
            row["power_w"] = _trace_power(log, line, cells, row)
            if row["platform"]:
                _check_platform_mode(log, line, row, cat)
            if row["network"]:
                log.add_if(line, "network", cat.networks.unknown(row["network"]))
            rows.append({c: row[c] for c in TRACE_COLUMNS})
    return rows


def _trace_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = list(TRACE_COLUMNS)
    frame = pd.DataFrame({c: [r[c] for r in rows] for c in columns}, columns=columns)
    frame = frame.astype({"platform": str, "mode": str, "network": str, "time_s": float, "power_w": float})
    return frame.sort_values(["platform", "mode", "network", "time_s"], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Entry point


def load_dataset(data_dir: Path) -> Dataset:
    """Read and check every file of ``data_dir``; raise ``DataError`` listing all problems."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: data folder not found")
    root = Path(data_dir.resolve().name)

    def display(path: Path) -> str:
        return (root / path.relative_to(data_dir)).as_posix()

    problems = _Problems()

    def read(kind: str, noun: str, reader: Callable[..., list[Any] | None], *refs: _Known) -> _Known:
        path = data_dir / f"{kind}.yaml"
        log = _Log(problems, display(path))
        return _Known.of(log.file, noun, reader(log, path, *refs))

    precisions = read("precisions", "precision", _precisions)
    tasks = read("tasks", "task", _tasks)
    platforms = read("platforms", "platform", _platforms, precisions)
    networks = read("networks", "network", _networks, tasks, precisions)
    catalog = _Catalog(precisions, tasks, platforms, networks)
    runs = _measurements(problems, data_dir / "measurements", display, catalog)
    samples = _traces(problems, data_dir / "power_traces", display, catalog)
    if problems:
        raise DataError(problems.sorted())
    return Dataset(
        precisions=tuple((precisions.by_id or {}).values()),
        tasks=tuple((tasks.by_id or {}).values()),
        platforms=tuple((platforms.by_id or {}).values()),
        networks=tuple((networks.by_id or {}).values()),
        measurements=_measurement_frame(runs),
        power_traces=_trace_frame(samples),
    )
