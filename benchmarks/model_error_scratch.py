"""Model fidelity on the shipped data (not a test): python benchmarks/model_error_scratch.py

On-chip memory per platform id is a public figure supplied here, not in data/ (yet):
ZU3EG 7.6 Mb BRAM, ZU9EG 32.1 Mb, ZU7EV 11 Mb BRAM + 27 Mb UltraRAM, Edge TPU 8 MB SRAM,
Myriad X 2.5 MB CMX, TX2 GPU 0.5 MB L2, Cortex-A53 (Ultra96) 1 MB L2. The CNV and MLP
variants' ops_gop / weights_m are replaced by exact counts from their layers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from generator.build import Project, load_project
from generator.model import bounds, experiments, fidelity, roofline
from generator.model.layers import Layer, ops_gop, pruned, weights_m

ONCHIP_MB = {
    "ultra96-dpu": 0.95, "zcu102-dpu": 4.0, "zcu104-dpu": 4.75, "zcu104-finn": 4.75,
    "zcu104-bismo": 4.75, "edgetpu": 8.0, "ncs2": 2.5, "tx2": 0.5, "u96-a53": 1.0,
}


def conv(cin, cout, size):
    return Layer("conv", cin, cout, kernel=(3, 3), out_size=(size, size))


LAYERS = {
    "cnv": (conv(3, 128, 30), conv(128, 128, 28), conv(128, 256, 12), conv(256, 256, 10),
            conv(256, 512, 3), conv(512, 512, 1), Layer("dense", 512, 1024),
            Layer("dense", 1024, 1024), Layer("dense", 1024, 10)),
    "mlp": (Layer("dense", 784, 2048), Layer("dense", 2048, 2048), Layer("dense", 2048, 2048),
            Layer("dense", 2048, 10)),
}
MODELS = ("weights-offchip", "batch-amortised", "weights-onchip", "platform-aware", "calibrated")


def exact_variants(variants: pd.DataFrame) -> pd.DataFrame:
    variants = variants.copy()
    for i, row in variants.iterrows():
        if row["network"] in LAYERS:
            layers = pruned(LAYERS[row["network"]], row["pruning_pct"])
            variants.at[i, "ops_gop"] = ops_gop(layers)
            variants.at[i, "weights_m"] = weights_m(layers)
    return variants


def main() -> None:
    _, results = load_project(Project(Path(".")), lambda *a, **k: None)
    platforms = results.platforms.copy()
    unknown = sorted(set(platforms["platform"]) - set(ONCHIP_MB))
    if unknown:
        sys.exit(f"no on-chip figure for {unknown}")
    platforms["onchip_mb"] = platforms["platform"].map(ONCHIP_MB).astype(float)
    variants = exact_variants(results.variants)
    configs = results.configurations
    preds = bounds.predictions(platforms, variants, results.precisions, results.tasks,
                               results.measurements, configs, assumptions=MODELS, batch=16)
    errors = fidelity.model_error(preds, configs)
    pd.set_option("display.width", 200, "display.max_rows", 500, "display.max_columns", 30)
    print(errors.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    eff = experiments.efficiency(configs, preds, assumption="platform-aware")
    above = eff.loc[eff["above_bound"].fillna(False).astype(bool)]
    print(f"\nmeasured above the platform-aware bound: {len(above)} of {len(eff)}")
    print(above[["task", "platform", "mode", "precision", "network", "pruning_pct",
                 "measured_fps", "predicted_fps", "peak_fps", "above_peak"]].to_string(index=False))
    cal = preds.loc[preds["assumption"] == "calibrated"].merge(
        configs.loc[configs["fps"].notna(), list(bounds.CONFIG_KEY)], on=list(bounds.CONFIG_KEY))
    print("\ncalibration of the measured configurations (factor range, basis) per platform:")
    print(cal.groupby(["platform", "calibration_basis"]).agg(
        configurations=("fps", "size"), factor_min=("calibration_factor", "min"),
        factor_max=("calibration_factor", "max")).to_string(float_format=lambda v: f"{v:.4f}"))
    if "-v" in sys.argv:
        pa = preds.loc[preds["assumption"].isin(["platform-aware", "calibrated"])]
        merged = pa.merge(configs[[*bounds.CONFIG_KEY, "fps"]].rename(columns={"fps": "measured_fps"}),
                          on=list(bounds.CONFIG_KEY), how="inner")
        merged["log_ratio"] = np.log(merged["measured_fps"] / merged["fps"])
        print(merged[["assumption", "task", "platform", "mode", "precision", "network", "pruning_pct",
                      "batch", "weights_onchip", "bound", "fps", "measured_fps", "log_ratio",
                      "calibration_factor", "calibration_basis"]].to_string(index=False))


if __name__ == "__main__":
    main()
