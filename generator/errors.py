"""User-facing errors: every problem in the inputs is one line, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one input file.

    ``where`` is a location inside the file, e.g. ``line 12`` or ``row 7``; ``field`` the
    key or column concerned. Rendered as
    ``data/platforms.yaml, line 12, field 'bandwidth_gbps': expected a number > 0, found -3``.
    """

    file: str
    where: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.where:
            parts.append(self.where)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts) + ": " + self.message


class DataError(Exception):
    """Raised with every problem found, so the user can fix them all in one go.

    ``problems`` are the lines to show (folded and capped); ``total`` counts every
    problem behind them.
    """

    def __init__(self, problems: list[Problem], total: int | None = None):
        self.problems = list(problems)
        self.total = len(self.problems) if total is None else total
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """A user mistake that is not about a data file (bad option, missing folder)."""
