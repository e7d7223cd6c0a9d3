"""Charts as static images: the spec made self-contained for vl-convert (offline).

In the browser a chart's width follows its container and its data comes from the page;
vl-convert has neither, so ``static_spec`` gives widths in pixels and inlines the named
datasets the spec refers to.
"""

from __future__ import annotations

import copy
import re
import textwrap
from typing import Any

import pandas as pd
import vl_convert

from generator.output.compile import walk

STATIC_WIDTH_PX = 760


def static_spec(spec: dict[str, Any], data: dict[str, pd.DataFrame], width_px: int = STATIC_WIDTH_PX) -> dict[str, Any]:
    """A copy of ``spec`` with "container" widths in pixels and its named datasets inlined."""
    out = copy.deepcopy(spec)

    def fixed_width(node: dict[str, Any]) -> None:
        if node.get("width") == "container":
            node["width"] = width_px

    walk(out, fixed_width)
    _static_titles(out)
    out["datasets"] = {name: frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
                       for name, frame in data.items()}
    return out


# A sentence of a subtitle that tells the reader to act on the chart means nothing on a static figure.
_INTERACTION = re.compile(r"\b(click|double-click|hover|tap|scroll|drag|zoom|pan|tick the|check box|choose|select|"
                          r"slider|below the chart)", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.;]*(?:[.;]|$)")


def static_subtitle(text: Any) -> Any:
    """``text`` (a string or a list of lines) without its sentences about interaction; a list
    of lines stays lines no longer than its longest (the chart was laid out for them)."""
    joined = " ".join(text) if isinstance(text, list) else str(text)
    kept = " ".join(s.strip() for s in _SENTENCE.findall(joined) if s.strip() and not _INTERACTION.search(s))
    if isinstance(text, list) and kept:
        return textwrap.wrap(kept, width=max(len(str(line)) for line in text), break_long_words=False)
    return kept


def _static_titles(spec: dict[str, Any]) -> None:
    title = spec.get("title")
    if isinstance(title, dict) and title.get("subtitle"):
        subtitle = static_subtitle(title["subtitle"])
        if subtitle:
            title["subtitle"] = subtitle
        else:
            del title["subtitle"]


def render_svg(spec: dict[str, Any], data: dict[str, pd.DataFrame], vl_version: str) -> str:
    return numbered_ids(vl_convert.vegalite_to_svg(static_spec(spec, data), vl_version=vl_version))


_GENERATED_ID = re.compile(r'(id="|url\(#)(clip|gradient_)(\d+)(?=[")])')


def numbered_ids(svg: str) -> str:
    """The SVG with its generated ids (``clip7``, ``gradient_3``, where defined and where
    referred to) renumbered from 1 in order of appearance: vl-convert counts them across every
    chart it renders in one process, so without this a figure's bytes would depend on which
    figures were rendered before it."""
    numbers: dict[str, str] = {}
    counts: dict[str, int] = {}

    def renumber(match: re.Match[str]) -> str:
        context, prefix, number = match.groups()
        name = prefix + number
        if name not in numbers:
            counts[prefix] = counts.get(prefix, 0) + 1
            numbers[name] = f"{prefix}{counts[prefix]}"
        return context + numbers[name]

    return _GENERATED_ID.sub(renumber, svg)
