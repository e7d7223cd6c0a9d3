"""A network described by its layers: shapes followed through the network, operations,
weights and activations of every layer computed, pruning applied.

A network is an :class:`Architecture`: the shape of one input (height, width, channels) and
a sequence of nodes. A node is an :class:`Op` (one layer), a :class:`Block` (a sequence,
optionally repeated) or :class:`Branches` (parallel sequences on the same input, merged by
an element-wise ``add`` -- a residual connection, where an empty branch is the identity
shortcut -- or a channel ``concat`` -- an inception module). :func:`expand` follows the
shapes through the nodes and returns one :class:`LayerCount` per layer, merges included.

Counting convention (``COUNTING_RULE``): one multiply-accumulate (MAC) of a convolution or
a fully connected layer counts as 2 operations, so ``ops_gop = 2 x sum(MACs) / 10^9`` per
input and ``weights_m = sum(weights) / 10^6``, the units of ``ops_gop`` and ``weights_m`` in
the variants frame. Pooling, residual adds, concatenations, activation functions and batch
normalisation carry no counted operations and no weights; biases are ignored. Activations
are counted for every layer: the elements it reads (its input, or the inputs of a merge)
and writes (its output), per input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterable, Sequence

import pandas as pd

from generator.records import Architecture, Block, Branches, Node, Op

OP_KINDS = ("conv", "dwconv", "dense", "maxpool", "avgpool")
SIZED = ("conv", "dense")  # kinds whose value is a channel (neuron) count; the others' is a kernel
MERGES = ("add", "concat")
LAYER_KINDS = OP_KINDS + MERGES  # the ``kind`` of a computed layer
COUNTING_RULE = (
    "Operations are 2 x the multiply-accumulates (MACs) of the convolutions (grouped and "
    "depthwise ones included) and fully connected layers; pooling, residual adds, "
    "concatenations, activation functions and batch normalisation count no operations, and "
    "biases are ignored. Weights are the elements of the convolution kernels and the fully "
    "connected matrices. Activations are the elements each layer reads (its input, or every "
    "input of a merge) and writes (its output), per input."
)

Pair = tuple[int, int]
Shape = tuple[int, int, int]  # height, width, channels
Path = tuple[int, ...]  # where a node is written: its index in each list around it (a branch: its index, then)


@dataclass(frozen=True)
class LayerCount:
    """One computed layer of one input. ``name`` is its place in the network: names or
    1-based positions of the nodes around it, ``[2]`` for the second repeat of a block,
    ``b1`` for a branch, ``add`` or ``concat`` for a merge."""

    index: int  # 1-based, in execution order
    name: str
    kind: str
    in_shape: Shape
    out_shape: Shape
    macs: int
    weights: int
    activations_in: int
    activations_out: int


@dataclass(frozen=True)
class ShapeProblem:
    """A layer the shapes do not allow: ``path`` of the node as written, the field at fault."""

    path: Path
    field: str
    message: str


@dataclass
class Expansion:
    layers: list[LayerCount] = field(default_factory=list)
    problems: list[ShapeProblem] = field(default_factory=list)


def _elements(shape: Shape) -> int:
    return shape[0] * shape[1] * shape[2]


def _keep_fraction(keep_pct: float) -> Fraction:
    """``keep_pct / 100`` exactly as written (12.5 -> 1/8, 33.3 -> 333/1000), in (0, 1]."""
    keep = Fraction(repr(float(keep_pct))) / 100
    if not 0 < keep <= 1:
        raise ValueError(f"keep_pct must be in (0, 100], got {keep_pct!r}")
    return keep


def _round(value: Fraction) -> int:
    return max(1, math.floor(value + Fraction(1, 2)))


def _sized_ops(nodes: Sequence[Node]) -> Iterable[Op]:
    """Every conv and dense op in document order (each written once, repeats not unrolled)."""
    for node in nodes:
        if isinstance(node, Op):
            if node.kind in SIZED:
                yield node
        elif isinstance(node, Block):
            yield from _sized_ops(node.layers)
        else:
            for branch in node.branches:
                yield from _sized_ops(branch)


def class_outputs(arch: Architecture) -> int | None:
    """The output count of the last conv or dense layer (the classifier), None without one."""
    sized = list(_sized_ops(arch.layers))
    return sized[-1].size if sized else None


def _out_size(size: int, kernel: int, stride: int, pad: int) -> int:
    return (size + 2 * pad - kernel) // stride + 1


class _Walker:
    def __init__(self, keep: Fraction, last: Op | None):
        self.keep, self.last = keep, last
        self.out = Expansion()
        self.reported_pruning = False

    def problem(self, path: Path, field_name: str, message: str) -> None:
        self.out.problems.append(ShapeProblem(path, field_name, message))

    def add(self, name: str, kind: str, shape_in: Shape, shape_out: Shape, macs: int, weights: int,
            activations_in: int) -> None:
        self.out.layers.append(LayerCount(len(self.out.layers) + 1, name, kind, shape_in, shape_out, macs, weights,
                                          activations_in, _elements(shape_out)))

    def channels(self, op: Op, path: Path) -> int:
        assert op.size is not None
        if op is self.last or self.keep == 1:
            return op.size
        exact = op.size * self.keep
        if exact.denominator != 1 and not self.reported_pruning:
            self.reported_pruning = True
            self.problem(path, "pruning", f"{op.size} channels x {float(self.keep * 100):g}% = {float(exact):g}, "
                                          "not a whole number")
        return _round(exact)

    def spatial(self, op: Op, path: Path, shape: Shape) -> tuple[int, int] | None:
        """Output height and width of a conv, dwconv or pooling op, or None (a problem)."""
        height, width, _ = shape
        kernel = op.kernel or (height, width)
        stride = op.stride or (kernel if op.kind in ("maxpool", "avgpool") else (1, 1))
        sizes = []
        for axis, size in enumerate((height, width)):
            if kernel[axis] > size + 2 * op.pad[axis]:
                self.problem(path, "kernel", f"a kernel of {kernel[0]} x {kernel[1]} on an input of {height} x "
                                             f"{width} (padding {op.pad[0]} x {op.pad[1]}): no output left")
                return None
            sizes.append(_out_size(size, kernel[axis], stride[axis], op.pad[axis]))
        return sizes[0], sizes[1]

    def op(self, op: Op, path: Path, name: str, shape: Shape) -> Shape | None:
        height, width, channels = shape
        if op.kind == "dense":
            outputs = self.channels(op, path)
            inputs = _elements(shape)
            self.add(name, "dense", shape, (1, 1, outputs), inputs * outputs, inputs * outputs, inputs)
            return 1, 1, outputs
        sizes = self.spatial(op, path, shape)
        if sizes is None:
            return None
        out_h, out_w = sizes
        kernel = op.kernel or (height, width)
        if op.kind in ("maxpool", "avgpool"):
            out: Shape = (out_h, out_w, channels)
            self.add(name, op.kind, shape, out, 0, 0, _elements(shape))
            return out
        if op.kind == "dwconv":
            weights = kernel[0] * kernel[1] * channels
            out = (out_h, out_w, channels)
        else:
            outputs = self.channels(op, path)
            if channels % op.groups or outputs % op.groups:
                self.problem(path, "groups", f"{op.groups} groups of {channels} input and {outputs} output "
                                             "channels: both must divide evenly")
                return None
            weights = kernel[0] * kernel[1] * (channels // op.groups) * outputs
            out = (out_h, out_w, outputs)
        self.add(name, op.kind, shape, out, weights * out_h * out_w, weights, _elements(shape))
        return out

    def nodes(self, nodes: Sequence[Node], path: Path, prefix: str, shape: Shape) -> Shape | None:
        for position, node in enumerate(nodes):
            here = path + (position,)
            label = f"{prefix}{node.name or position + 1}"
            if isinstance(node, Op):
                result = self.op(node, here, label, shape)
            else:
                result = shape
                for turn in range(node.repeat):
                    inner = f"{label}[{turn + 1}]" if node.repeat > 1 else label
                    if result is None:
                        break
                    if isinstance(node, Block):
                        result = self.nodes(node.layers, here, inner + ".", result)
                    else:
                        result = self.branches(node, here, inner, result)
            if result is None:
                return None
            shape = result
        return shape

    def branches(self, node: Branches, path: Path, label: str, shape: Shape) -> Shape | None:
        outs = []
        for number, branch in enumerate(node.branches, start=1):
            out = self.nodes(branch, path + (number - 1,), f"{label}.b{number}.", shape) if branch else shape
            if out is None:
                return None
            outs.append(out)
        if node.merge == "add":
            if any(out != outs[0] for out in outs):
                shown = ", ".join(f"{h} x {w} x {c}" for h, w, c in outs)
                self.problem(path, "branches", f"an add of branches with different shapes ({shown})")
                return None
            merged = outs[0]
        else:
            if any(out[:2] != outs[0][:2] for out in outs):
                shown = ", ".join(f"{h} x {w}" for h, w, _ in outs)
                self.problem(path, "branches", f"a concat of branches with different heights and widths ({shown})")
                return None
            merged = (outs[0][0], outs[0][1], sum(out[2] for out in outs))
        self.add(f"{label}.{node.merge}", node.merge, shape, merged, 0, 0, sum(_elements(out) for out in outs))
        return merged


def expand(arch: Architecture, keep_pct: float = 100.0) -> Expansion:
    """Every layer of ``arch`` with ``keep_pct`` % of its channels kept, in execution order
    (block repeats unrolled, branches in order, each merge after its branches), or the problems that stop it: a kernel larger than its (padded) input,
    groups that do not divide the channels, an add of different shapes, a concat of
    different heights and widths, and the first channel count that pruning does not scale
    to a whole number. Stops at the first shape problem (later shapes are unknown).

    Pruning keeps ``keep_pct`` % of every channel count (each convolution's output channels,
    each fully connected layer's neurons) except the network input and the class outputs
    (the last such layer); depthwise convolutions, pooling and merges follow their inputs. A
    scaled count is rounded to the nearest integer, halves up, and is at least 1."""
    sized = list(_sized_ops(arch.layers))
    walker = _Walker(_keep_fraction(keep_pct), sized[-1] if sized else None)
    walker.nodes(arch.layers, (), "", arch.input_shape)
    return walker.out


def ops_gop(layers: Iterable[LayerCount]) -> float:
    """Operations per input in GOP: 2 x sum of MACs / 10^9."""
    return 2 * sum(layer.macs for layer in layers) / 1e9


def weights_m(layers: Iterable[LayerCount]) -> float:
    """Weights in millions of elements (biases ignored)."""
    return sum(layer.weights for layer in layers) / 1e6


LAYER_COLUMNS = ("layer", "name", "kind", "in_height", "in_width", "in_channels", "out_height", "out_width",
                 "out_channels", "ops_gop", "weights_m", "activations_in_m", "activations_out_m")


def layer_frame(layers: Sequence[LayerCount]) -> pd.DataFrame:
    """One row per layer: ``LAYER_COLUMNS`` (operations in GOP per input, weights and
    activations in millions of elements), in execution order."""
    rows = [(layer.index, layer.name, layer.kind, *layer.in_shape, *layer.out_shape, 2 * layer.macs / 1e9,
             layer.weights / 1e6, layer.activations_in / 1e6, layer.activations_out / 1e6) for layer in layers]
    frame = pd.DataFrame(rows, columns=list(LAYER_COLUMNS))
    integers = ("layer", "in_height", "in_width", "in_channels", "out_height", "out_width", "out_channels")
    return frame.astype({**{c: "int64" for c in integers}, "ops_gop": float, "weights_m": float,
                         "activations_in_m": float, "activations_out_m": float})
