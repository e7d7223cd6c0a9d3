"""Site configuration (``site.yml``): title and which roofline assumptions the pages show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import DataError, Problem

DEFAULT_ASSUMPTION = "weights-offchip"


@dataclass(frozen=True)
class SiteConfig:
    title: str = "CNN Inference Benchmarks"
    tagline: str = ""
    default_assumption: str = DEFAULT_ASSUMPTION
    assumptions: tuple[str, ...] = (DEFAULT_ASSUMPTION,)
    batch: int = 16


_TOP_KEYS = {"title", "tagline", "roofline"}
_ROOFLINE_KEYS = {"default_assumption", "assumptions", "batch"}


def load_config(path: Path, known_assumptions: tuple[str, ...], display_name: str | None = None) -> SiteConfig:
    """Read ``site.yml``; a missing file means the defaults. Problems raise DataError."""
    name = display_name or path.name
    if not path.exists():
        return SiteConfig()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(name, "", "", f"expected a readable UTF-8 file, found: {exc}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise DataError([Problem(name, where, "", f"invalid YAML: {getattr(exc, 'problem', exc)}")]) from None
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise DataError([Problem(name, "", "", "expected a mapping of settings")])
    for key in sorted(set(raw) - _TOP_KEYS):
        problems.append(Problem(name, "", str(key), f"unknown setting; expected one of {', '.join(sorted(_TOP_KEYS))}"))
    roof = raw.get("roofline") or {}
    if not isinstance(roof, dict):
        problems.append(Problem(name, "", "roofline", "expected a mapping"))
        roof = {}
    for key in sorted(set(roof) - _ROOFLINE_KEYS):
        problems.append(Problem(name, "", f"roofline.{key}", f"unknown setting; expected one of {', '.join(sorted(_ROOFLINE_KEYS))}"))
    default = roof.get("default_assumption", DEFAULT_ASSUMPTION)
    assumptions = roof.get("assumptions", [default])
    if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
        problems.append(Problem(name, "", "roofline.assumptions", "expected a list of assumption names"))
        assumptions = [default]
    for a in [default, *assumptions]:
        if a not in known_assumptions:
            problems.append(Problem(name, "", "roofline", f"expected an assumption in {', '.join(known_assumptions)}, found '{a}'"))
    batch = roof.get("batch", 16)
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        problems.append(Problem(name, "", "roofline.batch", f"expected an integer >= 1, found {batch!r}"))
    if problems:
        raise DataError(problems)
    ordered = [default] + [a for a in dict.fromkeys(assumptions) if a != default]
    return SiteConfig(
        title=str(raw.get("title", SiteConfig.title)),
        tagline=str(raw.get("tagline", "")),
        default_assumption=default,
        assumptions=tuple(ordered),
        batch=batch,
    )
