"""Where data comes from and what readers must know about it: a run's ``source`` (a paper, a
URL, a contributor) and a ``note`` on a platform or network (a caveat), read from ``data/``,
checked like every text a contributor sends, and carried into the downloadable tables."""

from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.inputs.dataset import load_dataset
from tests.conftest import MINIDATA

HEADER = "task,platform,mode,precision,network,pruning_pct,batch,lat_comp_ms,fps_comp,source\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINIDATA, target)
    return target


def add_runs(data: Path, rows: str, name: str = "contributed.csv") -> None:
    (data / "measurements" / name).write_text(HEADER + textwrap.dedent(rows).lstrip("\n"), encoding="utf-8")


def add_note(data: Path, file: str, entry_id: str, note: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    marker = f"  - id: {entry_id}\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + f"    note: {note}\n", 1), encoding="utf-8")


def problem_lines(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return [str(p) for p in info.value.problems]


def test_a_runs_source_is_read_and_a_file_without_the_column_has_none(data):
    add_runs(data, """
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,"Doe et al., FPL 2024"
        imagenet,fpga-a,,INT8,net-small,100,32,9.0,888,https://example.org/runs
        """)
    runs = load_dataset(data).measurements
    by_batch = dict(zip(runs["batch"], runs["source"].astype(str)))
    assert by_batch[16] == "Doe et al., FPL 2024" and by_batch[32] == "https://example.org/runs"
    assert by_batch[1] == ""  # fpga-a.csv has no source column


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://x\")", "expected text that does not start with '=', '+', '-', '@'"),
    ("x" * 301, "expected text of at most 300 characters"),
])
def test_a_source_a_spreadsheet_would_run_or_too_long_is_one_problem_line(data, cell, expected):
    quoted = '"' + cell.replace('"', '""') + '"'
    add_runs(data, f"""
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,{quoted}
        imagenet,fpga-a,,INT8,net-small,100,32,9.0,888,{quoted}
        """)
    (line,) = problem_lines(data)
    assert line.startswith("data/measurements/contributed.csv, lines 2-3 (2 rows), field 'source': " + expected)


def test_notes_on_a_network_and_a_platform_are_read(data):
    add_note(data, "networks.yaml", "net-big", "Accuracy as published; not reproduced on this hardware.")
    add_note(data, "platforms.yaml", "gpu-b", "Measured with a fan at full speed.")
    ds = load_dataset(data)
    assert ds.network("net-big").note == "Accuracy as published; not reproduced on this hardware."
    assert ds.platform("gpu-b").note == "Measured with a fan at full speed."
    assert ds.network("net-small").note == "" and ds.platform("fpga-a").note == ""


def test_a_note_is_text_of_at_most_300_characters(data):
    add_note(data, "networks.yaml", "net-big", "y" * 301)
    add_note(data, "platforms.yaml", "gpu-b", "'@everyone look'")
    lines = problem_lines(data)
    assert any(line.startswith("data/networks.yaml, line ") and "field 'note': expected text of at most 300" in line
               for line in lines)
    assert any(line.startswith("data/platforms.yaml, line ") and "field 'note': expected text that does not start"
               in line for line in lines)


def test_sources_and_notes_are_in_the_downloadable_tables(make_project, tmp_path):
    from generator.build import Project, build

    root = make_project()
    add_runs(root / "data", """
        imagenet,fpga-a,,INT8,net-small,100,16,5.0,800,"Doe et al., FPL 2024"
        """)
    add_note(root / "data", "networks.yaml", "net-big", "Accuracy as published.")
    add_note(root / "data", "platforms.yaml", "gpu-b", "Fan at full speed.")
    out = tmp_path / "work" / "site"
    build(Project(root), out, log=lambda _msg: None)

    def rows(name: str) -> list[dict[str, str]]:
        with (out / "data" / name).open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    assert {r["source"] for r in rows("measurements.csv") if r["batch"] == "16"} == {"Doe et al., FPL 2024"}
    assert {r["network_note"] for r in rows("networks.csv") if r["network"] == "net-big"} == {"Accuracy as published."}
    assert {r["network_note"] for r in rows("networks.csv") if r["network"] != "net-big"} == {""}
    assert {r["platform_note"] for r in rows("platforms.csv") if r["platform"] == "gpu-b"} == {"Fan at full speed."}
