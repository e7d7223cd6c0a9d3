"""The review report: what a change does to the generated tables, as one Markdown comment.

Input: the CSV texts of both versions of every table (name -> text, ``None`` when a version
lacks the table) and each table's key columns. The summary knows four tables by name
(measurements, predictions, pareto, model_error); every other table is shown generically.
The report must fit a pull-request comment, so the rows shown per table are capped, and the
cap is lowered (and the report says so) until it fits :data:`REPORT_LIMIT`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.publish.tablediff import (
    ADDED,
    ARROW,
    CHANGED,
    REMOVED,
    TableDiff,
    counts_line,
    diff_tables,
    escape,
    markdown_rows,
    read_table,
    relative_change,
)

# GitHub refuses comments over 65,536 characters. The report keeps this much below that,
# measured in UTF-8 bytes (never fewer than characters), so the workflow can add its hidden
# marker and a link to the full diff.
COMMENT_LIMIT = 65_536
REPORT_LIMIT = COMMENT_LIMIT - 1_536
DEFAULT_CAP = 50
_CAPS = (50, 20, 10, 5, 2, 1, 0)

MEASUREMENTS, PREDICTIONS, PARETO, MODEL_ERROR = "measurements.csv", "predictions.csv", "pareto.csv", "model_error.csv"
MODEL_ERROR_KEY = ("task", "model")
MODEL_ERROR_VALUES = (
    ("configurations", "configurations"),
    ("median_abs_log_error", "median |log error|"),
    ("p90_abs_log_error", "p90 |log error|"),
    ("above_bound_pct", "above bound (%)"),
)


@dataclass(frozen=True)
class Comparison:
    base_label: str  # e.g. "origin/main (1a2b3c4)"
    head_label: str  # e.g. "the working tree"
    old: Mapping[str, str | None]
    new: Mapping[str, str | None]
    keys: Mapping[str, Sequence[str]]

    def names(self) -> list[str]:
        return sorted(set(self.old) | set(self.new))

    def diffs(self) -> dict[str, TableDiff]:
        return {n: diff_tables(n, self.old.get(n), self.new.get(n), self.key(n)) for n in self.names()}

    def key(self, name: str) -> Sequence[str]:
        return self.keys.get(name) or (MODEL_ERROR_KEY if name == MODEL_ERROR else ())


def render_report(comparison: Comparison, cap: int | None = None, limit: int = REPORT_LIMIT) -> str:
    """The Markdown report; with ``cap`` None, the largest cap whose report fits ``limit``."""
    diffs = comparison.diffs()
    if cap is not None:
        return _render(comparison, diffs, cap, None)
    for c in _CAPS:
        text = _render(comparison, diffs, c, None if c == DEFAULT_CAP else c)
        if len(text.encode("utf-8")) <= limit:
            return text
    return _truncate(text, limit)


def _truncate(text: str, limit: int) -> str:
    note = "\n\n**The report was cut here to fit a pull-request comment; see the full diff.**\n"
    budget = limit - len(note.encode("utf-8"))
    cut = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    cut = cut[: cut.rfind("\n") + 1] if "\n" in cut else cut
    return cut + note


def _render(comparison: Comparison, diffs: dict[str, TableDiff], cap: int, shrunk: int | None) -> str:
    out = [f"## Generated data: {escape(comparison.head_label)} against {escape(comparison.base_label)}\n"]
    changed = [n for n, d in diffs.items() if not d.unchanged]
    if not changed:
        out.append("No change in the generated data tables.\n")
        return "\n".join(out)
    out.append("### Summary\n")
    out.extend(_summary(comparison, diffs, cap))
    if shrunk is not None:
        out.append(
            f"_To fit a pull-request comment, at most {shrunk} row{'s' if shrunk != 1 else ''} per table "
            f"(and per list) are shown instead of {DEFAULT_CAP}; the full diff has every change._\n"
        )
    out.append("### Tables\n")
    for name, diff in diffs.items():
        out.append(f"#### {escape(name)}: {counts_line(diff)}\n")
        if cap > 0 or diff.unchanged:
            out.append(markdown_rows(diff, cap))
    return "\n".join(out)


def _summary(comparison: Comparison, diffs: dict[str, TableDiff], cap: int) -> list[str]:
    lines: list[str] = []
    if MEASUREMENTS in diffs:
        d = diffs[MEASUREMENTS]
        lines.append(
            f"- **Runs** ({MEASUREMENTS}): {d.count(ADDED)} added, {d.count(REMOVED)} removed, {d.count(CHANGED)} changed"
        )
    if PREDICTIONS in diffs:
        d = diffs[PREDICTIONS]
        extra = "".join(f", {d.count(s)} {s}" for s in (ADDED, REMOVED) if d.count(s))
        lines.append(f"- **Predictions** ({PREDICTIONS}): {d.count(CHANGED)} changed{extra}")
    if PARETO in diffs:
        entered, left = _front_moves(diffs[PARETO])
        lines.append(f"- **Pareto fronts** ({PARETO}): {_n(len(entered), 'configuration')} entered a front, {len(left)} left one")
        for label, moves in (("entered", entered), ("left", left)):
            for text in moves[:cap]:
                lines.append(f"  - {label}: {text}")
            if len(moves) > cap:
                lines.append(f"  - …and {len(moves) - cap} more {label}")
    others = [n for n, d in diffs.items() if not d.unchanged and n not in (MEASUREMENTS, PREDICTIONS, PARETO, MODEL_ERROR)]
    if others:
        lines.append("- **Other tables changed**: " + ", ".join(f"{escape(n)} ({counts_line(diffs[n])})" for n in others))
    if lines:
        lines.append("")
    if comparison.old.get(MODEL_ERROR) is not None or comparison.new.get(MODEL_ERROR) is not None:
        lines.append(_model_error(comparison))
    return lines


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _front_moves(diff: TableDiff) -> tuple[list[str], list[str]]:
    """Configurations that entered or left a Pareto front (by the ``on_front`` column)."""
    entered: list[str] = []
    left: list[str] = []
    for r in diff.rows:
        label = " · ".join(escape(v) for v in r.key if v != "")
        if r.status == CHANGED:
            move = next((c for c in r.changes if c.column == "on_front"), None)
            if move is not None and move.new == "true":
                entered.append(label)
            elif move is not None and move.old == "true":
                left.append(label)
        elif r.status == ADDED and r.row.get("on_front") == "true":
            entered.append(label + " (new)")
        elif r.status == REMOVED and r.row.get("on_front") == "true":
            left.append(label + " (removed)")
    return entered, left


def _model_error(comparison: Comparison) -> str:
    """Model error before and after, one row per task and model."""
    old_cols, old_rows = read_table(comparison.old.get(MODEL_ERROR))
    new_cols, new_rows = read_table(comparison.new.get(MODEL_ERROR))
    key = [k for k in comparison.key(MODEL_ERROR) if k in old_cols or k in new_cols]
    values = [(c, label) for c, label in MODEL_ERROR_VALUES if c in old_cols or c in new_cols]
    old_by = {tuple(r.get(k, "") for k in key): r for r in old_rows}
    new_by = {tuple(r.get(k, "") for k in key): r for r in new_rows}
    keys = sorted(set(old_by) | set(new_by))
    if comparison.old.get(MODEL_ERROR) is None:
        note = " (new table)"
    elif comparison.new.get(MODEL_ERROR) is None:
        note = " (table removed)"
    else:
        note = ""
    lines = [f"**Model error** ({MODEL_ERROR}, before {ARROW} after){note}:\n"]
    lines.append("| " + " | ".join([*(escape(k) for k in key), *(label for _, label in values)]) + " |")
    lines.append("|" + " --- |" * (len(key) + len(values)))
    for k in keys:
        old, new = old_by.get(k), new_by.get(k)
        cells = [escape(v) for v in k]
        for column, _label in values:
            a = old.get(column, "") if old else ""
            b = new.get(column, "") if new else ""
            if old is not None and new is not None and a == b:
                cells.append(escape(b))
            else:
                rel = relative_change(a, b)
                text = f"{escape(a) if old else '–'} {ARROW} {escape(b) if new else '–'}"
                cells.append(f"{text} ({escape(rel)})" if rel else text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def unified_diff(comparison: Comparison) -> str:
    """The full unified diff of every table (``a/data/NAME`` -> ``b/data/NAME``)."""
    chunks: list[str] = []
    for name in comparison.names():
        old, new = comparison.old.get(name), comparison.new.get(name)
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                fromfile=f"a/data/{name}" if old is not None else "/dev/null",
                tofile=f"b/data/{name}" if new is not None else "/dev/null",
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in chunks)
