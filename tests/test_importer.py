"""QuTiBench importer (generator/qutibench/): quirks of the source files -> the plain schema
of data/README.md, checked as a data set before anything in --out is replaced, and never
overwriting a file that differs from what it would write unless told to.

Fixtures: tests/fixtures/qutibench_mini/ holds a few hand-made rows per QuTiBench file,
each exercising one quirk (name variants, ``30.00%``, ``"1,234.82"``, `` level``,
placeholder rows, a repeated run, a power trace with gaps); contributor/ holds a file in the
data_template.csv layout.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.errors import DataError, UsageError
from generator.qutibench import import_qutibench
from generator.qutibench.names import DEFAULT_HINTS
from generator.qutibench.sources import parse_number, parse_pruning_pct, slug

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

MINI = Path(__file__).parent / "fixtures" / "qutibench_mini"
CONTRIBUTOR = MINI / "contributor" / "runs_lab42.csv"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    report = import_qutibench(MINI, out)
    return out, report


def _yaml(out: Path, name: str) -> list[dict]:
    return yaml.safe_load((out / f"{name}.yaml").read_text())[name]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def hints_source() -> str:
    """The source the shipped hints give every run of a full import."""
    return str(yaml.safe_load(DEFAULT_HINTS.read_text(encoding="utf-8"))["source"])


def _by_id(entries: list[dict]) -> dict[str, dict]:
    return {e["id"]: e for e in entries}


# --------------------------------------------------------------------------- cell parsing


def test_parse_number_strips_thousands_separators_and_reads_na_nm_as_missing():
    assert parse_number("1,234.82") == 1234.82
    assert parse_number(" 2,159.30 ") == 2159.3
    assert parse_number("5.23807") == 5.23807
    assert parse_number("na") is None
    assert parse_number("nm") is None
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("12,3x")
    with pytest.raises(ValueError):
        parse_number("1,23")  # not a thousands separator


def test_parse_pruning_pct_accepts_percent_signs_and_decimals():
    assert parse_pruning_pct("30.00%") == 30.0
    assert parse_pruning_pct("12.50%") == 12.5
    assert parse_pruning_pct("100%") == 100.0
    assert parse_pruning_pct("80") == 80.0


def test_slug_gives_generic_ids_for_names_without_alias():
    assert slug("ZCU104-Bismo") == "zcu104-bismo"
    assert slug("NCS (MyriadX)") == "ncs-myriadx"
    assert slug(" Coral Dev Board ") == "coral-dev-board"


# --------------------------------------------------------------------------- specifications


def test_platform_name_variants_map_to_ids_and_modes(imported):
    out, _ = imported
    platforms = _yaml(out, "platforms")
    # hint order, not source order
    assert [p["id"] for p in platforms] == ["ultra96-dpu", "zcu104-bismo", "tx2", "edgetpu", "ncs2", "u96-a53"]
    by_id = _by_id(platforms)
    assert [m["id"] for m in by_id["tx2"]["modes"]] == ["maxn", "maxq"]
    assert [m["id"] for m in by_id["edgetpu"]["modes"]] == ["fast", "slow"]
    assert by_id["tx2"]["modes"][0]["peak_tops"] == {"FP16": 1.33, "FP32": 0.67}
    assert "id" not in by_id["ncs2"]["modes"][0]  # single mode: no id
    assert by_id["ncs2"]["modes"][0]["peak_tops"] == {"INT8": 1, "FP16": 0.5}
    assert by_id["u96-a53"]["modes"][0]["peak_tops"] == {"INT2": 0.192, "INT4": 0.192, "INT8": 0.192}
    assert (by_id["u96-a53"]["vendor"], by_id["u96-a53"]["kind"]) == ("Arm", "CPU")
    assert (by_id["zcu104-bismo"]["vendor"], by_id["zcu104-bismo"]["kind"]) == ("Xilinx", "FPGA")
    assert (by_id["ncs2"]["name"], by_id["ncs2"]["kind"]) == ("Neural Compute Stick 2", "VLIW")


def test_missing_bandwidth_is_filled_from_peak_file_converted_from_tbps(imported):
    out, report = imported
    ultra96 = _by_id(_yaml(out, "platforms"))["ultra96-dpu"]
    assert ultra96["modes"][0]["bandwidth_gbps"] == 4.26  # 0.00426 TB/s, no binary noise
    assert any("ultra96-dpu bandwidth 4.26 GB/s taken from peakPerfBandHardPlatf.csv" in n for n in report.notes)
    # the A53 has no bandwidth in the peak file: the platforms file's value stays
    assert _by_id(_yaml(out, "platforms"))["u96-a53"]["modes"][0]["bandwidth_gbps"] == 4.26


def test_networks_get_ids_pruning_levels_precise_ops_and_extra_network(imported):
    out, _ = imported
    networks = _by_id(_yaml(out, "networks"))
    assert list(networks) == ["googlenet-v1", "resnet-50", "resnet-50-v1.5", "cnv", "mlp"]
    assert networks["googlenet-v1"]["task"] == "imagenet"
    assert networks["cnv"]["task"] == "cifar10"
    assert networks["mlp"]["task"] == "mnist"
    resnet = networks["resnet-50"]["variants"]
    assert [v["pruning_pct"] for v in resnet] == [100, 80, 30]
    assert "ops_gop" not in resnet[0]  # the unpruned network is computed from the hints' layers
    assert [v["ops_gop"] for v in resnet[1:]] == [6.54, 2.45]  # hints, not the rounded 6.5, 2.5
    assert networks["resnet-50"]["input"] == [224, 224, 3] and len(networks["resnet-50"]["layers"]) == 8
    assert [v["weights_m"] for v in resnet[1:]] == [23.7, 10.1]
    assert [v["pruning_pct"] for v in networks["cnv"]["variants"]] == [100, 12.5]
    assert networks["resnet-50-v1.5"]["variants"] == [{"pruning_pct": 100}]  # not in the tables: from the hints' layers


def test_accuracy_cells_split_into_top1_and_top5(imported):
    out, _ = imported
    networks = _by_id(_yaml(out, "networks"))
    googlenet = networks["googlenet-v1"]["variants"][0]["accuracy"]
    assert list(googlenet) == ["INT8", "FP16", "FP32"]  # nm skipped, precision order
    assert googlenet["INT8"] == {"top1_pct": 69.24, "top5_pct": 88.45}
    resnet_30 = networks["resnet-50"]["variants"][2]
    assert resnet_30["accuracy"] == {"INT8": {"top1_pct": 68.83, "top5_pct": 90.16}}  # "68.83 ( 90.16)"
    cnv_12 = networks["cnv"]["variants"][1]["accuracy"]
    assert cnv_12["INT2"] == {"top1_pct": 73.64}  # top1 only
    assert "accuracy" not in networks["resnet-50"]["variants"][1]  # no row for 80%


def test_precisions_and_tasks_come_from_hints(imported):
    out, _ = imported
    assert _yaml(out, "precisions") == [
        {"id": "INT2", "bits": 2}, {"id": "INT4", "bits": 4}, {"id": "INT8", "bits": 8},
        {"id": "FP16", "bits": 16}, {"id": "FP32", "bits": 32}]
    tasks = _by_id(_yaml(out, "tasks"))
    assert (tasks["imagenet"]["input_elements"], tasks["imagenet"]["output_elements"]) == (224 * 224 * 3, 1000)
    assert (tasks["cifar10"]["input_elements"], tasks["cifar10"]["output_elements"]) == (32 * 32 * 3, 10)
    assert (tasks["mnist"]["input_elements"], tasks["mnist"]["output_elements"]) == (28 * 28, 10)


def test_yaml_has_generated_header_and_keys_in_schema_order(imported):
    out, _ = imported
    text = (out / "platforms.yaml").read_text()
    assert text.startswith("# Generated by `python -m generator import-qutibench` from the QuTiBench")
    first = text.index("  - id: ultra96-dpu")
    keys = [line.strip().split(":")[0] for line in text[first:].splitlines()[:8]]
    assert keys == ["- id", "name", "vendor", "kind", "onchip_mb", "sweep", "power_scope", "modes"]
    assert "    onchip_mb: 0.95  # ZU3EG: 7.6 Mb of block RAM\n" in text  # the hints' figure, with its source
    assert "    host_link_gbps: 0.5  # PCIe Gen2 x1" in text  # the Edge TPU's link to the host's memory


# --------------------------------------------------------------------------- measurements


def test_measurement_quirks_are_mapped(imported):
    out, _ = imported
    tx2 = _rows(out / "measurements" / "tx2.csv")
    assert tx2 == [{
        "task": "imagenet", "platform": "tx2", "mode": "maxn", "precision": "FP16", "network": "googlenet-v1",
        "pruning_pct": "100", "batch": "1", "repeat": "1", "lat_comp_ms": "5.23807", "lat_sys_ms": "8.15",
        "fps_comp": "194.27", "fps_sys": "123.686", "top1_pct": "66.928", "top5_pct": "87.832",
        "power_base_w": "1.8", "power_idle_w": "5.7", "power_full_w": "11.52", "source": hints_source(), "note": ""}]
    ncs2 = _rows(out / "measurements" / "ncs2.csv")[0]
    assert (ncs2["platform"], ncs2["mode"], ncs2["lat_sys_ms"], ncs2["pruning_pct"]) == ("ncs2", "", "1234.82", "80")
    edgetpu = _rows(out / "measurements" / "edgetpu.csv")
    assert (edgetpu[0]["network"], edgetpu[0]["pruning_pct"], edgetpu[0]["mode"]) == ("resnet-50", "30", "fast")
    bismo = _rows(out / "measurements" / "zcu104-bismo.csv")[0]
    assert (bismo["platform"], bismo["pruning_pct"], bismo["task"]) == ("zcu104-bismo", "12.5", "cifar10")
    assert (bismo["lat_comp_ms"], bismo["fps_comp"]) == ("9.1143339", "219.4345766")  # every digit, none rounded
    a53 = _rows(out / "measurements" / "u96-a53.csv")[0]
    assert (a53["platform"], a53["network"], a53["power_idle_w"]) == ("u96-a53", "mlp", "")  # "na"


def test_placeholder_and_system_only_rows_are_dropped_and_reported(imported):
    out, report = imported
    assert report.rows_read["measurements_backup.csv"] == 10
    assert report.rows_dropped == {"measurements_backup.csv": 3}
    note = next(n for n in report.notes if n.startswith("measurements_backup.csv: 3 rows"))
    assert "2 empty placeholders" in note
    assert "1 with system-level numbers only, line 9" in note
    written = sum(len(_rows(p)) for p in (out / "measurements").glob("*.csv"))
    assert written == 7
    assert any("not imported: derived" in n and "nn_total_operations" in n for n in report.notes)


def test_repeated_runs_get_repeat_numbers_in_source_order(imported):
    out, _ = imported
    runs = [r for r in _rows(out / "measurements" / "edgetpu.csv") if r["network"] == "resnet-50-v1.5"]
    assert [(r["repeat"], r["lat_comp_ms"]) for r in runs] == [("1", "40.44151"), ("2", "40.58504")]


def test_power_trace_samples_idle_and_gaps(imported):
    out, report = imported
    rows = _rows(out / "power_traces" / "edgetpu.csv")
    idle = [r for r in rows if r["network"] == ""]
    assert [(r["time_s"], r["power_w"], r["voltage_v"]) for r in idle] == [("0", "0.79442", ""), ("2", "0.8", "")]
    googlenet = [r for r in rows if r["network"] == "googlenet-v1"]
    assert [(r["mode"], r["time_s"], r["voltage_v"], r["current_a"]) for r in googlenet] == [
        ("fast", "0", "5.03", "0.265"), ("fast", "1", "5.03", "0.302")]
    assert len([r for r in rows if r["network"] == "resnet-50-v1.5"]) == 4
    assert any(n.startswith("power_measur_fast.csv: 6 empty cells skipped") for n in report.notes)
    assert any("time_s = sample index x 1 s" in n for n in report.notes)


def test_import_is_deterministic(tmp_path):
    import_qutibench(MINI, tmp_path / "a")
    import_qutibench(MINI, tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) == 10
    for relative in files_a:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()


# --------------------------------------------------------------------------- template layout


def test_template_layout_import_adds_a_file_and_keeps_existing_yaml(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    report = import_qutibench(CONTRIBUTOR, out)

    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    added = set(after) - set(before)
    assert added == {Path("measurements/from-runs-lab42.csv")}
    assert all(after[path] == content for path, content in before.items())  # nothing overwritten
    rows = _rows(out / "measurements" / "from-runs-lab42.csv")
    keys = [(r["platform"], r["mode"], r["precision"], r["network"], r["pruning_pct"], r["batch"], r["repeat"])
            for r in rows]
    assert keys == [
        ("tx2", "maxn", "FP16", "googlenet-v1", "100", "1", "2"),  # repeats the shipped run
        ("edgetpu", "slow", "INT8", "googlenet-v1", "100", "1", "1"),  # mode from "EdgeTPU-slow"
        ("zcu104-bismo", "", "INT4", "cnv", "12.5", "4", "1"),
    ]
    assert rows[2]["lat_comp_ms"] == "12.5" and rows[2]["fps_sys"] == ""
    assert {r["source"] for r in rows} == {""}  # not QuTiBench's runs: no source unless the file names one
    assert report.rows_written == {"measurements/from-runs-lab42.csv": 3}
    assert any("already in" in n for n in report.notes)


def test_a_contributors_source_column_is_kept_per_run(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    lines = CONTRIBUTOR.read_text(encoding="utf-8").splitlines()
    sources = ["", '"Lab 42, run book p. 7"', "https://example.org/edgetpu-runs"]
    mine = tmp_path / "mine.csv"
    mine.write_text("\n".join([lines[0] + ",source"] + [f"{row},{src}" for row, src in zip(lines[1:], sources)]) + "\n",
                    encoding="utf-8")
    import_qutibench(mine, out)
    rows = _rows(out / "measurements" / "from-mine.csv")
    assert {(r["platform"], r["source"]) for r in rows} == {
        ("tx2", ""), ("zcu104-bismo", "Lab 42, run book p. 7"), ("edgetpu", "https://example.org/edgetpu-runs")}


def test_notes_from_the_hints_are_written_to_the_yaml(tmp_path):
    shipped = yaml.safe_load(DEFAULT_HINTS.read_text(encoding="utf-8"))
    assert any("note" in n for n in shipped["networks"])  # the EfficientNet-EdgeTPU accuracy caveat
    text = DEFAULT_HINTS.read_text(encoding="utf-8")
    text = text.replace("  - id: googlenet-v1\n", "  - id: googlenet-v1\n    note: 'Accuracy: as published: not reproduced'\n", 1)
    text = text.replace("  - id: tx2\n", "  - id: tx2\n    note: Measured at the maxn clock only\n", 1)
    hints = tmp_path / "hints.yaml"
    hints.write_text(text, encoding="utf-8")
    out = tmp_path / "data"
    import_qutibench(MINI, out, hints)
    assert _by_id(_yaml(out, "networks"))["googlenet-v1"]["note"] == "Accuracy: as published: not reproduced"
    assert _by_id(_yaml(out, "platforms"))["tx2"]["note"] == "Measured at the maxn clock only"
    assert "note" not in _by_id(_yaml(out, "networks"))["resnet-50"]


def test_template_layout_reimport_replaces_only_its_own_file(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    import_qutibench(CONTRIBUTOR, out)
    first = (out / "measurements" / "from-runs-lab42.csv").read_bytes()
    import_qutibench(CONTRIBUTOR, out)
    assert (out / "measurements" / "from-runs-lab42.csv").read_bytes() == first  # repeat stays 2


def test_template_layout_without_yaml_in_out_is_an_error(tmp_path):
    with pytest.raises(DataError) as error:
        import_qutibench(CONTRIBUTOR, tmp_path / "empty")
    assert any(p.file.endswith("platforms.yaml") and p.message.startswith("expected this file: a measurements-only")
               for p in error.value.problems)


# --------------------------------------------------------------------------- errors


def _contributor_copy(tmp_path: Path, replace: dict[str, str]) -> Path:
    text = CONTRIBUTOR.read_text()
    for old, new in replace.items():
        text = text.replace(old, new)
    path = tmp_path / "runs.csv"
    path.write_text(text)
    return path


def test_unknown_platform_and_network_names_are_reported_with_location(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    source = _contributor_copy(tmp_path, {"GoogLeNetv1,TX2,": "GoogLeNetv1,Mystery Board,", "CNV,": "VGG-7,"})
    with pytest.raises(DataError) as error:
        import_qutibench(source, out)
    problems = error.value.problems
    platform = next(p for p in problems if p.field == "HWType")
    assert (platform.file, platform.where) == (str(source), "line 2")
    assert "unknown platform 'Mystery Board'" in platform.message and "mystery-board" in platform.message
    network = next(p for p in problems if p.field == "NN_Topology")
    assert (network.where, network.message.split(" (")[0]) == ("line 3", "unknown network 'VGG-7'")
    assert f"{source}, line 2, field 'HWType': unknown platform" in str(error.value)
    assert not (out / "measurements" / "from-runs.csv").exists()  # nothing written


def test_unparsable_numbers_are_all_reported(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    source = _contributor_copy(tmp_path, {",5.1,120.5,": ",5.1x,120.5,", ",320.25,": ",about 320,"})
    with pytest.raises(DataError) as error:
        import_qutibench(source, out)
    located = [(p.where, p.field, p.message) for p in error.value.problems]
    assert located == [  # every problem, not only the first
        ("line 2", "lat-comp", "expected a number, found '5.1x'"),
        ("line 3", "fps-comp", "expected a number, found 'about 320'"),
    ]
    assert f"{source}, line 3, field 'fps-comp': expected a number" in str(error.value)


def test_wrong_mode_and_unsupported_precision_are_errors(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    source = _contributor_copy(tmp_path, {"TX2,FP16,maxn": "TX2,FP16,turbo", "ZCU104-BISMO,INT4": "ZCU104-BISMO,FP32"})
    with pytest.raises(DataError) as error:
        import_qutibench(source, out)
    messages = {(p.where, p.field): p.message for p in error.value.problems}
    assert messages[("line 2", "Op mode")] == "platform tx2: expected one of maxn, maxq, found 'turbo'"
    assert messages[("line 3", "Precision")] == "zcu104-bismo has no peak at FP32 (it has INT2, INT4)"


def test_missing_source_is_an_error(tmp_path):
    with pytest.raises(DataError) as error:
        import_qutibench(tmp_path / "nowhere", tmp_path / "out")
    assert "no such file or folder" in str(error.value)


def _with_coral_board(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(MINI, src, ignore=shutil.ignore_patterns("contributor"))
    with (src / "hardware_platforms.csv").open("a") as handle:
        handle.write("Coral Dev Board,na,na,4,na,na,25.6,1,na\n")
    with (src / "measurements_backup.csv").open("a") as handle:
        handle.write("MLP,Coral Dev Board,INT8,,1,,0.5,,2000,,,98,,,,3,,100%,l3,4,25.6,0.02\n")
    return src


def test_a_new_platform_without_vendor_and_kind_is_named_and_nothing_is_written(tmp_path):
    src = _with_coral_board(tmp_path)
    with pytest.raises(DataError) as error:
        import_qutibench(src, tmp_path / "out")
    [problem] = error.value.problems
    assert (problem.file, problem.where) == (str(src / "hardware_platforms.csv"), "line 11")
    assert "'Coral Dev Board' (id coral-dev-board) has no vendor and kind in the hints" in problem.message
    assert not (tmp_path / "out").exists()


def test_a_new_platform_with_a_hints_entry_gets_its_slug_id(tmp_path):
    src = _with_coral_board(tmp_path)
    hints = tmp_path / "hints.yaml"
    text = DEFAULT_HINTS.read_text()
    hints.write_text(text.replace("\nnetworks:", "\n  - {id: coral-dev-board, vendor: Google, kind: TPU}\n\nnetworks:"))
    import_qutibench(src, tmp_path / "out", hints)
    coral = _by_id(_yaml(tmp_path / "out", "platforms"))["coral-dev-board"]
    assert (coral["name"], coral["vendor"], coral["kind"]) == ("Coral Dev Board", "Google", "TPU")
    rows = _rows(tmp_path / "out" / "measurements" / "coral-dev-board.csv")
    assert [(r["network"], r["fps_comp"]) for r in rows] == [("mlp", "2000")]


def test_a_header_only_template_in_a_full_import_is_reported_not_an_error(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(MINI, src, ignore=shutil.ignore_patterns("contributor"))
    header = CONTRIBUTOR.read_text().splitlines()[0]  # the data_template.csv layout
    (src / "data_template.csv").write_text(header + "\n")
    report = import_qutibench(src, tmp_path / "out")
    assert "data_template.csv: header only, no measurements" in report.notes
    plain = import_qutibench(MINI, tmp_path / "plain")
    assert report.total_written == plain.total_written


def test_a_hints_entry_without_an_id_is_one_problem_line(tmp_path):
    hints = tmp_path / "hints.yaml"
    hints.write_text("platforms:\n  - name: No Id Board\n    vendor: Acme\n  - id: ok-board\nnetworks: 7\n")
    with pytest.raises(DataError) as error:
        import_qutibench(MINI, tmp_path / "data", hints)
    assert [str(p) for p in error.value.problems] == [
        f"{hints}, line 2, field 'platforms.id': expected a platform entry with an 'id', found an entry without an id",
        f"{hints}, line 5, field 'networks': expected a list of network entries, found the number 7",
    ]
    assert not (tmp_path / "data").exists()


def test_a_source_file_that_is_not_utf8_is_a_problem_not_a_traceback(tmp_path):
    src = tmp_path / "runs.csv"
    src.write_bytes("NN_Topology,HWType\nR\xe9sNet,TX2\n".encode("latin-1"))
    with pytest.raises(DataError) as error:
        import_qutibench(src, tmp_path / "data")
    assert any(p.file == str(src) and "expected UTF-8 text" in p.message for p in error.value.problems)


# --------------------------------------------------------------------------- never loses hand edits


def _snapshot(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()} if folder.exists() else {}


def _cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main(["import-qutibench", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _hand_edit(out: Path) -> None:
    """A fixed value, an added platform and a deleted measurement file."""
    platforms = out / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("bandwidth_gbps: 19.2", "bandwidth_gbps: 19.3")
                         + "\n  - id: my-board\n    name: My Board\n    vendor: Acme\n    kind: TPU\n"
                           "    modes:\n      - peak_tops: {INT8: 8}\n        bandwidth_gbps: 34.1\n")
    (out / "measurements" / "ncs2.csv").unlink()


def test_dry_run_into_a_new_folder_lists_the_files_and_creates_nothing(tmp_path, capsys):
    out = tmp_path / "data"
    code, stdout, _ = _cli(capsys, MINI, "--out", out, "--dry-run")
    assert code == 0
    assert not out.exists()
    assert f"would create {out.as_posix()}/platforms.yaml (6 entries)" in stdout
    assert f"would create {out.as_posix()}/measurements/tx2.csv (1 row)" in stdout
    assert "checked the result: 7 measurements on 6 platforms" in stdout
    assert stdout.rstrip().endswith("dry run: nothing was written")


def test_dry_run_shows_what_would_change_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    _hand_edit(out)
    before = _snapshot(out)
    code, stdout, _ = _cli(capsys, MINI, "--out", out, "--dry-run")
    assert code == 0
    assert _snapshot(out) == before
    assert f"would replace {out.as_posix()}/platforms.yaml (6 entries): 9 lines removed, 1 line added" in stdout
    edited = (out / "platforms.yaml").read_text().splitlines().index("        bandwidth_gbps: 19.3") + 1
    assert f"- line {edited}: bandwidth_gbps: 19.3" in stdout and f"+ line {edited}: bandwidth_gbps: 19.2" in stdout
    assert f"would create {out.as_posix()}/measurements/ncs2.csv (1 row)" in stdout
    assert "8 files unchanged" in stdout


def test_a_hand_edited_data_folder_is_refused_naming_the_files_and_left_as_it_is(tmp_path, capsys):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    _hand_edit(out)
    before = _snapshot(out)
    code, stdout, stderr = _cli(capsys, MINI, "--out", out)
    assert code == 2
    assert _snapshot(out) == before  # the edit kept, the deleted file not written either
    assert "1 file in the output folder differs from what this import would write" in stderr
    assert f"{out.as_posix()}/platforms.yaml (6 entries): 9 lines removed, 1 line added" in stderr
    assert "--force" in stderr and "ncs2.csv" not in stderr  # a file to create is no loss


def test_force_replaces_hand_edited_files_with_the_import(tmp_path, capsys):
    out, fresh = tmp_path / "data", tmp_path / "fresh"
    import_qutibench(MINI, out)
    import_qutibench(MINI, fresh)
    _hand_edit(out)
    code, stdout, _ = _cli(capsys, MINI, "--out", out, "--force")
    assert code == 0
    assert _snapshot(out) == _snapshot(fresh)
    assert f"replaced {out.as_posix()}/platforms.yaml" in stdout
    assert f"created {out.as_posix()}/measurements/ncs2.csv" in stdout


def test_a_changed_contributor_file_replaces_its_own_output_only_with_force(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    source = tmp_path / "runs_lab42.csv"
    source.write_text(CONTRIBUTOR.read_text())
    import_qutibench(source, out)
    before = _snapshot(out)
    source.write_text(CONTRIBUTOR.read_text().replace(",320.25,", ",321.5,"))
    with pytest.raises(UsageError, match="from-runs-lab42.csv"):
        import_qutibench(source, out)
    assert _snapshot(out) == before
    report = import_qutibench(source, out, force=True)
    after = _snapshot(out)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {Path("measurements/from-runs-lab42.csv")}
    assert [c.status for c in report.changes] == ["change"]
    assert "321.5" in after[Path("measurements/from-runs-lab42.csv")].decode()


# --------------------------------------------------------------------------- validates before it replaces


def test_a_result_that_fails_the_dataset_checks_replaces_nothing(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    before = _snapshot(out)
    source = _contributor_copy(tmp_path, {",12.5,,320.25,": ",-12.5,,320.25,"})  # a negative latency
    with pytest.raises(DataError) as error:
        import_qutibench(source, out, force=True)
    assert _snapshot(out) == before
    lines = [str(p) for p in error.value.problems]
    assert lines[0].startswith(f"{out.as_posix()}/measurements/from-runs.csv, line 4, field 'lat_comp_ms': "
                               "expected a number > 0, found -12.5")
    assert lines[-1] == (f"{out.as_posix()}: these are problems of the data set this import would make (its "
                         "files with the others of the folder); nothing in the folder was replaced")


def test_a_full_import_that_would_break_a_contributors_file_replaces_nothing(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    import_qutibench(CONTRIBUTOR, out)  # one run on EdgeTPU-slow
    before = _snapshot(out)
    src = tmp_path / "src"
    shutil.copytree(MINI, src, ignore=shutil.ignore_patterns("contributor"))
    platforms = src / "hardware_platforms.csv"
    platforms.write_text("".join(line for line in platforms.read_text().splitlines(keepends=True)
                                 if not line.startswith("EdgeTPU-slow")))
    with pytest.raises(DataError) as error:
        import_qutibench(src, out, force=True)
    assert _snapshot(out) == before
    assert any(p.file == f"{out.as_posix()}/measurements/from-runs-lab42.csv" and p.field == "mode"
               for p in error.value.problems)


def test_warnings_of_the_result_are_reported_and_do_not_stop_the_import(tmp_path):
    out = tmp_path / "data"
    import_qutibench(MINI, out)
    # latency x throughput / batch = 5.1 x 1961 / 1000 = 10.0..: a mistake by a factor of 10, a warning
    source = _contributor_copy(tmp_path, {",196.1,": ",1961,"})
    report = import_qutibench(source, out)
    assert (out / "measurements" / "from-runs.csv").exists()
    assert any("from-runs.csv, line 2, field 'lat_comp_ms'" in w for w in report.warnings)


# --------------------------------------------------------------------------- the YAML it writes


def test_hint_texts_that_yaml_would_misread_are_quoted_and_read_back_as_written(tmp_path):
    hints = tmp_path / "hints.yaml"
    names = {"ncs2": "NCS: rev #2", "tx2": "yes", "edgetpu": "1e5"}
    text = DEFAULT_HINTS.read_text()
    for platform_id, name in names.items():
        hint_name = {"ncs2": "Neural Compute Stick 2", "tx2": "Jetson TX2", "edgetpu": "Edge TPU"}[platform_id]
        text = text.replace(f"    name: {hint_name}\n", f"    name: '{name}'\n")
    hints.write_text(text)
    import_qutibench(MINI, tmp_path / "data", hints)
    platforms = _by_id(_yaml(tmp_path / "data", "platforms"))
    assert {platform_id: platforms[platform_id]["name"] for platform_id in names} == names


def test_hint_mistakes_are_problem_lines(tmp_path):
    hints = tmp_path / "hints.yaml"
    hints.write_text("platforms:\n  - id: tx2\n    vendr: NVIDIA\n    kind: GPUs\n"
                     "networks:\n  - id: cnv\n    input: [32, 32, 3]\n    layers:\n      - {kind: pool, in: 3, out: 3}\n")
    with pytest.raises(DataError) as error:
        import_qutibench(MINI, tmp_path / "data", hints)
    lines = [str(p) for p in error.value.problems]
    assert lines[0] == f"{hints}, line 3, field 'platforms.vendr': expected a known key, found 'vendr'; " \
                       "did you mean 'vendor'?"
    assert lines[1].startswith(f"{hints}, line 4, field 'platforms.kind': expected one of FPGA, GPU, TPU, VLIW, CPU, "
                               "found 'GPUs'")
    assert lines[2].startswith(f"{hints}, line 9, field 'networks.layers': expected a layer")


def test_hint_notes_go_to_the_runs_they_match(tmp_path):
    hints = tmp_path / "hints.yaml"
    text = DEFAULT_HINTS.read_text()
    notes = text.index("notes:\n")
    hints.write_text(text[:notes] + "notes:\n"
                     "  - {platform: zcu104-bismo, when: inconsistent, note: only when they disagree}\n"
                     "  - {platform: u96-a53, network: mlp, precision: INT4, note: a known case}\n"
                     + text[text.index("power_traces:\n"):])
    report = import_qutibench(MINI, tmp_path / "data", hints)
    rows = {row["platform"]: row for row in _rows(tmp_path / "data" / "measurements" / "zcu104-bismo.csv")
            + _rows(tmp_path / "data" / "measurements" / "u96-a53.csv")}
    assert rows["u96-a53"]["note"] == "a known case"
    assert rows["zcu104-bismo"]["note"] == ""  # 9.11 ms x 219.4/s / 2 = 1.0: they agree
    assert any("1 run(s) given the hints' notes" in note for note in report.notes)
