"""How to read a chart, said once: the marks a chart draws and the controls it offers, as
data the chart is built from (``Key.mark`` is passed to Altair's ``mark_*``; a ``Control``
names the parameter it binds) and the sentence the page prints from the same data. A
sentence about a chart's marks or controls is therefore never typed in the prose: it is
``Reading.sentence()`` of the chart it describes (``tests/test_prose.py`` checks both)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SHAPE_WORDS = {"triangle-up": "triangle", "triangle-down": "downward triangle", "stroke": "line",
               "M0,-1L0,1": "vertical bar"}


@dataclass(frozen=True)
class Key:
    """A kind of mark: its Vega-Lite mark properties and what it stands for."""

    mark: dict[str, Any]
    means: str
    colour: str = ""  # "in the platform's colour" etc., when the colour carries meaning

    def props(self) -> dict[str, Any]:
        """The mark's properties for Altair's ``mark_<type>(**props)``."""
        return {k: v for k, v in self.mark.items() if k != "type"}

    def look(self) -> str:
        """The mark in words, from its properties: "hollow diamond", "grey vertical bar"."""
        kind = self.mark.get("type", "point")
        if kind == "point" and "shape" not in self.mark:  # the shape is encoded (a precision's)
            words = ["hollow" if self.mark.get("filled") is False else "filled", "point"]
        elif kind in ("point", "circle", "square"):
            shape = str(self.mark.get("shape", "circle" if kind != "square" else "square"))
            words = [SHAPE_WORDS.get(shape, shape)]
            if not shape.startswith("M"):  # an SVG path is a line: neither filled nor hollow
                words.insert(0, "hollow" if self.mark.get("filled") is False else "filled")
        elif kind == "tick":
            words = ["tick"]
        elif kind == "rule":
            words = ["dashed rule" if self.mark.get("strokeDash") else "rule"]
        elif kind == "line":
            words = ["dashed line" if self.mark.get("strokeDash") else "line"]
        else:
            words = [kind]
        return " ".join(words)

    def phrase(self) -> str:
        return f"{self.look()}{' ' + self.colour if self.colour else ''}: {self.means}"


@dataclass(frozen=True)
class Control:
    """A control of the chart: ``select`` (a drop-down), ``checkbox`` (one box per value) or
    ``click`` (a point selection), bound to the parameter ``param`` (``show_<prefix>_``
    for a row of check boxes)."""

    kind: str
    param: str
    what: str

    def sentence(self) -> str:
        if self.kind == "select":
            return f"Choose {self.what} in the drop-down below the chart."
        if self.kind == "checkbox":
            return f"Tick or untick the check boxes below the chart to show or hide {self.what}."
        if self.kind == "slider":
            return f"Move the sliders below the chart to change {self.what}."
        if self.kind == "click":
            return f"Click {self.what} to highlight it (double-click to show all again)."
        raise ValueError(f"unknown control kind {self.kind!r}")


@dataclass(frozen=True)
class Reading:
    """The keys and controls of one chart; ``sentence`` is what the page says about them."""

    keys: tuple[Key, ...] = ()
    controls: tuple[Control, ...] = ()
    encodings: tuple[str, ...] = field(default=())  # "colour = platform", "shape = precision"

    def sentence(self) -> str:
        parts = []
        if self.keys:
            text = "; ".join(k.phrase() for k in self.keys)
            parts.append(text[0].upper() + text[1:] + ".")
        if self.encodings:
            text = ", ".join(self.encodings)
            parts.append(text[0].upper() + text[1:] + ".")
        parts += [c.sentence() for c in self.controls]
        return " ".join(parts)
