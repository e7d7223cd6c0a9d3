"""Typed domain records: what ``inputs.dataset`` produces from ``data/`` once it is valid.

Specifications (precisions, tasks, platforms, networks) are small and hierarchical, so they
are frozen dataclasses. Measurements and power traces are long and tabular, so they stay
tidy pandas frames whose columns are fixed here: the one column table of each CSV file
(``MEASUREMENT_FILE``, ``TRACE_FILE``: name, type, range, unit, meaning) that the readers,
the QuTiBench importer and the schema tables of ``data/README.md`` come from; every later
stage joins them to the specifications by id.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Union

import numpy as np
import pandas as pd

from generator.formatting import fmt_bound, fmt_written

PLATFORM_KINDS = ("FPGA", "GPU", "TPU", "VLIW", "CPU")


def kind_order(kind: str) -> int:
    """Sort key that lists platform kinds as FPGA, GPU, TPU, VLIW, CPU, then others."""
    return PLATFORM_KINDS.index(kind) if kind in PLATFORM_KINDS else len(PLATFORM_KINDS)


# What the ``batch`` column of a platform's runs counts: inputs of one batch (they share each
# weight read), or threads / streams (each runs its own inputs and reads the weights itself).
SWEEPS = ("batch", "threads", "streams")
# What a platform's power readings include: the whole board, a module or stick (the
# accelerator with its memory), or the accelerator chip's supply alone.
POWER_SCOPES = ("board", "module", "chip")
# Names the site uses for its own pages and folders; a task id (a page name) may not be one.
SITE_NAMES = ("index", "theory", "404", "assets", "data", "figures")


@dataclass(frozen=True)
class Precision:
    id: str
    bits: float

    @property
    def bytes_per_element(self) -> float:
        return self.bits / 8.0


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    input_elements: int
    output_elements: int
    description: str = ""


@dataclass(frozen=True)
class Mode:
    """One operating mode (clock / power setting) of a platform: one roofline per precision."""

    id: str  # "" for a single-mode platform
    peak_tops: dict[str, float]
    bandwidth_gbps: float
    memory_gb: float | None = None
    power_w: float | None = None


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    vendor: str
    kind: str
    modes: tuple[Mode, ...]
    description: str = ""
    onchip_mb: float | None = None  # on-chip memory available for weights and activations (MB)
    color: str | None = None  # "#rrggbb": the platform's colour on every chart, if set
    host_link_gbps: float | None = None  # off-chip traffic crosses this link to the host's memory
    sweep: str = "batch"  # one of SWEEPS
    power_scope: str | None = None  # one of POWER_SCOPES, None when unknown
    note: str = ""  # a caveat shown wherever the platform's data is drawn

    def mode(self, mode_id: str) -> Mode | None:
        return next((m for m in self.modes if m.id == mode_id), None)


@dataclass(frozen=True)
class Accuracy:
    top1_pct: float
    top5_pct: float | None = None


@dataclass(frozen=True)
class Variant:
    """A network at one pruning level (percent of channels kept)."""

    pruning_pct: float
    ops_gop: float
    weights_m: float
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    from_layers: bool = False  # operations and weights computed from the network's layers


# A network described by its layers (``model.layers`` computes them): the shape of one input and
# a sequence of nodes, each one layer, a block of layers or parallel branches.
Pair = tuple[int, int]
Shape = tuple[int, int, int]  # height, width, channels


@dataclass(frozen=True)
class Op:
    """One layer. ``size``: output channels of a conv, neurons of a dense layer (None for the
    other kinds). ``kernel``: (height, width); None for a dense layer and for global pooling
    (the kernel is the whole input). ``stride`` defaults to the kernel for pooling, to 1 for
    convolutions."""

    kind: str
    size: int | None = None
    kernel: Pair | None = None
    stride: Pair | None = None
    pad: Pair = (0, 0)
    groups: int = 1
    name: str = ""


@dataclass(frozen=True)
class Block:
    """A sequence of nodes, ``repeat`` times in a row."""

    layers: tuple[Node, ...]
    repeat: int = 1
    name: str = ""


@dataclass(frozen=True)
class Branches:
    """Parallel sequences on the same input, merged; an empty one is the identity (a
    shortcut). ``repeat`` times in a row."""

    branches: tuple[tuple[Node, ...], ...]
    merge: str
    name: str = ""
    repeat: int = 1


Node = Union[Op, Block, Branches]


@dataclass(frozen=True)
class Architecture:
    input_shape: Shape
    layers: tuple[Node, ...]


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    task: str
    variants: tuple[Variant, ...]
    description: str = ""
    # The unpruned network's layers, when the network is described by them: variants without
    # published totals are computed from them (``from_layers``).
    architecture: Architecture | None = None
    note: str = ""  # a caveat shown wherever the network's data is drawn (its accuracy, its runs)

    def variant(self, pruning_pct: float) -> Variant | None:
        return next((v for v in self.variants if v.pruning_pct == pruning_pct), None)


# A configuration: one platform mode running one network variant at one precision.
CONFIG_KEY = ("task", "platform", "mode", "precision", "network", "pruning_pct")


# ---------------------------------------------------------------------------------------
# The columns of the CSV files in data/


@dataclass(frozen=True)
class Range:
    """Allowed numbers, e.g. ``> 0 and <= 1e6``; checked before any conversion.

    Every range has an upper bound, so no accepted value overflows later arithmetic or
    wraps an int64; ``low_open`` ranges also have ``tiny``, the smallest accepted
    magnitude, so that no denormal number turns into infinity when divided by.
    """

    low: float
    high: float
    low_open: bool = False
    integer: bool = False
    tiny: float = 0.0
    show_high: bool = False  # name the upper bound in "expected ..." (e.g. percentages)

    @property
    def noun(self) -> str:
        return "an integer" if self.integer else "a number"

    def limits(self) -> str:
        """The range without its noun: ``> 0``, ``>= 1``, ``in 0..100``, ``> 0 and <= 100``."""
        low = f"{'>' if self.low_open else '>='} {fmt_bound(self.low)}"
        if self.show_high:
            if self.low_open:
                return f"{low} and <= {fmt_bound(self.high)}"
            return f"in {fmt_bound(self.low)}..{fmt_bound(self.high)}"
        return low

    def describe(self) -> str:
        return f"{self.noun} {self.limits()}"

    def problem(self, value: int | float, shown: str | None = None) -> str | None:
        """Why ``value`` (an int of any size or a float) is outside the range, or None.

        ``shown`` is the value as the user wrote it (a CSV cell), else it is formatted.
        """
        shown = shown if shown is not None else fmt_written(value)
        if isinstance(value, float) and not math.isfinite(value):
            return f"expected {self.describe()}, found {shown}"
        if value < self.low or (self.low_open and value == self.low):
            return f"expected {self.describe()}, found {shown}"
        if value > self.high:
            expected = self.describe() if self.show_high else f"{self.noun} <= {fmt_bound(self.high)}"
            return f"expected {expected}, found {shown}"
        if self.low_open and value < self.tiny:
            return f"expected {self.noun} >= {fmt_bound(self.tiny)}, found {shown}"
        if self.integer and isinstance(value, float) and not value.is_integer():
            return f"expected {self.describe()}, found {shown}"
        return None

    def mask(self, values: np.ndarray) -> np.ndarray:
        """Elementwise: inside the range (NaN is outside)."""
        with np.errstate(invalid="ignore"):
            ok = np.isfinite(values) & (values <= self.high)
            ok &= (values > self.low) if self.low_open else (values >= self.low)
            if self.low_open and self.tiny:
                ok &= values >= self.tiny
            if self.integer:
                ok &= np.floor(values) == values
        return ok


def positive(high: float, tiny: float = 1e-12) -> Range:
    return Range(0, high, low_open=True, tiny=tiny)


def non_negative(high: float) -> Range:
    return Range(0, high)


def count(high: float) -> Range:
    return Range(1, high, integer=True)


PERCENT = Range(0, 100, show_high=True)
PRUNING = Range(0, 100, low_open=True, tiny=1e-6, show_high=True)
BATCH = count(1e9)
LATENCY_MS = positive(1e12)
FPS = positive(1e12)
POWER_W = positive(1e7, tiny=1e-9)
POWER_READING_W = non_negative(1e7)
TIME_S = non_negative(1e12)
VOLTS = non_negative(1e6)
AMPS = non_negative(1e6)

MAX_NOTE_CHARS = 300  # a caveat shown in tables and tooltips
MAX_SOURCE_CHARS = 300  # a measurement's source: a citation, a URL or a contributor

COLUMN_TYPES = ("id", "integer", "number", "text")
# Whether a file must have the column: "yes", "no", "one of" (at least one of the columns so
# marked), or "multi-mode" (for the runs or traces of a platform with several modes).
REQUIRED_WHEN = ("yes", "no", "one of", "multi-mode")


@dataclass(frozen=True)
class Column:
    """One column of a CSV file in ``data/``: what its cells hold (``type``, one of
    ``COLUMN_TYPES``; numbers within ``range``, in ``unit``), whether a file must have it
    (``required``, one of ``REQUIRED_WHEN``) and what it means."""

    name: str
    type: str
    required: str
    meaning: str
    range: Range | None = None
    unit: str = ""


# The columns of data/measurements/*.csv, in the order of the validated measurement frame
# (and of build/data/measurements.csv): a configuration (``CONFIG_KEY``), the batch and
# repeat that tell its runs apart, the measured values, and text about the run.
MEASUREMENT_FILE = (
    Column("task", "id", "yes", "task id"),
    Column("platform", "id", "yes", "platform id"),
    Column("mode", "id", "multi-mode", "mode id; empty for a single-mode platform"),
    Column("precision", "id", "yes", "precision id; the mode must have a peak at it"),
    Column("network", "id", "yes", "network id; its task must be `task`"),
    Column("pruning_pct", "number", "yes", "a `pruning_pct` of one of the network's variants: channels kept",
           PRUNING, "%"),
    Column("batch", "integer", "yes", "batch size, or threads / streams on platforms that sweep those", BATCH),
    Column("repeat", "integer", "no", "number of a repeated run of the same configuration and batch (default 1)",
           BATCH),
    Column("lat_comp_ms", "number", "one of", "latency of the compute alone", LATENCY_MS, "ms"),
    Column("lat_sys_ms", "number", "no", "latency of the whole system", LATENCY_MS, "ms"),
    Column("fps_comp", "number", "one of", "throughput of the compute alone", FPS, "inputs/s"),
    Column("fps_sys", "number", "no", "throughput of the whole system", FPS, "inputs/s"),
    Column("top1_pct", "number", "no", "top-1 accuracy measured in that run", PERCENT, "%"),
    Column("top5_pct", "number", "no", "top-5 accuracy measured in that run", PERCENT, "%"),
    Column("power_base_w", "number", "no", "board power when powered but not configured", POWER_READING_W, "W"),
    Column("power_idle_w", "number", "no", "board power when configured and idle", POWER_READING_W, "W"),
    Column("power_full_w", "number", "no", "board power under full load", POWER_W, "W"),
    Column("source", "text", "no", "where the run comes from: a paper (`Blott et al. 2019`), a URL, or a "
           f"contributor and lab; at most {MAX_SOURCE_CHARS} characters, shown with the run in the tables"),
    Column("note", "text", "no", f"at most {MAX_NOTE_CHARS} characters: why a check's warning about this run is a known case "
           "(shown on the site)"),
)
# The columns of data/power_traces/*.csv (power_w, or voltage_v and current_a: power = V x A).
TRACE_FILE = (
    Column("platform", "id", "yes", "platform id"),
    Column("mode", "id", "multi-mode", "mode id"),
    Column("network", "id", "no", "network id; empty = the board idle, no network running"),
    Column("time_s", "number", "yes", "time since the start of the trace", TIME_S, "s"),
    Column("voltage_v", "number", "one of", "supply voltage (with `current_a`: power = V x A)", VOLTS, "V"),
    Column("current_a", "number", "one of", "supply current (with `voltage_v`)", AMPS, "A"),
    Column("power_w", "number", "one of", "power", POWER_READING_W, "W"),
)

MEASUREMENT_COLUMNS = tuple(c.name for c in MEASUREMENT_FILE)
assert MEASUREMENT_COLUMNS[:len(CONFIG_KEY)] == CONFIG_KEY
# A configuration's runs differ in batch (or threads / streams) and repeat number.
MEASUREMENT_KEY = CONFIG_KEY + ("batch", "repeat")
MEASUREMENT_VALUES = tuple(c.name for c in MEASUREMENT_FILE if c.type == "number" and c.name not in MEASUREMENT_KEY)
# Text about a run: ``source``, where it comes from (a paper, a URL, a contributor); ``note``, why a
# check's warning about it is a known case (shown on the site); "" if not given.
MEASUREMENT_TEXT = tuple(c.name for c in MEASUREMENT_FILE if c.type == "text")
MEASUREMENT_NOTE = "note"
assert MEASUREMENT_COLUMNS == MEASUREMENT_KEY + MEASUREMENT_VALUES + MEASUREMENT_TEXT
assert MEASUREMENT_NOTE in MEASUREMENT_TEXT
# Where each run came from, kept so later stages can name the file and row.
MEASUREMENT_SOURCE = ("source_file", "source_row")

# The columns of the validated power-trace frame (power computed from V x A where not given).
TRACE_COLUMNS = ("platform", "mode", "network", "time_s", "power_w")
TRACE_FILE_COLUMNS = tuple(c.name for c in TRACE_FILE)


def schema_table(columns: tuple[Column, ...]) -> str:
    """The Markdown table of ``columns`` that ``data/README.md`` shows (a test holds it to
    this one): column, required, type, range, unit, meaning."""
    required = {"yes": "yes", "no": "no", "one of": "*", "multi-mode": "for multi-mode platforms"}
    rows = ["| column | required | type | range | unit | meaning |", "| --- | --- | --- | --- | --- | --- |"]
    for c in columns:
        limits = c.range.limits() if c.range is not None else ""
        rows.append(f"| `{c.name}` | {required[c.required]} | {c.type} | {limits} | {c.unit} | {c.meaning} |")
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class Dataset:
    """Everything in ``data/``, validated and cross-checked.

    ``measurements`` has the columns ``MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE``: ids as
    categoricals of text with lexically ordered categories (``mode`` is "" for single-mode
    platforms), float ``pruning_pct``, int
    ``batch`` and ``repeat``, float values with NaN for "not measured", ``source`` a
    categorical of text ("" where not given).
    ``power_traces`` has ``TRACE_COLUMNS``; ``network`` is "" for the idle board.
    """

    precisions: tuple[Precision, ...]
    tasks: tuple[Task, ...]
    platforms: tuple[Platform, ...]
    networks: tuple[Network, ...]
    measurements: pd.DataFrame
    power_traces: pd.DataFrame

    def precision(self, precision_id: str) -> Precision | None:
        return next((p for p in self.precisions if p.id == precision_id), None)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def platform(self, platform_id: str) -> Platform | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def network(self, network_id: str) -> Network | None:
        return next((n for n in self.networks if n.id == network_id), None)
