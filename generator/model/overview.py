"""The overview table of a task: which platform measured which network, how, and in what sweep."""

from __future__ import annotations

import pandas as pd

from generator.formatting import fmt_pct
from generator.records import kind_order

NONE_TEXT = "na"


def _precision_order(platforms: pd.DataFrame, precisions: pd.DataFrame | None) -> dict[str, int]:
    """Display order of precisions: the precisions frame, else first use in the platforms frame."""
    names = precisions["precision"] if precisions is not None else platforms["precision"]
    return {p: i for i, p in enumerate(dict.fromkeys(names))}


ABOVE_PEAK_MARK = "‡"
ABOVE_BOUND_MARK = "†"


def _cell(runs: pd.DataFrame, order: dict[str, int], marks: dict[tuple, str]) -> str:
    """'INT2: 100%, 50%‡; INT4: 100%' -- precisions in display order, pruning descending; a
    level is marked when ``marks`` has its (precision, pruning_pct)."""
    if runs.empty:
        return NONE_TEXT
    parts = []
    for precision in sorted(set(runs["precision"]), key=lambda p: (order.get(p, len(order)), p)):
        levels = sorted(set(runs.loc[runs["precision"] == precision, "pruning_pct"]), reverse=True)
        parts.append(f"{precision}: " + ", ".join(fmt_pct(p) + marks.get((precision, p), "") for p in levels))
    return "; ".join(parts)


def anomaly_marks(efficiency: pd.DataFrame) -> dict[tuple, str]:
    """(platform, network, precision, pruning_pct) -> mark, for configurations measured above
    their compute peak (``ABOVE_PEAK_MARK``) or above their bound (``ABOVE_BOUND_MARK``),
    any mode; from ``model.experiments.efficiency``."""
    marks: dict[tuple, str] = {}
    peak = efficiency["above_peak"].fillna(False).astype(bool)
    bound = efficiency["above_bound"].fillna(False).astype(bool)
    for row, above_peak, above_bound in zip(efficiency.itertuples(index=False), peak, bound):
        key = (row.platform, row.network, row.precision, row.pruning_pct)
        if above_peak:
            marks[key] = ABOVE_PEAK_MARK
        elif above_bound and key not in marks:
            marks[key] = ABOVE_BOUND_MARK
    return marks


def overview(
    measurements: pd.DataFrame,
    platforms: pd.DataFrame,
    variants: pd.DataFrame,
    task: str,
    precisions: pd.DataFrame | None = None,
    marks: dict[tuple, str] | None = None,
) -> pd.DataFrame:
    """One row per platform that measured ``task``: kind, names, modes, per-network cells, sweep.

    Rows are ordered by kind (FPGA, GPU, TPU, VLIW, CPU, others), then platform name.
    ``modes`` lists the measured modes in the platforms frame's order ("" for a
    single-mode platform); ``sweep`` the batch values measured, ascending. ``marks``
    (``anomaly_marks``) flags levels measured above their peak or bound.
    """
    # What was measured where: the distinct combinations are enough (not every repeat).
    runs = measurements.loc[measurements["task"] == task, ["platform", "mode", "precision", "network",
                                                           "pruning_pct", "batch"]].drop_duplicates()
    runs = runs.astype({c: str for c in ("platform", "mode", "precision", "network")})
    networks = variants.loc[variants["task"] == task].drop_duplicates("network")
    info = platforms.drop_duplicates("platform").set_index("platform")
    platform_modes = dict.fromkeys(zip(platforms["platform"], platforms["mode"]))
    mode_order = {pm: i for i, pm in enumerate(platform_modes)}
    order = _precision_order(platforms, precisions)
    rows = []
    for platform in sorted(set(runs["platform"])):
        mine = runs.loc[runs["platform"] == platform]
        known = platform in info.index
        modes = sorted(
            set(mine["mode"]), key=lambda m: (mode_order.get((platform, m), len(mode_order)), m)
        )
        row = {
            "kind": info.at[platform, "kind"] if known else "",
            "platform": platform,
            "platform_name": info.at[platform, "platform_name"] if known else platform,
            "modes": ", ".join(m for m in modes if m),
        }
        for network, name in zip(networks["network"], networks["network_name"]):
            mine_marks = {(prec, prune): mark for (plat, net, prec, prune), mark in (marks or {}).items()
                          if plat == platform and net == network}
            row[name] = _cell(mine.loc[mine["network"] == network], order, mine_marks)
        row["sweep"] = ", ".join(str(b) for b in sorted(set(int(b) for b in mine["batch"])))
        rows.append(row)
    rows.sort(key=lambda r: (kind_order(r["kind"]), r["platform_name"], r["platform"]))
    columns = ["kind", "platform", "platform_name", "modes", *networks["network_name"], "sweep"]
    return pd.DataFrame(rows, columns=columns)
