"""The specifications: QuTiBench's platform, peak, network and accuracy tables (plus the
hints) -> the records of ``generator.records`` that ``data/*.yaml`` hold.

A full import builds them from the source; a measurements-only import takes them from the
data set already in ``--out`` (:func:`existing_spec`). Either way the measurements are
resolved and checked against one :class:`Spec`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from generator.formatting import fmt_written
from generator.inputs.checks import Problems
from generator.model.layers import expand, ops_gop, weights_m
from generator.qutibench.names import Hints, Names, split_pruning
from generator.qutibench.report import ImportReport
from generator.qutibench.sources import (
    ACCURACY_FILE,
    MISSING,
    NETWORKS_FILE,
    PEAKS_FILE,
    PLATFORMS_FILE,
    body_of,
    cell,
    header_of,
    normalise_name,
    number,
    read_csv,
)
from generator.records import (
    PLATFORM_KINDS,
    Accuracy,
    Architecture,
    Dataset,
    Mode,
    Network,
    Platform,
    Precision,
    Task,
    Variant,
)

_ACCURACY = re.compile(r"^([0-9]*\.?[0-9]+)\s*(?:\(\s*([0-9]*\.?[0-9]+)\s*\))?$")
# hardware_platforms.csv column (normalised) -> the Mode field it fills
_MODE_COLUMNS = {"memory bandwidth": "bandwidth_gbps", "memory capacity": "memory_gb", "power": "power_w"}


@dataclass(frozen=True)
class Spec:
    """The specification records one import writes or resolves names against."""

    precisions: tuple[Precision, ...]
    tasks: tuple[Task, ...]
    platforms: tuple[Platform, ...]
    networks: tuple[Network, ...]
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # platform id -> field -> its source

    def precision_ids(self) -> list[str]:
        return [p.id for p in self.precisions]

    def platform(self, platform_id: str) -> Platform | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def network(self, network_id: str) -> Network | None:
        return next((n for n in self.networks if n.id == network_id), None)

    def modes(self, platform_id: str) -> list[str]:
        platform = self.platform(platform_id)
        return [m.id for m in platform.modes] if platform else []


def existing_spec(dataset: Dataset, names: Names) -> Spec:
    """The specifications of the data set in ``--out``; their names join ``names``."""
    for platform in dataset.platforms:
        names.add_platform(platform.id, [platform.name], [m.id for m in platform.modes])
    for network in dataset.networks:
        names.add_network(network.id, [network.name])
    return Spec(dataset.precisions, dataset.tasks, dataset.platforms, dataset.networks)


def index_in(order: list[str], item: str) -> int:
    return order.index(item) if item in order else len(order)


def _ordered(ids_in_source: list[str], hinted_order: list[str]) -> list[str]:
    """Hint order first (for ids present), then the rest in source order."""
    hinted = [i for i in hinted_order if i in ids_in_source]
    return hinted + [i for i in ids_in_source if i not in hinted]


# --------------------------------------------------------------------------- platforms


@dataclass
class _Mode:
    id: str
    peak_tops: dict[str, float]
    bandwidth_gbps: float | None = None
    memory_gb: float | None = None
    power_w: float | None = None


@dataclass
class _Platform:
    id: str
    source_name: str
    line: int  # first row in hardware_platforms.csv
    modes: list[_Mode] = field(default_factory=list)


def _precision_column(header: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]+[0-9]+", header.strip()))


def _read_platforms(path: Path, names: Names, report: ImportReport,
                    problems: Problems) -> tuple[dict[str, _Platform], list[str]]:
    """hardware_platforms.csv -> platforms by id (modes in source order), precision ids."""
    rows = read_csv(path, problems)
    header, body = header_of(rows), body_of(rows)
    report.rows_read[path.name] = len(body)
    precision_columns = [(i, h.upper()) for i, h in enumerate(header) if i and _precision_column(h)]
    mode_columns = {key: i for i, h in enumerate(header) if (key := _MODE_COLUMNS.get(normalise_name(h)))}
    if "bandwidth_gbps" not in mode_columns:
        problems.add(str(path), 1, "Memory Bandwidth", "column missing")
    ignored = [h for i, h in enumerate(header) if i and i not in mode_columns.values()
               and i not in dict(precision_columns)]
    if ignored:
        report.notes.append(f"{path.name}: columns {', '.join(ignored)} not imported (unknown)")
    name_column = header[0] if header and header[0] else "name"

    platforms: dict[str, _Platform] = {}
    for line, cells in body:
        name = cells[0].strip()
        platform_id, mode_id = names.platform(name)
        if not platform_id:
            problems.add(str(path), line, name_column, f"cannot derive an id from '{name}'")
            continue
        mode = _Mode(mode_id, {})
        for index, precision in precision_columns:
            value = number(problems, cell(cells, index), path, line, header[index])
            if value is not None:
                mode.peak_tops[precision] = value
        values = {key: number(problems, cell(cells, index), path, line, header[index])
                  for key, index in mode_columns.items()}
        mode.bandwidth_gbps, mode.memory_gb, mode.power_w = \
            values.get("bandwidth_gbps"), values.get("memory_gb"), values.get("power_w")
        platform = platforms.setdefault(platform_id, _Platform(platform_id, name, line))
        if any(m.id == mode_id for m in platform.modes):
            problems.add(str(path), line, name_column, f"'{name}' repeats platform {platform_id} mode '{mode_id}'")
            continue
        platform.modes.append(mode)
        names.add_platform(platform_id, [] if mode_id else [name], [mode_id])  # "TX2 - maxn" is no alias
    return platforms, [p for _, p in precision_columns]


def _tb_to_gb(value: float) -> float:
    """TB/s -> GB/s without binary noise (0.00426 -> 4.26, not 4.260000000000001)."""
    return float(Decimal(repr(value)) * 1000)


def _cross_check_peaks(path: Path, platforms: dict[str, _Platform], precision_ids: list[str], names: Names,
                       report: ImportReport, problems: Problems) -> None:
    """peakPerfBandHardPlatf.csv: fill missing bandwidths (TB/s there), note disagreements."""
    rows = read_csv(path, problems)
    body = [(line, cells) for line, cells in rows[1:] if any(c.strip() for c in cells)]
    report.rows_read[path.name] = len(body)
    no_bandwidth: list[str] = []
    for line, cells in body:
        name = cell(cells, 0)
        base, _, precision = name.rpartition(" ")
        if precision.upper() not in precision_ids:
            report.notes.append(f"{path.name} line {line}: '{name}' does not end with a precision; not used")
            continue
        platform_id, mode_id = names.platform(base)
        platform = platforms.get(platform_id)
        mode = next((m for m in platform.modes if m.id == mode_id), None) if platform else None
        if mode is None:
            report.notes.append(f"{path.name} line {line}: '{name}' matches no platform of {PLATFORMS_FILE}; not used")
            continue
        peak = number(problems, cell(cells, 1), path, line, "Peak_Performance")
        bandwidth_tbps = number(problems, cell(cells, 2), path, line, "Bandwidth")
        label = f"{platform_id} {mode_id}".strip()
        known_peak = mode.peak_tops.get(precision.upper())
        if peak is not None and known_peak is not None and peak != known_peak:
            report.notes.append(f"{path.name} line {line}: {label} {precision} peak {fmt_written(peak)} TOP/s "
                                f"differs from {PLATFORMS_FILE}'s {fmt_written(known_peak)}; "
                                f"kept {fmt_written(known_peak)}")
        if bandwidth_tbps is None:
            no_bandwidth.append(name)
            continue
        bandwidth = _tb_to_gb(bandwidth_tbps)
        if mode.bandwidth_gbps is None:
            mode.bandwidth_gbps = bandwidth
            report.notes.append(f"platforms.yaml: {label} bandwidth {fmt_written(bandwidth)} GB/s taken from "
                                f"{path.name} (missing in {PLATFORMS_FILE})")
        elif mode.bandwidth_gbps != bandwidth:
            report.notes.append(f"{path.name} line {line}: {label} bandwidth {fmt_written(bandwidth)} GB/s "
                                f"differs from {PLATFORMS_FILE}'s {fmt_written(mode.bandwidth_gbps)}; kept the latter")
    if no_bandwidth:
        report.notes.append(f"{path.name}: no bandwidth for {', '.join(no_bandwidth)}; "
                            f"the bandwidth of {PLATFORMS_FILE} is used")


def _platform_records(path: Path, drafts: dict[str, _Platform], hints: Hints, report: ImportReport,
                      problems: Problems) -> tuple[tuple[Platform, ...], dict[str, dict[str, str]]]:
    """Platform records in hint order (hint names, vendors, kinds); every mode needs a peak
    and a bandwidth, every platform a vendor and a kind."""
    platforms, sources = [], {}
    for platform_id in _ordered(list(drafts), [h.id for h in hints.platforms]):
        draft, hint = drafts[platform_id], hints.platform(platform_id)
        vendor, kind = (hint.vendor, hint.kind) if hint else (None, None)
        if not vendor or not kind:
            missing = " and ".join(w for w, v in (("vendor", vendor), ("kind", kind)) if not v)
            problems.add(str(path), draft.line, "", f"platform '{draft.source_name}' (id {platform_id}) has no "
                         f"{missing} in the hints: add them under platforms in the hints file (--hints FILE; "
                         f"kind one of {', '.join(PLATFORM_KINDS)})")
        hint_modes = list(hint.modes) if hint else []
        modes = sorted(draft.modes, key=lambda m: index_in(hint_modes, m.id))
        if len(modes) == 1 and modes[0].id:
            report.notes.append(f"platforms.yaml: {platform_id} has one mode only ('{modes[0].id}'); kept as its id")
        records = []
        for mode in modes:
            label = f"{platform_id} {mode.id}".strip()
            if not mode.peak_tops:
                problems.add(str(path), draft.line, "peak_tops", f"{label}: no peak performance at any precision")
            if mode.bandwidth_gbps is None:
                problems.add(str(path), draft.line, "Memory Bandwidth",
                             f"{label}: no bandwidth in {PLATFORMS_FILE} or {PEAKS_FILE}")
            records.append(Mode(mode.id, mode.peak_tops, mode.bandwidth_gbps or 0.0, mode.memory_gb, mode.power_w))
        if hint and hint.sources:
            sources[platform_id] = hint.sources
        platforms.append(Platform(
            platform_id, hint.name if hint and hint.name else draft.source_name, vendor or "", kind or "",
            tuple(records), hint.description if hint else "", hint.onchip_mb if hint else None,
            hint.color if hint else None, hint.host_link_gbps if hint else None,
            (hint.sweep if hint else None) or "batch", hint.power_scope if hint else None, hint.note if hint else ""))
    return tuple(platforms), sources


def _precisions(hints: Hints, source_ids: list[str]) -> tuple[Precision, ...]:
    """Hint precisions, then any other precision column of the platforms file (bits from its digits)."""
    result = list(hints.precisions)
    for pid in source_ids:
        if pid not in [p.id for p in result]:
            digits = re.findall(r"\d+", pid)
            result.append(Precision(pid, float(digits[-1]) if digits else 0.0))
    return tuple(result)


# --------------------------------------------------------------------------- networks


def _rounds_to(precise: float, shown: str) -> bool:
    """Is ``shown`` (e.g. ``7.7``) ``precise`` (7.72) rounded to the digits shown?"""
    decimals = len(shown.partition(".")[2])
    return abs(precise - float(shown)) <= 0.5 * 10 ** -decimals + 1e-12


def _from_layers(arch: Architecture, pruning: float) -> Variant | str:
    """The variant computed from the layers, or why it cannot be."""
    expansion = expand(arch, pruning)
    if expansion.problems:
        return expansion.problems[0].message
    return Variant(pruning, ops_gop(expansion.layers), weights_m(expansion.layers), from_layers=True)


def _read_networks(path: Path, hints: Hints, names: Names, report: ImportReport,
                   problems: Problems) -> tuple[dict[str, dict[float, Variant]], dict[str, str]]:
    """cnn_topologies_compute_memory_requirements.csv (+ hint variants) -> variants by network
    id and pruning level, and each network's source name."""
    rows = read_csv(path, problems)
    header, body = header_of(rows), body_of(rows)
    report.rows_read[path.name] = len(body)
    column = {normalise_name(h): i for i, h in enumerate(header)}
    ops_index, weights_index = column.get("total ops"), column.get("total model size")
    for label, index in (("Total OPs", ops_index), ("Total Model Size", weights_index)):
        if index is None:
            problems.add(str(path), 1, label, "column missing")
    skipped = [h for i, h in enumerate(header) if i and i not in (ops_index, weights_index)]
    if skipped:
        report.notes.append(f"{path.name}: columns {', '.join(skipped)} not imported: derived "
                            "(ops / (weights x bytes per element)); the site computes intensities")
    name_column = header[0] if header and header[0] else "name"

    variants: dict[str, dict[float, Variant]] = defaultdict(dict)
    source_names: dict[str, str] = {}
    from_hints, from_layers, rounded = [], [], []
    for line, cells in body:
        name, pruning = split_pruning(cells[0])
        network_id = names.network(name)
        if not network_id:
            problems.add(str(path), line, name_column, f"cannot derive an id from '{name}'")
            continue
        source_names.setdefault(network_id, name)
        names.add_network(network_id, [name])
        ops_text = cell(cells, ops_index)
        ops = number(problems, ops_text, path, line, "Total OPs")
        weights_text = cell(cells, weights_index)
        weights = number(problems, weights_text, path, line, "Total Model Size")
        for label, index in (("Total OPs", ops_index), ("Total Model Size", weights_index)):
            if cell(cells, index).lower() in MISSING:
                problems.add(str(path), line, label, "required, found an empty cell")
        if ops is None or weights is None:
            continue
        if pruning in variants[network_id]:
            problems.add(str(path), line, name_column,
                         f"'{cells[0].strip()}' repeats {network_id} at {fmt_written(pruning)}%")
            continue
        hint = hints.network(network_id)
        label = f"{network_id} {fmt_written(pruning)}%"
        if hint and hint.architecture and pruning not in hint.ops_gop:
            variant = _from_layers(hint.architecture, pruning)
            if isinstance(variant, str):
                problems.add(str(path), line, name_column, f"{label} cannot be computed from the hints' layers: "
                                                           f"{variant}")
                continue
            if not _rounds_to(variant.ops_gop, ops_text):
                report.notes.append(f"{path.name} line {line}: {label} Total OPs {ops_text} does not round from "
                                    f"{fmt_written(variant.ops_gop)} computed from the hints' layers; kept the layers")
            if not _rounds_to(variant.weights_m, weights_text):
                report.notes.append(f"{path.name} line {line}: {label} Total Model Size {weights_text} does not round "
                                    f"from the {fmt_written(variant.weights_m)} M weights of the hints' layers; "
                                    "kept the layers")
            variants[network_id][pruning] = variant
            from_layers.append(label)
            continue
        if hint and pruning in hint.ops_gop:
            precise = hint.ops_gop[pruning]
            if not _rounds_to(precise, ops_text):
                report.notes.append(f"{path.name} line {line}: {label} Total OPs {ops_text} does not round from "
                                    f"the hints' {fmt_written(precise)}; kept the hints' value")
            ops = precise
            from_hints.append(label)
        else:
            rounded.append(label)
        variants[network_id][pruning] = Variant(pruning, ops, weights)
    if from_hints:
        report.notes.append(f"networks.yaml: ops_gop of {len(from_hints)} variants taken from the hints "
                            "(the Total OPs column is rounded)")
    if from_layers:
        report.notes.append(f"networks.yaml: {len(from_layers)} variants described by the hints' layers "
                            "(operations and weights computed, not the rounded columns)")
    if rounded:
        report.notes.append(f"networks.yaml: ops_gop of {', '.join(rounded)} from the rounded Total OPs "
                            "column (no precise count in the hints)")
    for hint in hints.networks:
        for extra in hint.variants:
            if extra.pruning_pct not in variants[hint.id]:
                if extra.from_layers and hint.architecture is not None:
                    computed = _from_layers(hint.architecture, extra.pruning_pct)
                    if isinstance(computed, str):
                        problems.add("hints", None, "networks.variants", f"{hint.id} {fmt_written(extra.pruning_pct)}% "
                                                                         f"cannot be computed from its layers: {computed}")
                        continue
                    extra = computed
                variants[hint.id][extra.pruning_pct] = extra
                report.notes.append(
                    f"networks.yaml: {hint.id} {fmt_written(extra.pruning_pct)}% added from the hints (not in "
                    f"{path.name}): {fmt_written(extra.ops_gop)} GOP, {fmt_written(extra.weights_m)} M weights")
    return variants, source_names


def _read_accuracy(path: Path, variants: dict[str, dict[float, Variant]], precision_ids: list[str],
                   names: Names, report: ImportReport, problems: Problems) -> None:
    """cnn_topologies_accuracy.csv: ``69.24 (88.45)`` -> top1 69.24, top5 88.45; ``nm`` skipped."""
    rows = read_csv(path, problems)
    header, body = header_of(rows), body_of(rows)
    report.rows_read[path.name] = len(body)
    columns = []
    for index, name in enumerate(header[1:], start=1):
        if name.upper() in precision_ids:
            columns.append((index, name.upper()))
        else:
            problems.add(str(path), 1, name, f"not a precision (known: {', '.join(precision_ids)})")
    not_measured = 0
    for line, cells in body:
        name, pruning = split_pruning(cells[0])
        network_id = names.network(name)
        variant = variants.get(network_id, {}).get(pruning)
        if variant is None:
            problems.add(str(path), line, header[0] if header and header[0] else "name",
                         f"'{cells[0].strip()}' is not a network variant of {NETWORKS_FILE}")
            continue
        accuracy: dict[str, Accuracy] = {}
        for index, precision in columns:
            text = cell(cells, index)
            if text.lower() in MISSING:
                not_measured += 1
                continue
            match = _ACCURACY.match(text)
            if not match:
                problems.add(str(path), line, header[index], f"expected 'top1' or 'top1 (top5)', found '{text}'")
                continue
            top5 = float(match.group(2)) if match.group(2) else None
            accuracy[precision] = Accuracy(float(match.group(1)), top5)
        if accuracy:
            ordered = {p: accuracy[p] for p in precision_ids if p in accuracy}
            variants[network_id][pruning] = replace(variant, accuracy=ordered)
    report.notes.append(f"{path.name}: {not_measured} cells 'nm' (not measured) skipped; "
                        "'top1 (top5)' split into top1_pct and top5_pct")


def _network_records(path: Path, variants: dict[str, dict[float, Variant]], source_names: dict[str, str],
                     hints: Hints, task_ids: list[str], problems: Problems) -> tuple[Network, ...]:
    networks = []
    for network_id in _ordered(list(variants), [h.id for h in hints.networks]):
        hint = hints.network(network_id)
        source_name = source_names.get(network_id, network_id)
        task = hint.task if hint and hint.task else ""
        if not task:
            problems.add(str(path), None, "", f"network '{source_name}' (id {network_id}) has no task: add it "
                         "under networks in the hints file (--hints FILE)")
        elif task not in task_ids:
            problems.add(str(path), None, "task", f"network {network_id}: task '{task}' (from the hints) is not "
                         "a task of the hints")
        by_pruning = variants[network_id]
        networks.append(Network(
            network_id, hint.name if hint and hint.name else source_name, task,
            tuple(by_pruning[p] for p in sorted(by_pruning, reverse=True)),
            hint.description if hint else "", hint.architecture if hint else None, hint.note if hint else ""))
    return tuple(networks)


# --------------------------------------------------------------------------- all of them


def import_spec(src: Path, hints: Hints, names: Names, report: ImportReport, problems: Problems) -> Spec:
    """The specifications of a QuTiBench folder (``src``) and the hints."""
    drafts, source_precisions = _read_platforms(src / PLATFORMS_FILE, names, report, problems)
    precisions = _precisions(hints, source_precisions)
    precision_ids = [p.id for p in precisions]
    if (src / PEAKS_FILE).is_file():
        _cross_check_peaks(src / PEAKS_FILE, drafts, precision_ids, names, report, problems)
    else:
        report.notes.append(f"{PEAKS_FILE} not found: bandwidths from {PLATFORMS_FILE} only")
    platforms, sources = _platform_records(src / PLATFORMS_FILE, drafts, hints, report, problems)
    variants, source_names = _read_networks(src / NETWORKS_FILE, hints, names, report, problems)
    if (src / ACCURACY_FILE).is_file():
        _read_accuracy(src / ACCURACY_FILE, variants, precision_ids, names, report, problems)
    else:
        report.notes.append(f"{ACCURACY_FILE} not found: no published accuracy imported")
    tasks = hints.tasks
    networks = _network_records(src / NETWORKS_FILE, variants, source_names, hints, [t.id for t in tasks], problems)
    return Spec(precisions, tasks, platforms, networks, sources)
