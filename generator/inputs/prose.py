"""``site_src/``: the pages' prose (Markdown), read once, up front.

Every ``*.md`` file under the folder (but ``extra/``, the files copied into the site
verbatim: ``inputs.extra``) is read into name -> text (``task/pareto.md`` is ``task/pareto``). The pages declare which names they need (``require``); a missing or
unreadable one is a problem like any other input problem, reported with the data's.
Files are read through ``files`` (inside the project, regular, bounded); links to folders
are not followed (a link could lead outside the project or loop), each one is a problem.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.inputs import files
from generator.inputs.checks import Problems, display_path, read_text
from generator.project import EXTRA_FOLDER


@dataclass(frozen=True)
class Prose:
    texts: dict[str, str]

    def get(self, name: str, default: str = "") -> str:
        return self.texts.get(name, default)

    def __getitem__(self, name: str) -> str:
        return self.texts[name]


def read_prose(problems: Problems, folder: Path, display: str, required: Iterable[str]) -> Prose:
    """Every Markdown file of ``folder``; each name in ``required`` must be among them."""
    texts: dict[str, str] = {}
    if folder.is_dir():
        try:
            files.check_folder(folder, problems.root)
        except files.Refused as why:
            problems.add(display, None, "", why.message)
        else:
            for path in sorted(_markdown_files(problems, folder, display)):
                log = problems.declare(display_path(path, folder, display))
                text = read_text(log, path, "a Markdown file")
                if text is not None:
                    texts[path.relative_to(folder).with_suffix("").as_posix()] = text
    for name in required:
        path = folder / f"{name}.md"
        if name not in texts and not files.exists(path):
            problems.add(display_path(path, folder, display), None, "",
                         "expected this file (the prose of a page section), found no such file")
    return Prose(texts)


def _markdown_files(problems: Problems, folder: Path, display: str) -> list[Path]:
    """Every entry named ``*.md`` under ``folder`` (whatever it is: reading it says), walking
    real folders only; a link to a folder is a problem."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            problems.add(display_path(current, folder, display), None, "",
                         f"expected a readable folder, found {exc.strerror or exc}")
            continue
        for entry in listed:
            path = Path(entry.path)
            if current == folder and entry.name == EXTRA_FOLDER:
                continue  # the site author's files to copy, checked by inputs.extra
            if entry.name.endswith(".md"):  # even a folder: reading it says what it is
                found.append(path)
            elif entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif entry.is_symlink() and path.is_dir():
                problems.add(display_path(path, folder, display), None, "",
                             "expected a folder, found a symbolic link to one (links to folders are not followed: "
                             "move the files here or link each file)")
    return found
