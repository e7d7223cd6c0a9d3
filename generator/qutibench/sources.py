"""The QuTiBench files: their names, their rows and cells, and which of them a source holds.

QuTiBench publishes spreadsheets with quirks: a second header row of units, ``na``/``nm``
for missing values, thousands separators (``"1,234.82"``), percentages (``30.00%``) and
column names with spaces around them. This module reads cells; it knows no ids.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from generator.inputs.checks import Problems, clip_text, csv_rows
from generator.qutibench.report import ImportReport

PLATFORMS_FILE = "hardware_platforms.csv"
PEAKS_FILE = "peakPerfBandHardPlatf.csv"
NETWORKS_FILE = "cnn_topologies_compute_memory_requirements.csv"
ACCURACY_FILE = "cnn_topologies_accuracy.csv"
SPEC_FILES = (PLATFORMS_FILE, PEAKS_FILE, NETWORKS_FILE, ACCURACY_FILE)
POWER_PREFIX = "power_measur_"
NOT_IMPORTED_FILES = {
    "topology_details.csv": "parameter counts of a wider list of networks; weights come "
    "from the Total Model Size column and the hints",
}
# The header of a measurement file in either layout (measurements_backup.csv, data_template.csv).
MEASUREMENT_HEADER = {"nn topology", "hwtype"}

MISSING = {"", "na", "nm", "n/a"}
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")

Rows = list[tuple[int, list[str]]]  # (1-based line, cells), the header included


def normalise_name(name: str) -> str:
    """Compare names loosely: lower case, runs of non-alphanumerics read as one space."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def slug(name: str) -> str:
    """Generic id of a name without alias: ``ZCU104-Bismo`` -> ``zcu104-bismo``."""
    return re.sub(r"[^a-z0-9.]+", "-", name.strip().lower()).strip("-.")


def parse_number(text: str) -> float | None:
    """A source number: ``na``/``nm``/empty -> None, ``"1,234.82"`` -> 1234.82.

    Raises ValueError for anything else that is not a finite decimal number.
    """
    cell = text.strip()
    if cell.lower() in MISSING:
        return None
    if _THOUSANDS.match(cell):
        cell = cell.replace(",", "")
    value = float(cell)
    if not math.isfinite(value):
        raise ValueError(cell)
    return value


def parse_pruning_pct(text: str) -> float:
    """``100%``, ``30.00%``, ``12.5`` -> 100.0, 30.0, 12.5 (percent of channels kept)."""
    cell = text.strip().removesuffix("%").strip()
    value = parse_number(cell)
    if value is None:
        raise ValueError(text)
    return value


def line_ranges(lines: list[int]) -> str:
    """``[964, 965, 966, 970]`` -> ``964-966, 970`` for compact notes."""
    parts: list[tuple[int, int]] = []
    for line in sorted(lines):
        if parts and line == parts[-1][1] + 1:
            parts[-1] = (parts[-1][0], line)
        else:
            parts.append((line, line))
    return ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in parts)


def read_csv(path: Path, problems: Problems) -> Rows:
    """Rows with their 1-based line numbers (header included); unreadable files are problems."""
    return csv_rows(problems.declare(str(path)), path)


def header_of(rows: Rows) -> list[str]:
    """The first row's names, stripped."""
    return [h.strip() for h in rows[0][1]] if rows else []


def body_of(rows: Rows) -> Rows:
    """The data rows: no header, no units row, no blank rows."""
    return [(line, cells) for line, cells in rows[1:] if not is_units_row(cells) and any(c.strip() for c in cells)]


def cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def is_units_row(cells: list[str]) -> bool:
    """QuTiBench's second header row: first cell blank, e.g. ``,[TOP/sec],...``."""
    return bool(cells) and not cells[0].strip() and any(c.strip() for c in cells[1:])


def number(problems: Problems, text: str, file: Path, line: int, column: str) -> float | None:
    """The cell as a number (None when missing); a problem when it is not one."""
    try:
        return parse_number(text)
    except ValueError:
        problems.add(str(file), line, column, f"expected a number, found '{clip_text(text.strip())}'")
        return None


def is_measurement_file(path: Path, problems: Problems) -> bool:
    rows = read_csv(path, problems)
    return MEASUREMENT_HEADER <= {normalise_name(h) for h in header_of(rows)}


def classify(src: Path, report: ImportReport, problems: Problems) -> tuple[bool, list[Path], list[Path]]:
    """(full import?, measurement files, power trace files) of ``src`` (a folder or one CSV)."""
    if src.is_file():
        files = [src]
    elif src.is_dir():
        files = sorted(p for p in src.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    else:
        problems.add(str(src), None, "", "no such file or folder")
        return False, [], []
    has_platforms = any(p.name == PLATFORMS_FILE for p in files)
    has_networks = any(p.name == NETWORKS_FILE for p in files)
    if has_platforms != has_networks:
        missing = NETWORKS_FILE if has_platforms else PLATFORMS_FILE
        problems.add(str(src / missing), None, "", "not found: a full import needs both "
                     f"{PLATFORMS_FILE} and {NETWORKS_FILE}")
    measurements, traces = [], []
    for path in files:
        if path.name in SPEC_FILES:
            continue
        if path.name.startswith(POWER_PREFIX):
            traces.append(path)
        elif path.name in NOT_IMPORTED_FILES:
            report.notes.append(f"{path.name} not imported: {NOT_IMPORTED_FILES[path.name]}")
        elif is_measurement_file(path, problems):
            measurements.append(path)
        elif src.is_file():
            problems.add(str(path), 1, "", "not a QuTiBench measurement file (no NN_Topology and HWType columns)")
        else:
            report.notes.append(f"{path.name} not imported: not a QuTiBench file this importer knows")
    return has_platforms and has_networks, measurements, traces
