"""``data/`` -> a validated :class:`~generator.records.Dataset`: the domain rules.

The specifications are read in the order they refer to each other -- precisions, tasks,
platforms (peaks per precision), networks (of a task, accuracy per precision) -- then the
measurements and power traces, which refer to all of them. A specification entry with a
problem keeps its id as *broken*: rows that name it are not reported again, so one root
cause gives one problem. Measurement and trace files are streamed in chunks and checked
column by column, so a million runs (or a 200 MB file of bad rows) take seconds and
bounded memory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from generator.formatting import fmt_written
from generator.inputs import files
from generator.inputs.checks import (
    MAX_DESCRIPTION_CHARS,
    MAX_ID_CHARS,
    CsvChunk,
    Fields,
    FileLog,
    Problems,
    YamlMap,
    YamlSeq,
    by_value,
    clip_text,
    display_path,
    formula_problem,
    found,
    length_problem,
    number_column,
    open_csv,
    suggest,
    top_list,
    unknown,
    yaml_number_problem,
)
from generator.errors import UsageError
from generator.memo import Memo
from generator.model.layers import MERGES, OP_KINDS, SIZED, class_outputs, expand, ops_gop, weights_m
from generator.records import (
    MAX_NOTE_CHARS,
    MAX_SOURCE_CHARS,
    MEASUREMENT_COLUMNS,
    MEASUREMENT_FILE,
    MEASUREMENT_KEY,
    MEASUREMENT_NOTE,
    MEASUREMENT_SOURCE,
    MEASUREMENT_VALUES,
    PLATFORM_KINDS,
    POWER_SCOPES,
    SITE_NAMES,
    SWEEPS,
    PERCENT,
    POWER_W,
    PRUNING,
    TRACE_COLUMNS,
    TRACE_FILE,
    TRACE_FILE_COLUMNS,
    Accuracy,
    Architecture,
    Block,
    Branches,
    Dataset,
    Mode,
    Network,
    Op,
    Platform,
    Precision,
    Range,
    Task,
    Variant,
    count,
    non_negative,
    positive,
)

SLUG = re.compile(r"[a-z0-9][a-z0-9.-]*\Z")
PRECISION_ID = re.compile(r"[A-Za-z0-9]+\Z")
COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")
SLUG_SHAPE = "a lower-case slug (a-z, 0-9, '.', '-')"
PRECISION_SHAPE = "a name of letters and digits like INT8"

# Every number has an upper bound (nothing overflows or wraps later) and every positive one
# a smallest magnitude (nothing divides into infinity). The bounds are far beyond any real
# device or network, so they only catch typing and unit mistakes.
BITS = positive(256, tiny=1e-3)
ELEMENTS = count(1e12)
PEAK_TOPS = positive(1e6, tiny=1e-9)
BANDWIDTH_GBPS = positive(1e7, tiny=1e-9)
MEMORY_GB = positive(1e9, tiny=1e-9)
ONCHIP_MB = non_negative(1e7)
OPS_GOP = positive(1e9)
WEIGHTS_M = positive(1e9)
CHANNELS = count(1e9)
PADDING = Range(0, 1e9, integer=True)
REPEAT = count(10_000)
MAX_LAYERS = 100_000  # layers of one network once its blocks are repeated

# latency x throughput / batch of one run is about 1 (a call of `batch` inputs takes the
# latency). Beyond this factor either way the two disagree: a warning, unless the run's note
# says why (a known case, such as a pipeline that overlaps consecutive inputs).
CONSISTENCY_FACTOR = 1.5
# Rows are kept for the cross-file checks (repeated runs) until this many problems were
# found; beyond, the report is long already and memory must not grow with a flood of bad rows.
KEEP_ROWS_UNTIL = 1000


# ---------------------------------------------------------------------------------------
# What the specifications declare


@dataclass
class Known:
    """The records of one specification file by id, to check references to them.

    ``by_id`` is None when the file could not be used: references to it are then not
    checked. ``broken`` ids were declared with a problem: references to them are not
    reported again.
    """

    file: str
    noun: str
    by_id: dict[str, Any] | None
    broken: set[str] = field(default_factory=set)

    def get(self, key: Any) -> Any:
        return None if self.by_id is None else self.by_id.get(key)

    def unknown(self, key: Any) -> str | None:
        """Why ``key`` is not an id of this file, or None (also for broken ids)."""
        if self.by_id is None or key in self.by_id or key in self.broken:
            return None
        return unknown(str(key), list(self.by_id), f"{self.noun} id from {self.file}")

    def usable(self, key: Any) -> bool:
        return self.by_id is not None and key in self.by_id


@dataclass(frozen=True)
class Catalog:
    precisions: Known
    tasks: Known
    platforms: Known
    networks: Known


class _Ids:
    """Unique ids of one list: the first wins, a later copy is a problem naming both lines."""

    def __init__(self, log: FileLog, scope: str = ""):
        self.log, self.scope = log, scope
        self.seen: dict[Any, int] = {}

    def first(self, value: Any, line: int, field: str = "id") -> bool:
        if value in self.seen:
            shown = fmt_written(value) if isinstance(value, float) else f"'{value}'"
            self.log.add(line, field, f"expected a unique {field}{self.scope}, found {shown} again "
                                      f"(first at line {self.seen[value]})")
            return False
        self.seen[value] = line
        return True


def _known_keys(log: FileLog, table: YamlMap, field: str, precisions: Known):
    """(precision, value, line, field) per key of a per-precision mapping naming a known precision."""
    for key, value in table.items():
        line, name = table.key_lines[key], f"{field}.{clip_text(str(key))}"
        message = precisions.unknown(key)
        log.add_if(line, name, message)
        if message is None and precisions.usable(key):
            yield str(key), value, line, name


def _spec(log: FileLog, path: Path, key: str, noun: str, entry: Callable[..., tuple[str | None, Any, bool]],
          *refs: Known) -> Known:
    """Read a specification list; ``entry`` returns (id, record, broken) per item."""
    items = top_list(log, path, key, noun + "s")
    if items is None:
        return Known(log.file, noun, None)
    by_id: dict[str, Any] = {}
    known = Known(log.file, noun, by_id)
    ids = _Ids(log)
    for item, line in items:
        ident, record, broken = entry(log, item, line, *refs)
        if ident is None:
            continue
        if not ids.first(ident, line):
            continue
        if broken or record is None:
            known.broken.add(ident)
        else:
            by_id[ident] = record
    return known


# ---------------------------------------------------------------------------------------
# Specifications (YAML)


def _precision(log: FileLog, item: Any, line: int) -> tuple[str | None, Any, bool]:
    f = Fields(log, item, line, "a precision", ("id", "bits"))
    pid, bits = f.text("id", PRECISION_ID, PRECISION_SHAPE, limit=MAX_ID_CHARS), f.number("bits", BITS)
    return pid, (Precision(pid, float(bits)) if pid and bits is not None else None), f.broken


def _task(log: FileLog, item: Any, line: int) -> tuple[str | None, Any, bool]:
    f = Fields(log, item, line, "a task", ("id", "name", "input_elements", "output_elements"), ("description",))
    tid, name = f.text("id", SLUG, SLUG_SHAPE, limit=MAX_ID_CHARS), f.text("name", shown=True)
    if tid in SITE_NAMES:
        f.problem("id", f"expected a task id that is not a name the site uses for its own pages "
                        f"({', '.join(SITE_NAMES)}), found '{tid}'")
    inputs, outputs = f.number("input_elements", ELEMENTS), f.number("output_elements", ELEMENTS)
    description = f.text("description", shown=True, limit=MAX_DESCRIPTION_CHARS) or ""
    if tid is None or name is None or inputs is None or outputs is None:
        return tid, None, f.broken
    return tid, Task(tid, name, int(inputs), int(outputs), description), f.broken


def _peaks(m: Fields, precisions: Known) -> dict[str, float]:
    """``peak_tops``: TOP/s per known precision, each in range, at least one."""
    peaks = m.mapping("peak_tops", "a mapping of precision id -> peak TOP/s")
    if peaks is None:
        return {}
    if not peaks:
        m.problem("peak_tops", "expected at least one precision with its peak TOP/s, found an empty mapping")
    result = {}
    for precision, value, line, name in _known_keys(m.log, peaks, "peak_tops", precisions):
        message = yaml_number_problem(value, PEAK_TOPS)
        if message:
            m.broken = True
            m.log.add(line, name, message)
        else:
            result[precision] = float(value)
    return result


def _mode(log: FileLog, item: Any, line: int, several: bool, precisions: Known) -> tuple[str | None, Mode | None]:
    m = Fields(log, item, line, "a mode", ("peak_tops", "bandwidth_gbps"), ("id", "memory_gb", "power_w"))
    if not m.valid:
        return None, None
    mode_id = "" if m.map.get("id") in (None, "") else m.text("id", SLUG, SLUG_SHAPE, limit=MAX_ID_CHARS)
    if several and mode_id == "":
        m.problem("id", "expected a mode id: a platform with several modes names each one, found nothing")
        return None, None
    peaks = _peaks(m, precisions)
    bandwidth = m.number("bandwidth_gbps", BANDWIDTH_GBPS)
    memory, power = m.number("memory_gb", MEMORY_GB), m.number("power_w", POWER_W)
    if m.broken or mode_id is None or bandwidth is None:
        return mode_id, None
    return mode_id, Mode(mode_id, peaks, bandwidth, memory, power)


def _platform(log: FileLog, item: Any, line: int, precisions: Known) -> tuple[str | None, Any, bool]:
    f = Fields(log, item, line, "a platform", ("id", "name", "vendor", "kind", "modes"),
               ("description", "onchip_mb", "host_link_gbps", "sweep", "power_scope", "color", "note"))
    pid = f.text("id", SLUG, SLUG_SHAPE, limit=MAX_ID_CHARS)
    name, vendor = f.text("name", shown=True), f.text("vendor", shown=True)
    kind, description = f.choice("kind", PLATFORM_KINDS), f.text("description", shown=True, limit=MAX_DESCRIPTION_CHARS) or ""
    onchip = f.number("onchip_mb", ONCHIP_MB)
    link = f.number("host_link_gbps", BANDWIDTH_GBPS)
    sweep = f.choice("sweep", SWEEPS) if "sweep" in f.map else "batch"
    scope = f.choice("power_scope", POWER_SCOPES) if "power_scope" in f.map else None
    color = f.text("color", COLOR, "a colour like #1f77b4") if "color" in f.map else None
    note = f.text("note", shown=True, limit=MAX_NOTE_CHARS) or ""
    mode_items = list(f.items("modes", "modes"))
    modes, mode_ids, broken = [], _Ids(log, " among the modes"), False
    for mode_item, mode_line in mode_items:
        mode_id, mode = _mode(log, mode_item, mode_line, len(mode_items) > 1, precisions)
        if mode_id is None or not mode_ids.first(mode_id, mode_line):
            broken = True
            continue
        if mode is None:
            broken = True
        else:
            modes.append(mode)
    broken = broken or f.broken or not modes or sweep is None
    if broken or pid is None or name is None or vendor is None or kind is None or sweep is None:
        return pid, None, broken
    return pid, Platform(pid, name, vendor, kind, tuple(modes), description, onchip, color, host_link_gbps=link,
                         sweep=sweep, power_scope=scope, note=note), broken


def _accuracy(v: Fields, precisions: Known) -> dict[str, Accuracy]:
    """``accuracy``: published top-1 (required) and top-5 per known precision."""
    table = v.map.get("accuracy")
    if table is None:
        return {}
    if not isinstance(table, YamlMap):
        v.problem("accuracy", "expected a mapping of precision id -> {top1_pct, top5_pct}, found something else")
        return {}
    result = {}
    for precision, value, line, name in _known_keys(v.log, table, "accuracy", precisions):
        a = Fields(v.log, value, line, "top1_pct and top5_pct", ("top1_pct",), ("top5_pct",), name + ".")
        top1, top5 = a.number("top1_pct", PERCENT), a.number("top5_pct", PERCENT)
        v.broken = v.broken or a.broken
        if top1 is not None:
            result[precision] = Accuracy(top1, top5)
    return result


def _pair(f: Fields, key: str, rng: Range, default: tuple[int, int] | None) -> tuple[int, int] | None:
    """``kernel`` / ``stride`` / ``pad``: one integer (the same for height and width) or
    [height, width]; ``default`` when absent (None: absent, no problem)."""
    value = f.map.get(key)
    if value is None:
        return default
    pair = list(value) if isinstance(value, list) else [value, value]
    if len(pair) != 2 or any(yaml_number_problem(v, rng) for v in pair):
        f.problem(key, f"expected {rng.describe()} or a pair [height, width] of them, found {found(value)}")
        return None
    return int(pair[0]), int(pair[1])


# The keys each layer kind may have besides its own (whose value is its size: output channels
# of a conv, neurons of a dense layer, the kernel of a depthwise conv or a pooling layer).
_OP_KEYS = {"conv": ("kernel", "stride", "pad", "groups", "name"), "dwconv": ("stride", "pad", "name"),
            "dense": ("name",), "maxpool": ("stride", "pad", "name"), "avgpool": ("stride", "pad", "name")}
_LAYER_SHAPE = ("a layer ({conv: 64, kernel: 3}, {dwconv: 3}, {dense: 1000}, {maxpool: 2}, {avgpool: global}), "
                "a block {repeat, layers} or {branches, merge}")


@dataclass
class _LayerLines:
    """Where each node of a network's layers is written: its path -> (line, field prefix)."""

    prefix: str = ""  # of the field names in problems (the network's own prefix)
    lines: dict[tuple[int, ...], int] = field(default_factory=dict)
    count: int = 0  # layers once repeats are unrolled (merges included), to bound the work


def _layer_node(log: FileLog, item: Any, line: int, path: tuple[int, ...], where: _LayerLines) -> tuple[Any, bool]:
    """(node, ok) of one entry of a ``layers`` list (or of a block's or branch's list)."""
    where.lines[path] = line
    if isinstance(item, YamlMap) and "branches" in item:
        f = Fields(log, item, line, "branches", ("branches", "merge"), ("repeat", "name"), where.prefix + "layers.")
        repeat = f.number("repeat", REPEAT) if "repeat" in f.map else 1
        merge = f.choice("merge", MERGES)
        name = f.text("name", shape="a layer name", shown=True) if "name" in f.map else ""
        value = f.map.get("branches")
        before = where.count
        branches, ok = [], True
        if not isinstance(value, YamlSeq) or len(value) < 2:
            f.problem("branches", f"expected a list of at least two branches (lists of layers; [] is the identity), "
                                  f"found {found(value)}")
            ok = False
        else:
            for number, (branch, branch_line) in enumerate(zip(value, value.item_lines)):
                if not isinstance(branch, YamlSeq):
                    log.add(branch_line, where.prefix + "layers.branches", f"expected a branch: a list of layers ([] is the "
                                                            f"identity), found {found(branch)}")
                    ok = False
                    continue
                nodes: list[Any] = []
                for sub, sub_line in zip(branch, branch.item_lines):
                    node, good = _layer_node(log, sub, sub_line, path + (number, len(nodes)), where)
                    ok = ok and good
                    nodes.append(node)
                branches.append(tuple(nodes))
        where.count += 1
        if repeat is not None and repeat > 1:
            where.count += (where.count - before) * (int(repeat) - 1)
        good = ok and not f.broken and merge is not None and name is not None and repeat is not None
        return (Branches(tuple(branches), merge, name, int(repeat))
                if good and merge is not None and name is not None and repeat is not None else None), good
    if isinstance(item, YamlMap) and ("layers" in item or "repeat" in item):
        f = Fields(log, item, line, "a block", ("layers",), ("repeat", "name"), where.prefix + "layers.")
        repeat = f.number("repeat", REPEAT) if "repeat" in f.map else 1
        name = f.text("name", shape="a layer name", shown=True) if "name" in f.map else ""
        before = where.count
        nodes, ok = _layer_list(log, f, "layers", path, where)
        if repeat is not None and repeat > 1:
            where.count += (where.count - before) * (int(repeat) - 1)
        good = ok and not f.broken and repeat is not None and name is not None
        return (Block(tuple(nodes), int(repeat), name) if good and repeat is not None and name is not None
                else None), good
    kinds = [key for key in item if key in OP_KINDS] if isinstance(item, YamlMap) else []
    if len(kinds) != 1:
        if kinds:
            what = f"{len(kinds)} layer kinds ({', '.join(map(str, kinds))})"
        elif isinstance(item, YamlMap) and item:
            what = f"a mapping of {clip_text(', '.join(map(str, item)))}"
        else:
            what = found(item)
        log.add(line, where.prefix + "layers", f"expected {_LAYER_SHAPE}, found {what}")
        return None, False
    kind = str(kinds[0])
    f = Fields(log, item, line, "a layer", (kind,), _OP_KEYS[kind], where.prefix + "layers.")
    size, kernel = None, None
    if kind in SIZED:
        size = f.number(kind, CHANNELS)
        ok = size is not None
    elif f.map.get(kind) == "global" and kind != "dwconv":
        ok = True
    elif isinstance(f.map.get(kind), str) and kind != "dwconv":
        f.problem(kind, f"expected a kernel size (an integer >= 1 or [height, width]) or global, "
                        f"found {found(f.map.get(kind))}")
        ok = False
    else:
        kernel = _pair(f, kind, CHANNELS, None)
        ok = kernel is not None
    if kind == "conv":
        kernel = _pair(f, "kernel", CHANNELS, None)
        if kernel is None and "kernel" not in f.map:
            f.problem("kernel", "expected the kernel size of the conv (an integer >= 1 or [height, width]), "
                                "found nothing")
    stride = _pair(f, "stride", CHANNELS, None)
    pad = _pair(f, "pad", PADDING, (0, 0))
    groups = f.number("groups", CHANNELS) if "groups" in f.map else 1
    name = f.text("name", shape="a layer name", shown=True) if "name" in f.map else ""
    where.count += 1
    if f.broken or not ok or pad is None or groups is None or name is None or (kind == "conv" and kernel is None):
        return None, False
    return Op(kind, int(size) if size is not None else None, kernel, stride, pad, int(groups), name), True


def _layer_list(log: FileLog, f: Fields, key: str, path: tuple[int, ...], where: _LayerLines) -> tuple[list[Any], bool]:
    nodes: list[Any] = []
    ok = True
    for item, line in f.items(key, "layers"):
        node, good = _layer_node(log, item, line, path + (len(nodes),), where)
        ok = ok and good
        nodes.append(node)
    return nodes, ok and not f.broken


def architecture(f: Fields, tasks: Known, task: str | None) -> tuple[Architecture | None, _LayerLines]:
    """``input`` and ``layers``: the unpruned network (None if absent or broken); shape
    problems of the unpruned network are reported at the layer they stop at."""
    where = _LayerLines(f.prefix)
    if "layers" not in f.map:
        if "input" in f.map:
            f.problem("input", "expected no input without layers (it is the shape the layers start from)")
        return None, where
    shape = f.map.get("input")
    dims = list(shape) if isinstance(shape, list) else None
    if dims is None or len(dims) != 3 or any(yaml_number_problem(v, CHANNELS) for v in dims):
        f.problem("input", f"expected the shape of one input, [height, width, channels] (integers >= 1), "
                           f"found {found(shape) if 'input' in f.map else 'nothing'}")
    nodes, ok = _layer_list(f.log, f, "layers", (), where)
    if where.count > MAX_LAYERS:
        f.problem("layers", f"expected at most {MAX_LAYERS:,} layers once blocks are repeated, found {where.count:,}")
    if f.broken or not ok or dims is None:
        f.broken = True
        return None, where
    arch = Architecture((int(dims[0]), int(dims[1]), int(dims[2])), tuple(nodes))
    expansion = expand(arch)
    for shape_problem in expansion.problems:
        f.log.add(where.lines.get(shape_problem.path, f.line("layers")), f"{f.prefix}layers.{shape_problem.field}",
                  f"expected a layer that fits the shape reaching it, found {shape_problem.message}")
    outputs = class_outputs(arch)
    record = tasks.get(task) if task is not None else None
    if record is not None and outputs is not None and outputs != record.output_elements:
        f.problem("layers", f"expected the last conv or dense layer to give the {record.output_elements} outputs of "
                            f"task '{task}', found {outputs}")
    if expansion.problems or f.broken:
        f.broken = True
        return None, where
    return arch, where


def _from_layers(v: Fields, arch: Architecture, pruning: float) -> tuple[float, float] | None:
    """(ops_gop, weights_m) of a variant computed from its network's layers."""
    expansion = expand(arch, pruning)
    if expansion.problems:
        first = expansion.problems[0]
        v.problem("pruning_pct", f"expected a pruning_pct that keeps a whole number of channels in every layer, "
                                 f"found {fmt_written(pruning)} ({first.message})")
        return None
    return ops_gop(expansion.layers), weights_m(expansion.layers)


def _network(log: FileLog, item: Any, line: int, tasks: Known, precisions: Known) -> tuple[str | None, Any, bool]:
    f = Fields(log, item, line, "a network", ("id", "name", "task", "variants"),
               ("description", "input", "layers", "note"))
    nid, name = f.text("id", SLUG, SLUG_SHAPE, limit=MAX_ID_CHARS), f.text("name", shown=True)
    task = f.text("task", SLUG, "a task id", limit=MAX_ID_CHARS)
    if task is not None and (message := tasks.unknown(task)):
        f.problem("task", message)
    description = f.text("description", shown=True, limit=MAX_DESCRIPTION_CHARS) or ""
    note = f.text("note", shown=True, limit=MAX_NOTE_CHARS) or ""
    arch, _ = architecture(f, tasks, task)
    layered = "layers" in f.map  # even with broken layers, the variants are not asked for totals
    variants, levels = [], _Ids(log, f" within {nid}" if nid else " within the network")
    broken = False
    for v_item, v_line in f.items("variants", "variants"):
        counted = ("pruning_pct",) if layered else ("pruning_pct", "ops_gop", "weights_m")
        v = Fields(log, v_item, v_line, "a variant", counted, ("accuracy", "ops_gop", "weights_m"))
        pruning = v.number("pruning_pct", PRUNING)
        computed = layered and "ops_gop" not in v.map and "weights_m" not in v.map
        if computed:
            sizes = _from_layers(v, arch, pruning) if pruning is not None and arch is not None else None
            ops, weights = sizes if sizes else (None, None)
        else:
            if layered and ("ops_gop" in v.map) != ("weights_m" in v.map):
                given, missing = ("ops_gop", "weights_m") if "ops_gop" in v.map else ("weights_m", "ops_gop")
                v.problem(missing, f"expected {missing} next to {given} (a variant of a network with layers gives "
                                   "both published totals, or neither to have them computed), found nothing")
            ops, weights = v.number("ops_gop", OPS_GOP), v.number("weights_m", WEIGHTS_M)
        accuracy = _accuracy(v, precisions)
        if pruning is None or not levels.first(pruning, v.line("pruning_pct"), "pruning_pct"):
            broken = True
            continue
        if v.broken or ops is None or weights is None:
            broken = True
            continue
        variants.append(Variant(pruning, ops, weights, accuracy, from_layers=computed))
    broken = broken or f.broken or not variants or not tasks.usable(task)
    if broken or nid is None or name is None or task is None:
        return nid, None, True
    return nid, Network(nid, name, task, tuple(variants), description, arch, note), False


# ---------------------------------------------------------------------------------------
# Measurements (CSV)

# From the column table (records.MEASUREMENT_FILE): the ids, what a file must have, the numbers' ranges.
_M_IDS = tuple(c.name for c in MEASUREMENT_FILE if c.type == "id" and c.required == "yes")
_M_REQUIRED = tuple(c.name for c in MEASUREMENT_FILE if c.required == "yes")
_M_RANGES: dict[str, Range] = {c.name: c.range for c in MEASUREMENT_FILE if c.range is not None}
_M_OPTIONAL = tuple(c for c in MEASUREMENT_COLUMNS if c not in _M_REQUIRED)
_M_TEXT = (MEASUREMENT_NOTE,)
_NEITHER = "lat_comp_ms/fps_comp"
_COMBO = ("task", "platform", "mode", "precision", "network", "pruning_pct")


def _resolve_mode(platform: Platform, mode_id: str) -> tuple[str | None, str | None]:
    """(mode id as stored, problem): an empty cell means the only mode of a single-mode platform."""
    ids = [m.id for m in platform.modes]
    if len(ids) == 1:
        if mode_id in ("", ids[0]):
            return ids[0], None
        named = f" or '{ids[0]}'" if ids[0] else ""
        return None, f"expected an empty cell{named} ({platform.id} has a single mode), found '{clip_text(mode_id)}'"
    if mode_id in ids:
        return mode_id, None
    expected = f"expected a mode of {platform.id} ({', '.join(ids)})"
    if mode_id == "":
        return None, f"{expected}, found an empty cell"
    return None, f"{expected}, found '{clip_text(mode_id)}'{suggest(mode_id, ids)}"


def _combo_problems(combo: tuple, cat: Catalog) -> tuple[str | None, list[tuple[str, str]]]:
    """(resolved mode, [(field, message)]) for one distinct (task, platform, mode, precision,
    network, pruning_pct): every reference a run makes to the specifications."""
    task, platform_id, mode_cell, precision, network_id, pruning = combo
    out: list[tuple[str, str]] = []
    for name, known, value in (("task", cat.tasks, task), ("precision", cat.precisions, precision),
                               ("platform", cat.platforms, platform_id), ("network", cat.networks, network_id)):
        message = known.unknown(value)
        if message:
            out.append((name, message))
    mode_id, mode = None, None
    platform = cat.platforms.get(platform_id)
    if platform is not None:
        mode_id, message = _resolve_mode(platform, mode_cell)
        if message:
            out.append(("mode", message))
        else:
            mode = platform.mode(mode_id)
    network = cat.networks.get(network_id)
    if network is not None and cat.tasks.usable(task) and network.task != task:
        out.append(("network", f"expected a network of task '{task}', "
                               f"found '{network.id}' (a network of task '{network.task}')"))
    elif network is not None and network.variant(pruning) is None:
        levels = ", ".join(fmt_written(v.pruning_pct) for v in network.variants)
        out.append(("pruning_pct", f"expected a pruning_pct of {network.id} ({levels}), found {fmt_written(pruning)}"))
    if mode is not None and cat.precisions.usable(precision) and precision not in mode.peak_tops:
        label = platform_id + (f" mode {mode.id}" if mode.id else "")
        supported = ", ".join(p for p in (cat.precisions.by_id or {}) if p in mode.peak_tops)
        out.append(("precision", f"expected a precision that {label} supports ({supported}), found {precision}"))
    return mode_id, out


def _ids(log: FileLog, chunk: CsvChunk, names: tuple[str, ...], columns: frozenset[str]) -> np.ndarray:
    """Required id cells: an empty one is a problem. Returns the rows with all ids given."""
    ok = np.ones(len(chunk.lines), dtype=bool)
    for name in names:
        empty = chunk.empty(name)
        if name in columns and empty.any():
            log.add_lines(chunk.lines[empty], name, f"expected a {name} id, found an empty cell")
        ok &= ~empty
    return ok


def _measurement_chunk(log: FileLog, chunk: CsvChunk, columns: frozenset[str], cat: Catalog,
                       combos: dict[tuple, tuple[str | None, list[tuple[str, str]]]]) -> pd.DataFrame:
    """The runs of one chunk as a typed frame; every problem logged with its lines."""
    lines = chunk.lines
    ok = _ids(log, chunk, _M_IDS, columns)
    values = {}
    for name, rng in _M_RANGES.items():
        values[name], good = number_column(log, chunk, name, rng, name in _M_REQUIRED, name in columns)
        if name in ("pruning_pct", "batch", "repeat"):
            ok &= good & (~np.isnan(values[name]) | (name == "repeat"))
    values["repeat"] = np.where(np.isnan(values["repeat"]) & chunk.empty("repeat"),
                                1.0, values["repeat"])
    if {"lat_comp_ms", "fps_comp"} & columns:
        neither = chunk.empty("lat_comp_ms") & chunk.empty("fps_comp")
        if neither.any():
            log.add_lines(lines[neither], _NEITHER, "expected lat_comp_ms or fps_comp (a run measures one), "
                                                    "found both cells empty")
    frame = pd.DataFrame({name: chunk.column(name).to_numpy() for name in ("task", "platform", "mode", "precision",
                                                                             "network")})
    for name in _M_RANGES:
        frame[name] = values[name]
    frame[MEASUREMENT_NOTE] = _notes(log, chunk)
    frame["source"] = _sources(log, chunk)
    frame["source_row"] = lines
    frame = frame.loc[ok].reset_index(drop=True)
    if len(frame):
        frame["mode"] = _check_references(log, frame, cat, combos)
        _check_consistency(log, frame)
    return frame


def _sources(log: FileLog, chunk: CsvChunk) -> np.ndarray:
    """The ``source`` cells (where a run comes from), stripped; a cell too long or read as a
    formula by a spreadsheet (it is published in measurements.csv) is a problem and ""."""
    cells = chunk.column("source").to_numpy(dtype=object).copy()
    for value in set(cells):
        message = length_problem(value, MAX_SOURCE_CHARS) or formula_problem(value)
        if message:
            bad = cells == value
            log.add_lines(chunk.lines[bad], "source", message)
            cells[bad] = ""
    return cells


def _check_references(log: FileLog, frame: pd.DataFrame, cat: Catalog,
                      combos: dict[tuple, tuple[str | None, list[tuple[str, str]]]]) -> pd.Series:
    """Problems of every distinct combination of ids, logged on all its lines; resolved modes."""
    modes = frame["mode"].to_numpy(dtype=object).copy()
    lines = frame["source_row"].to_numpy()
    for group, rows in frame.groupby(list(_COMBO), sort=False, dropna=False).indices.items():
        combo = cast(tuple[Any, ...], group)
        if combo not in combos:
            combos[combo] = _combo_problems(combo, cat)
        mode_id, problems = combos[combo]
        for name, message in problems:
            log.add_lines(lines[rows], name, message)
        if mode_id is not None:
            modes[rows] = mode_id
    return pd.Series(modes, index=frame.index, dtype=object)


def _notes(log: FileLog, chunk: CsvChunk) -> np.ndarray:
    """The ``note`` cells: text of at most ``MAX_NOTE_CHARS`` that no spreadsheet would run."""
    notes = chunk.column(MEASUREMENT_NOTE).to_numpy(dtype=object)
    for text, rows in by_value(chunk.column(MEASUREMENT_NOTE), ~chunk.empty(MEASUREMENT_NOTE), chunk.lines):
        message = length_problem(text, MAX_NOTE_CHARS, "a note") or formula_problem(text)
        if message:
            log.add_lines(rows, MEASUREMENT_NOTE, message)
    return notes


def consistency_ratio(lat_comp_ms: Any, fps_comp: Any, batch: Any) -> np.ndarray:
    """``lat_comp_ms x fps_comp / 1000 / batch`` of each run: 1 when a call of ``batch`` inputs
    takes the latency and the throughput follows from it (NaN where either is not measured)."""
    with np.errstate(invalid="ignore"):
        return np.asarray(lat_comp_ms, dtype=float) * np.asarray(fps_comp, dtype=float) / 1000.0 \
            / np.asarray(batch, dtype=float)


def inconsistent(ratio: np.ndarray) -> np.ndarray:
    """Where latency and throughput disagree by more than ``CONSISTENCY_FACTOR`` either way."""
    with np.errstate(invalid="ignore"):
        return (ratio > CONSISTENCY_FACTOR) | (ratio < 1.0 / CONSISTENCY_FACTOR)


def _check_consistency(log: FileLog, frame: pd.DataFrame) -> None:
    """Warn, with the ratio, where a run's latency and throughput disagree by more than
    ``CONSISTENCY_FACTOR``, unless its note acknowledges it."""
    ratio = consistency_ratio(frame["lat_comp_ms"], frame["fps_comp"], frame["batch"])
    far = inconsistent(ratio) & (frame[MEASUREMENT_NOTE].to_numpy(dtype=object) == "")
    lines = frame["source_row"].to_numpy()
    for shown in sorted({f"{r:.3g}" for r in ratio[far]}, key=float):
        rows = lines[far][np.array([f"{r:.3g}" == shown for r in ratio[far]])]
        log.warn_lines(rows, "lat_comp_ms",
                       f"expected lat_comp_ms x fps_comp / 1000 / batch within {1 / CONSISTENCY_FACTOR:.3g}.."
                       f"{CONSISTENCY_FACTOR:g} (the latency of a batch and the throughput of the same run agree), "
                       f"found {shown} (give the run a note if this is a known case)")


def _csv_files(problems: Problems, folder: Path, display: Callable[[Path], str], what: str) -> list[Path]:
    """The entries named ``*.csv`` (any case) of ``folder``, name order, whatever they are
    (reading one says when it is not a regular file inside the project); a folder or any
    other name is a problem. Hidden entries (``.gitkeep``) are ignored."""
    paths: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: (entry.name.lower(), entry.name))
    except OSError as exc:
        problems.add(display(folder), None, "", f"expected a readable folder, found {exc.strerror or exc}")
        return paths
    for entry in listed:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if path.suffix.lower() == ".csv" and not entry.is_dir(follow_symlinks=False):
            paths.append(path)
        else:
            kind = "a folder" if entry.is_dir(follow_symlinks=False) else f"'{clip_text(entry.name)}'"
            problems.add(display(path), None, "", f"expected only {what} files (*.csv) in {display(folder)}/, "
                                                  f"found {kind} (move it elsewhere)")
    return paths


def _folder(problems: Problems, folder: Path, display: Callable[[Path], str], required: bool) -> bool:
    """Whether ``folder`` is a folder of CSV files to read (inside the project); else why not."""
    if folder.is_dir():
        try:
            files.check_folder(folder, problems.root)
        except files.Refused as why:
            problems.add(display(folder), None, "", why.message)
            return False
        return True
    if files.exists(folder):
        problems.add(display(folder), None, "", "expected a folder of CSV files, found a file")
    elif required:
        problems.add(display(folder), None, "", "expected a folder of measurement CSV files, found no such folder")
    return False


def _measurements(problems: Problems, folder: Path, display: Callable[[Path], str], cat: Catalog,
                  memo: Memo | None = None) -> pd.DataFrame:
    """Every measurement file's runs. A file that had no problem and no warning goes through
    ``memo`` under a key of its name, its bytes and the catalog its ids refer to, so a
    rebuild reads only the files that changed."""
    parts: list[pd.DataFrame] = []
    if _folder(problems, folder, display, required=True):
        combos: dict[tuple, Any] = {}
        catalog = [(k.file, k.by_id, sorted(k.broken)) for k in (cat.precisions, cat.tasks, cat.platforms,
                                                                 cat.networks)] if memo is not None else []
        for path in _csv_files(problems, folder, display, "measurement"):
            log = problems.declare(display(path))
            key = None
            if memo is not None:
                digest = files.digest(path, problems.root, files.MAX_CSV_BYTES)
                key = memo.key("measurements", log.file, catalog, digest) if digest else None  # else open_csv says why
            kept = memo.get("measurements", key) if memo is not None and key is not None else None
            if isinstance(kept, pd.DataFrame):
                parts.append(kept)
                continue
            before = (problems.errors, problems.warnings)
            mine = _measurement_file(log, path, cat, combos, problems)
            parts.extend(mine)
            if memo is not None and key is not None and mine and (problems.errors, problems.warnings) == before:
                memo.put("measurements", key, pd.concat(mine, ignore_index=True), label=log.file)
    frame = _measurement_frame(parts)
    _check_unique_runs(problems, frame)
    return frame


def _measurement_file(log: FileLog, path: Path, cat: Catalog, combos: dict[tuple, Any],
                      problems: Problems) -> list[pd.DataFrame]:
    """The runs of one file, chunk by chunk (kept only while the problems are few)."""
    table = open_csv(log, path, _M_REQUIRED, _M_OPTIONAL)
    if table is None:
        return []
    if not {"lat_comp_ms", "fps_comp"} & table.columns:
        log.add(1, _NEITHER, "expected a column lat_comp_ms or fps_comp in the header, found neither")
    complete = all(c in table.columns for c in _M_REQUIRED)
    parts = []
    for chunk in table.chunks:
        frame = _measurement_chunk(log, chunk, table.columns, cat, combos)
        if complete and problems.errors < KEEP_ROWS_UNTIL:
            parts.append(frame.assign(source_file=log.file))
    return parts


def _check_unique_runs(problems: Problems, frame: pd.DataFrame) -> None:
    """Two runs with the same key are one run entered twice, unless ``repeat`` says otherwise."""
    key = list(MEASUREMENT_KEY)
    again = frame.duplicated(key, keep="first").to_numpy()
    if not again.any():
        return
    first = frame.loc[~again, key + ["source_file", "source_row"]]
    later = frame.loc[again, key + ["source_file", "source_row"]].merge(
        first, on=key, how="left", suffixes=("", "_first"))
    for group, part in later.groupby(["source_file", "source_file_first", "source_row_first"], sort=True):
        file, first_file, first_line = cast(tuple[str, str, int], group)
        problems.add_lines(file, part["source_row"], "repeat",
                           "expected one run per task, platform, mode, precision, network, pruning_pct, "
                           f"batch and repeat, found the same run as {first_file} line {int(first_line)} "
                           "(number repeated runs in a 'repeat' column)")


def _measurement_frame(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The documented frame: ids as categoricals (lexically ordered categories, so they sort
    and group like text, fast), float pruning, int batch/repeat, float values; sorted."""
    columns = list(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE)
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    ids = ("task", "platform", "mode", "precision", "network", "source", "source_file")
    types: dict[str, Any] = {"pruning_pct": float, "batch": "int64", "repeat": "int64", "source_row": "int64"}
    frame = frame[columns].astype(types | {c: float for c in MEASUREMENT_VALUES})
    frame[MEASUREMENT_NOTE] = frame[MEASUREMENT_NOTE].fillna("").astype(str).astype(object)
    for column in ids:
        text = frame[column].astype(str).to_numpy(dtype=object)
        frame[column] = pd.Categorical(text, categories=sorted(set(text)))
    return frame.sort_values(list(MEASUREMENT_KEY), kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Power traces (CSV)

_T_REQUIRED = tuple(c.name for c in TRACE_FILE if c.required == "yes")
_T_OPTIONAL = tuple(c for c in TRACE_FILE_COLUMNS if c not in _T_REQUIRED)
_T_RANGES = {c.name: c.range for c in TRACE_FILE if c.range is not None}
TRACE_KEY = ("platform", "mode", "network")


def _trace_chunk(log: FileLog, chunk: CsvChunk, columns: frozenset[str], cat: Catalog,
                 combos: dict[tuple, Any], has_power: bool) -> pd.DataFrame:
    lines = chunk.lines
    ok = _ids(log, chunk, ("platform",), columns)
    values = {}
    for name, rng in _T_RANGES.items():
        values[name], good = number_column(log, chunk, name, rng, name in _T_REQUIRED, name in columns)
        ok &= good
    given = {name: ~chunk.empty(name) for name in ("power_w", "voltage_v", "current_a")}
    power = np.where(given["power_w"], values["power_w"], values["voltage_v"] * values["current_a"])
    if not has_power:  # the header already says so, once
        given = {name: np.ones(len(lines), dtype=bool) for name in given}
    for have, missing in (("voltage_v", "current_a"), ("current_a", "voltage_v")):
        lonely = ~given["power_w"] & given[have] & ~given[missing]
        if lonely.any():
            log.add_lines(lines[lonely], missing, f"expected {missing} next to {have}, found an empty cell")
    none = ~given["power_w"] & ~given["voltage_v"] & ~given["current_a"]
    if none.any():
        log.add_lines(lines[none], "power_w", "expected power_w, or voltage_v and current_a, found empty cells")
    frame = pd.DataFrame({"platform": chunk.column("platform").to_numpy(), "mode": chunk.column("mode").to_numpy(),
                          "network": chunk.column("network").to_numpy(), "time_s": values["time_s"],
                          "power_w": power, "source_row": lines})
    frame = frame.loc[ok].reset_index(drop=True)
    modes = frame["mode"].to_numpy(dtype=object).copy()
    for group, rows in frame.groupby(list(TRACE_KEY), sort=False).indices.items():
        platform_id, mode_cell, network_id = key = cast(tuple[str, str, str], group)
        if key not in combos:
            combos[key] = _trace_refs(platform_id, mode_cell, network_id, cat)
        mode_id, problems = combos[key]
        for name, message in problems:
            log.add_lines(frame["source_row"].to_numpy()[rows], name, message)
        if mode_id is not None:
            modes[rows] = mode_id
    frame["mode"] = modes
    return frame


def _trace_refs(platform_id: str, mode_cell: str, network_id: str, cat: Catalog) -> tuple[str | None, list]:
    out = []
    message = cat.platforms.unknown(platform_id)
    if message:
        out.append(("platform", message))
    mode_id = None
    platform = cat.platforms.get(platform_id)
    if platform is not None:
        mode_id, message = _resolve_mode(platform, mode_cell)
        if message:
            out.append(("mode", message))
    if network_id and (message := cat.networks.unknown(network_id)):
        out.append(("network", message))
    return mode_id, out


def _check_trace_order(log: FileLog, frame: pd.DataFrame) -> None:
    """Warn about repeated or backward timestamps within one trace (in file order)."""
    for _, part in frame.groupby(list(TRACE_KEY), sort=False):
        steps = np.diff(part["time_s"].to_numpy())
        rows = part["source_row"].to_numpy()[1:]
        if (steps == 0).any():
            log.warn_lines(rows[steps == 0], "time_s", "expected each time_s once per trace, found a repeated time")
        if (steps < 0).any():
            log.warn_lines(rows[steps < 0], "time_s", "expected time_s in increasing order within a trace, "
                                                      "found a time earlier than the row before")


def _traces(problems: Problems, folder: Path, display: Callable[[Path], str], cat: Catalog) -> pd.DataFrame:
    parts = []
    if _folder(problems, folder, display, required=False):
        for path in _csv_files(problems, folder, display, "power trace"):
            log = problems.declare(display(path))
            table = open_csv(log, path, _T_REQUIRED, _T_OPTIONAL)
            if table is None:
                continue
            has_power = "power_w" in table.columns or {"voltage_v", "current_a"} <= table.columns
            if not has_power:
                log.add(1, "power_w", "expected a column power_w, or both voltage_v and current_a, found neither")
            complete = has_power and all(c in table.columns for c in _T_REQUIRED)
            combos: dict[tuple, Any] = {}
            chunks = [_trace_chunk(log, chunk, table.columns, cat, combos, has_power) for chunk in table.chunks]
            if complete and chunks:
                whole = pd.concat(chunks, ignore_index=True)
                _check_trace_order(log, whole)
                parts.append(whole)
    columns = list(TRACE_COLUMNS)
    frame = pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
    frame = frame.astype({"platform": str, "mode": str, "network": str, "time_s": float, "power_w": float})
    return frame.sort_values(["platform", "mode", "network", "time_s"], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Entry points


def read_dataset(problems: Problems, data_dir: Path, name: str = "data", memo: Memo | None = None) -> Dataset | None:
    """Check every file of ``data_dir`` into ``problems``; the Dataset when there are none.

    Files are shown as ``name/...``; each must lie inside ``problems.root`` (``files``);
    measurement files go through ``memo`` when given.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: data folder not found")
    try:
        files.check_folder(data_dir, problems.root)
    except files.Refused as why:
        problems.add(name, None, "", why.message)
        return None

    def display(path: Path) -> str:
        return display_path(path, data_dir, name)

    def spec(kind: str, noun: str, entry: Callable[..., Any], *refs: Known) -> Known:
        path = data_dir / f"{kind}.yaml"
        return _spec(problems.declare(display(path)), path, kind, noun, entry, *refs)

    precisions = spec("precisions", "precision", _precision)
    tasks = spec("tasks", "task", _task)
    platforms = spec("platforms", "platform", _platform, precisions)
    networks = spec("networks", "network", _network, tasks, precisions)
    catalog = Catalog(precisions, tasks, platforms, networks)
    runs = _measurements(problems, data_dir / "measurements", display, catalog, memo)
    samples = _traces(problems, data_dir / "power_traces", display, catalog)
    if problems:
        return None
    return Dataset(
        precisions=tuple((precisions.by_id or {}).values()),  # every by_id is set when there was no problem
        tasks=tuple((tasks.by_id or {}).values()),
        platforms=tuple((platforms.by_id or {}).values()),
        networks=tuple((networks.by_id or {}).values()),
        measurements=runs,
        power_traces=samples,
    )


def load_dataset(data_dir: Path, strict: bool = False) -> Dataset:
    """Read and check ``data_dir`` (every file inside it); raise ``DataError`` listing all problems."""
    problems = Problems(root=Path(data_dir))
    dataset = read_dataset(problems, Path(data_dir), Path(data_dir).resolve().name)
    if strict:
        problems.escalate_warnings()
    problems.raise_if_any()
    assert dataset is not None
    return dataset
