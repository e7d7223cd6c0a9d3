"""A network described by its layers: operations and weights computed, pruning applied.

Only layers that carry multiply-accumulates are listed: convolutions ("conv") and fully
connected layers ("dense"). Pooling, activations and normalisation carry no weights and are
left out; biases are ignored. One multiply-accumulate (MAC) counts as 2 operations, so
``ops_gop = 2 x sum(MACs) / 10^9`` per input and ``weights_m = sum(weights) / 10^6``,
the units of ``ops_gop`` and ``weights_m`` in the variants frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Iterable, Sequence

import pandas as pd

LAYER_KINDS = ("conv", "dense")
PRUNING_RULE = (
    "A variant pruned to `keep_pct` % keeps that share of every channel count (each layer's "
    "input and output channels, or neurons of a dense layer) except the network input (the "
    "first layer's input channels) and the class outputs (the last layer's output channels). "
    "A scaled count is rounded to the nearest integer, halves up, and is at least 1."
)


@dataclass(frozen=True)
class Layer:
    """One conv or dense layer. ``kernel`` and ``out_size`` are (height, width); a dense
    layer has neither (both stay (1, 1)). For a dense layer after a convolution,
    ``in_channels`` is the flattened input length."""

    kind: str
    in_channels: int
    out_channels: int
    kernel: tuple[int, int] = (1, 1)
    out_size: tuple[int, int] = (1, 1)

    def __post_init__(self) -> None:
        if self.kind not in LAYER_KINDS:
            raise ValueError(f"unknown layer kind {self.kind!r}; expected one of {LAYER_KINDS}")
        object.__setattr__(self, "kernel", tuple(self.kernel))  # lists (from YAML) too
        object.__setattr__(self, "out_size", tuple(self.out_size))
        if len(self.kernel) != 2 or len(self.out_size) != 2:
            raise ValueError("kernel and out_size are (height, width) pairs")
        counts = (self.in_channels, self.out_channels, *self.kernel, *self.out_size)
        if not all(isinstance(c, int) and not isinstance(c, bool) and c >= 1 for c in counts):
            raise ValueError(f"layer sizes must be integers >= 1, got {counts}")
        if self.kind == "dense" and (self.kernel, self.out_size) != ((1, 1), (1, 1)):
            raise ValueError("a dense layer has no kernel or out_size")

    def weights(self) -> int:
        """in x out x kh x kw (a dense layer: in x out)."""
        kh, kw = self.kernel
        return self.in_channels * self.out_channels * kh * kw

    def macs(self) -> int:
        """Multiply-accumulates per input: weights x oh x ow (a dense layer: in x out)."""
        oh, ow = self.out_size
        return self.weights() * oh * ow


def ops_gop(layers: Iterable[Layer]) -> float:
    """Operations per input in GOP: 2 x sum of MACs / 10^9."""
    return 2 * sum(layer.macs() for layer in layers) / 1e9


def weights_m(layers: Iterable[Layer]) -> float:
    """Weights in millions of elements (biases ignored)."""
    return sum(layer.weights() for layer in layers) / 1e6


def _keep_fraction(keep_pct: float) -> Fraction:
    """``keep_pct / 100`` exactly as written (12.5 -> 1/8, 33.3 -> 333/1000), in (0, 1]."""
    keep = Fraction(repr(float(keep_pct))) / 100
    if not 0 < keep <= 1:
        raise ValueError(f"keep_pct must be in (0, 100], got {keep_pct!r}")
    return keep


def _scaled(layers: Sequence[Layer], keep_pct: float) -> list[tuple[int, str, int, Fraction]]:
    """(layer index, field, original count, exact scaled count) of every count that scales."""
    keep = _keep_fraction(keep_pct)
    last = len(layers) - 1
    counts = []
    for index, layer in enumerate(layers):
        if index > 0:
            counts.append((index, "in_channels", layer.in_channels, layer.in_channels * keep))
        if index < last:
            counts.append((index, "out_channels", layer.out_channels, layer.out_channels * keep))
    return counts


def _round(value: Fraction) -> int:
    return max(1, math.floor(value + Fraction(1, 2)))


def pruned(layers: Sequence[Layer], keep_pct: float) -> tuple[Layer, ...]:
    """The layers with ``keep_pct`` % of their channels kept, by ``PRUNING_RULE``.

    Rounding is silent: check ``non_integral_channels`` first to reject a pruning level
    that does not give whole channel counts.
    """
    layers = tuple(layers)
    changes: dict[int, dict[str, int]] = {}
    for index, field, _, exact in _scaled(layers, keep_pct):
        changes.setdefault(index, {})[field] = _round(exact)
    return tuple(replace(layer, **changes.get(i, {})) for i, layer in enumerate(layers))


def non_integral_channels(layers: Sequence[Layer], keep_pct: float) -> pd.DataFrame:
    """Channel counts that ``keep_pct`` does not scale to a whole number (empty when all do).

    Columns ``layer`` (0-based index), ``field`` ("in_channels" or "out_channels"),
    ``channels`` (the unpruned count), ``scaled_channels`` (exact value, float) and
    ``rounded_channels`` (what ``pruned`` uses); sorted by layer, then field.
    """
    rows = [
        (index, field, original, float(exact), _round(exact))
        for index, field, original, exact in _scaled(tuple(layers), keep_pct)
        if exact.denominator != 1
    ]
    frame = pd.DataFrame(rows, columns=["layer", "field", "channels", "scaled_channels",
                                        "rounded_channels"])
    frame = frame.astype({"layer": "int64", "channels": "int64", "scaled_channels": float,
                          "rounded_channels": "int64"})
    return frame.sort_values(["layer", "field"], kind="stable").reset_index(drop=True)


def variant_counts(layers: Sequence[Layer], keep_pcts: Iterable[float]) -> pd.DataFrame:
    """``pruning_pct``, ``ops_gop``, ``weights_m`` and ``integral_channels`` (bool: every
    scaled count was whole) of each pruning level, sorted by ``pruning_pct`` descending."""
    layers = tuple(layers)
    rows = []
    for keep_pct in sorted({float(k) for k in keep_pcts}, reverse=True):
        variant = pruned(layers, keep_pct)
        rows.append((keep_pct, ops_gop(variant), weights_m(variant),
                     non_integral_channels(layers, keep_pct).empty))
    frame = pd.DataFrame(rows, columns=["pruning_pct", "ops_gop", "weights_m",
                                        "integral_channels"])
    return frame.astype({"pruning_pct": float, "ops_gop": float, "weights_m": float,
                         "integral_channels": bool})
