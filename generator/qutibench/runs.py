"""Measurements and power traces: QuTiBench rows -> runs and samples in the columns of
``generator.records`` (``MEASUREMENT_COLUMNS``, ``TRACE_FILE_COLUMNS``).

Measurement files are recognised by their header (``NN_Topology`` and ``HWType``), in either
the ``measurements_backup.csv`` or the ``data_template.csv`` layout. Rows without
``lat-comp`` and ``fps-comp`` are dropped (the schema needs one of them). Runs of one
configuration are numbered ``repeat`` 1, 2, ... in source order (after the repeats already
in ``--out`` for a measurements-only import). Every name is resolved and checked against
the :class:`~generator.qutibench.specs.Spec`; every mistake is one problem line.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from generator.formatting import fmt_written
from generator.inputs.checks import Problems
from generator.inputs.dataset import consistency_ratio, inconsistent
from generator.qutibench.names import Names, NoteHint, TraceHint
from generator.qutibench.report import ImportReport
from generator.qutibench.sources import (
    MISSING,
    cell,
    line_ranges,
    normalise_name,
    number,
    parse_number,
    parse_pruning_pct,
    read_csv,
    slug,
)
from generator.qutibench.specs import Spec, index_in
from generator.records import (
    MEASUREMENT_COLUMNS,
    MEASUREMENT_KEY,
    MEASUREMENT_NOTE,
    MEASUREMENT_VALUES,
    TRACE_FILE_COLUMNS,
)

# Measurement columns of both QuTiBench layouts (lower-cased name -> our column).
SOURCE_COLUMNS = {
    "nn_topology": "network",
    "hwtype": "platform",
    "datatype": "precision",
    "precision": "precision",
    "op mode": "mode",
    "batch/thread/stream": "batch",
    "pruningfactor": "pruning_pct",
    "lat-comp": "lat_comp_ms",
    "lat-sys": "lat_sys_ms",
    "fps-comp": "fps_comp",
    "fps-system": "fps_sys",
    "top1 [%]": "top1_pct",
    "top5 [%]": "top5_pct",
    "base_pwr_w": "power_base_w",
    "basepwr [w]": "power_base_w",
    "idle_pwr_w": "power_idle_w",
    "idlepwr [w]": "power_idle_w",
    "full_pwr_w": "power_full_w",
    "fullpwr [w]": "power_full_w",
    "source": "source",
}
# Columns left out on purpose: each is computed from the other files.
DERIVED_SOURCE_COLUMNS = ("tp-system", "tp-comp", "gops", "level", "hw_peak_perf", "hw_bandwidth",
                          "nn_total_operations")
REQUIRED = ("network", "platform", "precision", "batch", "pruning_pct")
# Power trace columns: <network>_volt / _amp, and the idle power.
TRACE_QUANTITIES = {"volt": "voltage_v", "amp": "current_a"}
IDLE_QUANTITY = "power_w"

RunKey = tuple[Any, ...]  # MEASUREMENT_KEY without repeat


@dataclass
class Run:
    """One measured row, in the columns of ``MEASUREMENT_COLUMNS``."""

    task: str
    platform: str
    mode: str
    precision: str
    network: str
    pruning_pct: float
    batch: int
    values: dict[str, float | None]  # MEASUREMENT_VALUES -> value or None (not measured)
    repeat: int = 1
    source: str = ""  # where the run comes from (its file's source column, or the hints' source)
    note: str = ""  # MEASUREMENT_NOTE: from the hints' notes

    def cells(self) -> dict[str, Any]:
        return {"task": self.task, "platform": self.platform, "mode": self.mode, "precision": self.precision,
                "network": self.network, "pruning_pct": self.pruning_pct, "batch": self.batch,
                "repeat": self.repeat, **self.values, "source": self.source, MEASUREMENT_NOTE: self.note}

    def key(self) -> RunKey:
        cells = self.cells()
        return tuple(cells[c] for c in MEASUREMENT_KEY if c != "repeat")

    def row(self) -> list[Any]:
        cells = self.cells()
        return [cells[c] for c in MEASUREMENT_COLUMNS]


@dataclass
class Sample:
    """One power trace sample, in the columns of ``TRACE_FILE_COLUMNS``."""

    platform: str
    mode: str
    network: str  # "" for the idle board
    time_s: float
    readings: dict[str, float | None] = field(default_factory=dict)  # voltage_v, current_a or power_w

    def row(self) -> list[Any]:
        cells = {"platform": self.platform, "mode": self.mode, "network": self.network, "time_s": self.time_s}
        return [cells[c] if c in cells else self.readings.get(c) for c in TRACE_FILE_COLUMNS]


assert set(SOURCE_COLUMNS.values()) <= set(MEASUREMENT_COLUMNS)
assert {*TRACE_QUANTITIES.values(), IDLE_QUANTITY} <= set(TRACE_FILE_COLUMNS)


# --------------------------------------------------------------------------- measurements


def _columns(path: Path, header: list[str], report: ImportReport, problems: Problems) -> dict[str, int] | None:
    """Our column -> index in the source header; None (with a problem) when one is missing."""
    column_of: dict[str, int] = {}
    derived, unknown = [], []
    for index, raw in enumerate(header):
        name = raw.strip()
        key = name.lower()
        if key in SOURCE_COLUMNS:
            target = SOURCE_COLUMNS[key]
            if target in column_of:
                problems.add(str(path), 1, name, f"a second column for {target}")
            column_of[target] = index
        elif key in DERIVED_SOURCE_COLUMNS:
            derived.append(name)
        elif name:
            unknown.append(name)
    for name in unknown:
        problems.add(str(path), 1, name, "unknown column (known: "
                     f"{', '.join(sorted(set(SOURCE_COLUMNS) | set(DERIVED_SOURCE_COLUMNS)))})")
    missing = [c for c in REQUIRED if c not in column_of]
    if "lat_comp_ms" not in column_of and "fps_comp" not in column_of:
        missing.append("lat_comp_ms or fps_comp")
    if missing:
        problems.add(str(path), 1, "", f"missing columns for {', '.join(missing)}")
        return None
    if any(h.strip() != h for h in header):
        report.notes.append(f"{path.name}: spaces around column names ignored "
                            f"({', '.join(repr(h) for h in header if h.strip() != h)})")
    if derived:
        report.notes.append(f"{path.name}: columns {', '.join(derived)} not imported: derived from "
                            "the platforms and networks files")
    return column_of


def import_measurements(path: Path, spec: Spec, names: Names, report: ImportReport,
                        problems: Problems, source: str = "") -> list[Run]:
    """One QuTiBench measurement CSV -> runs with ids resolved and checked against ``spec``;
    each run's ``source`` is its cell of a ``source`` column, else ``source``."""
    rows = read_csv(path, problems)
    header = rows[0][1] if rows else []
    column_of = _columns(path, header, report, problems)
    if column_of is None:
        return []
    body = rows[1:]
    report.rows_read[path.name] = len(body)
    if not body:
        report.notes.append(f"{path.name}: header only, no measurements")
        return []
    value_columns = [c for c in MEASUREMENT_VALUES if c in column_of]
    source_name = {target: header[index].strip() for target, index in column_of.items()}
    runs: list[Run] = []
    placeholders: list[int] = []
    system_only: list[int] = []
    for line, cells in body:
        if not cell(cells, column_of.get("lat_comp_ms")) and not cell(cells, column_of.get("fps_comp")):
            has_values = any(cell(cells, column_of[c]).lower() not in MISSING for c in value_columns)
            (system_only if has_values else placeholders).append(line)
            continue
        run = _read_run(path, line, cells, column_of, source_name, spec, names, problems)
        if run is not None:
            run.source = cell(cells, column_of.get("source")) or source
            runs.append(run)
    dropped = len(placeholders) + len(system_only)
    if dropped:
        report.rows_dropped[path.name] = dropped
        detail = [f"{len(placeholders)} empty placeholders"] if placeholders else []
        if system_only:
            detail.append(f"{len(system_only)} with system-level numbers only, "
                          f"line{'s' if len(system_only) > 1 else ''} {line_ranges(system_only)}")
        report.notes.append(f"{path.name}: {dropped} rows without lat-comp or fps-comp dropped, the "
                            f"schema needs one of them ({'; '.join(detail)})")
    return runs


def _read_run(path: Path, line: int, cells: list[str], column_of: dict[str, int], source_name: dict[str, str],
              spec: Spec, names: Names, problems: Problems) -> Run | None:
    """One source row -> a run, or None (with problems recorded) when it cannot be resolved."""
    file = str(path)
    before = problems.errors

    def text(column: str) -> str:
        return cell(cells, column_of.get(column))

    network_name = text("network")
    network = spec.network(names.network(network_name))
    if network is None:
        problems.add(file, line, source_name["network"], f"unknown network '{network_name}' (read as "
                     f"'{names.network(network_name)}'; known: {', '.join(n.id for n in spec.networks)})")
    platform_name = text("platform")
    platform_id, name_mode = names.platform(platform_name)
    mode_text = slug(text("mode"))
    mode = name_mode or mode_text
    mode_column = source_name.get("mode", "Op mode")
    if name_mode and mode_text and name_mode != mode_text:
        problems.add(file, line, mode_column, f"'{platform_name}' names mode '{name_mode}', the column says "
                                              f"'{mode_text}'")
    platform = spec.platform(platform_id)
    modes = spec.modes(platform_id)
    peaks: dict[str, float] = {}
    if platform is None:
        problems.add(file, line, source_name["platform"], f"unknown platform '{platform_name}' (read as "
                     f"'{platform_id}'; known: {', '.join(p.id for p in spec.platforms)})")
    elif mode not in modes:
        expected = "no mode (single-mode platform)" if modes == [""] else "one of " + ", ".join(modes)
        problems.add(file, line, mode_column, f"platform {platform_id}: expected {expected}, found '{mode}'")
    else:
        peaks = platform.modes[modes.index(mode)].peak_tops
    precision = text("precision").upper()
    if precision not in spec.precision_ids():
        problems.add(file, line, source_name["precision"], f"unknown precision '{text('precision')}' "
                     f"(known: {', '.join(spec.precision_ids())})")
    elif platform is not None and mode in modes and precision not in peaks:
        problems.add(file, line, source_name["precision"], f"{platform_id} {mode}".strip()
                     + f" has no peak at {precision} (it has {', '.join(peaks)})")
    pruning: float | None = None
    try:
        pruning = parse_pruning_pct(text("pruning_pct"))
    except ValueError:
        problems.add(file, line, source_name["pruning_pct"],
                     f"expected a percentage such as 100% or 12.50%, found '{text('pruning_pct')}'")
    if network is not None and pruning is not None and network.variant(pruning) is None:
        problems.add(file, line, source_name["pruning_pct"],
                     f"{network.id} has no variant at {fmt_written(pruning)}% (it has "
                     f"{', '.join(fmt_written(v.pruning_pct) + '%' for v in network.variants)})")
    try:
        batch = parse_number(text("batch"))
    except ValueError:
        batch = None
    if batch is None or not float(batch).is_integer() or batch < 1:
        problems.add(file, line, source_name["batch"], f"expected an integer >= 1, found '{text('batch')}'")
    values = {c: number(problems, text(c), path, line, source_name[c]) if c in column_of else None
              for c in MEASUREMENT_VALUES}
    if problems.errors > before or network is None or pruning is None or batch is None:
        return None
    return Run(network.task, platform_id, mode, precision, network.id, pruning, int(batch), values)


def apply_notes(runs: list[Run], notes: Sequence[NoteHint]) -> int:
    """Give each run the note of the first hint it matches (a hint ``when: inconsistent``
    matches only runs whose latency and throughput disagree, as the dataset checks say); how
    many runs got one."""
    given = 0
    for run in runs:
        cells = run.cells()
        for hint in notes:
            if any(cells[field] != value for field, value in hint.match.items()):
                continue
            if hint.when == "inconsistent" and not inconsistent(consistency_ratio(
                    run.values.get("lat_comp_ms"), run.values.get("fps_comp"), run.batch)):
                continue
            run.note = hint.note
            given += 1
            break
    return given


def number_repeats(runs: list[Run], start_after: dict[RunKey, int]) -> int:
    """Number runs of one configuration 1, 2, ... in source order (after existing repeats);
    how many configurations were measured more than once."""
    seen: Counter[RunKey] = Counter()
    for run in runs:
        key = run.key()
        seen[key] += 1
        run.repeat = start_after.get(key, 0) + seen[key]
    return sum(1 for count in seen.values() if count > 1)


def existing_repeats(frame: pd.DataFrame, skip: set[str]) -> dict[RunKey, int]:
    """Highest repeat per configuration in a data set's measurement frame (rows of the
    files ``skip``, shown paths, left out: they are about to be replaced)."""
    kept = frame.loc[~frame["source_file"].astype(str).isin(skip)]
    if not len(kept):
        return {}
    key = [c for c in MEASUREMENT_KEY if c != "repeat"]
    highest = kept.groupby(key, observed=True, sort=False)["repeat"].max()
    return {tuple(k.item() if hasattr(k, "item") else k for k in index): int(value)
            for index, value in zip(highest.index.tolist(), highest.tolist())}


def sort_runs(runs: list[Run], spec: Spec) -> list[Run]:
    """By task, platform, network, mode, precision (each in the order of the specifications),
    pruning_pct descending, batch, repeat."""
    tasks = [t.id for t in spec.tasks]
    networks = [n.id for n in spec.networks]
    platforms = [p.id for p in spec.platforms]
    precisions = spec.precision_ids()

    def order(run: Run) -> tuple[Any, ...]:
        return (index_in(tasks, run.task), run.task, index_in(platforms, run.platform), run.platform,
                index_in(networks, run.network), run.network, index_in(spec.modes(run.platform), run.mode),
                run.mode, index_in(precisions, run.precision), run.precision, -run.pruning_pct, run.batch,
                run.repeat)

    return sorted(runs, key=order)


# --------------------------------------------------------------------------- power traces


def import_trace(path: Path, settings: TraceHint | None, spec: Spec, names: Names, report: ImportReport,
                 problems: Problems) -> list[Sample]:
    """power_measur_<mode>.csv -> samples: (V, A) per network, idle power in W."""
    file = str(path)
    platform_id = settings.platform if settings else ""
    mode = path.stem.rpartition("_")[2].lower()
    modes = spec.modes(platform_id)
    if settings is None or not modes:
        problems.add(file, None, "", f"power traces need a known platform (hints power_traces.platform: "
                                     f"'{platform_id}')")
        return []
    if mode not in modes:
        if modes != [""]:
            problems.add(file, None, "", f"the file name names mode '{mode}'; {platform_id} has {', '.join(modes)}")
            return []
        mode = ""
    idle_column = normalise_name(settings.idle_column)
    rows = read_csv(path, problems)
    header = [h.strip() for h in rows[0][1]] if rows else []
    series: dict[str, dict[str, int]] = defaultdict(dict)  # network id ("" idle) -> quantity -> column
    for index, name in enumerate(header):
        if normalise_name(name) == idle_column:
            series[""][IDLE_QUANTITY] = index
            continue
        parts = name.lower().split("_")
        quantity = TRACE_QUANTITIES.get(parts[-1])
        stem = [p for p in parts[:-1] if p != mode] if len(parts) > 1 else []
        if quantity is None or not stem:
            problems.add(file, 1, name, f"expected <network>_volt, <network>_amp or {settings.idle_column}")
            continue
        abbreviation = "_".join(stem)
        network_id = settings.networks.get(abbreviation) or names.network(abbreviation)
        if spec.network(network_id) is None:
            problems.add(file, 1, name, f"unknown network '{abbreviation}' (add it under power_traces.networks "
                                        "in the hints)")
            continue
        series[network_id][quantity] = index
    body = rows[1:]
    report.rows_read[path.name] = len(body)
    samples: list[Sample] = []
    empty_cells = half_samples = 0
    for sample, (line, cells) in enumerate(body):
        time_s = sample * settings.sample_interval_s
        for network_id, columns in series.items():
            readings = {q: number(problems, cell(cells, i), path, line, header[i]) for q, i in columns.items()}
            present = [v for v in readings.values() if v is not None]
            empty_cells += len(readings) - len(present)
            if not present:
                continue
            if network_id and len(present) < 2:
                half_samples += 1
                continue
            samples.append(Sample(platform_id, mode, network_id, time_s, readings))
    report.notes.append(f"{path.name}: {len(body)} samples of {platform_id} {mode}".rstrip()
                        + f"; no time column, time_s = sample index x {fmt_written(settings.sample_interval_s)} s "
                        "(the QuTiBench README: about 1 s apart)")
    if empty_cells:
        dropped = f"; {half_samples} samples with voltage or current only dropped" if half_samples else ""
        report.notes.append(f"{path.name}: {empty_cells} empty cells skipped (no sample; the series have "
                            f"different lengths){dropped}")
    return samples


def sort_samples(samples: list[Sample], spec: Spec) -> list[Sample]:
    """By platform, mode (specification order), the idle board first, network, time."""
    networks = [n.id for n in spec.networks]
    platforms = [p.id for p in spec.platforms]

    def order(s: Sample) -> tuple[Any, ...]:
        return (index_in(platforms, s.platform), s.platform, index_in(spec.modes(s.platform), s.mode), s.mode,
                s.network != "", index_in(networks, s.network), s.network, s.time_s)

    return sorted(samples, key=order)
