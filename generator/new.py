"""``python -m generator new DIR``: a small working project to start a benchmark site of one's own.

It holds an example platform, network and a few runs (``generator/skeleton/``), the prose
pages and templates of the generator's own project (its source checkout, next to the
package), ``site.yml``, a GitHub workflow that checks, reviews and publishes, and what
installs the generator (``requirements.txt``, ``constraints.txt``). The project builds at
once. It is written next to ``DIR`` and renamed into place, so ``DIR`` is whole or absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

import generator
from generator.errors import UsageError

SKELETON = Path(__file__).resolve().parent / "skeleton"
SOURCE = Path(__file__).resolve().parent.parent  # the generator's own project (a source checkout)
DISTRIBUTION = "qutibench-site"
PLACEHOLDER = "git+https://github.com/OWNER/REPO"  # where the generator is published: to be edited


def generator_requirement() -> tuple[str, bool]:
    """(requirement line, whether it is a placeholder the user must edit): the generator as
    installed from a repository (its commit), else its checkout's ``origin`` at its commit."""
    try:
        direct = json.loads(metadata.distribution(DISTRIBUTION).read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    vcs = direct.get("vcs_info") if isinstance(direct, dict) else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and direct.get("url"):
        return f"{DISTRIBUTION} @ git+{direct['url']}@{vcs.get('commit_id', '')}".rstrip("@"), False
    origin, commit = _git("config", "--get", "remote.origin.url"), _git("rev-parse", "HEAD")
    if origin.startswith("https://") and commit:
        return f"{DISTRIBUTION} @ git+{origin}@{commit}", False
    return f"{DISTRIBUTION} @ {PLACEHOLDER}", True


def _git(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    try:
        result = subprocess.run(["git", "-C", str(SOURCE), *args], capture_output=True, text=True, timeout=30,
                                env=env, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def _schema() -> str:
    """The data schema (the generator's data/README.md, without what it says of its own data)."""
    text = (SOURCE / "data" / "README.md").read_text(encoding="utf-8")
    return text.split("\n## Source\n", 1)[0].rstrip() + "\n"


def new_project(target: Path, title: str = "My CNN Inference Benchmarks") -> tuple[list[str], bool]:
    """Write a new project into ``target`` (absent or an empty folder). Returns the files
    written (relative paths, sorted) and whether ``requirements.txt`` holds a placeholder."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target}: exists and is not an empty folder; nothing was written")
    missing = [p for p in ("templates", "site_src", "constraints.txt", "data/README.md") if not (SOURCE / p).exists()]
    if missing:
        raise UsageError(f"new copies the templates and prose of the generator's source checkout, which this "
                         f"installation lacks ({', '.join(missing)} in {SOURCE}); install the generator from a "
                         "clone (python -m pip install -e .)")
    if "\n" in title or not title.strip():
        raise UsageError("--title: expected one line of text")
    requirement, placeholder = generator_requirement()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        _write(staging, title.strip(), requirement, placeholder)
        written = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        staging.chmod(0o755)
        if target.exists():
            target.rmdir()  # empty (checked above); replaced by the whole project at once
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written, placeholder


def _write(root: Path, title: str, requirement: str, placeholder: bool) -> None:
    shutil.copytree(SOURCE / "templates", root / "templates", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SOURCE / "site_src", root / "site_src", ignore=shutil.ignore_patterns("extra"))
    shutil.copytree(SKELETON / "data", root / "data")
    (root / "data" / "README.md").write_text(_schema(), encoding="utf-8")
    workflows = root / ".github" / "workflows"
    workflows.mkdir(parents=True)
    shutil.copyfile(SKELETON / "workflows" / "site.yml", workflows / "site.yml")
    shutil.copyfile(SKELETON / "gitignore", root / ".gitignore")
    shutil.copyfile(SOURCE / "constraints.txt", root / "constraints.txt")
    home = requirement.split("git+", 1)[-1].split("@")[0]
    for name, shown in (("site.yml", json.dumps(title, ensure_ascii=False)), ("README.md", title)):  # JSON is YAML
        text = (SKELETON / name).read_text(encoding="utf-8").replace("TITLE", shown).replace("GENERATOR", home)
        (root / name).write_text(text, encoding="utf-8")
    edit = "  # edit: the address of the generator's repository" if placeholder else ""
    (root / "requirements.txt").write_text(
        f"# The site generator (qutibench-site {generator.__version__}); its libraries are pinned by constraints.txt:\n"
        f"#   python -m pip install -c constraints.txt -r requirements.txt\n{requirement}{edit}\n", encoding="utf-8")
