"""``site_src/extra/``: the site author's own files (``CNAME``, ``.nojekyll``, ``robots.txt``,
a verification file), copied verbatim into every build, so they are the build's own files
and the next build replaces them like the rest (``output.assets.write_extra``).

Every entry must be a folder or a regular file inside the project (a symlink may point to
a file inside the project, never outside it); anything else (a FIFO, a device, a link that
dangles, loops, leaves the project or points to a folder) is a problem line like any other
input problem, and nothing is read from it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.inputs import files
from generator.inputs.checks import Problems


@dataclass(frozen=True)
class Extra:
    """The files to copy: path in the site -> the file; ``display``: the folder as shown."""

    files: dict[str, Path]
    display: str

    def shown(self, relative: str) -> str:
        return f"{self.display}/{relative}"


def read_extra(problems: Problems, folder: Path, display: str, project_root: Path) -> Extra:
    """Every file under ``folder`` (absent: none), checked as the module doc says."""
    files: dict[str, Path] = {}
    extra = Extra(files, display)
    root = project_root.resolve()
    if folder.is_symlink() or (os.path.lexists(folder) and not folder.is_dir()):
        problems.add(display, None, "", "expected a folder of files to copy into the site, found something else")
        return extra
    pending = [(folder, "")] if folder.is_dir() else []
    while pending:
        current, prefix = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            problems.add(extra.shown(prefix.rstrip("/")) if prefix else display, None, "",
                         f"expected a readable folder, found {exc.strerror or exc}")
            continue
        for entry in entries:
            relative = prefix + entry.name
            shown = extra.shown(relative)
            if "\\" in entry.name:
                problems.add(shown, None, "", "expected a name without a backslash (not a valid name on every system)")
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append((Path(entry.path), relative + "/"))
                continue
            real, problem = _file_inside(Path(entry.path), root)
            if problem:
                problems.add(shown, None, "", problem)
            else:
                files[relative] = real
    return Extra(dict(sorted(files.items())), display)


def _file_inside(path: Path, root: Path) -> tuple[Path, str | None]:
    """The file ``path`` is (symlinks resolved), or why it may not be copied into the site
    (the same rules, in the same words, as for every input file: ``files``)."""
    try:
        real = files.resolve_inside(path, root)
        mode = os.stat(real).st_mode
    except files.Refused as why:
        return path, why.message
    except OSError as exc:
        return path, f"expected a readable file, found {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return path, f"expected a regular file to copy into the site, found {files.describe(mode)}"
    return real, None
