"""Typed domain records: what ``loading`` produces from ``data/`` once it is valid.

Specifications (precisions, tasks, platforms, networks) are small and hierarchical, so they
are frozen dataclasses. Measurements and power traces are long and tabular, so they stay
tidy pandas frames whose columns are fixed here (``MEASUREMENT_COLUMNS``,
``TRACE_COLUMNS``); every later stage joins them to the specifications by id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import pandas as pd

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
# Column order of the validated measurement frame (and of build/data/measurements.csv):
# a configuration's runs differ in batch (or threads / streams) and repeat number.
MEASUREMENT_KEY = CONFIG_KEY + ("batch", "repeat")
MEASUREMENT_VALUES = (
    "lat_comp_ms",
    "lat_sys_ms",
    "fps_comp",
    "fps_sys",
    "top1_pct",
    "top5_pct",
    "power_base_w",
    "power_idle_w",
    "power_full_w",
)
# Text about a run: ``source``, where it comes from (a paper, a URL, a contributor); ``note``, why a
# check's warning about it is a known case (shown on the site); "" if not given.
MEASUREMENT_NOTE = "note"
MEASUREMENT_TEXT = ("source", MEASUREMENT_NOTE)
MEASUREMENT_COLUMNS = MEASUREMENT_KEY + MEASUREMENT_VALUES + MEASUREMENT_TEXT
# Where each run came from, kept so later stages can name the file and row.
MEASUREMENT_SOURCE = ("source_file", "source_row")

TRACE_COLUMNS = ("platform", "mode", "network", "time_s", "power_w")
# Columns of a power-trace file: power_w, or voltage_v and current_a (power = V x A).
TRACE_FILE_COLUMNS = ("platform", "mode", "network", "time_s", "voltage_v", "current_a", "power_w")


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
