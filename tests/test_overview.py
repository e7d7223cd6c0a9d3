import math

import pandas as pd
import pytest

from generator.model.overview import overview
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_SOURCE

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

NAN = math.nan


def platform_rows(platform, name, kind, modes, precisions):
    return [dict(platform=platform, platform_name=name, vendor="V", kind=kind, mode=mode,
                 precision=prec, peak_tops=1.0, bandwidth_gbps=1.0, memory_gb=NAN, power_w=NAN)
            for mode in modes for prec in precisions]


PLATFORMS = pd.DataFrame(
    platform_rows("weird", "Weird NPU", "NPU", [""], ["INT8"])
    + platform_rows("tx2", "Jetson TX2", "GPU", ["maxn", "maxp", "maxq"], ["FP16", "FP32"])
    + platform_rows("a53", "Cortex-A53", "CPU", [""], ["INT8"])
    + platform_rows("zcu104-finn", "ZCU104 FINN", "FPGA", [""], ["INT2", "INT4"])
    + platform_rows("alpha", "Alpha GPU", "GPU", [""], ["FP16"])
    + platform_rows("ncs", "Movidius NCS", "VLIW", [""], ["FP16"])
)
VARIANTS = pd.DataFrame(
    [dict(task="imagenet", network="resnet-50", network_name="ResNet-50", pruning_pct=p,
          ops_gop=1.0, weights_m=1.0) for p in (100.0, 50.0, 25.0, 12.5)]
    + [dict(task="mnist", network="mlp", network_name="MLP", pruning_pct=100.0, ops_gop=1.0,
            weights_m=1.0),
       dict(task="imagenet", network="mobilenet", network_name="MobileNet", pruning_pct=100.0,
            ops_gop=1.0, weights_m=1.0)]
)


def run(platform, network, precision, pruning_pct, batch, mode="", task="imagenet"):
    row = dict.fromkeys(MEASUREMENT_COLUMNS + MEASUREMENT_SOURCE, NAN)
    row.update(task=task, platform=platform, mode=mode, precision=precision, network=network,
               pruning_pct=float(pruning_pct), batch=batch, repeat=1, fps_comp=1.0,
               source_file="m.csv", source_row=1)
    return row


MEASUREMENTS = pd.DataFrame([
    run("zcu104-finn", "resnet-50", "INT4", 100, 1),
    run("zcu104-finn", "resnet-50", "INT2", 12.5, 2),
    run("zcu104-finn", "resnet-50", "INT2", 100, 1),
    run("zcu104-finn", "resnet-50", "INT2", 25, 1),
    run("zcu104-finn", "resnet-50", "INT2", 50, 1),
    run("tx2", "resnet-50", "FP16", 100, 1, mode="maxq"),
    run("tx2", "resnet-50", "FP16", 100, 2, mode="maxq"),
    run("tx2", "resnet-50", "FP16", 100, 4, mode="maxq"),
    run("tx2", "resnet-50", "FP16", 100, 128, mode="maxn"),
    run("tx2", "mobilenet", "FP32", 100, 8, mode="maxn"),
    run("alpha", "mobilenet", "FP16", 100, 1),
    run("a53", "resnet-50", "INT8", 100, 1),
    run("weird", "mobilenet", "INT8", 100, 1),
    run("ncs", "mlp", "FP16", 100, 1, task="mnist"),
])


def test_overview_columns_follow_the_task_networks_in_variants_order():
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "imagenet")
    assert list(table.columns) == ["kind", "platform", "platform_name", "modes", "ResNet-50",
                                   "MobileNet", "sweep"]


def test_overview_rows_are_platforms_with_measurements_sorted_by_kind_then_name():
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "imagenet")
    assert list(zip(table["kind"], table["platform_name"])) == [
        ("FPGA", "ZCU104 FINN"), ("GPU", "Alpha GPU"), ("GPU", "Jetson TX2"),
        ("CPU", "Cortex-A53"), ("NPU", "Weird NPU")]
    assert "ncs" not in set(table["platform"])


def test_overview_cells_list_precisions_and_pruning_levels():
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "imagenet").set_index("platform")
    assert table.at["zcu104-finn", "ResNet-50"] == "INT2: 100%, 50%, 25%, 12.5%; INT4: 100%"
    assert table.at["zcu104-finn", "MobileNet"] == "na"
    assert table.at["tx2", "ResNet-50"] == "FP16: 100%"
    assert table.at["tx2", "MobileNet"] == "FP32: 100%"
    assert table.at["alpha", "ResNet-50"] == "na"


def test_overview_lists_measured_modes_and_the_batch_sweep():
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "imagenet").set_index("platform")
    assert table.at["tx2", "modes"] == "maxn, maxq"
    assert table.at["a53", "modes"] == ""
    assert table.at["tx2", "sweep"] == "1, 2, 4, 8, 128"
    assert table.at["zcu104-finn", "sweep"] == "1, 2"


def test_overview_uses_the_precisions_frame_order_when_given():
    precisions = pd.DataFrame({"precision": ["INT4", "INT2"], "bits": [4.0, 2.0],
                               "bytes_per_element": [0.5, 0.25]})
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "imagenet", precisions=precisions)
    cell = table.set_index("platform").at["zcu104-finn", "ResNet-50"]
    assert cell == "INT4: 100%; INT2: 100%, 50%, 25%, 12.5%"


def test_overview_of_another_task():
    table = overview(MEASUREMENTS, PLATFORMS, VARIANTS, "mnist")
    assert table.to_dict("records") == [dict(kind="VLIW", platform="ncs",
                                             platform_name="Movidius NCS", modes="",
                                             MLP="FP16: 100%", sweep="1")]


def test_overview_without_measurements_is_empty_with_columns():
    table = overview(MEASUREMENTS.iloc[0:0], PLATFORMS, VARIANTS, "imagenet")
    assert table.empty
    assert list(table.columns)[-1] == "sweep"
