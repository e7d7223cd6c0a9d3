"""Loading a valid data folder: records, frame dtypes, frames built from it, file layout."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from generator import frames
from generator.errors import UsageError
from generator.inputs.dataset import load_dataset
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_KEY, MEASUREMENT_SOURCE, TRACE_COLUMNS

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

MINIDATA = Path(__file__).parent / "fixtures" / "minidata"
PROJECT_DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(MINIDATA)


def copy_minidata(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINIDATA, data)
    return data


def test_minidata_loads_every_record(ds):
    assert [p.id for p in ds.precisions] == ["INT2", "INT4", "INT8", "FP16", "FP32"]
    assert [t.id for t in ds.tasks] == ["imagenet", "cifar10"]
    assert [p.id for p in ds.platforms] == ["fpga-a", "gpu-b", "cpu-c"]
    assert [n.id for n in ds.networks] == ["net-small", "net-big", "net-tiny"]
    assert len(ds.measurements) == 20
    assert len(ds.power_traces) == 11


def test_precision_bits_are_floats_with_bytes_per_element(ds):
    int4 = ds.precision("INT4")
    assert int4.bits == 4.0 and isinstance(int4.bits, float)
    assert int4.bytes_per_element == 0.5


def test_task_element_counts_are_ints_and_description_defaults_to_empty(ds):
    imagenet, cifar = ds.task("imagenet"), ds.task("cifar10")
    assert (imagenet.input_elements, imagenet.output_elements) == (150528, 1000)
    assert isinstance(imagenet.input_elements, int)
    assert imagenet.description == "Fixture task with large inputs."
    assert cifar.name == "CIFAR-10" and cifar.description == ""


def test_single_mode_platforms_have_one_mode_with_empty_id(ds):
    fpga = ds.platform("fpga-a")
    assert fpga.kind == "FPGA" and fpga.vendor == "Acme"
    assert [m.id for m in fpga.modes] == [""]
    assert fpga.modes[0].peak_tops == {"INT8": 1.2}
    assert (fpga.modes[0].bandwidth_gbps, fpga.modes[0].memory_gb, fpga.modes[0].power_w) == (19.2, 4.0, 20.0)
    assert [m.id for m in ds.platform("cpu-c").modes] == [""]  # written as id: ""


def test_multi_mode_platform_keeps_modes_in_file_order_and_optional_fields_none(ds):
    gpu = ds.platform("gpu-b")
    assert [m.id for m in gpu.modes] == ["fast", "slow"]
    slow = gpu.mode("slow")
    assert slow.peak_tops == {"FP16": 0.8, "FP32": 0.4}
    assert slow.memory_gb is None and slow.power_w == 7.5


def test_network_variants_and_published_accuracy(ds):
    small = ds.network("net-small")
    assert small.task == "imagenet"
    assert [v.pruning_pct for v in small.variants] == [100.0, 50.0]
    full = small.variant(100.0)
    assert (full.ops_gop, full.weights_m) == (1.0, 2.5)
    assert full.accuracy["INT8"].top1_pct == 70.1 and full.accuracy["INT8"].top5_pct == 89.5
    assert full.accuracy["FP16"].top5_pct is None
    assert ds.network("net-tiny").variant(12.5).accuracy == {}


def test_measurement_frame_has_documented_columns_and_dtypes(ds):
    m = ds.measurements
    assert tuple(m.columns) == MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE
    for col in ("task", "platform", "mode", "precision", "network", "source_file"):
        assert pd.api.types.is_string_dtype(m[col]), col
    assert m["pruning_pct"].dtype == "float64"
    assert m["batch"].dtype == "int64" and m["repeat"].dtype == "int64"
    assert m["source_row"].dtype == "int64"
    for col in ("lat_comp_ms", "fps_comp", "top1_pct", "power_base_w", "power_full_w"):
        assert m[col].dtype == "float64", col


def test_measurement_values_empty_cells_nan_and_single_mode_empty(ds):
    m = ds.measurements
    row = m[(m.platform == "fpga-a") & (m.network == "net-small") & (m.pruning_pct == 50) & (m.batch == 8)].iloc[0]
    assert row["mode"] == ""
    assert math.isnan(row["lat_comp_ms"]) and row["fps_comp"] == 4000.0
    assert math.isnan(row["power_full_w"])
    first = m[(m.source_file == "minidata/measurements/fpga-a.csv") & (m.source_row == 2)].iloc[0]
    assert (first["batch"], first["lat_comp_ms"], first["power_base_w"], first["power_idle_w"]) == (1, 2.0, 5.0, 8.0)


def test_batch_sweep_and_repeated_run(ds):
    m = ds.measurements
    sweep = m[(m.platform == "gpu-b") & (m["mode"] == "fast") & (m.network == "net-big")]
    assert sorted(sweep["batch"]) == [1, 2, 4, 8]
    repeated = m[(m["mode"] == "slow") & (m.network == "net-big")].sort_values("repeat")
    assert list(repeated["repeat"]) == [1, 2]
    assert list(repeated["fps_comp"]) == [60.0, 62.0]
    # repeat column absent (fpga-a.csv) or empty -> 1
    assert set(m.loc[m.platform == "fpga-a", "repeat"]) == {1}


def test_measurements_are_sorted_by_key(ds):
    keys = ds.measurements[list(MEASUREMENT_KEY)]
    assert keys.equals(keys.sort_values(list(MEASUREMENT_KEY)).reset_index(drop=True))


def test_trace_power_is_voltage_times_current_where_not_given(ds):
    t = ds.power_traces
    assert tuple(t.columns) == TRACE_COLUMNS
    assert t["time_s"].dtype == "float64" and t["power_w"].dtype == "float64"
    fpga = t[t.platform == "fpga-a"]
    assert list(fpga["network"]) == ["", "", "net-small", "net-small", "net-small"]
    assert list(fpga["power_w"]) == pytest.approx([6.0, 6.0, 12.0, 12.6, 12.0])
    gpu = t[t.platform == "gpu-b"]
    assert set(gpu["mode"]) == {"fast"}
    assert gpu["power_w"].max() == 95.0  # the glitch is kept: cleaning is the model's job


def test_frames_have_documented_columns_from_minidata(ds):
    platforms = frames.platforms_frame(ds)
    assert tuple(platforms.columns) == frames.PLATFORM_COLUMNS
    assert len(platforms) == 7  # fpga-a 1 + gpu-b 2 modes x 2 + cpu-c 2
    assert list(platforms.loc[platforms.platform == "gpu-b", "precision"]) == ["FP16", "FP32", "FP16", "FP32"]
    variants = frames.variants_frame(ds)
    assert tuple(variants.columns) == frames.VARIANT_COLUMNS and len(variants) == 6
    accuracy = frames.accuracy_frame(ds)
    assert tuple(accuracy.columns) == frames.ACCURACY_COLUMNS and len(accuracy) == 6
    assert list(accuracy.loc[accuracy.network == "net-small", "precision"]) == ["INT8", "FP16", "INT8"]
    precisions = frames.precisions_frame(ds)
    assert tuple(precisions.columns) == frames.PRECISION_COLUMNS
    assert list(precisions["bytes_per_element"]) == [0.25, 0.5, 1.0, 2.0, 4.0]
    tasks = frames.tasks_frame(ds)
    assert tuple(tasks.columns) == frames.TASK_COLUMNS
    assert list(tasks["input_elements"]) == [150528, 3072]


def _without_source(frame: pd.DataFrame) -> pd.DataFrame:
    return (frame.drop(columns=list(MEASUREMENT_SOURCE))
            .sort_values(list(MEASUREMENT_KEY)).reset_index(drop=True))


def test_splitting_measurements_into_other_files_changes_nothing(tmp_path, ds):
    """Rows reversed, spread over three files with other column orders, same frame."""
    data = copy_minidata(tmp_path)
    folder = data / "measurements"
    frame = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted(folder.glob("*.csv"))])
    for path in folder.glob("*.csv"):
        path.unlink()
    rows = frame.iloc[::-1].reset_index(drop=True)
    columns = list(rows.columns)
    for index, name in enumerate(["z-last.csv", "a-first.csv", "m-middle.csv"]):
        part = rows.iloc[index::3][columns[index:] + columns[:index]]
        part.to_csv(folder / name, index=False)
    shuffled = load_dataset(data)
    pd.testing.assert_frame_equal(_without_source(shuffled.measurements), _without_source(ds.measurements))
    assert set(shuffled.measurements["source_file"]) == {f"data/measurements/{n}" for n in
                                                         ("z-last.csv", "a-first.csv", "m-middle.csv")}


def test_power_traces_folder_is_optional(tmp_path):
    data = copy_minidata(tmp_path)
    shutil.rmtree(data / "power_traces")
    traces = load_dataset(data).power_traces
    assert tuple(traces.columns) == TRACE_COLUMNS and len(traces) == 0
    assert traces["power_w"].dtype == "float64"


def test_no_measurement_files_gives_an_empty_typed_frame(tmp_path):
    data = copy_minidata(tmp_path)
    for path in (data / "measurements").glob("*.csv"):
        path.unlink()
    m = load_dataset(data).measurements
    assert len(m) == 0 and tuple(m.columns) == MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE
    assert m["batch"].dtype == "int64" and m["fps_comp"].dtype == "float64"


def test_cells_and_headers_are_stripped(tmp_path):
    data = copy_minidata(tmp_path)
    (data / "measurements" / "spaces.csv").write_text(
        " task , platform,precision ,network,pruning_pct,batch,fps_comp\n"
        " cifar10 , cpu-c , INT4 ,net-tiny, 50 , 4 , 321.5 \n"
    )
    m = load_dataset(data).measurements
    row = m[m.source_file == "data/measurements/spaces.csv"].iloc[0]
    assert (row["task"], row["platform"], row["precision"], row["pruning_pct"], row["batch"]) == (
        "cifar10", "cpu-c", "INT4", 50.0, 4)
    assert row["fps_comp"] == 321.5 and row["mode"] == ""


def test_single_mode_with_an_id_accepts_empty_or_named_mode(tmp_path):
    data = copy_minidata(tmp_path)
    text = (data / "platforms.yaml").read_text().replace('      - id: ""\n', "      - id: base\n")
    (data / "platforms.yaml").write_text(text)
    (data / "measurements" / "named.csv").write_text(
        "task,platform,mode,precision,network,pruning_pct,batch,fps_comp\n"
        "cifar10,cpu-c,base,INT4,net-tiny,100,4,100\n"
    )
    ds = load_dataset(data)
    assert [m.id for m in ds.platform("cpu-c").modes] == ["base"]
    assert set(ds.measurements.loc[ds.measurements.platform == "cpu-c", "mode"]) == {"base"}


def test_yaml_exponent_without_dot_is_a_number(tmp_path):
    data = copy_minidata(tmp_path)
    text = (data / "tasks.yaml").read_text().replace("input_elements: 3072", "input_elements: 3e3")
    (data / "tasks.yaml").write_text(text)
    assert load_dataset(data).task("cifar10").input_elements == 3000


def test_missing_data_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="data folder not found"):
        load_dataset(tmp_path / "nowhere")


@pytest.mark.skipif(not (PROJECT_DATA / "platforms.yaml").is_file(), reason="shipped data/ not written yet")
def test_shipped_data_folder_loads():
    ds = load_dataset(PROJECT_DATA)
    assert len(ds.measurements) == 974
