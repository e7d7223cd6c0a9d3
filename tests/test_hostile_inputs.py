"""Careless or hostile inputs: every one is a clear problem line (or a warning), never a
traceback, never silently published wrong. The cases come from trying the build as a new
user and as an outside contributor would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Project, gather
from generator.errors import DataError
from generator.inputs.checks import MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_LINES_PER_FILE, MAX_NAME_CHARS, Problems
from generator.inputs.config import MAX_TAGLINE_CHARS, MAX_TITLE_CHARS
from tests.helpers import REPO
from tests.output_runs import cache_env

MEASUREMENT_HEADER = "task,platform,mode,precision,network,pruning_pct,batch,lat_comp_ms,fps_comp"


def problems_of(root: Path, strict: bool = False) -> list[str]:
    with pytest.raises(DataError) as info:
        gather(Project(root), lambda _msg: None, strict=strict)
    return [str(p) for p in info.value.problems]


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--project", str(root), *args], capture_output=True,
                          text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", **cache_env()})


def add_run(root: Path, row: str, name: str = "zz.csv", header: str = MEASUREMENT_HEADER) -> None:
    (root / "data" / "measurements" / name).write_text(f"{header}\n{row}\n")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


# --- numbers that would overflow, wrap or divide into infinity -----------------------------


@pytest.mark.parametrize("cell, expected", [
    ("1e308", "field 'fps_comp': expected a number <= 1e12, found 1e308"),
    ("1e999", "field 'fps_comp': expected a number > 0, found 1e999"),
    ("1e-320", "field 'fps_comp': expected a number >= 1e-12, found 1e-320"),
    ("nan", "field 'fps_comp': expected a number > 0 written as a plain decimal like 1234.82, found 'nan'"),
])
def test_extreme_measured_numbers_are_problems(project, cell, expected):
    add_run(project, f"imagenet,fpga-a,,INT8,net-small,100,3,2.0,{cell}")
    assert problems_of(project) == [f"data/measurements/zz.csv, line 2, {expected}"]


def test_a_huge_batch_is_a_problem_not_an_int64_wrap(project):
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,100000000000000000000,2.0,500")
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 2, field 'batch': expected an integer <= 1e9, found 100000000000000000000"]


@pytest.mark.parametrize("value, expected", [
    ("1.0e+308", "expected a number <= 1e6, found 1e+308"),
    ("1" * 400, "expected a number <= 1e6, found 111111... (400 digits)"),
    ("1.0e-300", "expected a number >= 1e-9, found 1e-300"),
    (".inf", "expected a number > 0, found inf"),
])
def test_extreme_specification_numbers_are_problems(project, value, expected):
    replace(project / "data" / "platforms.yaml", "INT2: 0.4", f"INT2: {value}")
    (line,) = problems_of(project)
    assert line == f"data/platforms.yaml, line 34, field 'peak_tops.INT2': {expected}"


def test_yaml_nested_twenty_thousand_deep_is_one_problem(project):
    (project / "data" / "tasks.yaml").write_text("tasks:\n  - " + "[" * 20000 + "]" * 20000 + "\n")
    (line,) = problems_of(project)[:1]
    assert line.startswith("data/tasks.yaml, line 2: expected at most 64 levels of nesting")


# --- YAML as people mean it (YAML 1.2's core schema) ---------------------------------------


def test_a_leading_zero_is_a_decimal_number_not_octal(project):
    replace(project / "data" / "platforms.yaml", "bandwidth_gbps: 19.2", "bandwidth_gbps: 010")
    platform = gather(Project(project), lambda _msg: None).dataset.platforms[0]
    assert platform.modes[0].bandwidth_gbps == 10


@pytest.mark.parametrize("value, found", [
    ("4:26", "the text '4:26'"),  # YAML 1.1: 266 (base 60)
    ("yes", "the text 'yes'"), ("on", "the text 'on'"), ("off", "the text 'off'"),  # YAML 1.1: booleans
    ("0b101", "the text '0b101'"), ("1_000", "the text '1_000'"),
    ("2019-06-01", "the text '2019-06-01'"),  # YAML 1.1: a date
    ("true", "the boolean true"),
])
def test_what_is_not_a_number_in_yaml_1_2_is_a_problem_where_a_number_is_wanted(project, value, found):
    replace(project / "data" / "platforms.yaml", "bandwidth_gbps: 19.2", f"bandwidth_gbps: {value}")
    assert problems_of(project) == [
        f"data/platforms.yaml, line 10, field 'bandwidth_gbps': expected a number > 0, found {found}"]


def test_yes_no_on_off_are_text_where_text_is_wanted(project):
    replace(project / "data" / "platforms.yaml", "vendor: Acme", "vendor: yes")
    replace(project / "data" / "platforms.yaml", "vendor: Bolt", "vendor: Off")
    platforms = gather(Project(project), lambda _msg: None).dataset.platforms
    assert [p.vendor for p in platforms[:2]] == ["yes", "Off"]


@pytest.mark.parametrize("value, expected", [("0o17", 15), ("0x1F", 31), ("1e3", 1000), ("+12", 12)])
def test_octal_and_hexadecimal_need_their_yaml_1_2_prefix(project, value, expected):
    replace(project / "data" / "platforms.yaml", "bandwidth_gbps: 19.2", f"bandwidth_gbps: {value}")
    assert gather(Project(project), lambda _msg: None).dataset.platforms[0].modes[0].bandwidth_gbps == expected


def test_merge_keys_and_anchors_with_overrides_work(project):
    replace(project / "data" / "platforms.yaml", """      - id: fast
        peak_tops: {FP16: 1.5, FP32: 0.75}
        bandwidth_gbps: 60
        memory_gb: 8
        power_w: 15
      - id: slow
        peak_tops: {FP16: 0.8, FP32: 0.4}
        bandwidth_gbps: 40
        power_w: 7.5""", """      - &fast
        id: fast
        peak_tops: {FP16: 1.5, FP32: 0.75}
        bandwidth_gbps: 60
        memory_gb: 8
        power_w: 15
      - <<: *fast
        id: slow
        peak_tops: {FP16: 0.8, FP32: 0.4}
        bandwidth_gbps: 40
        power_w: 7.5""")
    gpu = gather(Project(project), lambda _msg: None).dataset.platforms[1]
    slow = gpu.modes[1]
    assert (slow.id, slow.bandwidth_gbps, slow.power_w, slow.memory_gb) == ("slow", 40, 7.5, 8)  # memory merged
    assert gpu.modes[0].bandwidth_gbps == 60


def test_a_real_duplicate_key_next_to_a_merge_is_still_a_problem(project):
    replace(project / "data" / "platforms.yaml", """      - id: slow
        peak_tops: {FP16: 0.8, FP32: 0.4}
        bandwidth_gbps: 40""", """      - <<: {memory_gb: 2}
        id: slow
        peak_tops: {FP16: 0.8, FP32: 0.4}
        bandwidth_gbps: 40
        bandwidth_gbps: 41""")
    assert problems_of(project) == [
        "data/platforms.yaml, line 27, field 'bandwidth_gbps': expected each key once in a mapping, "
        "found 'bandwidth_gbps' again (first at line 26)"]


@pytest.mark.parametrize("value, message", [
    ("!!binary aGVsbG8=", "expected text, a number, true/false, null, a list or a mapping, found a value tagged "
                          "'!!binary'"),
    ("!!python/object:os.system x", "expected text, a number, true/false, null, a list or a mapping, found a value "
                                    "tagged '!!python/object:os.system'"),
    ("!!timestamp 2020-13-45", "expected text, a number, true/false, null, a list or a mapping, found a value "
                               "tagged '!!timestamp'"),
    ("!!int 0b11", "expected an integer, found '0b11'"),
])
def test_tags_outside_the_core_schema_are_one_problem(project, value, message):
    replace(project / "data" / "platforms.yaml", "bandwidth_gbps: 19.2", f"bandwidth_gbps: {value}")
    assert problems_of(project) == [f"data/platforms.yaml, line 10: {message}"]


# --- length limits: ids become file names, texts land in every page -----------------------


def test_an_id_longer_than_its_limit_is_a_problem_validate_reports(project):
    tasks = project / "data" / "tasks.yaml"
    long_id = "t" * 250
    tasks.write_text(tasks.read_text() + f"  - id: {long_id}\n    name: Long\n    input_elements: 1\n"
                                         "    output_elements: 1\n")
    assert problems_of(project) == [
        f"data/tasks.yaml, line 11, field 'id': expected a lower-case slug (a-z, 0-9, '.', '-') of at most "
        f"{MAX_ID_CHARS} characters, found '{'t' * 40}... (250 characters)'"]
    result = cli(project, "validate")
    assert result.returncode == 1 and "field 'id'" in result.stderr


def test_ids_up_to_the_limit_are_fine(project):
    replace(project / "data" / "tasks.yaml", "id: cifar10", "id: " + "c" * MAX_ID_CHARS)
    replace(project / "data" / "networks.yaml", "task: cifar10", "task: " + "c" * MAX_ID_CHARS)
    for path in (project / "data" / "measurements").glob("*.csv"):
        path.write_text(path.read_text().replace("cifar10,", "c" * MAX_ID_CHARS + ","))
    assert "c" * MAX_ID_CHARS in [t.id for t in gather(Project(project), lambda _msg: None).dataset.tasks]


@pytest.mark.parametrize("field, old, limit", [("name", "name: Fixture FPGA A", MAX_NAME_CHARS),
                                               ("description", "description: Single-mode FPGA-like fixture.",
                                                MAX_DESCRIPTION_CHARS)])
def test_names_and_descriptions_have_a_length_limit(project, field, old, limit):
    replace(project / "data" / "platforms.yaml", old, f"{field}: {'x' * (limit + 1)}")
    (line,) = problems_of(project)
    assert line.startswith(f"data/platforms.yaml, line ")
    assert f"field '{field}': expected text of at most {limit:,} characters, found 'xxx" in line
    assert f"({limit + 1:,} characters)" in line


def test_a_ten_megabyte_tagline_is_a_problem_not_a_sixty_megabyte_site(project):
    (project / "site.yml").write_text("title: Benchmarks\ntagline: " + "x" * 10_000_000 + "\n")
    assert problems_of(project) == [
        f"site.yml, line 2, field 'tagline': expected text of at most {MAX_TAGLINE_CHARS} characters, "
        f"found '{'x' * 40}... (10,000,000 characters)'"]


def test_a_long_title_is_a_problem(project):
    (project / "site.yml").write_text(f"title: {'T' * (MAX_TITLE_CHARS + 1)}\n")
    (line,) = problems_of(project)
    assert line.startswith(f"site.yml, line 1, field 'title': expected text of at most {MAX_TITLE_CHARS} characters")


# --- empty or missing specifications: the root cause, once --------------------------------


@pytest.mark.parametrize("name", ["precisions", "tasks", "platforms", "networks"])
def test_an_empty_specification_list_is_one_problem_naming_its_file(project, name):
    (project / "data" / f"{name}.yaml").write_text(f"{name}: []\n")
    found = problems_of(project)
    assert found[0] == f"data/{name}.yaml, line 1, field '{name}': expected a non-empty list of {name}, " \
                       "found an empty list"
    assert len(found) <= 2  # no flood of follow-on problems in the files that refer to it


def test_empty_precisions_fold_follow_on_problems_instead_of_a_thousand_lines(project):
    (project / "data" / "precisions.yaml").write_text("precisions: []\n")
    assert problems_of(project) == [
        "data/precisions.yaml, line 1, field 'precisions': expected a non-empty list of precisions, found an empty list"]


def test_a_broken_platform_is_not_reported_again_by_every_run_naming_it(project):
    replace(project / "data" / "platforms.yaml", "bandwidth_gbps: 12.8", "bandwidth_gbps: -12.8")
    found = problems_of(project)
    assert len(found) == 1 and "bandwidth_gbps" in found[0]


def test_one_unknown_id_in_many_rows_is_one_folded_line(project):
    rows = "\n".join(f"imagenet,fpga-z,,INT8,net-small,100,{b},2.0,500" for b in range(1, 482))
    add_run(project, rows)
    (line,) = problems_of(project)
    assert line.startswith("data/measurements/zz.csv, lines 2-482 (481 rows), field 'platform': "
                           "expected a known platform id from data/platforms.yaml, found 'fpga-z'")


def test_a_flood_of_bad_rows_is_capped_per_file(project):
    rows = "\n".join(f"imagenet,fpga-a,,INT8,net-small,100,{b},2.0,-{b}" for b in range(100, 100_100))
    add_run(project, rows)
    found = problems_of(project)
    assert len(found) == MAX_LINES_PER_FILE + 1
    assert found[-1] == "data/measurements/zz.csv: and 99,900 more problems in this file"


def test_a_hundred_thousand_column_header_is_reported_in_capped_lines(project):
    header = MEASUREMENT_HEADER + "," + ",".join(f"extra{i}" for i in range(100_000))
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,3,2.0,500" + ",1" * 100_000, header=header)
    found = problems_of(project)
    assert len(found) == MAX_LINES_PER_FILE + 1
    assert found[0].startswith("data/measurements/zz.csv, line 1, field 'extra0': expected a known column")


def test_the_collector_keeps_bounded_state_however_many_problems():
    problems = Problems()
    for i in range(200_000):
        problems.add("f.csv", i + 2, "x", f"expected a number, found '{i}'")
    assert problems.errors == 200_000
    assert len(problems.report()) == MAX_LINES_PER_FILE + 1


def test_the_cli_prints_the_folded_count_and_exits_1(project):
    rows = "\n".join(f"imagenet,fpga-z,,INT8,net-small,100,{b},2.0,500" for b in range(1, 11))
    add_run(project, rows)
    result = cli(project, "build", "--out", str(project / "build"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "10 problems found (in 1 line); nothing was written."
    assert "Traceback" not in result.stderr
    assert not (project / "build").exists()


# --- data that would be dropped or misfiled silently --------------------------------------


def test_an_upper_case_csv_suffix_is_read(project):
    before = gather(Project(project), lambda _msg: None).dataset.measurements
    shutil.move(project / "data" / "measurements" / "fpga-a.csv", project / "data" / "measurements" / "FPGA-A.CSV")
    after = gather(Project(project), lambda _msg: None).dataset.measurements
    assert len(after) == len(before)
    assert set(after["source_file"]) == {"data/measurements/FPGA-A.CSV", "data/measurements/gpu-b-cpu-c.csv"}


def test_a_stray_file_in_the_measurements_folder_is_a_problem(project):
    (project / "data" / "measurements" / "notes.txt").write_text("not data")
    (project / "data" / "measurements" / ".gitkeep").write_text("")
    assert problems_of(project) == ["data/measurements/notes.txt: expected only measurement files (*.csv) in "
                                    "data/measurements/, found 'notes.txt' (move it elsewhere)"]


def test_a_power_traces_file_instead_of_a_folder_is_a_problem(project):
    shutil.rmtree(project / "data" / "power_traces")
    (project / "data" / "power_traces").write_text("platform,time_s,power_w\n")
    assert problems_of(project) == ["data/power_traces: expected a folder of CSV files, found a file"]


@pytest.mark.parametrize("reserved", ["index", "theory", "404", "assets", "data", "figures"])
def test_a_task_id_that_would_overwrite_a_site_page_is_rejected(project, reserved):
    tasks = project / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text() + f"  - id: '{reserved}'\n    name: Clash\n    input_elements: 1\n"
                                         "    output_elements: 1\n")
    assert problems_of(project) == [
        f"data/tasks.yaml, line 11, field 'id': expected a task id that is not a name the site uses for its own "
        f"pages (index, theory, 404, assets, data, figures), found '{reserved}'"]


# --- consistency: warnings, errors under --strict -------------------------------------------


def test_latency_contradicting_throughput_is_a_warning_with_its_ratio_and_an_error_when_strict(project):
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,16,2.0,500\n"  # 2 ms x 500/s / 16 = 0.0625
                     "imagenet,fpga-a,,INT8,net-small,100,80,2.0,64000\n"  # 2 ms x 64000/s / 80 = 1.6
                     "imagenet,fpga-a,,INT8,net-small,100,40,2.0,29000")  # 1.45: within 1.5x, no warning
    inputs = gather(Project(project), lambda _msg: None)
    expected = ("data/measurements/zz.csv, line {}, field 'lat_comp_ms': expected lat_comp_ms x fps_comp / 1000 / "
                "batch within 0.667..1.5 (the latency of a batch and the throughput of the same run agree), found {} "
                "(give the run a note if this is a known case)")
    assert [str(w) for w in inputs.warnings] == [expected.format(2, "0.0625"), expected.format(3, "1.6")]
    assert len(problems_of(project, strict=True)) == 2
    result = cli(project, "validate")
    assert result.returncode == 0 and result.stderr.startswith("warning: data/measurements/zz.csv, line 2")
    assert cli(project, "validate", "--strict").returncode == 1


def test_a_note_acknowledges_a_known_disagreement_and_strict_still_fails_on_a_new_one(project):
    header = MEASUREMENT_HEADER + ",note"
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,80,2.0,64000,pipelined: inputs overlap", header=header)
    assert gather(Project(project), lambda _msg: None).warnings == []
    assert cli(project, "validate", "--strict").returncode == 0
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,16,2.0,500,", name="zz2.csv", header=header)
    assert [p.split(",")[0] for p in problems_of(project, strict=True)] == ["data/measurements/zz2.csv"]
    assert cli(project, "validate", "--strict").returncode == 1


def test_a_note_is_text_that_no_spreadsheet_runs(project):
    header = MEASUREMENT_HEADER + ",note"
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,80,2.0,40000,=HYPERLINK(\"x\")", header=header)
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 2, field 'note': expected text that does not start with '=', '+', '-', '@' "
        "(a spreadsheet would run it as a formula), found '=HYPERLINK(\"x\")'"]


def test_repeated_and_backward_trace_timestamps_are_warnings(project):
    (project / "data" / "power_traces" / "zz.csv").write_text(
        "platform,mode,network,time_s,power_w\nfpga-a,,,0,1\nfpga-a,,,1,1\nfpga-a,,,1,1\nfpga-a,,,0.5,1\n")
    warnings = [str(w) for w in gather(Project(project), lambda _msg: None).warnings]
    assert warnings == [
        "data/power_traces/zz.csv, line 4, field 'time_s': expected each time_s once per trace, found a repeated time",
        "data/power_traces/zz.csv, line 5, field 'time_s': expected time_s in increasing order within a trace, "
        "found a time earlier than the row before",
    ]


# --- contributor text ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil","x")', "+cmd", "-2+3", "@SUM(A1)"])
def test_names_that_a_spreadsheet_would_run_as_formulas_are_rejected(project, name):
    replace(project / "data" / "platforms.yaml", "name: Fixture FPGA A", f"name: '{name}'")
    (line,) = problems_of(project)
    assert "field 'name': expected text that does not start with '=', '+', '-', '@'" in line


# --- site_src ------------------------------------------------------------------------------


def test_prose_that_is_a_folder_or_not_utf8_is_a_problem(project):
    (project / "site_src" / "index.md").unlink()
    (project / "site_src" / "index.md").mkdir()
    (project / "site_src" / "theory.md").write_bytes("Théorie".encode("latin-1"))
    assert problems_of(project) == [
        "site_src/index.md: expected a Markdown file, found a folder",
        "site_src/theory.md, line 1: expected UTF-8 text, found bytes that are not at column 3 "
        "('Th\\xe9orie': invalid continuation byte)",
    ]


def test_missing_prose_is_a_problem_naming_the_file(project):
    (project / "site_src" / "task" / "pareto.md").unlink()
    assert problems_of(project) == [
        "site_src/task/pareto.md: expected this file (the prose of a page section), found no such file"]


def test_problems_of_every_input_are_reported_together(project):
    (project / "site.yml").write_text("titel: x\n")
    add_run(project, "imagenet,fpga-a,,INT8,net-small,100,3,2.0,-1")
    (project / "site_src" / "theory.md").unlink()
    found = problems_of(project)
    assert [line.split(",")[0].split(":")[0] for line in found] == [
        "site.yml", "data/measurements/zz.csv", "site_src/theory.md"]


# --- the generator's own errors --------------------------------------------------------------


def test_an_unexpected_error_exits_3_with_one_line_and_debug_shows_the_traceback(project):
    code = ("import sys; import generator.build as b\n"
            "def boom(*a, **k): raise RuntimeError('kaboom')\n"
            "b.analyse = boom\n"
            "from generator.cli import main; sys.exit(main(sys.argv[1:]))\n")
    args = [sys.executable, "-c", code, "--project", str(project), "build", "--out", str(project / "build")]
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    plain = subprocess.run(args, capture_output=True, text=True, env=env)
    assert plain.returncode == 3
    assert plain.stderr.splitlines()[0] == "internal error: RuntimeError: kaboom"
    assert "--debug" in plain.stderr and "Traceback" not in plain.stderr
    debug = subprocess.run(args[:3] + ["--debug"] + args[3:], capture_output=True, text=True, env=env)
    assert debug.returncode == 3 and "Traceback" in debug.stderr


def test_a_bad_option_is_a_usage_error(project):
    result = cli(project, "build", "--frobnicate")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "error: unrecognized arguments: --frobnicate"
