"""``python -m generator diff BASE_REF``: what a change does to the generated data tables.

Checks ``BASE_REF`` out in a temporary ``git worktree`` (always removed again, also on a
failure or Ctrl-C), writes the data tables of that tree and of the working tree with the
*current* generator (each reading its own ``data/`` and ``site.yml``), and reports the
differences as Markdown (see :mod:`generator.publish.report`), plus a full unified diff.

Exit status: 0 with a report; 1 when the data of either tree has problems (one line each);
2 for a bad ref or a project outside a git repository (one line). With ``exit_code``
(``--exit-code``, as in ``git diff --exit-code``): 0 when no table changed, 1 when one did,
and a data problem, which stops the comparison, is 4 (so that 1 always means "changed").
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.build import Project, load_project
from generator.fingerprint import code_digest
from generator.memo import Memo
from generator.errors import DataError, UsageError
from generator.publish.report import Comparison, render_report, unified_diff
from generator.publish.tablediff import escape
from generator.output.tables import write_csv

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_CHANGED, EXIT_NOT_COMPARED = 1, 4  # with --exit-code
HEAD_LABEL = "working tree"


def write_data_tables(project_root: Path, out_dir: Path, memo: Memo | None = None) -> dict[str, list[str]]:
    """Write the normalized tables of ``build/data/`` for one project into ``out_dir``.

    The only coupling of ``diff`` to the build pipeline; returns table name -> key columns.
    Raises ``DataError`` with every problem of the project's data. ``memo``: the memo its
    measurement files and model tables go through.
    """
    _config, results = load_project(Project(project_root), lambda _msg: None, memo=memo)
    keys: dict[str, list[str]] = {}
    for name, (frame, key) in results.downloads().items():
        write_csv(frame, out_dir / name, key)
        keys[name] = list(key)
    return keys


class TreeProblems(Exception):
    """The data of one or both trees has problems; ``lines`` are ready to print."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def _toplevel(project: Path) -> Path:
    if not project.is_dir():
        raise UsageError(f"{project}: folder not found")
    try:
        result = _git(project, "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        raise UsageError("git not found; the diff needs git") from None
    if result.returncode != 0:
        raise UsageError(f"{project}: not inside a git repository")
    return Path(result.stdout.strip())


def _resolve(top: Path, ref: str) -> str:
    """The commit ``ref`` names, or a UsageError in one line."""
    result = None if ref.startswith("-") or not ref else _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if result is None or result.returncode != 0:
        raise UsageError(
            f"'{ref}' is not a commit in this repository (a branch, tag or commit; fetch it first, "
            f"e.g. git fetch origin main)"
        )
    return result.stdout.strip()


@contextlib.contextmanager
def _shielded() -> Iterator[None]:
    """Ignore Ctrl-C and SIGTERM for the duration (cleanup must not be interrupted)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (e.g. a cancelled CI job) unwinds like Ctrl-C, so cleanup still runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    saved = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, saved)


@contextlib.contextmanager
def base_worktree(top: Path, commit: str) -> Iterator[Path]:
    """A temporary detached worktree of ``commit``; removed (and pruned) on every exit path."""
    tmp = Path(tempfile.mkdtemp(prefix="generator-diff-"))
    tree = tmp / "base"
    try:
        added = _git(top, "worktree", "add", "--detach", "--quiet", str(tree), commit)
        if added.returncode != 0:
            reason = (added.stderr.strip().splitlines() or ["git worktree add failed"])[-1]
            raise UsageError(f"could not check out {commit[:12]}: {reason}")
        yield tree
    finally:
        with _shielded():
            _git(top, "worktree", "remove", "--force", str(tree))
            shutil.rmtree(tmp, ignore_errors=True)
            _git(top, "worktree", "prune")


def _tables(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv"))}


def compare(project: Path, ref: str, log=print) -> Comparison:
    """Build both trees' tables and return them for reporting; raises TreeProblems/UsageError."""
    project = project.resolve()
    top = _toplevel(project).resolve()
    commit = _resolve(top, ref)
    relative = project.relative_to(top)
    base_label = f"{ref} ({commit[:7]})"
    # The working tree's memo serves both trees (entries are keyed by content): a second diff,
    # or a build after it, reuses the model tables of whatever did not change.
    memo = Memo.for_project(Project(project).cache_dir, project, code_digest())
    with _terminate_as_interrupt(), tempfile.TemporaryDirectory(prefix="generator-diff-tables-") as out:
        out_dir = Path(out)
        problems: list[str] = []
        with base_worktree(top, commit) as tree:
            base_root = tree / relative
            log(f"Building the data tables of {ref} ({commit[:12]}) ...")
            keys_base = _try_tables(base_root, out_dir / "base", ref, problems, tree, memo)
            log(f"Building the data tables of the {HEAD_LABEL} ...")
            keys_head = _try_tables(project, out_dir / "head", HEAD_LABEL, problems, None, memo)
        if problems:
            raise TreeProblems(problems)
        return Comparison(
            base_label=base_label,
            head_label=HEAD_LABEL,
            old=_tables(out_dir / "base"),
            new=_tables(out_dir / "head"),
            keys={**keys_base, **keys_head},
        )


def _try_tables(root: Path, out: Path, label: str, problems: list[str], strip: Path | None,
                memo: Memo | None = None) -> dict[str, list[str]]:
    try:
        return write_data_tables(root, out, memo)
    except DataError as exc:
        for p in exc.problems:
            text = str(p)
            if strip is not None:  # show base paths as in the repository, not in /tmp
                text = text.replace(f"{strip}/", "")
            problems.append(f"{label}: {text}")
    except UsageError as exc:
        text = str(exc).replace(f"{strip}/", "") if strip is not None else str(exc)
        problems.append(f"{label}: {text}")
    return {}


def run(project: Path, ref: str, out: Path | None, full: Path | None, exit_code: bool = False,
        log: Callable[[str], None] | None = None) -> int:
    """The ``diff`` command; prints one line per problem to stderr and returns the exit status."""
    if log is None:
        log = (lambda msg: print(msg, file=sys.stderr)) if out is None else print
    try:
        comparison = compare(project, ref, log)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except TreeProblems as exc:
        for line in exc.lines:
            print(f"error: {line}", file=sys.stderr)
        n = len(exc.lines)
        print(f"{n} problem{'s' if n != 1 else ''} found; no comparison was made.", file=sys.stderr)
        if out is not None:
            _write(out, problems_report(ref, exc.lines))
        return EXIT_NOT_COMPARED if exit_code else EXIT_DATA
    report = render_report(comparison)
    if full is not None:
        _write(full, unified_diff(comparison))
    if out is None:
        sys.stdout.write(report)
    else:
        _write(out, report)
        log(f"Wrote the report to {out} ({len(report):,} characters)" + (f" and the full diff to {full}" if full else ""))
    if exit_code:
        return EXIT_CHANGED if comparison.changed() else EXIT_OK
    return EXIT_OK


def problems_report(ref: str, lines: list[str]) -> str:
    """A short Markdown report for when the data of a tree cannot be built."""
    body = "\n".join(f"- {escape(line)}" for line in lines[:100])
    more = f"\n- …and {len(lines) - 100} more" if len(lines) > 100 else ""
    return (
        f"## Generated data: working tree against {escape(ref)}\n\n"
        f"The data could not be compared; {len(lines)} problem{'s' if len(lines) != 1 else ''} found:\n\n"
        f"{body}{more}\n"
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
