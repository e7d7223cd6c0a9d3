"""Source files -> the text of every file to write in ``--out``; nothing is written here.

* **Full import**: the source folder holds ``hardware_platforms.csv`` and
  ``cnn_topologies_compute_memory_requirements.csv`` (plus, optionally, the peak and
  accuracy tables, ``power_measur_*.csv`` and measurement CSVs). It gives
  ``precisions.yaml``, ``tasks.yaml``, ``platforms.yaml``, ``networks.yaml``,
  ``measurements/<platform-id>.csv`` (one file per platform) and
  ``power_traces/<platform-id>.csv``.
* **Measurements only**: the source is a measurement CSV, or a folder of them without the
  platform and network tables (e.g. a contributor's file in the ``data_template.csv``
  layout). Names are resolved against the data set already in ``--out`` (plus the hints);
  each ``<stem>.csv`` gives ``measurements/from-<stem>.csv`` (power traces:
  ``power_traces/from-<stem>.csv``), so re-importing a file replaces its own output only.
  Runs that repeat a configuration already in ``--out`` get the next ``repeat`` numbers.

Every problem of every source file is collected and raised together as one
:class:`~generator.errors.DataError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from generator.inputs.checks import Problems
from generator.inputs.dataset import read_dataset
from generator.qutibench.files import measurement_csv, trace_csv, yaml_files
from generator.qutibench.names import HINT_LISTS, DEFAULT_HINTS, Names, load_hints
from generator.qutibench.report import ImportReport
from generator.qutibench.runs import (
    Run,
    Sample,
    apply_notes,
    existing_repeats,
    import_measurements,
    import_trace,
    number_repeats,
    sort_runs,
    sort_samples,
)
from generator.qutibench.sources import classify, slug
from generator.qutibench.specs import Spec, existing_spec, import_spec


@dataclass
class Conversion:
    """What an import would write: path in ``--out`` (posix) -> (text, rows or entries)."""

    report: ImportReport
    files: dict[str, tuple[str, int]] = field(default_factory=dict)


def shown(out: Path) -> str:
    """How files in ``out`` are named in messages: ``data/platforms.yaml``."""
    return out.as_posix()


def _existing(out: Path, names: Names, problems: Problems) -> tuple[Spec, pd.DataFrame] | None:
    """The specifications of the data set in ``out`` and that set's own check (its runs are
    needed to number repeats); None when ``out`` has no data set (a problem then)."""
    missing = [key for key in HINT_LISTS if not (out / f"{key}.yaml").is_file()]
    for key in missing:
        problems.add(f"{shown(out)}/{key}.yaml", None, "", "expected this file: a measurements-only import "
                     "resolves names against the YAML files of --out; import the QuTiBench platform and network "
                     "files first")
    if missing:
        return None
    dataset = read_dataset(problems, out, shown(out))
    if dataset is None:
        return None
    return existing_spec(dataset, names), dataset.measurements


def convert(src: Path, out: Path, hints_path: Path | None = None) -> Conversion:
    """The files an import of ``src`` into ``out`` would write, with the report of what it
    read, dropped and decided. Raises DataError listing every problem."""
    conversion = Conversion(ImportReport())
    report = conversion.report
    problems = Problems()
    hints = load_hints(hints_path or DEFAULT_HINTS, problems)
    problems.raise_if_any()
    names = hints.names()
    full, measurement_files, trace_files = classify(src, report, problems)
    problems.raise_if_any()
    existing_runs = None
    if full:
        spec = import_spec(src, hints, names, report, problems)
    else:
        existing = _existing(out, names, problems)
        problems.raise_if_any()
        assert existing is not None
        spec, existing_runs = existing
    problems.raise_if_any()

    runs_by_file = {p.name: import_measurements(p, spec, names, report, problems, hints.source if full else "")
                    for p in measurement_files}
    samples_by_file = {p.name: import_trace(p, hints.power_traces, spec, names, report, problems)
                       for p in trace_files}
    problems.raise_if_any()

    runs = [run for name in sorted(runs_by_file) for run in runs_by_file[name]]
    noted = apply_notes(runs, hints.notes)
    if noted:
        report.notes.append(f"{noted} run(s) given the hints' notes (known cases the dataset checks would warn about)")
    if full:
        conversion.files.update(yaml_files(spec))
        repeated = number_repeats(runs, {})
        _per_platform(conversion, runs, [s for name in sorted(samples_by_file) for s in samples_by_file[name]], spec)
    else:
        targets = {name: f"from-{slug(Path(name).stem) or 'measurements'}.csv" for name in runs_by_file}
        skip = {f"{shown(out)}/measurements/{target}" for target in targets.values()}
        start_after = existing_repeats(existing_runs, skip) if existing_runs is not None else {}
        repeated = number_repeats(runs, start_after)
        continued = sum(1 for run in runs if run.key() in start_after)
        if continued:
            report.notes.append(f"{continued} run(s) repeat configurations already in {shown(out)}/measurements: "
                                "numbered after the repeats there")
        for name, file_runs in sorted(runs_by_file.items()):
            if file_runs:
                conversion.files[f"measurements/{targets[name]}"] = \
                    (measurement_csv(sort_runs(file_runs, spec)), len(file_runs))
        for name, file_samples in sorted(samples_by_file.items()):
            if file_samples:
                conversion.files[f"power_traces/from-{slug(Path(name).stem)}.csv"] = \
                    (trace_csv(sort_samples(file_samples, spec)), len(file_samples))
        report.notes.append(f"measurements only: names resolved against {shown(out)}'s YAML files, which are "
                            "left unchanged")
    if repeated:
        report.notes.append(f"{repeated} configuration(s) measured more than once: numbered with the "
                            "repeat column (1, 2, ... in source order)")
    if trace_files:
        report.notes.append("power traces: voltage_v and current_a written as measured, power_w left empty "
                            "for them (power = V x A); the idle column gives power_w only; glitch samples "
                            "kept as measured")
    report.rows_written = {path: entries for path, (_, entries) in sorted(conversion.files.items())}
    return conversion


def _per_platform(conversion: Conversion, runs: list[Run], samples: list[Sample], spec: Spec) -> None:
    """A full import's measurement and trace files: one per platform."""
    for platform_id in sorted({r.platform for r in runs}):
        group = sort_runs([r for r in runs if r.platform == platform_id], spec)
        conversion.files[f"measurements/{platform_id}.csv"] = (measurement_csv(group), len(group))
    for platform_id in sorted({s.platform for s in samples}):
        trace = sort_samples([s for s in samples if s.platform == platform_id], spec)
        conversion.files[f"power_traces/{platform_id}.csv"] = (trace_csv(trace), len(trace))
