"""Notes attached to data (``note:`` of a platform or network in ``data/``): a caveat that
readers must see wherever that data is drawn. A noted name carries :data:`MARK` in tables,
chart labels and tooltips, and the note itself is written under each table that shows it
and in the home page's "Notes on the data". Notes are contributor text: escaped as such."""

from __future__ import annotations

from generator.analysis import Results
from generator.output.render import md_escape

MARK = "†"


def platform_notes(results: Results) -> dict[str, tuple[str, str]]:
    """platform id -> (name, note), for the platforms with a note, in file order."""
    return {p.id: (p.name, p.note) for p in results.dataset.platforms if p.note}


def network_notes(results: Results) -> dict[str, tuple[str, str]]:
    """network id -> (name, note), for the networks with a note, in file order."""
    return {n.id: (n.name, n.note) for n in results.dataset.networks if n.note}


def marked(name: str, noted: bool) -> str:
    """A name as a table or chart shows it: with the mark when it has a note."""
    return f"{name} {MARK}" if noted else name


def notes_md(notes: dict[str, tuple[str, str]], shown: set[str] | None = None) -> str:
    """Markdown: `` † Name: note.`` for each note (of the ids in ``shown``), for a caption;
    networks sharing one note are named together."""
    by_note: dict[str, list[str]] = {}
    for ident, (name, note) in notes.items():
        if shown is None or ident in shown:
            by_note.setdefault(note, []).append(name)
    return "".join(f" {MARK} {', '.join(md_escape(n) for n in names)}: {md_escape(note)}"
                   for note, names in by_note.items())
