"""How to cite the site: its title, version, authors and address (``site.yml``, ``citation:``)
and the date of its data: ``citation.date`` when given, else the date of the last commit
that changed ``data/`` (so it moves only when the data does), else none (a project outside
git). Standard library only: the up-to-date check reads the date too.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BIBTEX_SPECIAL = re.compile(r"([{}\\%&$#_^~])")


def data_date(root: Path) -> str:
    """``YYYY-MM-DD``: the committer date of the last commit that changed ``root/data``, or ""
    when there is none (no git, not a repository, no commit touching it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}  # the project's own repository
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cd", "--date=short", "--", "data"],
                                capture_output=True, text=True, timeout=60, env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    date = result.stdout.strip()
    return date if result.returncode == 0 and _DATE.fullmatch(date) else ""


@dataclass(frozen=True)
class Citation:
    title: str
    version: str = ""
    date: str = ""  # of the data, YYYY-MM-DD, or ""
    authors: tuple[str, ...] = ()
    url: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]

    def line(self) -> str:
        """One line of plain text: ``Authors. Title, version V (data of D). URL``."""
        what = self.title + (f", version {self.version}" if self.version else "")
        what += f" (data of {self.date})" if self.date else ""
        parts = [", ".join(self.authors) + "." if self.authors else "", what + ".", self.url]
        return " ".join(p for p in parts if p)

    def bibtex(self) -> str:
        """A BibTeX ``@misc`` entry (a name of more than three words is kept whole: a group)."""
        key = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") + (f"-{self.year}" if self.year else "")
        authors = " and ".join(f"{{{_bibtex(a)}}}" if len(a.split()) > 3 else _bibtex(a) for a in self.authors)
        fields = [("author", authors), ("title", _bibtex(self.title)), ("version", _bibtex(self.version)),
                  ("year", self.year), ("note", f"Data of {self.date}" if self.date else ""),
                  ("url", self.url.replace("}", "%7D").replace("{", "%7B"))]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        return f"@misc{{{key or 'site'},\n{body}\n}}"


def _bibtex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def citation_of(title: str, version: str, date: str, authors: tuple[str, ...], url: str, root: Path) -> Citation:
    """The site's citation; the data's date from ``date`` (``site.yml``) or else from git."""
    return Citation(title, version, date or data_date(root), authors, url)
