"""The review report: what a change does to the generated tables, as one Markdown comment
that a person reads at a glance.

Input: the CSV texts of both versions of every table (name -> text, ``None`` when a version
lacks the table) and each table's key columns. The report has

* a **summary**: runs added, removed and changed; platforms and networks added, removed or
  changed, by name; configurations that entered or left a Pareto front; the model error
  before and after, only where it moved; which computed tables changed as a consequence;
* the **changed rows** of the tables a contributor edits (the inputs: platforms, networks,
  accuracy, measurements, traces, and any table this module does not know), values with 4
  significant digits and their relative change. The rows of the computed tables
  (predictions, Pareto points, efficiency, power, model error) follow from those and are
  counted in the summary only, unless no input changed (a change of ``site.yml``); every
  digit of every change is in the full diff (``unified_diff``, the command's ``--full``).

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
    shown_pair,
)

# GitHub refuses comments over 65,536 characters. The report keeps this much below that,
# measured in UTF-8 bytes (never fewer than characters), so the workflow can add its hidden
# marker and a link to the full diff.
COMMENT_LIMIT = 65_536
REPORT_LIMIT = COMMENT_LIMIT - 1_536
DEFAULT_CAP = 50
_CAPS = (50, 20, 10, 5, 2, 1, 0)

MEASUREMENTS, PREDICTIONS, PARETO, MODEL_ERROR = "measurements.csv", "predictions.csv", "pareto.csv", "model_error.csv"
# Tables computed from the others: their rows are counted, not listed (see the module doc).
COMPUTED = (PREDICTIONS, PARETO, "efficiency.csv", "power.csv", MODEL_ERROR, "model_validation.csv", "layers.csv")
# Tables whose rows name a platform or a network: (table, id column, name column, label).
NAMED = (("platforms.csv", "platform", "platform_name", "Platforms"),
         ("networks.csv", "network", "network_name", "Networks"))
MODEL_ERROR_KEY = ("task", "platform", "model", "scheme")
MODEL_ERROR_VALUES = (
    ("configurations", "configurations"),
    ("median_abs_log_error", "median |log error|"),
    ("p90_abs_log_error", "p90 |log error|"),
    ("above_bound_pct", "above bound (%)"),
)
# The site and the README show three significant digits: a move of less than half a unit of the
# third (0.5%) is noise a reader cannot see, e.g. of a calibration one run moved a little.
MODEL_ERROR_MOVE = 0.005


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

    def changed(self) -> bool:
        """Whether any table differs (what ``diff --exit-code`` reports)."""
        return any(self.old.get(n) != self.new.get(n) for n in self.names())


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
    changed = {n: d for n, d in diffs.items() if not d.unchanged}
    if not changed:
        out.append("No change in the generated data tables.\n")
        return "\n".join(out)
    inputs = [n for n in changed if n not in COMPUTED]
    listed = inputs or [n for n in changed if n != MODEL_ERROR]  # no input changed: show what did
    out.append("\n".join(_summary(comparison, changed, cap, listed)) + "\n")
    if shrunk is not None:
        out.append(
            f"_To fit a pull-request comment, at most {shrunk} row{'s' if shrunk != 1 else ''} per table "
            f"(and per list) are shown instead of {DEFAULT_CAP}; the full diff has every change._\n"
        )
    for name in listed:
        diff = changed[name]
        out.append(f"#### {escape(name)}: {counts_line(diff)}\n")
        if cap > 0:
            out.append(markdown_rows(diff, cap))
    return "\n".join(out)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _summary(comparison: Comparison, changed: dict[str, TableDiff], cap: int, listed: list[str]) -> list[str]:
    lines: list[str] = []
    if MEASUREMENTS in changed:
        d = changed[MEASUREMENTS]
        counts = [f"{d.count(s)} {s}" for s in (ADDED, REMOVED, CHANGED) if d.count(s)]
        lines.append(f"- **Runs**: {', '.join(counts)}")
    for table, id_column, name_column, label in NAMED:
        if table in changed:
            lines.append(f"- **{label}**: {_entities(comparison, changed[table], table, id_column, name_column, cap)}")
    if PARETO in changed:
        entered, left = _front_moves(changed[PARETO])
        if entered or left:
            lines.append(f"- **Pareto fronts**: {_n(len(entered), 'configuration')} entered a front, {len(left)} left one")
            for label, moves in (("entered", entered), ("left", left)):
                lines.extend(f"  - {label}: {text}" for text in moves[:cap])
                if len(moves) > cap:
                    lines.append(f"  - …and {len(moves) - cap} more {label}")
    moved = _model_error(comparison) if MODEL_ERROR in changed else ""
    if moved:
        lines.append("- **Model error**, where it moved (before → after):\n")
        lines.append(moved)
    consequences = [n for n in changed if n not in listed and (n != MODEL_ERROR or not moved)]
    if consequences:
        tables = ", ".join(f"{escape(n)} ({_n(len(changed[n].rows), 'row')})" for n in consequences)
        lines.append(f"- **Computed tables that follow**: {tables}; their rows are in the full diff.")
    return lines


def _entities(comparison: Comparison, diff: TableDiff, table: str, id_column: str, name_column: str, cap: int) -> str:
    """Platforms (or networks) added, removed and changed, by name and id."""
    names: dict[str, str] = {}
    ids: dict[str, set[str]] = {}
    for side in ("old", "new"):
        _columns, rows = read_table(getattr(comparison, side).get(table))
        ids[side] = {r.get(id_column, "") for r in rows}
        names.update({r.get(id_column, ""): r.get(name_column, "") for r in rows})
    touched = {r.row.get(id_column, "") for r in diff.rows}

    def label(ident: str) -> str:
        name = names.get(ident, "")
        return f"{escape(name)} ({escape(ident)})" if name and name != ident else escape(ident)

    parts = []
    for what, group in (("added", ids["new"] - ids["old"]), ("removed", ids["old"] - ids["new"]),
                        ("changed", (touched & ids["old"] & ids["new"]))):
        if group:
            shown = [label(i) for i in sorted(group)]
            more = f" and {len(shown) - cap} more" if len(shown) > max(cap, 1) else ""
            parts.append(f"{what} {', '.join(shown[:max(cap, 1)])}{more}")
    return "; ".join(parts)


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


def _moved(a: str | None, b: str | None) -> bool:
    """Whether a cell moved by more than ``MODEL_ERROR_MOVE`` (relative), or appeared or went."""
    if a == b:
        return False
    try:
        old, new = float(a or "nan"), float(b or "nan")
    except ValueError:
        return True
    if old != old or new != new:  # NaN: a value appeared or went
        return (old == old) != (new == new)
    return abs(new - old) > MODEL_ERROR_MOVE * max(abs(old), abs(new))


def _model_error(comparison: Comparison) -> str:
    """Model error before and after, over all platforms (the per-platform rows are in the full
    diff): only the rows and the columns that moved by more than ``MODEL_ERROR_MOVE``, and a
    model whose rows are the same under every scheme once ("every scheme"); "" when none moved."""
    old_cols, old_rows = read_table(comparison.old.get(MODEL_ERROR))
    new_cols, new_rows = read_table(comparison.new.get(MODEL_ERROR))
    key = [k for k in comparison.key(MODEL_ERROR) if k in old_cols or k in new_cols]
    values = [(c, label) for c, label in MODEL_ERROR_VALUES if c in old_cols or c in new_cols]
    shown_key = [k for k in key if k != "platform"]

    def by_key(rows: list[dict[str, str]]) -> dict[tuple[str, ...], dict[str, str]]:
        kept = {tuple(r.get(k, "") for k in shown_key): r for r in rows if r.get("platform", "") == ""}
        if "scheme" not in shown_key:
            return kept
        at = shown_key.index("scheme")
        groups: dict[tuple[str, ...], list[tuple[tuple[str, ...], dict[str, str]]]] = {}
        for k, r in kept.items():
            groups.setdefault(k[:at] + k[at + 1:], []).append((k, r))
        out = {}
        for rest, members in groups.items():
            same = len(members) > 1 and all(tuple(r.get(c, "") for c, _ in values) ==
                                            tuple(members[0][1].get(c, "") for c, _ in values) for _, r in members)
            for k, r in (([(rest[:at] + ("every scheme",) + rest[at:], members[0][1])]) if same else members):
                out[k] = r
        return out

    old_by, new_by = by_key(old_rows), by_key(new_rows)

    def cell(k: tuple[str, ...], column: str) -> tuple[str | None, str | None]:
        old, new = old_by.get(k), new_by.get(k)
        return (old.get(column, "") if old else None), (new.get(column, "") if new else None)

    def moved(k: tuple[str, ...], column: str) -> bool:
        return _moved(*cell(k, column))

    moved_keys = [k for k in sorted(set(old_by) | set(new_by)) if any(moved(k, c) for c, _ in values)]
    moved_columns = [(c, label) for c, label in values if any(moved(k, c) for k in moved_keys)]
    if not moved_keys:
        return ""
    lines = ["| " + " | ".join([*(escape(k) for k in shown_key), *(escape(label) for _, label in moved_columns)]) + " |"]
    lines.append("|" + " --- |" * (len(shown_key) + len(moved_columns)))
    for k in moved_keys:
        cells = [escape(v) for v in k]
        for column, _label in moved_columns:
            a, b = cell(k, column)
            shown_a, shown_b = shown_pair(a or "", b or "")
            if a == b:
                cells.append(escape(shown_b))
                continue
            rel = relative_change(a or "", b or "")
            text = f"{escape(shown_a) if a is not None else '–'} {ARROW} {escape(shown_b) if b is not None else '–'}"
            cells.append(f"{text} ({escape(rel)})" if rel else text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def unified_diff(comparison: Comparison) -> str:
    """The full unified diff of every table (``a/data/NAME`` -> ``b/data/NAME``), every digit."""
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
