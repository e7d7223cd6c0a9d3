"""Names to ids, and the hints: what the QuTiBench files do not say, as data.

The hints (``hints.yaml`` next to this module, or ``--hints FILE``) give ids, aliases,
display names, vendors, kinds, network tasks, operation counts with more digits and networks
missing from the source tables. They are read and checked like every input: each mistake is
one problem line (file, line, field, expected, found). A source name is resolved by
:class:`Names`: hint aliases first, then ``<alias> <mode>`` (``TX2 - maxn``), then a generic
slug id, so a new network or platform gets an id without a code change.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.inputs.checks import (
    UNREADABLE,
    Fields,
    FileLog,
    Problems,
    YamlMap,
    YamlSeq,
    found,
    read_yaml,
    yaml_number_problem,
)
from generator.inputs.dataset import (
    BANDWIDTH_GBPS,
    BITS,
    ELEMENTS,
    ONCHIP_MB,
    OPS_GOP,
    WEIGHTS_M,
    Known,
    architecture,
)
from generator.qutibench.sources import normalise_name, slug
from generator.records import BATCH, MAX_NOTE_CHARS, MAX_SOURCE_CHARS, PLATFORM_KINDS, POWER_SCOPES, PRUNING, \
    SWEEPS, Architecture, Precision, Task, Variant, positive

DEFAULT_HINTS = Path(__file__).with_name("hints.yaml")
HINT_LISTS = ("precisions", "tasks", "platforms", "networks")
SAMPLE_INTERVAL_S = positive(1e6)
# Platform fields a hint gives (the QuTiBench files do not), and the ones its ``sources`` may name.
SOURCED = ("onchip_mb", "host_link_gbps", "sweep", "power_scope", "peak_tops", "bandwidth_gbps")

_PRUNING_SUFFIX = re.compile(r"^(.*\S)\s+([0-9]*\.?[0-9]+)\s*%?$")


def split_pruning(name: str) -> tuple[str, float]:
    """``ResNet-50 80%`` -> (``ResNet-50``, 80.0); no trailing number -> 100 (unpruned)."""
    match = _PRUNING_SUFFIX.match(name.strip())
    if match:
        return match.group(1), float(match.group(2))
    return name.strip(), 100.0


@dataclass
class Names:
    """Resolves source names to ids: aliases first, then ``<alias> <mode>``, then a slug."""

    platform_alias: dict[str, str] = field(default_factory=dict)
    platform_modes: dict[str, list[str]] = field(default_factory=dict)
    network_alias: dict[str, str] = field(default_factory=dict)

    def add_platform(self, platform_id: str, names: list[str], modes: list[str]) -> None:
        for name in [platform_id, *names]:
            self.platform_alias.setdefault(normalise_name(name), platform_id)
        known = self.platform_modes.setdefault(platform_id, [])
        known += [m for m in modes if m and m not in known]

    def add_network(self, network_id: str, names: list[str]) -> None:
        for name in [network_id, *names]:
            self.network_alias.setdefault(normalise_name(name), network_id)

    def platform(self, name: str) -> tuple[str, str]:
        """(platform id, mode id or "") of a platform name such as ``TX2 - maxn``."""
        key = normalise_name(name)
        if key in self.platform_alias:
            return self.platform_alias[key], ""
        for alias in sorted(self.platform_alias, key=lambda a: (-len(a), a)):
            platform_id = self.platform_alias[alias]
            for mode in self.platform_modes.get(platform_id, []):
                if key == f"{alias} {normalise_name(mode)}":
                    return platform_id, mode
        if " - " in name:
            base, _, mode = name.rpartition(" - ")
            return self.platform(base)[0], slug(mode)
        return slug(name), ""

    def network(self, name: str) -> str:
        return self.network_alias.get(normalise_name(name), slug(name))


# --------------------------------------------------------------------------- the hints


@dataclass(frozen=True)
class PlatformHint:
    id: str
    name: str | None = None
    vendor: str | None = None
    kind: str | None = None
    description: str = ""
    onchip_mb: float | None = None
    host_link_gbps: float | None = None
    sweep: str | None = None
    power_scope: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # field -> where its value comes from (a comment)
    color: str | None = None
    aliases: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()  # the mode ids its names may end with, in file order
    note: str = ""  # a caveat shown wherever the platform's data is drawn


@dataclass(frozen=True)
class NetworkHint:
    id: str
    name: str | None = None
    task: str | None = None
    description: str = ""
    aliases: tuple[str, ...] = ()
    ops_gop: dict[float, float] = field(default_factory=dict)  # pruning_pct -> precise GOP
    architecture: Architecture | None = None  # the unpruned network's layers: unpruned and uniformly
    # pruned variants are computed from them (variants with an ops_gop here keep their published totals)
    variants: tuple[Variant, ...] = ()  # variants the source tables lack
    note: str = ""  # a caveat shown wherever the network's data is drawn


@dataclass(frozen=True)
class TraceHint:
    platform: str
    sample_interval_s: float = 1.0
    idle_column: str = "Idle"
    networks: dict[str, str] = field(default_factory=dict)  # column abbreviation -> network id


@dataclass(frozen=True)
class NoteHint:
    """A note for the runs that match: ``match`` maps measurement columns (platform, mode,
    precision, network, pruning_pct, batch) to values; ``when`` "inconsistent" keeps only the
    runs whose latency and throughput disagree (the dataset checks' rule), "" all of them."""

    match: dict[str, Any]
    note: str
    when: str = ""


@dataclass(frozen=True)
class Hints:
    precisions: tuple[Precision, ...] = ()
    tasks: tuple[Task, ...] = ()
    platforms: tuple[PlatformHint, ...] = ()
    networks: tuple[NetworkHint, ...] = ()
    power_traces: TraceHint | None = None
    notes: tuple[NoteHint, ...] = ()
    source: str = ""  # the ``source`` of every run of a full import (who measured them, where published)

    def platform(self, platform_id: str) -> PlatformHint | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def network(self, network_id: str) -> NetworkHint | None:
        return next((n for n in self.networks if n.id == network_id), None)

    def names(self) -> Names:
        names = Names()
        for platform in self.platforms:
            names.add_platform(platform.id, [platform.name or "", *platform.aliases], list(platform.modes))
        for network in self.networks:
            names.add_network(network.id, [network.name or "", *network.aliases])
        return names


def load_hints(path: Path, problems: Problems) -> Hints:
    """The hints file, read and checked like every input (one problem line per mistake)."""
    log = problems.declare(str(path))
    data = read_yaml(log, path)
    if data is UNREADABLE:
        return Hints()
    if not isinstance(data, YamlMap):
        log.add(1, "", f"expected a mapping of hint lists at the top level, found {found(data)}")
        return Hints()
    top = Fields(log, data, 1, "a mapping of hint lists", (), (*HINT_LISTS, "power_traces", "source", "notes"))
    traces = data.get("power_traces")
    return Hints(
        precisions=tuple(p for p in (_precision(log, *e) for e in _entries(log, data, "precisions")) if p),
        tasks=tuple(t for t in (_task(log, *e) for e in _entries(log, data, "tasks")) if t),
        platforms=tuple(_platform(log, *e) for e in _entries(log, data, "platforms")),
        networks=tuple(_network(log, *e) for e in _entries(log, data, "networks")),
        power_traces=_traces(log, traces, data.key_lines.get("power_traces", 1)) if traces is not None else None,
        notes=_notes(log, data),
        source=top.text("source", shown=True, limit=MAX_SOURCE_CHARS) or "",
    )


NOTE_MATCH = ("platform", "mode", "precision", "network", "pruning_pct", "batch")


def _notes(log: FileLog, data: YamlMap) -> tuple[NoteHint, ...]:
    """``notes``: {note, when?, and the measurement columns a run must match}."""
    value = data.get("notes")
    if value is None:
        return ()
    if not isinstance(value, YamlSeq):
        log.add(data.key_lines.get("notes", 1), "notes", f"expected a list of notes, found {found(value)}")
        return ()
    result = []
    for item, line in zip(value, value.item_lines):
        f = Fields(log, item, line, "a note", ("note",), ("when", *NOTE_MATCH), "notes.")
        note = f.text("note", shape="a note", limit=MAX_NOTE_CHARS, shown=True)
        when = f.choice("when", ("inconsistent",)) if "when" in f.map else ""
        match: dict[str, Any] = {}
        for key in NOTE_MATCH:
            if key in f.map:
                match[key] = f.number(key, PRUNING if key == "pruning_pct" else BATCH) if key in ("pruning_pct", "batch") \
                    else f.text(key)
        if note is not None and when is not None and None not in match.values() and not f.broken:
            result.append(NoteHint({k: (float(v) if k == "pruning_pct" else v) for k, v in match.items()}, note, when))
    return tuple(result)


def _entries(log: FileLog, data: YamlMap, key: str) -> list[tuple[YamlMap, int, str]]:
    """(entry, line, id) of each entry of ``data[key]`` that is a mapping with an id."""
    what = key.removesuffix("s")
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, YamlSeq):
        log.add(data.key_lines.get(key, 1), key, f"expected a list of {what} entries, found {found(value)}")
        return []
    entries = []
    for item, line in zip(value, value.item_lines):
        ident = item.get("id") if isinstance(item, YamlMap) else None
        if not isinstance(ident, (str, int)) or isinstance(ident, bool) or ident == "":
            shown = "an entry without an id" if isinstance(item, YamlMap) else found(item)
            log.add(line, f"{key}.id", f"expected a {what} entry with an 'id', found {shown}")
            continue
        entries.append((item, line, str(ident)))
    return entries


def _names(f: Fields, key: str) -> tuple[str, ...]:
    """A list of names (``aliases``, ``modes``): texts or numbers."""
    value = f.map.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        f.problem(key, f"expected a list of names, found {found(value)}")
        return ()
    return tuple(str(v) for v in value)


def _precision(log: FileLog, item: YamlMap, line: int, ident: str) -> Precision | None:
    f = Fields(log, item, line, "a precision hint", ("id", "bits"), prefix="precisions.")
    bits = f.number("bits", BITS)
    return Precision(ident, float(bits)) if bits is not None else None


def _task(log: FileLog, item: YamlMap, line: int, ident: str) -> Task | None:
    f = Fields(log, item, line, "a task hint", ("id", "name", "input_elements", "output_elements"),
               ("description",), prefix="tasks.")
    name, description = f.text("name"), f.text("description") or ""
    inputs, outputs = f.number("input_elements", ELEMENTS), f.number("output_elements", ELEMENTS)
    if name is None or inputs is None or outputs is None:
        return None
    return Task(ident, name, int(inputs), int(outputs), description)


def _platform(log: FileLog, item: YamlMap, line: int, ident: str) -> PlatformHint:
    f = Fields(log, item, line, "a platform hint", ("id",),
               ("name", "vendor", "kind", "description", *SOURCED, "sources", "color", "aliases", "modes", "note"),
               prefix="platforms.")
    onchip, link = f.number("onchip_mb", ONCHIP_MB), f.number("host_link_gbps", BANDWIDTH_GBPS)
    return PlatformHint(
        ident, name=f.text("name"), vendor=f.text("vendor"),
        kind=f.choice("kind", PLATFORM_KINDS) if "kind" in f.map else None,
        description=f.text("description") or "", onchip_mb=float(onchip) if onchip is not None else None,
        host_link_gbps=float(link) if link is not None else None,
        sweep=f.choice("sweep", SWEEPS) if "sweep" in f.map else None,
        power_scope=f.choice("power_scope", POWER_SCOPES) if "power_scope" in f.map else None,
        sources=_sources(f), color=f.text("color"), aliases=_names(f, "aliases"), modes=_names(f, "modes"),
        note=f.text("note") or "")


def _sources(f: Fields) -> dict[str, str]:
    """``sources``: field -> where its value comes from, written as a comment after the field."""
    table = f.mapping("sources", "a mapping of field -> source") if "sources" in f.map else None
    result = {}
    for key, value in (table or {}).items():
        if key not in SOURCED or not isinstance(value, str) or not value.strip():
            f.problem("sources", f"expected a source text for one of {', '.join(SOURCED)}, found '{key}: {value}'")
        else:
            result[str(key)] = value.replace("\n", " ").strip()
    return result


def _network(log: FileLog, item: YamlMap, line: int, ident: str) -> NetworkHint:
    f = Fields(log, item, line, "a network hint", ("id",),
               ("name", "task", "description", "aliases", "ops_gop", "input", "layers", "variants", "note"),
               prefix="networks.")
    task = f.text("task")
    return NetworkHint(
        ident, name=f.text("name"), task=task, description=f.text("description") or "",
        aliases=_names(f, "aliases"), ops_gop=_ops(f), architecture=architecture(f, Known(log.file, "task", None), task)[0],
        variants=_variants(f), note=f.text("note") or "")


def _ops(f: Fields) -> dict[float, float]:
    """``ops_gop``: pruning_pct -> GOP per input."""
    table = f.mapping("ops_gop", "a mapping of pruning_pct -> GOP per input") if "ops_gop" in f.map else None
    result: dict[float, float] = {}
    for key, value in (table or {}).items():
        message = yaml_number_problem(key, PRUNING) or yaml_number_problem(value, OPS_GOP)
        if message:
            f.problem("ops_gop", f"{message} (in '{key}: {value}')")
        else:
            result[float(key)] = float(value)
    return result


def _variants(f: Fields) -> tuple[Variant, ...]:
    """``variants``: extra variants the source lacks, {pruning_pct, ops_gop, weights_m}, or
    {pruning_pct} alone for a network with layers (computed: ``from_layers``, NaN totals)."""
    if "variants" not in f.map:
        return ()
    result = []
    for item, line in f.items("variants", "variants"):
        v = Fields(f.log, item, line, "a variant", ("pruning_pct",), ("ops_gop", "weights_m"), f.prefix + "variants.")
        pruning = v.number("pruning_pct", PRUNING)
        if "ops_gop" not in v.map and "weights_m" not in v.map:
            if "layers" not in f.map:
                v.problem("ops_gop", "expected ops_gop and weights_m (the network has no layers to compute them "
                                     "from), found nothing")
            elif pruning is not None:
                result.append(Variant(float(pruning), math.nan, math.nan, from_layers=True))
            continue
        ops, weights = v.number("ops_gop", OPS_GOP), v.number("weights_m", WEIGHTS_M)
        for key, value in (("ops_gop", ops), ("weights_m", weights)):
            if key not in v.map:
                v.problem(key, f"expected {key} (both totals, or neither for a network with layers), found nothing")
        if pruning is not None and ops is not None and weights is not None:
            result.append(Variant(float(pruning), float(ops), float(weights)))
    return tuple(result)


def _traces(log: FileLog, node: Any, line: int) -> TraceHint | None:
    f = Fields(log, node, line, "the power trace settings", ("platform",),
               ("sample_interval_s", "idle_column", "networks"), "power_traces.")
    platform = f.text("platform")
    interval = f.number("sample_interval_s", SAMPLE_INTERVAL_S) if "sample_interval_s" in f.map else 1.0
    networks = f.mapping("networks", "a mapping of column abbreviation -> network id") if "networks" in f.map else None
    if platform is None or interval is None:
        return None
    return TraceHint(platform, float(interval), f.text("idle_column") or "Idle",
                     {str(k).lower(): str(v) for k, v in (networks or {}).items()})
