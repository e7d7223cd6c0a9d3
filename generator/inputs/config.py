"""``site.yml``: the site's settings, declared once as typed options with their defaults.

Like MkDocs' ``config/defaults.py``, every option is declared here (dotted key, type,
default, help); reading the file checks each value against its declaration and reports
unknown keys with a did-you-mean, all with their line in ``site.yml``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.inputs import files
from generator.inputs.checks import UNREADABLE, Fields, FileLog, Problems, YamlMap, YamlSeq, found, length_problem, \
    read_yaml, suggest, yaml_number_problem
from generator.model.bounds import ALL_ASSUMPTIONS as ASSUMPTIONS
from generator.model.roofline import DEFAULT_ASSUMPTION
from generator.records import Range

MAX_TITLE_CHARS = 120  # shown on every page, in its <title> and header
MAX_TAGLINE_CHARS = 300
MAX_VERSION_CHARS = 40
MAX_URL_CHARS = 300
_URL = re.compile(r"https?://[^\s<>\"'`]+\Z")

# A checker turns a YAML value into the option's value, or returns (None, why not).
Check = Callable[[Any], tuple[Any, str | None]]


def text(limit: int) -> Check:
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str):
            return None, f"expected text, found {found(value)}"
        return value.strip(), length_problem(value.strip(), limit)
    return check


def date() -> Check:
    """A calendar date, written ``2025-01-31`` (YAML 1.2 reads it as text)."""
    def check(value: Any) -> tuple[Any, str | None]:
        try:
            return datetime.date.fromisoformat(value).isoformat(), None
        except (TypeError, ValueError):
            return None, f"expected a date like 2025-01-31, found {found(value)}"
    return check


def url() -> Check:
    """An http(s) address."""
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str) or not _URL.match(value.strip()) or len(value.strip()) > MAX_URL_CHARS:
            return None, f"expected an address starting with https:// (at most {MAX_URL_CHARS} characters), " \
                         f"found {found(value)}"
        return value.strip(), None
    return check


def choice(options: tuple[str, ...]) -> Check:
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, str) or value not in options:
            hint = suggest(value, list(options)) if isinstance(value, str) else ""
            return None, f"expected one of {', '.join(options)}, found {found(value)}{hint}"
        return value, None
    return check


def list_of(item: Check) -> Check:
    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, YamlSeq) or not value:
            return None, f"expected a non-empty list, found {found(value)}"
        out = []
        for entry in value:
            checked, message = item(entry)
            if message:
                return None, message
            out.append(checked)
        return tuple(out), None
    return check


def integer(low: int, high: int) -> Check:
    rng = Range(low, high, integer=True)

    def check(value: Any) -> tuple[Any, str | None]:
        message = yaml_number_problem(value, rng)
        return (None, message) if message else (int(value), None)
    return check


@dataclass(frozen=True)
class Option:
    key: str  # dotted: "roofline.batch" is the key batch of the mapping roofline
    check: Check
    default: Any
    help: str


OPTIONS: tuple[Option, ...] = (
    Option("title", text(MAX_TITLE_CHARS), "CNN Inference Benchmarks", "Site title, shown on every page."),
    Option("tagline", text(MAX_TAGLINE_CHARS), "", "Shown under the title on every page."),
    Option("roofline.default_assumption", choice(ASSUMPTIONS), DEFAULT_ASSUMPTION,
           "The storage assumption of the first roofline section, the Pareto and efficiency comparisons."),
    Option("roofline.assumptions", list_of(choice(ASSUMPTIONS)), None,
           "Every assumption that gets its own rows in predictions.csv and its own heatmap view "
           "(default: the default assumption only)."),
    Option("roofline.batch", integer(1, 1_000_000), 16,
           "Batch size of the batch-amortised assumption (weights read once per batch)."),
    Option("citation.version", text(MAX_VERSION_CHARS), "",
           "This site's version, in the home page's How to cite block (CITATION.cff says the same)."),
    Option("citation.date", date(), "",
           "The date of the data, in the How to cite block (default: the date of the last commit that "
           "changed data/, when the project is a git repository)."),
    Option("citation.authors", list_of(text(MAX_TITLE_CHARS)), (),
           "Who to credit when citing the site (people or a group), in the How to cite block."),
    Option("citation.url", url(), "", "Where the site is published, in the How to cite block."),
)


@dataclass(frozen=True)
class SiteConfig:
    title: str = "CNN Inference Benchmarks"
    tagline: str = ""
    default_assumption: str = DEFAULT_ASSUMPTION
    assumptions: tuple[str, ...] = (DEFAULT_ASSUMPTION,)
    batch: int = 16
    version: str = ""  # citation.version
    data_date: str = ""  # citation.date, "YYYY-MM-DD" or "" (then the build asks git)
    authors: tuple[str, ...] = ()  # citation.authors
    url: str = ""  # citation.url


def _sections() -> dict[str, list[str]]:
    """Mapping name ('' = top level) -> its declared keys."""
    out: dict[str, list[str]] = {"": []}
    for option in OPTIONS:
        section, _, key = option.key.rpartition(".")
        out.setdefault(section, []).append(key)
        if section and section not in out[""]:
            out[""].append(section)
    return out


def read_config(problems: Problems, path: Path, display: str) -> SiteConfig | None:
    """The settings of ``path`` (the defaults when it does not exist); None after problems."""
    log: FileLog = problems.declare(display)
    if not files.exists(path):
        return SiteConfig()
    raw = read_yaml(log, path)
    if raw is UNREADABLE:
        return None
    if raw is None:
        return SiteConfig()
    before = problems.errors
    top = Fields(log, raw, 1, "a mapping of settings", (), tuple(_sections()[""]))
    if not top.valid:
        return None
    values: dict[str, Any] = {}
    mappings: dict[str, Fields] = {"": top}
    for section, keys in _sections().items():
        if not section:
            continue
        node = top.map.get(section)
        if node is None:
            continue
        if not isinstance(node, YamlMap):
            top.problem(section, f"expected a mapping, found {found(node)}")
            continue
        mappings[section] = Fields(log, node, top.line(section), "a mapping", (), tuple(keys), prefix=f"{section}.")
    for option in OPTIONS:
        section, _, key = option.key.rpartition(".")
        fields = mappings.get(section)
        if fields is None or key not in fields.map or fields.map[key] is None:
            continue
        value, message = option.check(fields.map[key])
        if message:
            fields.problem(key, message)
        else:
            values[option.key] = value
    if problems.errors > before:
        return None
    get = {option.key: values.get(option.key, option.default) for option in OPTIONS}
    default = get["roofline.default_assumption"]
    listed = get["roofline.assumptions"] or (default,)
    return SiteConfig(
        title=get["title"],
        tagline=get["tagline"],
        default_assumption=default,
        assumptions=tuple(dict.fromkeys((default, *listed))),
        batch=get["roofline.batch"],
        version=get["citation.version"],
        data_date=get["citation.date"],
        authors=tuple(get["citation.authors"]),
        url=get["citation.url"],
    )


def load_config(path: Path) -> SiteConfig:
    """``read_config`` on its own: the settings, or DataError with every problem (the file
    must lie inside its folder)."""
    problems = Problems(root=path.parent)
    config = read_config(problems, path, path.name)
    problems.raise_if_any()
    assert config is not None
    return config
