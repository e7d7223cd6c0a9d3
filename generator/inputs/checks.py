"""The one problem collector, number ranges and line-aware readers shared by every input.

Everything a user or contributor gives the generator (``site.yml``, ``data/``,
``site_src/``, a QuTiBench file to import) is read through this module, so every mistake
becomes the same kind of line: file, line, field, what was expected, what was found.

The collector folds and caps what it shows, so one root cause never buries the report:

* problems with the same file, field and message are **folded** into one line that names
  their lines and counts them (``lines 2-482 (481 rows)``);
* at most ``MAX_LINES_PER_FILE`` lines are kept per file, then ``and N more problems``;
  memory stays bounded however many bad rows a file has;
* files are reported in the order they were **declared**, which callers make the order in
  which files refer to each other (precisions before the platforms that name them, before
  the measurements that name both), so root causes come first.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import numpy as np
import pandas as pd
import yaml

from generator.errors import DataError, Problem
from generator.formatting import fmt_written
from generator.records import Range
from generator.inputs import files
from generator.inputs.files import escape

MAX_LINES_PER_FILE = 100  # problem lines shown per file, then "and N more"
_RANGES_KEPT = 20  # line ranges remembered per folded problem (the count is always exact)
_RANGES_SHOWN = 5
_FOUND_CHARS = 60  # longest found-text quoted in a message
MAX_YAML_DEPTH = 64  # nesting levels a data YAML file may have
# Longest texts, in characters: an id becomes part of file names and URLs; a name or title is
# shown in headings, legends and menus; a description is a few paragraphs of Markdown.
MAX_ID_CHARS = 64
MAX_NAME_CHARS = 120
MAX_DESCRIPTION_CHARS = 10_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads such a cell as a formula


# ---------------------------------------------------------------------------------------
# The problem collector


@dataclass
class _Group:
    """One folded problem: every line where the same file/field/message occurred."""

    first: int  # first line (0 = the whole file)
    order: int  # discovery order, to keep messages of one line in a stable order
    count: int = 0
    ranges: list[list[int]] = field(default_factory=list)  # [[a, b], ...] merged, first _RANGES_KEPT

    def add(self, line: int) -> None:
        self.count += 1
        if not line:
            return
        if self.ranges and self.ranges[-1][0] <= line <= self.ranges[-1][1] + 1:
            self.ranges[-1][1] = max(self.ranges[-1][1], line)
        elif len(self.ranges) < _RANGES_KEPT:
            self.ranges.append([line, line])
        self.first = min(self.first, line) if self.first else line

    def where(self) -> str:
        if not self.ranges:
            return ""
        shown = self.ranges[:_RANGES_SHOWN]
        listed = sum(b - a + 1 for a, b in shown)
        if self.count == 1:
            return f"line {shown[0][0]}"
        text = ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in shown)
        rest = self.count - listed
        more = f" and {rest:,} more" if rest > 0 else ""
        return f"lines {text}{more} ({self.count:,} rows)"


class Problems:
    """Every problem and warning of one run over the inputs, folded and capped for display.

    ``root``: the folder every input file of this run must lie inside once its links are
    resolved (the project; ``None`` for files the user names on the command line, such as
    a QuTiBench folder to import). The readers below take it from here.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._rank: dict[str, int] = {}
        self._groups: dict[tuple[bool, str], dict[tuple[str, str], _Group]] = {}
        self._overflow: dict[tuple[bool, str], int] = {}
        self._count = {False: 0, True: 0}  # warning? -> problems recorded
        self.messages: dict[tuple[str, str], dict[str, str]] = {}  # (file, field) -> cell -> message

    def declare(self, file: str) -> FileLog:
        """The log of ``file``; files are reported in the order they are first declared."""
        self._rank.setdefault(file, len(self._rank))
        return FileLog(self, file)

    def add(self, file: str, line: int | None, field: str, message: str, warning: bool = False) -> None:
        self.add_lines(file, (line or 0,), field, message, warning)

    def add_lines(self, file: str, lines: Iterable[int], field: str, message: str, warning: bool = False) -> None:
        """The same problem on several lines (one folded entry)."""
        file = str(file)
        self._rank.setdefault(file, len(self._rank))
        groups = self._groups.setdefault((warning, file), {})
        group = groups.get((field, message))
        for line in lines:
            line = int(line)
            if group is None:
                if len(groups) >= MAX_LINES_PER_FILE:
                    self._overflow[(warning, file)] = self._overflow.get((warning, file), 0) + 1
                    self._count[warning] += 1
                    continue
                group = groups[(field, message)] = _Group(first=line, order=len(groups))
            group.add(line)
            self._count[warning] += 1

    def overflow(self, file: str, count: int, warning: bool = False) -> None:
        """``count`` more problems of a full file, counted without being formatted."""
        if count:
            self._overflow[(warning, file)] = self._overflow.get((warning, file), 0) + count
            self._count[warning] += count

    def full(self, file: str, warning: bool = False) -> bool:
        """True once ``file`` shows as many lines as it may: new messages are only counted."""
        return len(self._groups.get((warning, file), {})) >= MAX_LINES_PER_FILE

    @property
    def errors(self) -> int:
        return self._count[False]

    @property
    def warnings(self) -> int:
        return self._count[True]

    def __bool__(self) -> bool:
        return self.errors > 0

    def report(self, warning: bool = False) -> list[Problem]:
        """The folded lines, files in declaration order, each file's lines by first line."""
        out: list[Problem] = []
        files = sorted({f for (w, f) in self._groups if w == warning} | {f for (w, f) in self._overflow if w == warning},
                       key=lambda f: (self._rank.get(f, len(self._rank)), f))
        for file in files:
            groups = self._groups.get((warning, file), {})
            shown = escape(file)  # a file name may hold invisible characters too
            for (fld, message), group in sorted(groups.items(), key=lambda kv: (kv[1].first, kv[1].order)):
                out.append(Problem(shown, group.where(), fld, message))
            extra = self._overflow.get((warning, file), 0)
            if extra:
                out.append(Problem(shown, "", "", f"and {extra:,} more problem{'s' if extra != 1 else ''} in this file"))
        return out

    def error(self) -> DataError:
        return DataError(self.report(), total=self.errors)

    def raise_if_any(self) -> None:
        if self:
            raise self.error()

    def escalate_warnings(self) -> None:
        """``--strict``: every warning becomes an error."""
        for (warning, file), groups in list(self._groups.items()):
            if not warning:
                continue
            for (fld, message), group in groups.items():
                lines = [n for a, b in group.ranges for n in range(a, b + 1)] or [0]
                self.add_lines(file, lines, fld, message)
                self._count[False] += group.count - len(lines)
        self._count[False] += sum(n for (w, _), n in self._overflow.items() if w)


@dataclass(frozen=True)
class FileLog:
    """The problems of one file."""

    problems: Problems
    file: str

    def add(self, line: int | None, field: str, message: str) -> None:
        self.problems.add(self.file, line, field, message)

    def add_if(self, line: int | None, field: str, message: str | None) -> None:
        if message:
            self.add(line, field, message)

    def add_lines(self, lines: Iterable[int], field: str, message: str) -> None:
        self.problems.add_lines(self.file, lines, field, message)

    def warn(self, line: int | None, field: str, message: str) -> None:
        self.problems.add(self.file, line, field, message, warning=True)

    def warn_lines(self, lines: Iterable[int], field: str, message: str) -> None:
        self.problems.add_lines(self.file, lines, field, message, warning=True)

    @property
    def full(self) -> bool:
        return self.problems.full(self.file)

    def add_by_value(self, field: str, cells: pd.Series, mask: np.ndarray, lines: np.ndarray,
                     message: Callable[[str], str]) -> None:
        """One problem per distinct masked cell text, on all its lines. Once the file shows
        as many lines as it may, new texts are only counted (no message is formatted)."""
        cache = self.problems.messages.setdefault((self.file, field), {})
        for cell, where in by_value(cells, mask, lines):
            text = cache.get(cell)
            if text is None:
                if self.full:
                    self.problems.overflow(self.file, len(where))
                    continue
                text = cache[cell] = message(cell)
            self.add_lines(where, field, text)


# ---------------------------------------------------------------------------------------
# Words for values


def clip_text(text: str, limit: int = _FOUND_CHARS) -> str:
    """Found-text for a message: at most ``limit`` characters, control and invisible characters
    shown as escapes (``files.escape``)."""
    length = len(text)
    text = escape(text[:limit + 1])
    return text if length <= limit else text[:limit] + f"... ({length:,} characters)"


def found(value: Any) -> str:
    """What a YAML value is, in words, for the ``found ...`` part of a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {fmt_written(value)}"
    if isinstance(value, str):
        return f"the text '{clip_text(value)}'" if value else "an empty text"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return f"a {type(value).__name__}"


def length_problem(text: str, limit: int, shape: str = "text") -> str | None:
    """Why ``text`` is too long for its field, or None."""
    if len(text) <= limit:
        return None
    return f"expected {shape} of at most {limit:,} characters, found '{clip_text(text, min(40, limit))}'"


def suggest(name: str, known: list[str]) -> str:
    """``; did you mean 'x'?`` for the closest known name, or nothing when none is close."""
    if len(name) > 100:
        return ""
    lower = {k.lower(): k for k in reversed(known)}
    close = difflib.get_close_matches(name.lower(), list(lower), n=1, cutoff=0.6)
    return f"; did you mean '{lower[close[0]]}'?" if close else ""


def unknown(name: str, known: list[str], noun: str) -> str:
    """Names the closest known name, or lists them all when there are few."""
    hint = suggest(name, known) or (f" (known: {', '.join(known)})" if len(known) <= 20 else "")
    return f"expected a known {noun}, found '{clip_text(name)}'{hint}"


def formula_problem(text: str) -> str | None:
    """Why ``text`` would be read as a formula by a spreadsheet opening a download CSV."""
    if text.startswith(FORMULA_START):
        return f"expected text that does not start with {', '.join(repr(c) for c in FORMULA_START[:4])} " \
               f"(a spreadsheet would run it as a formula), found '{clip_text(text)}'"
    return None


# ---------------------------------------------------------------------------------------
# Number ranges

PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\Z")


def yaml_number_problem(value: Any, rng: Range) -> str | None:
    """Why a YAML value is not a number in ``rng`` (strings and booleans never are)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        hint = ""
        if isinstance(value, str) and PLAIN_NUMBER.match(value.strip()):
            hint = " (remove the quotes)"
        elif isinstance(value, str) and PLAIN_NUMBER.match(value.strip().replace(",", "")):
            hint = " (write plain decimals like 1234.82)"
        return f"expected {rng.describe()}, found {found(value)}{hint}"
    return rng.problem(value)


# ---------------------------------------------------------------------------------------
# Files


def read_text(log: FileLog, path: Path, what: str = "a file") -> str | None:
    """The whole text of ``path``, or ``None`` after logging why it cannot be read: not inside
    the run's root, not a regular file, larger than ``files.MAX_TEXT_BYTES`` or not UTF-8
    (``files``). ``what`` names the kind of file in messages ("a Markdown file")."""
    try:
        return files.decode(files.read_input(path, log.problems.root, what))
    except files.Refused as why:
        log.add(why.line, "", why.message)
    return None


# ---------------------------------------------------------------------------------------
# YAML with line numbers


class YamlMap(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class YamlSeq(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


# YAML 1.2's core schema for plain scalars: what people mean by a number. ``010`` is ten
# (YAML 1.1 reads eight), ``4:26`` is text (1.1 reads 266, base 60), ``yes``/``no``/``on``/
# ``off`` are text (1.1 reads booleans), ``2019-06-01`` is text (1.1 reads a date). Only
# ``0o`` and ``0x`` mark octal and hexadecimal.
_CORE_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_CORE_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_CORE_INT = re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_CORE_FLOAT = re.compile(r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_INT_DIGITS = 4000  # longer decimal integers are read as floats (Python's int() refuses beyond 4300 digits)


class _CoreResolver(yaml.resolver.BaseResolver):
    """Implicit types of YAML 1.2's core schema, plus merge keys (``<<``)."""


for _tag, _pattern, _first in (
        ("tag:yaml.org,2002:null", _CORE_NULL, ["~", "n", "N", ""]),
        ("tag:yaml.org,2002:bool", _CORE_BOOL, list("tTfF")),
        ("tag:yaml.org,2002:int", _CORE_INT, list("-+0123456789")),
        ("tag:yaml.org,2002:float", _CORE_FLOAT, list("-+0123456789.")),
        (_MERGE_TAG, re.compile(r"<<\Z"), ["<"])):
    _CoreResolver.add_implicit_resolver(_tag, _pattern, _first)


class _LineLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                  yaml.constructor.SafeConstructor, _CoreResolver):
    """A safe loader of YAML 1.2's core schema that builds ``YamlMap`` / ``YamlSeq`` with the
    line of every key and item (lines as an editor counts them), records duplicate keys,
    merges ``<<`` keys, and refuses nesting deeper than ``MAX_YAML_DEPTH`` (instead of a
    RecursionError). Only the core tags are known: ``!!timestamp``, ``!!binary`` and
    application tags are syntax problems."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {}  # only the core schema's (set below)

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _CoreResolver.__init__(self)
        self.duplicate_keys: list[tuple[int, str, int]] = []  # (line, key, first line)
        self.depth = 0
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", stream)]  # index of each line's start
        self.flattened: dict[int, list[tuple[Any, Any]]] = {}  # id(mapping node) -> its merged pairs

    def line_of(self, mark: yaml.Mark) -> int:
        """The 1-based line of ``mark`` (PyYAML also counts U+0085, U+2028 and U+2029 as line
        breaks; YAML 1.2 and editors do not)."""
        return bisect.bisect_right(self.starts, mark.index)

    def column_of(self, mark: yaml.Mark) -> int:
        return mark.index - self.starts[self.line_of(mark) - 1] + 1

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise _TooDeep(self.line_of(self.peek_event().start_mark))
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _NotCore(yaml.constructor.ConstructorError):
    """A value outside the core schema: its message is a whole problem (expected ..., found ...)."""


def _construct_error(loader: _LineLoader, node: yaml.Node, message: str) -> _NotCore:
    return _NotCore(None, None, message, node.start_mark)


def _merged_pairs(loader: _LineLoader, node: yaml.MappingNode, depth: int = 0) -> list[tuple[Any, Any]]:
    """The (key node, value node) pairs of a mapping with its ``<<`` merges applied: its own
    keys win over merged ones, and among merged mappings the first listed wins (YAML's merge
    rule). Each mapping is flattened once, so shared anchors cost nothing more."""
    if id(node) in loader.flattened:
        return loader.flattened[id(node)]
    if depth > MAX_YAML_DEPTH:
        raise _TooDeep(loader.line_of(node.start_mark))
    merged: dict[Any, tuple[Any, Any]] = {}
    own: list[tuple[Any, Any]] = []
    for key_node, value_node in node.value:
        if key_node.tag != _MERGE_TAG:
            own.append((key_node, value_node))
            continue
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                shown = f"'{clip_text(str(source.value))}'" if isinstance(source, yaml.ScalarNode) else "a list"
                raise _construct_error(loader, source, "expected a mapping or a list of mappings to merge with '<<' "
                                                       f"(an alias like *defaults), found {shown}")
            for pair in _merged_pairs(loader, source, depth + 1):
                key = _key(loader, pair[0])
                merged.setdefault(key, pair)
    pairs = list(merged.values()) + own
    loader.flattened[id(node)] = pairs
    return pairs


def _key(loader: _LineLoader, key_node: yaml.Node) -> Any:
    key = loader.construct_object(key_node, deep=True)
    return key if isinstance(key, (str, int, float, bool)) or key is None else str(key)


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    result = YamlMap()
    result.line, result.key_lines = loader.line_of(node.start_mark), {}
    own_lines: dict[Any, int] = {}
    own_keys = {id(key_node) for key_node, _value in node.value}
    for key_node, value_node in _merged_pairs(loader, node):
        key = _key(loader, key_node)
        line = loader.line_of(key_node.start_mark)
        own = id(key_node) in own_keys
        if own and key in own_lines:
            loader.duplicate_keys.append((line, str(key), own_lines[key]))
            continue  # the first one counts (a problem is reported either way)
        if own:
            own_lines[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> YamlSeq:
    result = YamlSeq(loader.construct_object(item, deep=True) for item in node.value)
    result.line = loader.line_of(node.start_mark)
    result.item_lines = [loader.line_of(item.start_mark) for item in node.value]
    return result


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> int | float:
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    try:
        if digits.startswith(("0o", "0x")) and digits == text:
            return int(digits[2:], 8 if digits[1] == "o" else 16)
        return int(text) if len(digits) <= _INT_DIGITS else float(text)
    except ValueError:
        raise _construct_error(loader, node, f"expected an integer, found '{clip_text(text)}'") from None


def _construct_float(loader: _LineLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    lowered = text.lower()
    if lowered.lstrip("+-") == ".inf":
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    if not _CORE_FLOAT.match(text):
        raise _construct_error(loader, node, f"expected a number, found '{clip_text(text)}'")
    return float(text)


def _construct_unknown(loader: _LineLoader, node: yaml.Node) -> Any:
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    raise _construct_error(loader, node, f"expected text, a number, true/false, null, a list or a mapping, "
                                         f"found a value tagged '{clip_text(tag)}'")


_LineLoader.yaml_constructors = {
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _construct_int,
    "tag:yaml.org,2002:float": _construct_float,
    "tag:yaml.org,2002:str": yaml.constructor.SafeConstructor.construct_yaml_str,
    "tag:yaml.org,2002:seq": _construct_seq,
    "tag:yaml.org,2002:map": _construct_map,
    None: _construct_unknown,  # any other tag
}

UNREADABLE = object()


def parse_yaml(log: FileLog, text: str) -> Any:
    """The parsed text, or ``UNREADABLE`` after logging why (with the line, and the column
    where PyYAML knows it)."""
    try:
        loader = _LineLoader(text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character)
        starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]
        line = bisect.bisect_right(starts, exc.position)
        log.add(line, "", f"expected YAML text, found a character it does not allow at column "
                          f"{exc.position - starts[line - 1] + 1} ({escape(chr(exc.character))})")
        return UNREADABLE
    try:
        data = loader.get_single_data()
    except _TooDeep as exc:
        log.add(exc.line, "", f"expected at most {MAX_YAML_DEPTH} levels of nesting, found deeper nesting")
        return UNREADABLE
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = loader.line_of(mark) if mark is not None else None
        if isinstance(exc, _NotCore) and exc.problem:
            log.add(at, "", exc.problem)
            return UNREADABLE
        what = getattr(exc, "problem", None) or str(exc)
        context = getattr(exc, "context", None)
        detail = clip_text(f"{what} ({context})" if context else what, 200)
        where = f" at column {loader.column_of(mark)}" if mark is not None else ""
        log.add(at, "", f"expected valid YAML, found a syntax error{where}: {detail}")
        return UNREADABLE
    finally:
        loader.dispose()
    for line, key, first in loader.duplicate_keys:
        log.add(line, clip_text(key), f"expected each key once in a mapping, found '{clip_text(key)}' again "
                                      f"(first at line {first})")
    return data


def plain(value: Any) -> Any:
    """A parsed YAML value with plain dicts and lists (to dump or hand on)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_yaml(log: FileLog, path: Path, required: bool = True) -> Any:
    """The parsed file, or ``UNREADABLE`` after logging why (missing, unreadable, syntax)."""
    if not files.exists(path):
        if required:
            log.add(None, "", "expected this file, found no such file (the data set needs it)")
        return UNREADABLE
    text = read_text(log, path, "a YAML file")
    return UNREADABLE if text is None else parse_yaml(log, text)


class Fields:
    """Typed, located access to one YAML mapping; every bad field becomes one problem.

    Unknown keys are reported when the mapping is opened; a getter returns ``None`` when
    the value is missing or wrong, so callers can go on checking the other fields.
    """

    def __init__(self, log: FileLog, node: Any, line: int, what: str,
                 required: tuple[str, ...], optional: tuple[str, ...] = (), prefix: str = ""):
        self.log, self.prefix, self.required = log, prefix, required
        self.valid = isinstance(node, YamlMap)
        if not self.valid:
            log.add(line, prefix.rstrip("."), f"expected {what} (a mapping of keys), found {found(node)}")
            node = YamlMap()
            node.line, node.key_lines = line, {}
        self.map: YamlMap = node
        self.broken = False  # set by any problem in this mapping
        known = list(required + optional)
        for key in node:
            if key not in known:
                self.problem(str(key), unknown(str(key), known, "key"))

    def line(self, key: Any) -> int:
        return self.map.key_lines.get(key, self.map.line)

    def problem(self, key: str, message: str) -> None:
        self.broken = True
        self.log.add(self.line(key), self.prefix + clip_text(key), message)

    def _get(self, key: str, expected: str) -> Any:
        """The value, or ``None`` when absent or empty (a problem if the key is required)."""
        value = self.map.get(key)
        if value is None and key in self.required and self.valid:
            found_text = "an empty value" if key in self.map else "nothing (the field is required)"
            self.problem(key, f"expected {expected}, found {found_text}")
        return value

    def number(self, key: str, rng: Range) -> float | int | None:
        value = self._get(key, rng.describe())
        if value is None:
            return None
        message = yaml_number_problem(value, rng)
        if message:
            self.problem(key, message)
            return None
        return int(value) if rng.integer else float(value)

    def text(self, key: str, pattern: re.Pattern[str] | None = None, shape: str = "text",
             shown: bool = False, limit: int = MAX_NAME_CHARS) -> str | None:
        """A text value of at most ``limit`` characters; ``shown`` texts are published in
        download CSVs (no formula starts)."""
        value = self._get(key, shape)
        if value is None:
            return None
        if isinstance(value, str) and (message := length_problem(value.strip(), limit, shape)):
            self.problem(key, message)
            return None
        if not isinstance(value, str) or not value.strip() or (pattern and not pattern.match(value)):
            self.problem(key, f"expected {shape}, found {found(value)}")
            return None
        if shown and (message := formula_problem(value.strip())):
            self.problem(key, message)
            return None
        return value.strip()

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        shape = f"one of {', '.join(options)}"
        value = self.text(key, shape=shape)
        if value is not None and value not in options:
            self.problem(key, f"expected {shape}, found '{clip_text(value)}'{suggest(value, list(options))}")
            return None
        return value

    def items(self, key: str, what: str) -> Iterator[tuple[Any, int]]:
        """(item, line) for each entry of a required non-empty list."""
        value = self._get(key, f"a list of {what}")
        if value is None:
            return
        if not isinstance(value, YamlSeq) or not value:
            self.problem(key, f"expected a non-empty list of {what}, found {found(value)}")
            return
        yield from zip(value, value.item_lines)

    def mapping(self, key: str, what: str) -> YamlMap | None:
        value = self._get(key, what)
        if value is None:
            return None
        if not isinstance(value, YamlMap):
            self.problem(key, f"expected {what}, found {found(value)}")
            return None
        return value


def top_list(log: FileLog, path: Path, key: str, noun: str) -> list[tuple[Any, int]] | None:
    """The non-empty list under the file's single top-level key, or ``None`` if unusable."""
    data = read_yaml(log, path)
    if data is UNREADABLE:
        return None
    if data is None:
        log.add(1, key, f"expected a mapping with the key '{key}', found an empty file")
        return None
    top = Fields(log, data, 1, f"a file with the key '{key}'", (key,))
    if not top.valid or key not in top.map:
        if top.valid:
            top.problem(key, f"expected the top-level key '{key}', found nothing")
        return None
    value = top.map[key]
    if not isinstance(value, YamlSeq) or not value:
        top.problem(key, f"expected a non-empty list of {noun}, found {found(value)}")
        return None
    return list(zip(value, value.item_lines))


# ---------------------------------------------------------------------------------------
# CSV


class CsvRows:
    """The rows of one CSV input file, each with the line it starts on, read as a stream.

    The file is opened by ``files.open_input`` (inside the run's root, a regular file, at
    most ``files.MAX_CSV_BYTES``) and read with ``csv``'s strict dialect. Reading stops at the
    first problem of the stream, which is one problem naming its line: a byte that is not
    UTF-8 (and its column), a line longer than ``files.MAX_LINE_BYTES``, a quote that is
    never closed (the line and column where it opens), a cell longer than ``csv``'s field
    limit (the line the row starts on), other CSV syntax. ``close`` releases the file.
    """

    def __init__(self, log: FileLog, handle: BinaryIO):
        self.log, self.handle = log, handle
        self.reader = csv.reader(files.text_lines(handle), strict=True)

    @classmethod
    def open(cls, log: FileLog, path: Path) -> CsvRows | None:
        """The rows of ``path``, or None after logging why it cannot be opened."""
        try:
            return cls(log, files.open_input(path, log.problems.root, "a CSV file", files.MAX_CSV_BYTES))
        except files.Refused as why:
            log.add(why.line, "", why.message)
            return None

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self.reader
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except files.Refused as why:
                self.log.add(why.line, "", why.message)
                return
            except csv.Error as exc:
                self._syntax(exc, start)
                return
            yield start, cells

    def close(self) -> None:
        self.handle.close()

    def _syntax(self, exc: csv.Error, start: int) -> None:
        text, end = str(exc), self.reader.line_num
        if "end of data" in text or "field limit" in text:
            line, column = self._open_quote(start, end)
            if column is not None and "end of data" in text:
                self.log.add(line, "", f"expected each quoted cell to be closed, found a quote at column {column} "
                                       "that opens a cell and is never closed")
            elif column is not None:
                self.log.add(line, "", f"expected each quoted cell to be closed within {csv.field_size_limit():,} "
                                       f"characters, found a quote at column {column} that opens a longer cell")
            else:
                self.log.add(start, "", f"expected cells of at most {csv.field_size_limit():,} characters, "
                                        "found a longer cell")
        elif "expected after" in text:
            self.log.add(end, "", "expected a comma or the end of the line after a closing quote, found more text "
                                  '(a quote inside a quoted cell is written "")')
        else:
            self.log.add(end, "", f"expected CSV text, found a syntax error: {clip_text(text, 120)}")

    def _open_quote(self, start: int, end: int) -> tuple[int, int | None]:
        """(line, column) of the quote that opens a cell still open at line ``end`` in the row
        that starts on line ``start`` (read again: only on this error path), or (start, None)."""
        opened: tuple[int, int | None] = (start, None)
        try:
            self.handle.seek(0)
            lines = itertools.islice(files.text_lines(self.handle), start - 1, end)
            quoted = False
            for number, text in enumerate(lines, start):
                i, at_field_start = 0, not quoted
                while i < len(text):
                    if quoted:
                        j = text.find('"', i)
                        if j < 0:
                            break
                        if text.startswith('""', j):
                            i = j + 2
                        else:
                            quoted, opened, i = False, (start, None), j + 1
                    elif at_field_start and text[i] == '"':
                        quoted, opened, i = True, (number, i + 1), i + 1
                    else:
                        j = text.find(",", i)
                        if j < 0:
                            break
                        i, at_field_start = j + 1, True
                        continue
                    at_field_start = False
        except (OSError, files.Refused):
            pass
        return opened


def csv_rows(log: FileLog, path: Path) -> list[tuple[int, list[str]]]:
    """Every row of a small CSV file with the line it starts on (header included); a file
    that cannot be read or parsed is one problem and gives the rows read before it."""
    rows = CsvRows.open(log, path)
    if rows is None:
        return []
    try:
        return list(rows)
    finally:
        rows.close()


# ---------------------------------------------------------------------------------------
# CSV, streamed in chunks

CHUNK_ROWS = 50_000


@dataclass(frozen=True)
class CsvChunk:
    """Up to ``CHUNK_ROWS`` data rows: their line numbers and stripped text per known column."""

    lines: np.ndarray
    cells: pd.DataFrame  # columns = the known columns of the header, str values
    empties: dict[str, np.ndarray] = field(default_factory=dict)

    def column(self, name: str) -> pd.Series:
        """A column's cells ("" where the header does not have it)."""
        if name in self.cells.columns:
            return self.cells[name]
        return pd.Series("", index=self.cells.index, dtype=object)

    def empty(self, name: str) -> np.ndarray:
        """Which cells of a column are empty (all of them where the header lacks it); once per chunk."""
        if name not in self.empties:
            if name in self.cells.columns:
                self.empties[name] = (self.cells[name].to_numpy() == "")
            else:
                self.empties[name] = np.ones(len(self.lines), dtype=bool)
        return self.empties[name]


@dataclass
class CsvTable:
    """An open CSV file: its header, then its rows in chunks (read lazily, once)."""

    columns: frozenset[str]
    chunks: Iterator[CsvChunk]


def check_header(log: FileLog, header: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """Missing, unknown (probably misspelt) and repeated columns, in linear time."""
    known = list(required + optional)
    known_set, seen = set(known), set()
    for index, name in enumerate(header):
        if not name:
            log.add(1, "", f"expected a column name, found an empty header cell (column {index + 1})")
        elif name in seen:
            log.add(1, clip_text(name), f"expected each column once, found '{clip_text(name)}' again")
        elif name not in known_set:
            log.add(1, clip_text(name), "" if log.full else unknown(name, known, "column"))
        seen.add(name)
    for name in required:
        if name not in seen:
            log.add(1, name, f"expected a column '{name}' in the header, found none")


def open_csv(log: FileLog, path: Path, required: tuple[str, ...], optional: tuple[str, ...],
             chunk_rows: int = CHUNK_ROWS) -> CsvTable | None:
    """The header and a lazy iterator of row chunks, or ``None`` without a usable header.

    Rows are streamed (``CsvRows``), so memory does not grow with the file; a blank line is
    skipped, a row with the wrong number of cells is one problem, and reading stops at the
    first undecodable byte or CSV syntax error (one problem naming its line).
    """
    rows = CsvRows.open(log, path)
    if rows is None:
        return None
    stream = iter(rows)
    before = log.problems.errors
    first = next(stream, (1, []))[1]
    header = [name.strip() for name in first]
    if not any(header):
        rows.close()
        if log.problems.errors == before:  # else the stream's problem (on line 1) says why
            log.add(1, "", f"expected a header line with the column names, "
                           f"found {'an empty line' if first else 'an empty file'}")
        return None
    check_header(log, header, required, optional)
    known = set(required + optional)
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        if name in known:
            positions.setdefault(name, index)
    return CsvTable(frozenset(header), _chunks(log, rows, stream, len(header), positions, chunk_rows))


def _chunks(log: FileLog, rows: CsvRows, stream: Iterator[tuple[int, list[str]]], width: int,
            positions: dict[str, int], chunk_rows: int) -> Iterator[CsvChunk]:
    names, index = list(positions), list(positions.values())
    kept: list[list[str]] = []
    lines: list[int] = []
    widths: dict[int, list[int]] = {}
    try:
        for line, cells in stream:
            if len(cells) != width:
                if any(c.strip() for c in cells):
                    widths.setdefault(len(cells), []).append(line)
                continue
            kept.append([cells[i] for i in index])
            lines.append(line)
            if len(kept) >= chunk_rows:
                yield _chunk(kept, lines, names)
                kept, lines = [], []
        if kept:
            yield _chunk(kept, lines, names)
    finally:
        rows.close()
        for n, where in sorted(widths.items()):
            log.add_lines(where, "", f"expected {width} cells (one per column), found {n}")


_PADDING = ("\x00 ", " \x00", "\x00\t", "\t\x00")


def _chunk(rows: list[list[str]], lines: list[int], names: list[str]) -> CsvChunk:
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    for name in names:
        joined = "\x00" + "\x00".join(frame[name].tolist()) + "\x00"
        if any(pad in joined for pad in _PADDING):  # strip only columns where some cell is padded
            frame[name] = frame[name].str.strip()
    blank = (frame.to_numpy() == "").all(axis=1) if len(names) else np.zeros(len(frame), dtype=bool)
    line_array = np.asarray(lines, dtype=np.int64)
    if blank.any():
        frame, line_array = frame.loc[~blank].reset_index(drop=True), line_array[~blank]
    return CsvChunk(line_array, frame)


def number_column(log: FileLog, chunk: CsvChunk, name: str, rng: Range, required: bool,
                  present: bool) -> tuple[np.ndarray, np.ndarray]:
    """(values, ok) of one numeric column of a chunk: NaN where empty or wrong.

    Every wrong cell is one problem (cells with the same text fold into one line); an
    empty cell is a problem only when ``required`` and the header has the column.
    """
    text = chunk.column(name)
    empty = chunk.empty(name)
    values = pd.to_numeric(text.where(~empty), errors="coerce").to_numpy(dtype=float)
    well_formed = ~empty & ~np.isnan(values)  # to_numeric takes plain decimals and inf/nan only
    malformed = ~empty & ~well_formed
    in_range = rng.mask(values)
    outside = well_formed & ~in_range
    log.add_by_value(name, text, malformed, chunk.lines,
                     lambda cell: f"expected {rng.describe()} written as a plain decimal like 1234.82, "
                                  f"found '{clip_text(cell)}'")
    log.add_by_value(name, text, outside, chunk.lines,
                     lambda cell: rng.problem(float(cell), clip_text(cell)) or f"expected {rng.describe()}, found {cell}")
    if required and present and empty.any():
        log.add_lines(chunk.lines[empty], name, f"expected {rng.describe()}, found an empty cell")
    ok = ~malformed & ~outside & ~(empty & required)
    values = np.where(well_formed & in_range, values, np.nan)
    return values, ok


def by_value(text: pd.Series, mask: np.ndarray, lines: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """(cell text, its lines) for each distinct text among the masked cells, first seen first."""
    if not mask.any():
        return
    cells = text.to_numpy()[mask].astype(str)
    picked = lines[mask]
    values, first, inverse = np.unique(cells, return_index=True, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(len(values) + 1))
    for index in np.argsort(first, kind="stable"):
        yield str(values[index]), picked[order[bounds[index]:bounds[index + 1]]]


def display_path(path: Path, root: Path, name: str) -> str:
    """``data/measurements/tx2.csv``: ``path`` shown under ``name`` (its root's display name)."""
    try:
        return (Path(name) / path.relative_to(root)).as_posix()
    except ValueError:
        return path.as_posix()

