"""What one import read, dropped, checked and wrote (or would write), in words for people."""

from __future__ import annotations

from dataclasses import dataclass, field

CREATE, CHANGE, SAME = "create", "change", "same"
_SHOWN_LINES = 3  # changed lines quoted per file and side in a diff summary
_LINE_CHARS = 100


@dataclass(frozen=True)
class FileChange:
    """One output file against what ``--out`` holds: created, changed or the same bytes.

    ``removed`` / ``added`` count the lines only in the old / only in the new text;
    ``examples`` quotes the first few of them with their line numbers (``- line 12: ...``
    in the old file, ``+ line 12: ...`` in the new one)."""

    path: str  # shown path, e.g. data/platforms.yaml
    status: str  # CREATE, CHANGE or SAME
    entries: int  # rows of a CSV file, entries of a YAML file
    removed: int = 0
    added: int = 0
    examples: tuple[str, ...] = ()

    def line(self, dry_run: bool) -> str:
        verb = {CREATE: ("would create", "created"), CHANGE: ("would replace", "replaced"),
                SAME: ("unchanged", "unchanged")}[self.status][0 if dry_run else 1]
        noun = ("row", "rows") if self.path.endswith(".csv") else ("entry", "entries")
        text = f"{verb} {self.path} ({self.entries:,} {noun[self.entries != 1]})"
        if self.status == CHANGE:
            text += f": {_lines(self.removed)} removed, {_lines(self.added)} added"
        return "\n".join([text, *(f"    {example}" for example in self.examples)])


def _lines(count: int) -> str:
    return f"{count:,} line{'s' if count != 1 else ''}"


def compare(path: str, old: str | None, new: str, entries: int) -> FileChange:
    """``new`` against the current text ``old`` (None: no such file) of the file ``path``."""
    if old is None:
        return FileChange(path, CREATE, entries)
    if old == new:
        return FileChange(path, SAME, entries)
    old_lines, new_lines = old.splitlines(), new.splitlines()
    only_old = _only_in(old_lines, new_lines)
    only_new = _only_in(new_lines, old_lines)
    examples = _examples("-", only_old) + _examples("+", only_new)
    return FileChange(path, CHANGE, entries, len(only_old), len(only_new), tuple(examples))


def _examples(sign: str, lines: list[tuple[int, str]]) -> list[str]:
    """``- line 12: bandwidth_gbps: 4.3`` for the first few lines of one side (blank ones
    counted, not quoted)."""
    quoted = [(number, text) for number, text in lines if text.strip()][:_SHOWN_LINES]
    shown = [f"{sign} line {number}: {_clip(text.strip())}" for number, text in quoted]
    if len(lines) > len(quoted):
        shown.append(f"{sign} ... and {len(lines) - len(quoted):,} more")
    return shown


def _only_in(lines: list[str], other: list[str]) -> list[tuple[int, str]]:
    """(1-based line, text) of the lines of ``lines`` that ``other`` lacks (as a multiset),
    in their order: linear time, enough to say what changed."""
    left: dict[str, int] = {}
    for line in other:
        left[line] = left.get(line, 0) + 1
    result = []
    for number, line in enumerate(lines, start=1):
        if left.get(line, 0):
            left[line] -= 1
        else:
            result.append((number, line))
    return result


def _clip(line: str) -> str:
    return line if len(line) <= _LINE_CHARS else line[:_LINE_CHARS] + " ..."


@dataclass
class ImportReport:
    """What one import read, dropped and wrote, with a one-line note per decision."""

    rows_read: dict[str, int] = field(default_factory=dict)  # source file name -> data rows
    rows_dropped: dict[str, int] = field(default_factory=dict)  # source file name -> rows
    rows_written: dict[str, int] = field(default_factory=dict)  # output path in --out -> rows / entries
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the dataset checks' warnings on the result
    checked: str = ""  # what the dataset checks found in the result, e.g. "974 measurements on ..."
    changes: list[FileChange] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total_read(self) -> int:
        return sum(self.rows_read.values())

    @property
    def total_written(self) -> int:
        return sum(self.rows_written.values())

    @property
    def total_dropped(self) -> int:
        return sum(self.rows_dropped.values())

    def summary(self) -> str:
        """Counts, the check of the result and each file written (the CLI prints the notes
        and the warnings separately)."""
        lines = [f"read {self.total_read:,} rows from {len(self.rows_read)} files, dropped "
                 f"{self.total_dropped:,} rows; produced {self.total_written:,} rows/entries in "
                 f"{len(self.rows_written)} files"]
        if self.checked:
            lines.append(f"checked the result: {self.checked}")
        same = [c for c in self.changes if c.status == SAME]
        lines += [c.line(self.dry_run) for c in self.changes if c.status != SAME]
        if same:
            lines.append(f"{len(same)} file{'s' if len(same) != 1 else ''} unchanged")
        if self.dry_run:
            lines.append("dry run: nothing was written")
        return "\n".join(lines)

    def __str__(self) -> str:
        return "\n".join([self.summary(), *(f"- {note}" for note in self.notes)])
