"""``site_src/``: the pages' prose (Markdown), read once, up front.

Every ``*.md`` file under the folder is read into name -> text (``task/pareto.md`` is
``task/pareto``). The pages declare which names they need (``require``); a missing or
unreadable one is a problem like any other input problem, reported with the data's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.inputs.checks import Problems, display_path, read_text


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
        for path in sorted(folder.rglob("*.md")):
            log = problems.declare(display_path(path, folder, display))
            text = read_text(log, path, "Markdown file")
            if text is not None:
                texts[path.relative_to(folder).with_suffix("").as_posix()] = text
    for name in required:
        path = folder / f"{name}.md"
        if name not in texts and not path.exists():
            problems.add(display_path(path, folder, display), None, "",
                         "expected this file (the prose of a page section), found no such file")
    return Prose(texts)
