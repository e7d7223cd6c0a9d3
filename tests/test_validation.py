"""Every validation rule of ``data/``: one bad file each, exact file/line/field/message.

Each test starts from a copy of the valid ``minidata`` fixture named ``data`` and breaks
one file; the expected problem list is complete, so it also shows that the other problems
of the same file are reported and that nothing else is.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from generator.errors import DataError, Problem
from generator.formatting import fmt_written
from generator.inputs.dataset import load_dataset
from generator.records import MEASUREMENT_FILE, TRACE_FILE, schema_table
from tests.conftest import MINIDATA
from tests.helpers import REPO

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

SLUG = "a lower-case slug (a-z, 0-9, '.', '-')"
REQUIRED = "found nothing (the field is required)"


def write(data: Path, name: str, text: str) -> None:
    (data / name).write_text(textwrap.dedent(text).lstrip("\n"))


def append(data: Path, name: str, text: str) -> int:
    """Append entries (any indentation) to the fixture's top-level list; returns their first line."""
    path = data / name
    old = path.read_text()
    path.write_text(old + textwrap.indent(textwrap.dedent(text).lstrip("\n"), "  "))
    return len(old.splitlines()) + 1


def problems(data: Path) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return info.value.problems


def P(file: str, line: int | None, field: str, message: str) -> Problem:
    return Problem(f"data/{file}", f"line {line}" if line else "", field, message)


# --- reading files ---------------------------------------------------------------------


def test_yaml_syntax_error_is_one_problem_with_its_line_and_other_files_still_checked(data):
    write(data, "platforms.yaml", """
        platforms:
          - id: fpga-a
            name: Fixture
           vendor: Acme
        """)
    line = append(data, "tasks.yaml", """
          - id: mnist
            name: MNIST
            input_elements: 0
            output_elements: 10
        """)
    assert problems(data) == [  # files in the order they refer to each other: tasks before platforms
        P("tasks.yaml", line + 2, "input_elements", "expected an integer >= 1, found 0"),
        P("platforms.yaml", 4, "", "expected valid YAML, found a syntax error at column 4: expected <block end>, "
                                   "but found '<block mapping start>' (while parsing a block collection)"),
    ]


def test_unreadable_files_are_problems_not_tracebacks(data):
    (data / "networks.yaml").write_bytes(b"\xff\xfe networks")
    (data / "measurements" / "zz-binary.csv").write_bytes(b"\xff\xfe\x00garbage")
    (data / "measurements" / "folder.csv").mkdir()
    found = problems(data)
    assert P("networks.yaml", 1, "", "expected UTF-8 text, found bytes that are not at column 1 "
                                     "('\\xff\\xfe networks': invalid start byte)") in found
    assert P("measurements/zz-binary.csv", 1, "", "expected UTF-8 text, found bytes that are not at column 1 "
                                                  "('\\xff\\xfe\\x00garbage': invalid start byte)") in found
    assert P("measurements/folder.csv", None, "", "expected only measurement files (*.csv) in data/measurements/, "
                                                  "found a folder (move it elsewhere)") in found


def test_missing_file_is_reported_without_follow_up_errors(data):
    (data / "networks.yaml").unlink()
    assert problems(data) == [
        P("networks.yaml", None, "", "expected this file, found no such file (the data set needs it)"),
    ]


def test_missing_measurements_folder_is_reported(data):
    shutil.rmtree(data / "measurements")
    assert problems(data) == [
        P("measurements", None, "", "expected a folder of measurement CSV files, found no such folder"),
    ]


def test_top_level_key_missing_suggests_the_right_one(data):
    write(data, "precisions.yaml", """
        precision:
          - id: INT8
            bits: 8
        """)
    assert problems(data) == [
        P("precisions.yaml", 1, "precision", "expected a known key, found 'precision'; did you mean 'precisions'?"),
        P("precisions.yaml", 1, "precisions", "expected the top-level key 'precisions', found nothing"),
    ]


@pytest.mark.parametrize("text, field, message", [
    ("tasks:\n  id: imagenet\n", "tasks", "expected a non-empty list of tasks, found a mapping"),
    ("tasks:\n", "tasks", "expected a non-empty list of tasks, found nothing"),
    ("tasks: []\n", "tasks", "expected a non-empty list of tasks, found an empty list"),
    ("- imagenet\n", "", "expected a file with the key 'tasks' (a mapping of keys), found a list"),
    ("", "tasks", "expected a mapping with the key 'tasks', found an empty file"),
])
def test_top_level_of_wrong_type(data, text, field, message):
    (data / "tasks.yaml").write_text(text)
    assert problems(data) == [P("tasks.yaml", 1, field, message)]


def test_repeated_yaml_key_names_both_lines(data):
    line = append(data, "precisions.yaml", """
          - id: INT3
            bits: 3
            bits: 4
        """)
    assert problems(data) == [
        P("precisions.yaml", line + 2, "bits",
          f"expected each key once in a mapping, found 'bits' again (first at line {line + 1})"),
    ]


# --- fields: required, unknown, types and ranges ---------------------------------------------


def test_required_fields_missing_or_empty(data):
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name:
            kind: TPU
        """)
    assert problems(data) == [
        P("platforms.yaml", line, "vendor", f"expected text, {REQUIRED}"),
        P("platforms.yaml", line, "modes", f"expected a list of modes, {REQUIRED}"),
        P("platforms.yaml", line + 1, "name", "expected text, found an empty value"),
    ]


def test_unknown_keys_suggest_the_closest_known_key(data):
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name: Fixture NPU D
            vendor: Dyn
            kind: TPU
            modes:
              - peak_tops: {INT8: 4}
                bandwith_gbps: 30
            colour: red
        """)
    assert problems(data) == [
        P("platforms.yaml", line + 5, "bandwidth_gbps", f"expected a number > 0, {REQUIRED}"),
        P("platforms.yaml", line + 6, "bandwith_gbps",
          "expected a known key, found 'bandwith_gbps'; did you mean 'bandwidth_gbps'?"),
        P("platforms.yaml", line + 7, "colour", "expected a known key, found 'colour'; did you mean 'color'?"),
    ]


def test_numbers_must_be_numbers_not_text_or_booleans(data):
    line = append(data, "precisions.yaml", """
          - id: INT3
            bits: "3"
          - id: INT5
            bits: true
          - id: INT6
            bits: 0
        """)
    assert problems(data) == [
        P("precisions.yaml", line + 1, "bits", "expected a number > 0, found the text '3' (remove the quotes)"),
        P("precisions.yaml", line + 3, "bits", "expected a number > 0, found the boolean true"),
        P("precisions.yaml", line + 5, "bits", "expected a number > 0, found 0"),
    ]


def test_platform_numbers_must_be_finite_and_positive(data):
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name: Fixture NPU D
            vendor: Dyn
            kind: TPU
            modes:
              - peak_tops: {INT8: .nan}
                bandwidth_gbps: -3
                memory_gb: 0
                power_w: .inf
        """)
    assert problems(data) == [
        P("platforms.yaml", line + 5, "peak_tops.INT8", "expected a number > 0, found nan"),
        P("platforms.yaml", line + 6, "bandwidth_gbps", "expected a number > 0, found -3"),
        P("platforms.yaml", line + 7, "memory_gb", "expected a number > 0, found 0"),
        P("platforms.yaml", line + 8, "power_w", "expected a number > 0, found inf"),
    ]


def test_task_element_counts_are_positive_integers(data):
    line = append(data, "tasks.yaml", """
          - id: mnist
            name: MNIST
            input_elements: 1.5
            output_elements: 1,000
        """)
    assert problems(data) == [
        P("tasks.yaml", line + 2, "input_elements", "expected an integer >= 1, found 1.5"),
        P("tasks.yaml", line + 3, "output_elements",
          "expected an integer >= 1, found the text '1,000' (write plain decimals like 1234.82)"),
    ]


def test_variant_ranges_pruning_ops_and_accuracy(data):
    line = append(data, "networks.yaml", """
          - id: net-odd
            name: Net Odd
            task: imagenet
            variants:
              - pruning_pct: 0
                ops_gop: 1,234.82
                weights_m: 2
              - pruning_pct: 120
                ops_gop: 1
                weights_m: 2
                accuracy:
                  INT8: {top1_pct: 101, top5_pct: -1}
              - pruning_pct: 25
                ops_gop: 1
                weights_m: 2
                accuracy:
                  INT8: {top5_pct: 90}
        """)
    assert problems(data) == [
        P("networks.yaml", line + 4, "pruning_pct", "expected a number > 0 and <= 100, found 0"),
        P("networks.yaml", line + 5, "ops_gop",
          "expected a number > 0, found the text '1,234.82' (write plain decimals like 1234.82)"),
        P("networks.yaml", line + 7, "pruning_pct", "expected a number > 0 and <= 100, found 120"),
        P("networks.yaml", line + 11, "accuracy.INT8.top1_pct", "expected a number in 0..100, found 101"),
        P("networks.yaml", line + 11, "accuracy.INT8.top5_pct", "expected a number in 0..100, found -1"),
        P("networks.yaml", line + 16, "accuracy.INT8.top1_pct", f"expected a number in 0..100, {REQUIRED}"),
    ]


def test_ids_must_be_slugs_and_kind_a_known_kind(data):
    line = append(data, "platforms.yaml", """
          - id: Fixture GPU
            name: Fixture GPU
            vendor: Bolt
            kind: gpu
            modes:
              - peak_tops: {FP16: 1}
                bandwidth_gbps: 10
          - id: 1080
            name: Numbered
            vendor: Bolt
            kind: GPU
            modes:
              - peak_tops: {FP16: 1}
                bandwidth_gbps: 10
        """)
    assert problems(data) == [
        P("platforms.yaml", line, "id", f"expected {SLUG}, found the text 'Fixture GPU'"),
        P("platforms.yaml", line + 3, "kind", "expected one of FPGA, GPU, TPU, VLIW, CPU, found 'gpu'; did you mean 'GPU'?"),
        P("platforms.yaml", line + 7, "id", f"expected {SLUG}, found the number 1080"),
    ]


def test_precision_ids_are_letters_and_digits(data):
    line = append(data, "precisions.yaml", """
          - id: int-8
            bits: 8
        """)
    assert problems(data) == [
        P("precisions.yaml", line, "id", "expected a name of letters and digits like INT8, found the text 'int-8'"),
    ]


# --- ids: duplicates, modes, references inside the YAML files --------------------------------


@pytest.mark.parametrize("name, entry, first", [
    ("tasks.yaml", "  - id: imagenet\n    name: Again\n    input_elements: 1\n    output_elements: 1\n", 2),
    ("precisions.yaml", "  - id: INT8\n    bits: 8\n", 6),
    ("platforms.yaml", "  - id: fpga-a\n    name: Again\n    vendor: Acme\n    kind: FPGA\n"
                       "    modes:\n      - peak_tops: {INT8: 1}\n        bandwidth_gbps: 1\n", 2),
    ("networks.yaml", "  - id: net-big\n    name: Again\n    task: imagenet\n"
                      "    variants:\n      - {pruning_pct: 100, ops_gop: 1, weights_m: 1}\n", 18),
])
def test_duplicate_ids_name_both_lines(data, name, entry, first):
    line = append(data, name, entry)
    kind = name.split(".")[0]
    duplicate = {"tasks": "imagenet", "precisions": "INT8", "platforms": "fpga-a", "networks": "net-big"}[kind]
    assert problems(data) == [
        P(name, line, "id", f"expected a unique id, found '{duplicate}' again (first at line {first})"),
    ]


def test_modes_of_a_multi_mode_platform_need_unique_ids(data):
    line = append(data, "platforms.yaml", """
          - id: gpu-e
            name: Fixture GPU E
            vendor: Bolt
            kind: GPU
            modes:
              - id: fast
                peak_tops: {FP16: 1}
                bandwidth_gbps: 10
              - id: fast
                peak_tops: {FP16: 2}
                bandwidth_gbps: 20
              - peak_tops: {FP32: 1}
                bandwidth_gbps: 10
        """)
    assert problems(data) == [
        P("platforms.yaml", line + 8, "id",
          f"expected a unique id among the modes, found 'fast' again (first at line {line + 5})"),
        P("platforms.yaml", line + 11, "id",
          "expected a mode id: a platform with several modes names each one, found nothing"),
    ]


def test_duplicate_pruning_levels_within_a_network(data):
    line = append(data, "networks.yaml", """
          - id: net-dup
            name: Net Dup
            task: cifar10
            variants:
              - pruning_pct: 50
                ops_gop: 1
                weights_m: 1
              - pruning_pct: 50.0
                ops_gop: 0.5
                weights_m: 0.5
        """)
    assert problems(data) == [
        P("networks.yaml", line + 7, "pruning_pct",
          f"expected a unique pruning_pct within net-dup, found 50 again (first at line {line + 4})"),
    ]


def test_precision_keys_of_peaks_and_accuracy_must_be_known(data):
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name: Fixture NPU D
            vendor: Dyn
            kind: TPU
            modes:
              - peak_tops:
                  int8: 4
                  BF16: 2
                bandwidth_gbps: 30
        """)
    net = append(data, "networks.yaml", """
          - id: net-odd
            name: Net Odd
            task: imagenet
            variants:
              - pruning_pct: 100
                ops_gop: 1
                weights_m: 2
                accuracy:
                  FP8: {top1_pct: 50}
        """)
    known = "INT2, INT4, INT8, FP16, FP32"
    assert problems(data) == [
        P("platforms.yaml", line + 6, "peak_tops.int8",
          "expected a known precision id from data/precisions.yaml, found 'int8'; did you mean 'INT8'?"),
        P("platforms.yaml", line + 7, "peak_tops.BF16",
          "expected a known precision id from data/precisions.yaml, found 'BF16'; did you mean 'FP16'?"),
        P("networks.yaml", net + 8, "accuracy.FP8",
          f"expected a known precision id from data/precisions.yaml, found 'FP8' (known: {known})"),
    ]


def test_network_task_must_exist(data):
    line = append(data, "networks.yaml", """
          - id: net-odd
            name: Net Odd
            task: imagenett
            variants:
              - {pruning_pct: 100, ops_gop: 1, weights_m: 2}
        """)
    assert problems(data) == [
        P("networks.yaml", line + 2, "task",
          "expected a known task id from data/tasks.yaml, found 'imagenett'; did you mean 'imagenet'?"),
    ]


# --- measurement CSV files ---------------------------------------------------------------------


def test_csv_header_missing_and_unknown_columns_and_rows_still_checked(data):
    write(data, "measurements/zz-bad.csv", """
        task,platform,mode,precision,network,batch,fps_comp,lat_comp,colour
        cifar10,cpu-c,,INT4,net-tiny,1,abc,1,red
        """)
    found = problems(data)
    assert found[0] == P("measurements/zz-bad.csv", 1, "lat_comp",
                         "expected a known column, found 'lat_comp'; did you mean 'lat_comp_ms'?")
    assert found[1].field == "colour" and found[1].message.startswith(
        "expected a known column, found 'colour' (known: task, platform, precision, network, pruning_pct, batch, mode,")
    assert found[2:] == [
        P("measurements/zz-bad.csv", 1, "pruning_pct", "expected a column 'pruning_pct' in the header, found none"),
        P("measurements/zz-bad.csv", 2, "fps_comp",
          "expected a number > 0 written as a plain decimal like 1234.82, found 'abc'"),
    ]


def test_csv_header_needs_latency_or_throughput(data):
    write(data, "measurements/zz-bad.csv", """
        task,platform,precision,network,pruning_pct,batch
        cifar10,cpu-c,INT4,net-tiny,50,1
        """)
    assert problems(data) == [
        P("measurements/zz-bad.csv", 1, "lat_comp_ms/fps_comp",
          "expected a column lat_comp_ms or fps_comp in the header, found neither"),
    ]


def test_csv_cells_numbers_ranges_and_row_shape(data):
    write(data, "measurements/zz-bad.csv", """
        task,platform,mode,precision,network,pruning_pct,batch,repeat,lat_comp_ms,fps_comp,top1_pct,power_base_w,power_full_w
        cifar10,cpu-c,,INT4,net-tiny,50,1,,,"1,234.82",,,
        cifar10,cpu-c,,INT4,net-tiny,50,2,,,,,,
        cifar10,cpu-c,,INT4,net-tiny,50,4,,1.0,100
        cifar10,cpu-c,,INT4,net-tiny,50,0,0,1.0,,101,-1,0
        cifar10,cpu-c,,INT4,net-tiny,50,1.5,,nan,,,,
        ,cpu-c,,INT4,net-tiny,,8,,1.0,,,,
        cifar10,cpu-c,,INT4,net-tiny,50,16,,1.0,,,,
        """)
    file = "measurements/zz-bad.csv"
    plain = "written as a plain decimal like 1234.82"
    assert problems(data) == [
        P(file, 2, "fps_comp", f"expected a number > 0 {plain}, found '1,234.82'"),
        P(file, 3, "lat_comp_ms/fps_comp", "expected lat_comp_ms or fps_comp (a run measures one), found both cells empty"),
        P(file, 4, "", "expected 13 cells (one per column), found 10"),
        P(file, 5, "batch", "expected an integer >= 1, found 0"),
        P(file, 5, "repeat", "expected an integer >= 1, found 0"),
        P(file, 5, "top1_pct", "expected a number in 0..100, found 101"),
        P(file, 5, "power_base_w", "expected a number >= 0, found -1"),
        P(file, 5, "power_full_w", "expected a number > 0, found 0"),
        P(file, 6, "batch", "expected an integer >= 1, found 1.5"),
        P(file, 6, "lat_comp_ms", f"expected a number > 0 {plain}, found 'nan'"),
        P(file, 7, "task", "expected a task id, found an empty cell"),
        P(file, 7, "pruning_pct", "expected a number > 0 and <= 100, found an empty cell"),
    ]


def test_duplicate_runs_across_files_name_both_places(data):
    write(data, "measurements/zz-dup.csv", """
        task,platform,mode,precision,network,pruning_pct,batch,repeat,fps_comp
        imagenet,gpu-b,slow,FP16,net-big,100,1,2,61
        imagenet,gpu-b,slow,FP16,net-big,100,1,3,61
        cifar10,cpu-c,,INT2,net-tiny,12.5,2,,61
        cifar10,cpu-c,,INT2,net-tiny,12.5,2,1,61
        imagenet,fpga-a,,INT8,net-small,100.0,1,,10
        """)

    def same_as(place: str) -> str:
        return ("expected one run per task, platform, mode, precision, network, pruning_pct, batch and repeat, "
                f"found the same run as data/measurements/{place} (number repeated runs in a 'repeat' column)")

    file = "data/measurements/zz-dup.csv"
    assert problems(data) == [  # two copies of one run fold into one line
        Problem(file, "line 2", "repeat", same_as("gpu-b-cpu-c.csv line 7")),
        Problem(file, "lines 4-5 (2 rows)", "repeat", same_as("gpu-b-cpu-c.csv line 13")),
        Problem(file, "line 6", "repeat", same_as("fpga-a.csv line 2")),
    ]


def test_cross_references_of_measurements(data):
    write(data, "measurements/zz-refs.csv", """
        task,platform,mode,precision,network,pruning_pct,batch,fps_comp
        imagnet,fpga-a,,INT8,net-small,100,16,1
        imagenet,fpga-x,,INT8,net-small,100,16,1
        imagenet,gpu-b,turbo,FP16,net-big,100,16,1
        imagenet,gpu-b,,FP16,net-big,100,16,1
        cifar10,cpu-c,fast,INT2,net-tiny,100,16,1
        imagenet,fpga-a,,INT8,resnet,100,16,1
        cifar10,fpga-a,,INT8,net-small,100,16,1
        imagenet,fpga-a,,INT8,net-small,25,16,1
        imagenet,fpga-a,,INT9,net-small,100,16,1
        imagenet,fpga-a,,FP16,net-small,100,16,1
        imagenet,gpu-b,slow,INT8,net-small,100,16,1
        """)
    file = "measurements/zz-refs.csv"
    assert problems(data) == [
        P(file, 2, "task", "expected a known task id from data/tasks.yaml, found 'imagnet'; did you mean 'imagenet'?"),
        P(file, 3, "platform", "expected a known platform id from data/platforms.yaml, found 'fpga-x'; did you mean 'fpga-a'?"),
        P(file, 4, "mode", "expected a mode of gpu-b (fast, slow), found 'turbo'"),
        P(file, 5, "mode", "expected a mode of gpu-b (fast, slow), found an empty cell"),
        P(file, 6, "mode", "expected an empty cell (cpu-c has a single mode), found 'fast'"),
        P(file, 7, "network",
          "expected a known network id from data/networks.yaml, found 'resnet' (known: net-small, net-big, net-tiny)"),
        P(file, 8, "network", "expected a network of task 'cifar10', found 'net-small' (a network of task 'imagenet')"),
        P(file, 9, "pruning_pct", "expected a pruning_pct of net-small (100, 50), found 25"),
        P(file, 10, "precision",
          "expected a known precision id from data/precisions.yaml, found 'INT9'; did you mean 'INT8'?"),
        P(file, 11, "precision", "expected a precision that fpga-a supports (INT8), found FP16"),
        P(file, 12, "precision", "expected a precision that gpu-b mode slow supports (FP16, FP32), found INT8"),
    ]


# --- power traces -----------------------------------------------------------------------------


def test_trace_rows_need_known_ids_time_and_power(data):
    write(data, "power_traces/zz-bad.csv", """
        platform,mode,network,time_s,power_w,voltage_v,current_a
        fpga-x,,,0,1,,
        gpu-b,,net-big,0,1,,
        gpu-b,fast,net-huge,0,1,,
        fpga-a,,,-1,1,,
        fpga-a,,,1,,,
        fpga-a,,,2,,12,-0.5
        fpga-a,,,3,,12,
        ,,,4,1,,
        """)
    file = "power_traces/zz-bad.csv"
    assert problems(data) == [
        P(file, 2, "platform", "expected a known platform id from data/platforms.yaml, found 'fpga-x'; did you mean 'fpga-a'?"),
        P(file, 3, "mode", "expected a mode of gpu-b (fast, slow), found an empty cell"),
        P(file, 4, "network", "expected a known network id from data/networks.yaml, found 'net-huge'; did you mean 'net-big'?"),
        P(file, 5, "time_s", "expected a number >= 0, found -1"),
        P(file, 6, "power_w", "expected power_w, or voltage_v and current_a, found empty cells"),
        P(file, 7, "current_a", "expected a number >= 0, found -0.5"),
        P(file, 8, "current_a", "expected current_a next to voltage_v, found an empty cell"),
        P(file, 9, "platform", "expected a platform id, found an empty cell"),
    ]


def test_trace_header_needs_power_or_voltage_and_current(data):
    write(data, "power_traces/zz-bad.csv", """
        platform,time_s,voltage_v,current
        fpga-a,0,12,1
        """)
    assert problems(data) == [
        P("power_traces/zz-bad.csv", 1, "current",
          "expected a known column, found 'current'; did you mean 'current_a'?"),
        P("power_traces/zz-bad.csv", 1, "power_w",
          "expected a column power_w, or both voltage_v and current_a, found neither"),
    ]


# --- the report as a whole --------------------------------------------------------------------


def test_problems_come_root_cause_first_then_by_line_and_render_one_per_line(data):
    rows = "\n".join(["cifar10,cpu-c,,INT2,net-tiny,100,%d,1" % b for b in range(3, 11)])
    write(data, "measurements/zz-many.csv",
          "task,platform,mode,precision,network,pruning_pct,batch,fps_comp\n"
          "cifar10,cpu-c,,INT2,net-tiny,100,1,-1\n" + rows + "\ncifar10,cpu-c,,INT2,net-tiny,100,11,-2\n")
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name: Fixture NPU D
            vendor: Dyn
            kind: TPU
            modes:
              - peak_tops: {INT8: 4}
                bandwidth_gbps: -3
        """)
    found = problems(data)
    assert [(p.file, p.where) for p in found] == [
        ("data/platforms.yaml", f"line {line + 6}"),  # the specification others refer to comes first
        ("data/measurements/zz-many.csv", "line 2"),
        ("data/measurements/zz-many.csv", "line 2"),  # also the duplicate of gpu-b-cpu-c.csv line 11
        ("data/measurements/zz-many.csv", "line 11"),
    ]
    assert str(found[0]) == (f"data/platforms.yaml, line {line + 6}, field 'bandwidth_gbps': "
                             "expected a number > 0, found -3")
    with pytest.raises(DataError) as info:
        load_dataset(data)
    assert str(info.value).splitlines() == [str(p) for p in found]


# --- networks described by layers, on-chip memory, colours --------------------------------------


LAYERED = """
  - id: net-layers
    name: Net Layers
    task: cifar10
    input: [32, 32, 3]
    layers:
      - {conv: 8, kernel: 3}
      - {maxpool: 2}
      - {dense: 10}
    variants:
      - pruning_pct: 100
      - pruning_pct: 50
"""


def test_a_network_described_by_layers_gets_computed_operations_and_weights(data):
    append(data, "networks.yaml", LAYERED)
    network = load_dataset(data).network("net-layers")
    full, half = network.variants
    assert full.ops_gop == pytest.approx(2 * (3 * 8 * 9 * 900 + 15 * 15 * 8 * 10) / 1e9)  # 30 x 30, pooled to 15 x 15
    assert full.weights_m == pytest.approx((3 * 8 * 9 + 15 * 15 * 8 * 10) / 1e6)
    assert half.ops_gop == pytest.approx(2 * (3 * 4 * 9 * 900 + 15 * 15 * 4 * 10) / 1e9)  # 4 of 8 channels kept
    assert full.from_layers and half.from_layers
    assert network.architecture.input_shape == (32, 32, 3)


def test_blocks_branches_and_repeats_are_read(data):
    append(data, "networks.yaml", """
          - id: net-blocks
            name: Net Blocks
            task: cifar10
            input: [8, 8, 4]
            layers:
              - name: stage
                repeat: 2
                layers: [{dwconv: 3, pad: 1}, {conv: 4, kernel: 1}]
              - merge: add
                repeat: 3
                branches:
                  - [{conv: 4, kernel: [1, 3], pad: [0, 1], groups: 2}]
                  - []
              - {avgpool: global}
              - {dense: 10}
            variants:
              - pruning_pct: 100
        """)
    network = load_dataset(data).network("net-blocks")
    dw = 3 * 3 * 4 * 64
    pointwise = 4 * 4 * 64
    grouped = 1 * 3 * 2 * 4 * 64
    assert network.variant(100).ops_gop == pytest.approx(2 * (2 * (dw + pointwise) + 3 * grouped + 4 * 10) / 1e9)


def test_layer_problems_name_the_layer_field(data):
    line = append(data, "networks.yaml", """
          - id: net-bad-layers
            name: Net Bad Layers
            task: cifar10
            input: [32, 32]
            layers:
              - {kind: conv, in: 3, out: 8}
              - {dense: 10, kernel: 3}
              - {conv: 0, kernel: [3, 3, 3]}
              - {conv: 8}
              - {maxpool: 2, dense: 4}
              - {avgpool: everything}
              - merge: sum
                branches: [[]]
            variants:
              - pruning_pct: 100
        """)
    assert problems(data) == [
        P("networks.yaml", line + 3, "input", "expected the shape of one input, [height, width, channels] "
                                             "(integers >= 1), found a list"),
        P("networks.yaml", line + 5, "layers", "expected a layer ({conv: 64, kernel: 3}, {dwconv: 3}, {dense: 1000}, "
                                              "{maxpool: 2}, {avgpool: global}), a block {repeat, layers} or "
                                              "{branches, merge}, found a mapping of kind, in, out"),
        P("networks.yaml", line + 6, "layers.kernel", "expected a known key, found 'kernel' (known: dense, name)"),
        P("networks.yaml", line + 7, "layers.conv", "expected an integer >= 1, found 0"),
        P("networks.yaml", line + 7, "layers.kernel",
          "expected an integer >= 1 or a pair [height, width] of them, found a list"),
        P("networks.yaml", line + 8, "layers.kernel", "expected the kernel size of the conv (an integer >= 1 or "
                                                     "[height, width]), found nothing"),
        P("networks.yaml", line + 9, "layers", "expected a layer ({conv: 64, kernel: 3}, {dwconv: 3}, {dense: 1000}, "
                                              "{maxpool: 2}, {avgpool: global}), a block {repeat, layers} or "
                                              "{branches, merge}, found 2 layer kinds (maxpool, dense)"),
        P("networks.yaml", line + 10, "layers.avgpool", "expected a kernel size (an integer >= 1 or [height, width]) "
                                                       "or global, found the text 'everything'"),
        P("networks.yaml", line + 11, "layers.merge", "expected one of add, concat, found 'sum'"),
        P("networks.yaml", line + 12, "layers.branches", "expected a list of at least two branches (lists of layers; "
                                                        "[] is the identity), found a list"),
    ]


def test_shapes_that_do_not_fit_and_wrong_class_outputs_are_problems(data):
    line = append(data, "networks.yaml", """
          - id: net-bad-shapes
            name: Net Bad Shapes
            task: cifar10
            input: [4, 4, 3]
            layers:
              - {conv: 8, kernel: 3}
              - merge: add
                branches:
                  - [{conv: 8, kernel: 3}]
                  - []
              - {dense: 12}
            variants:
              - pruning_pct: 100
        """)
    assert problems(data) == [
        P("networks.yaml", line + 4, "layers", "expected the last conv or dense layer to give the 10 outputs of task "
                                              "'cifar10', found 12"),
        P("networks.yaml", line + 8, "layers.kernel", "expected a layer that fits the shape reaching it, found a "
                                                     "kernel of 3 x 3 on an input of 2 x 2 (padding 0 x 0): no output "
                                                     "left"),
    ]


def test_a_layered_variant_gives_both_totals_or_none_and_must_keep_whole_channels(data):
    line = append(data, "networks.yaml", LAYERED.replace("pruning_pct: 50", "pruning_pct: 30\n      - pruning_pct: 20\n"
                                                         "        ops_gop: 1\n      - pruning_pct: 10\n"
                                                         "        ops_gop: 0.1\n        weights_m: 0.01"))
    assert problems(data) == [
        P("networks.yaml", line + 10, "pruning_pct",
          "expected a pruning_pct that keeps a whole number of channels in every layer, found 30 "
          "(8 channels x 30% = 2.4, not a whole number)"),
        P("networks.yaml", line + 11, "weights_m", "expected weights_m next to ops_gop (a variant of a network with "
                                                  "layers gives both published totals, or neither to have them "
                                                  "computed), found nothing"),
    ]
    kept = LAYERED.replace("pruning_pct: 50", "pruning_pct: 10\n        ops_gop: 0.1\n        weights_m: 0.01")
    other = data.parent / "other"
    shutil.copytree(MINIDATA, other)
    append(other, "networks.yaml", kept)
    variant = load_dataset(other).network("net-layers").variant(10)
    assert (variant.ops_gop, variant.weights_m, variant.from_layers) == (0.1, 0.01, False)


def test_onchip_memory_and_colour_of_a_platform_are_checked(data):
    line = append(data, "platforms.yaml", """
          - id: npu-d
            name: Fixture NPU D
            vendor: Dyn
            kind: TPU
            onchip_mb: -1
            color: red
            modes:
              - peak_tops: {INT8: 4}
                bandwidth_gbps: 30
        """)
    assert problems(data) == [
        P("platforms.yaml", line + 4, "onchip_mb", "expected a number >= 0, found -1"),
        P("platforms.yaml", line + 5, "color", "expected a colour like #1f77b4, found the text 'red'"),
    ]


def test_the_layer_example_of_the_data_readme_is_a_valid_network(data):
    readme = (Path(__file__).parent.parent / "data" / "README.md").read_text(encoding="utf-8")
    start = readme.index("described by its **layers**")
    example = readme[readme.index("```yaml\n", start) + len("```yaml\n"):readme.index("```\n", start + 40)]
    append(data, "networks.yaml", example.replace("task: imagenet", "task: imagenet\n    description: example"))
    network = load_dataset(data).network("resnet-50")
    assert [v.from_layers for v in network.variants] == [True, False]
    assert network.variants[0].ops_gop > 0


# --- the column table (records.MEASUREMENT_FILE) is what the reader holds each column to ------


@pytest.mark.parametrize("column", [c for c in MEASUREMENT_FILE if c.range is not None], ids=lambda c: c.name)
def test_every_number_column_of_the_column_table_is_held_to_its_range(data, column):
    path = data / "measurements" / "fpga-a.csv"
    header, first, *rest = path.read_text().splitlines()
    names, cells = header.split(","), first.split(",")
    extra = column.name not in names
    if extra:  # an optional column the fixture leaves out
        names, cells, rest = names + [column.name], cells + [""], [row + "," for row in rest]
    below = column.range.low if column.range.low_open else column.range.low - 1
    cells[names.index(column.name)] = fmt_written(below)
    path.write_text("\n".join([",".join(names), ",".join(cells), *rest]) + "\n")
    messages = [p.message for p in problems(data) if p.field == column.name]
    assert any(f"expected {column.range.describe()}" in m for m in messages), messages


def test_the_data_readme_shows_the_column_tables_the_readers_use():
    text = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    for heading, columns in (("## measurements/*.csv", MEASUREMENT_FILE), ("## power_traces/*.csv", TRACE_FILE)):
        section = text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
        expected = schema_table(columns)
        assert expected in section, f"data/README.md under {heading} differs from records.py's column table:\n{expected}"
