"""Records -> tidy frames: one row per observation, one column per variable, ids to join on.

These frames are the only input of the model and the charts, so both stay independent of
how ``data/`` is laid out.
"""

from __future__ import annotations

import pandas as pd

from generator.model.layers import LAYER_COLUMNS, expand, layer_frame
from generator.records import Dataset

PLATFORM_COLUMNS = (
    "platform",
    "platform_name",
    "vendor",
    "kind",
    "mode",
    "precision",
    "peak_tops",
    "bandwidth_gbps",
    "memory_gb",
    "power_w",
    "onchip_mb",
    "host_link_gbps",
    "sweep",
    "power_scope",
    "color",
    "platform_note",
)
VARIANT_COLUMNS = ("task", "network", "network_name", "pruning_pct", "ops_gop", "weights_m", "from_layers",
                   "network_note")
ACCURACY_COLUMNS = ("task", "network", "pruning_pct", "precision", "top1_pct", "top5_pct")
PRECISION_COLUMNS = ("precision", "bits", "bytes_per_element")
TASK_COLUMNS = ("task", "task_name", "input_elements", "output_elements")
LAYER_KEY = ("task", "network", "pruning_pct")


def platform_label(name: str, mode: str) -> str:
    """Display label of a platform mode: ``Jetson TX2 maxn``, or just the name."""
    return f"{name} {mode}" if mode else name


def precisions_frame(ds: Dataset) -> pd.DataFrame:
    """One row per precision, in file order."""
    rows = [(p.id, float(p.bits), p.bytes_per_element) for p in ds.precisions]
    return pd.DataFrame(rows, columns=list(PRECISION_COLUMNS))


def tasks_frame(ds: Dataset) -> pd.DataFrame:
    rows = [(t.id, t.name, t.input_elements, t.output_elements) for t in ds.tasks]
    return pd.DataFrame(rows, columns=list(TASK_COLUMNS))


def platforms_frame(ds: Dataset) -> pd.DataFrame:
    """One row per (platform, mode, precision) that has a peak: one roofline each.

    Rows follow the file order of platforms and modes and the precision order of
    ``precisions.yaml``.
    """
    order = {p.id: i for i, p in enumerate(ds.precisions)}
    rows = []
    for p in ds.platforms:
        for m in p.modes:
            for prec in sorted(m.peak_tops, key=lambda x: order.get(x, len(order))):
                rows.append(
                    (p.id, p.name, p.vendor, p.kind, m.id, prec, m.peak_tops[prec],
                     m.bandwidth_gbps, m.memory_gb, m.power_w, p.onchip_mb, p.host_link_gbps, p.sweep,
                     p.power_scope or "", p.color or "", p.note)
                )
    frame = pd.DataFrame(rows, columns=list(PLATFORM_COLUMNS))
    for col in ("memory_gb", "power_w", "onchip_mb", "host_link_gbps"):
        frame[col] = frame[col].astype(float)
    return frame


def variants_frame(ds: Dataset) -> pd.DataFrame:
    """One row per network variant (network x pruning level); ``from_layers``: operations and
    weights computed from the network's layers (else published totals)."""
    rows = [
        (n.task, n.id, n.name, v.pruning_pct, v.ops_gop, v.weights_m, v.from_layers, n.note)
        for n in ds.networks
        for v in n.variants
    ]
    return pd.DataFrame(rows, columns=list(VARIANT_COLUMNS)).astype({"from_layers": bool})


def accuracy_frame(ds: Dataset) -> pd.DataFrame:
    """One row per (network variant, precision) with a published accuracy."""
    order = {p.id: i for i, p in enumerate(ds.precisions)}
    rows = [
        (n.task, n.id, v.pruning_pct, prec, acc.top1_pct, acc.top5_pct)
        for n in ds.networks
        for v in n.variants
        for prec, acc in sorted(v.accuracy.items(), key=lambda kv: order.get(kv[0], len(order)))
    ]
    frame = pd.DataFrame(rows, columns=list(ACCURACY_COLUMNS))
    frame["top5_pct"] = frame["top5_pct"].astype(float)
    return frame


def layers_frame(ds: Dataset) -> pd.DataFrame:
    """One row per layer of every variant computed from its network's layers (``LAYER_KEY``
    then ``model.layers.LAYER_COLUMNS``); per variant, ``ops_gop`` and ``weights_m`` add up
    to the variant's. Variants with published totals have no rows."""
    parts = [layer_frame(expand(n.architecture, v.pruning_pct).layers).assign(
                task=n.task, network=n.id, pruning_pct=v.pruning_pct)
             for n in ds.networks if n.architecture is not None for v in n.variants if v.from_layers]
    if not parts:  # typed, so that joins on it still work
        parts = [layer_frame([]).assign(task=pd.Series(dtype=object), network=pd.Series(dtype=object),
                                        pruning_pct=pd.Series(dtype=float))]
    frame = pd.concat(parts, ignore_index=True)
    return frame[[*LAYER_KEY, *LAYER_COLUMNS]]
