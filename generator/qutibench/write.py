"""Check, then write: an import replaces files in ``--out`` only when the result is a valid
data set and no file it would overwrite holds something else (unless ``force``).

1. The files are converted in memory (:func:`~generator.qutibench.convert.convert`).
2. Each is compared with the file of the same name in ``--out``: created, changed or the same.
3. They are written into a staging folder together with a copy of the data set files of
   ``--out`` that they do not replace, and that folder is checked by the dataset checks
   (``generator.inputs.dataset.read_dataset``), so a result that ``validate`` or ``build``
   would reject replaces nothing.
4. A file whose content differs from what the import would write (a hand edit, or a
   changed source) is overwritten only with ``force``; otherwise nothing is written and the
   files are named (``UsageError``, exit 2). ``dry_run`` stops before writing anything.
5. Every created or changed file is written next to its target first, then each is renamed
   over its target, so every file is whole, old or new, and a failed write replaces
   nothing. Files the import does not produce are left alone.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from generator.errors import DataError, Problem, UsageError
from generator.inputs.checks import Problems
from generator.inputs.dataset import read_dataset
from generator.qutibench.convert import Conversion, convert, shown
from generator.qutibench.names import HINT_LISTS
from generator.qutibench.report import CHANGE, SAME, FileChange, ImportReport, compare

DATA_FOLDERS = ("measurements", "power_traces")  # the data set's folders of CSV files


def import_qutibench(src: Path, out: Path, hints: Path | None = None, *, force: bool = False,
                     dry_run: bool = False) -> ImportReport:
    """Convert the QuTiBench files of ``src`` into the data set in ``out`` (see the package docs).

    Raises DataError listing every problem (of the sources, or of the data set the result
    would make) and UsageError naming the files that differ when not ``force``; in either
    case, and with ``dry_run``, nothing is written.
    """
    src, out = Path(src), Path(out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: expected a data folder, found a file")
    conversion = convert(src, out, hints)
    report = conversion.report
    report.dry_run = dry_run
    report.changes = [compare(f"{shown(out)}/{relative}", _current(out / relative), text, entries)
                      for relative, (text, entries) in conversion.files.items()]
    _check(out, conversion)
    if dry_run:
        return report
    differing = [change for change in report.changes if change.status == CHANGE]
    if differing and not force:
        raise UsageError(_refusal(differing))
    _replace(out, conversion, report.changes)
    return report


def _current(path: Path) -> str | None:
    """The text of the file the import would write over (None: no such file)."""
    if path.is_dir():
        raise UsageError(f"{path}: expected a file or nothing, found a folder")
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _refusal(differing: list[FileChange]) -> str:
    count = len(differing)
    lines = [f"{count} file{'s' if count != 1 else ''} in the output folder differ{'s' if count == 1 else ''} "
             "from what this import would write (edited by hand, or a changed source); nothing was written:"]
    lines += [f"  {change.line(dry_run=True).removeprefix('would replace ')}" for change in differing]
    lines.append("rerun with --dry-run to see what would change, or with --force to overwrite them")
    return "\n".join(lines)


def _copy_data_set(out: Path, stage: Path) -> None:
    """The files of ``out`` that the dataset checks read, copied into ``stage``."""
    stage.mkdir(parents=True)
    for name in [f"{key}.yaml" for key in HINT_LISTS]:
        if (out / name).is_file():
            shutil.copyfile(out / name, stage / name)
    for folder in DATA_FOLDERS:
        if (out / folder).is_file():
            shutil.copyfile(out / folder, stage / folder)
        elif (out / folder).is_dir():
            (stage / folder).mkdir()
            for entry in (out / folder).iterdir():
                if entry.is_dir():
                    (stage / folder / entry.name).mkdir()  # the checks say a folder does not belong there
                elif entry.is_file():
                    shutil.copyfile(entry, stage / folder / entry.name)


def _check(out: Path, conversion: Conversion) -> None:
    """Run the dataset checks on ``out`` as the import would leave it (in a staging folder)."""
    report = conversion.report
    with tempfile.TemporaryDirectory(prefix="qutibench-import-") as temp:
        stage = Path(temp) / "data"
        _copy_data_set(out, stage)
        for relative, (text, _) in conversion.files.items():
            target = stage / relative
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8", newline="\n")
            except OSError as exc:
                raise UsageError(f"{shown(out)}/{relative}: cannot be written there ({exc.strerror or exc})") from None
        problems = Problems()
        dataset = read_dataset(problems, stage, shown(out))
    report.warnings = [str(problem) for problem in problems.report(warning=True)]
    if dataset is None or problems:
        error = problems.error()
        explained = Problem(shown(out), "", "", "these are problems of the data set this import would make (its "
                            "files with the others of the folder); nothing in the folder was replaced")
        raise DataError([*error.problems, explained], total=error.total)
    variants = sum(len(n.variants) for n in dataset.networks)
    report.checked = (f"{len(dataset.measurements):,} measurements on {len(dataset.platforms)} platforms, "
                      f"{variants} network variants, {len(dataset.tasks)} tasks")


def _replace(out: Path, conversion: Conversion, changes: list[FileChange]) -> None:
    """Write every created or changed file next to its target, then rename each over its
    target: a failed write (a full disk, a read-only folder) replaces nothing."""
    pending: list[tuple[Path, Path]] = []  # (written, target)
    try:
        for (relative, (text, _)), change in zip(conversion.files.items(), changes):
            if change.status == SAME:
                continue
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.import-{os.getpid()}")
            pending.append((temp, target))
            temp.write_text(text, encoding="utf-8", newline="\n")
            if change.status == CHANGE:
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))
        for temp, target in pending:
            os.replace(temp, target)
    finally:
        for temp, _ in pending:
            temp.unlink(missing_ok=True)
