"""Row-by-row differences of two versions of a generated CSV table, as Markdown.

Works on the CSV text exactly as the build writes it (fixed precision, sorted), so a change
here is a change a reviewer sees in ``build/data/*.csv``. Rows are matched by the table's
key columns (the sort key that ``Results.downloads()`` gives each table); every other
column of a matched row is compared as text.

Cells come from data files, so they are untrusted: :func:`escape` makes any value safe to
put in a Markdown table cell (no broken rows, no HTML, no @-mentions).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.formatting import SHOWN_DIGITS, fmt_change, fmt_shown, is_number_text

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
EMPTY = "(empty)"
ARROW = "→"

_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "~": "\\~",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    # A zero-width space after @ keeps GitHub from turning "@name" into a mention.
    "@": "@&#8203;",
    "\r": " ",
    "\n": " ↵ ",
    "\t": " ",
}


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text that is safe inside a table cell."""
    text = text.replace("\r\n", "\n")
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str

    def relative(self) -> str:
        """The relative change in percent ('+12.5%'), or '' when not numeric or from zero."""
        return relative_change(self.old, self.new)


@dataclass(frozen=True)
class RowDiff:
    status: str  # ADDED, REMOVED or CHANGED
    key: tuple[str, ...]
    row: dict[str, str]  # the new row (the old one for a removed row)
    changes: tuple[Change, ...] = ()  # CHANGED rows only


@dataclass(frozen=True)
class TableDiff:
    name: str
    key: tuple[str, ...]
    rows: tuple[RowDiff, ...]  # changed, then added, then removed; each in key order
    old_exists: bool = True
    new_exists: bool = True

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def unchanged(self) -> bool:
        return not self.rows and self.old_exists == self.new_exists


def read_table(text: str | None) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV text (``None``: the table does not exist)."""
    if not text:
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = [dict(zip(header, cells + [""] * (len(header) - len(cells)))) for cells in reader]
    return header, rows


def diff_tables(name: str, old_text: str | None, new_text: str | None, key: Sequence[str]) -> TableDiff:
    """Rows added, removed and changed between two CSV texts of one table, matched by ``key``."""
    old_header, old_rows = read_table(old_text)
    new_header, new_rows = read_table(new_text)
    columns = list(dict.fromkeys([*new_header, *old_header]))
    key = tuple(k for k in key if k in columns) or tuple(columns)
    values = [c for c in columns if c not in key]
    old_index, new_index = _index(old_rows, key), _index(new_rows, key)
    changed, added, removed = [], [], []
    for k, new in new_index.items():
        old = old_index.get(k)
        if old is None:
            added.append(RowDiff(ADDED, k[0], new))
            continue
        changes = tuple(
            Change(c, old.get(c, ""), new.get(c, "")) for c in values if old.get(c, "") != new.get(c, "")
        )
        if changes:
            changed.append(RowDiff(CHANGED, k[0], new, changes))
    for k, old in old_index.items():
        if k not in new_index:
            removed.append(RowDiff(REMOVED, k[0], old))
    rows = [*_in_key_order(changed), *_in_key_order(added), *_in_key_order(removed)]
    return TableDiff(name, key, tuple(rows), old_text is not None, new_text is not None)


def _index(rows: list[dict[str, str]], key: tuple[str, ...]) -> dict[tuple[tuple[str, ...], int], dict[str, str]]:
    """Rows by (key values, occurrence); a repeated key is matched by its order of appearance."""
    index: dict[tuple[tuple[str, ...], int], dict[str, str]] = {}
    seen: dict[tuple[str, ...], int] = {}
    for row in rows:
        k = tuple(row.get(c, "") for c in key)
        n = seen.get(k, 0)
        seen[k] = n + 1
        index[(k, n)] = row
    return index


def _sortable(value: str) -> tuple:
    if is_number_text(value):
        return (0, float(value), value)
    return (1 if value else 2, 0.0, value)


def _in_key_order(rows: list[RowDiff]) -> list[RowDiff]:
    return sorted(rows, key=lambda r: tuple(_sortable(v) for v in r.key))


def relative_change(old: str, new: str) -> str:
    if not (is_number_text(old) and is_number_text(new)):
        return ""
    a, b = float(old), float(new)
    if a == 0 or not (math.isfinite(a) and math.isfinite(b)):
        return ""
    return fmt_change((b - a) / abs(a) * 100.0)


def shown_pair(old: str, new: str) -> tuple[str, str]:
    """Both values with 4 significant digits, or with as many more as it takes (up to the
    tables' nine) for two different numbers not to look the same."""
    digits = SHOWN_DIGITS
    while digits < 9 and old != new and fmt_shown(old, digits) == fmt_shown(new, digits):
        digits += 1
    return fmt_shown(old, digits), fmt_shown(new, digits)


def describe_change(change: Change) -> str:
    """Markdown: ``column: old → new (+x%)``, values escaped, 4 significant digits."""
    old, new = shown_pair(change.old, change.new)
    old = escape(old) if old != "" else EMPTY
    new = escape(new) if new != "" else EMPTY
    rel = change.relative()
    text = f"{escape(change.column)}: {old} {ARROW} {new}"
    return f"{text} ({escape(rel)})" if rel else text


def describe_values(row: dict[str, str], key: Sequence[str]) -> str:
    """Markdown: ``column: value`` for the non-empty, non-key cells of a row (4 significant digits)."""
    parts = [f"{escape(c)}: {escape(fmt_shown(v))}" for c, v in row.items() if c not in key and v != ""]
    return ", ".join(parts)


def markdown_rows(diff: TableDiff, cap: int) -> str:
    """The changed rows of a table as a Markdown table, at most ``cap`` rows, then 'and N more'."""
    if diff.unchanged:
        return "No changes.\n"
    lines: list[str] = []
    if not diff.old_exists:
        lines.append("New table.\n")
    elif not diff.new_exists:
        lines.append("Table removed.\n")
    shown = diff.rows[:cap]
    if shown:
        lines.append("| row | " + " | ".join(escape(k) for k in diff.key) + " | values |")
        lines.append("| --- |" + " --- |" * len(diff.key) + " --- |")
        for r in shown:
            cells = [escape(v) if v != "" else " " for v in r.key]
            if r.status == CHANGED:
                detail = "<br>".join(describe_change(c) for c in r.changes)
            else:
                detail = describe_values(r.row, diff.key)
            lines.append(f"| {r.status} | " + " | ".join(cells) + f" | {detail or ' '} |")
    more = len(diff.rows) - len(shown)
    if more:
        lines.append(f"\n…and {more} more row{'s' if more != 1 else ''} (see the full diff).")
    return "\n".join(lines) + "\n"


def counts_line(diff: TableDiff) -> str:
    parts = [f"{diff.count(s)} {s}" for s in (CHANGED, ADDED, REMOVED) if diff.count(s)]
    return ", ".join(parts) if parts else "no changes"
