"""All computed tables of the site, made once from the dataset and the configuration.

Pages and downloads read from :class:`Results`; nothing downstream calls the model.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from generator import frames
from generator.inputs.config import SiteConfig
from generator.inputs.dataset import consistency_ratio, inconsistent
from generator.memo import Memo
from generator.model import bounds, calibration, experiments, fidelity, power, roofline, stats
from generator.model import overview as overview_model
from generator.records import CONFIG_KEY as _CONFIG_KEY
from generator.records import MEASUREMENT_COLUMNS, MEASUREMENT_KEY, Dataset

CONFIG_KEY = list(_CONFIG_KEY)
# The measured values summarised as boxplots: (column, title, unit).
BOX_METRICS = (("lat_comp_ms", "Latency", "ms"), ("fps_comp", "Throughput", "inputs/s"),
               ("power_full_w", "Full power", "W"))
BOX_OUTLIERS = 3  # outliers drawn per side of a box (the most extreme); all are counted
# The tables of Results with rows per task (a ``task`` column); ``Results.for_task`` keeps one task's.
PER_TASK = ("variants", "accuracy", "measurements", "predictions", "model_validation", "model_error", "model_pairs",
            "layers", "layer_times", "intensities", "rooflines", "configurations", "pareto", "efficiency", "power_runs",
            "power_summary", "batches", "inconsistent")
TRACES = ("traces_kept", "traces_removed", "trace_samples")


@dataclass(frozen=True)
class Results:
    dataset: Dataset
    default_assumption: str
    precisions: pd.DataFrame
    tasks: pd.DataFrame
    platforms: pd.DataFrame
    variants: pd.DataFrame
    accuracy: pd.DataFrame
    measurements: pd.DataFrame
    predictions: pd.DataFrame  # every configured assumption (model)
    model_validation: pd.DataFrame  # every model's prediction of every measured configuration, per scheme
    model_error: pd.DataFrame  # how well each model predicts the measurements, per task and "all", per scheme
    model_pairs: pd.DataFrame  # measured and predicted fps of every measured configuration, per model (network out)
    layers: pd.DataFrame  # every layer of every variant computed from its network's layers
    layer_times: pd.DataFrame  # those layers on every platform row under the per-layer model
    platform_fits: pd.DataFrame  # per platform row: the calibration's efficiency and overhead from all runs
    intensities: pd.DataFrame  # every variant x precision, default assumption
    rooflines: pd.DataFrame  # per task: three points per platform roofline over the task's range of intensities
    configurations: pd.DataFrame
    pareto: pd.DataFrame
    efficiency: pd.DataFrame
    power_runs: pd.DataFrame
    power_summary: pd.DataFrame
    traces_kept: pd.DataFrame
    traces_removed: pd.DataFrame
    batches: pd.DataFrame  # per configuration and batch: medians over repeated runs
    inconsistent: pd.DataFrame  # runs whose latency and throughput disagree (the data check), with their notes
    boxes: dict[str, tuple[pd.DataFrame, pd.DataFrame]]  # metric -> (boxes, outliers) per configuration
    trace_samples: pd.DataFrame  # what the trace charts draw (long traces reduced)
    # per task with measurements: its overview table and the anomaly marks that occur in it
    overviews: dict[str, tuple[pd.DataFrame, tuple[str, ...]]]

    def for_task(self, task_id: str) -> Results:
        """What a task's page is built from: the rows of ``task_id`` of every per-task table
        (``PER_TASK``, the box statistics, the dataset's measurements and networks), the power
        traces of the platforms that ran the task's networks (with their idle traces), and the
        shared tables (platforms, precisions, tasks) whole. A change to another task's data
        leaves it equal, so a rebuild can reuse the page (``build``)."""
        networks = set(self.variants.loc[self.variants["task"] == task_id, "network"])

        def mine(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["task"] == task_id].reset_index(drop=True)

        def traces(frame: pd.DataFrame) -> pd.DataFrame:
            ran = set(frame.loc[frame["network"].isin(networks), "platform"])
            keep = frame["platform"].isin(ran) & (frame["network"].isin(networks) | (frame["network"] == ""))
            return frame[keep].reset_index(drop=True)

        changes: dict[str, Any] = {name: mine(getattr(self, name)) for name in PER_TASK}
        changes.update({name: traces(getattr(self, name)) for name in TRACES})
        changes["dataset"] = replace(self.dataset, measurements=mine(self.dataset.measurements),
                                     power_traces=traces(self.dataset.power_traces),
                                     networks=tuple(n for n in self.dataset.networks if n.task == task_id))
        changes["boxes"] = {metric: (mine(boxes), mine(outliers)) for metric, (boxes, outliers) in self.boxes.items()}
        changes["overviews"] = {task: table for task, table in self.overviews.items() if task == task_id}
        return replace(self, **changes)

    def without_runs(self) -> Results:
        """What the theory page is built from: everything but the tables of single runs
        (measurements, their box statistics and batch medians, power runs and traces), which
        are left empty. A run that changes no configuration's best throughput leaves it equal."""
        def empty(frame: pd.DataFrame) -> pd.DataFrame:
            return frame.iloc[:0]

        changes: dict[str, Any] = {name: empty(getattr(self, name)) for name in TRACES}
        changes.update(
            dataset=replace(self.dataset, measurements=empty(self.dataset.measurements),
                            power_traces=empty(self.dataset.power_traces)),
            measurements=empty(self.measurements), batches=empty(self.batches), power_runs=empty(self.power_runs),
            power_summary=empty(self.power_summary), overviews={},
            boxes={metric: (empty(boxes), empty(outliers)) for metric, (boxes, outliers) in self.boxes.items()})
        return replace(self, **changes)

    def downloads(self) -> dict[str, tuple[pd.DataFrame, list[str]]]:
        """The normalized tables written to ``build/data/``: name -> (frame, sort key)."""
        return {
            "platforms.csv": (self.platforms, ["platform", "mode", "precision"]),
            "networks.csv": (self.variants, ["task", "network", "pruning_pct"]),
            "layers.csv": (self.layers, ["task", "network", "pruning_pct", "layer"]),
            "accuracy.csv": (self.accuracy, ["task", "network", "pruning_pct", "precision"]),
            "measurements.csv": (self.measurements[list(MEASUREMENT_COLUMNS)], list(MEASUREMENT_KEY)),
            "predictions.csv": (self.predictions, CONFIG_KEY + ["assumption"]),
            "pareto.csv": (self.pareto, ["task", "kind"] + CONFIG_KEY[1:]),
            "efficiency.csv": (self.efficiency, CONFIG_KEY),
            "model_validation.csv": (self.model_validation, ["scheme", "model"] + CONFIG_KEY),
            "model_error.csv": (self.model_error, ["task", "platform", "model", "scheme"]),
            "power.csv": (self.power_runs, list(MEASUREMENT_KEY)),
            "traces.csv": (self.traces_all(), ["platform", "mode", "network", "time_s"]),
        }

    def measured_precision(self, task_id: str) -> str | None:
        """The precision most measured configurations of the task use (the precisions' order
        breaks ties): where the task's roofline opens. None when nothing of it was measured."""
        measured = self.measurements[self.measurements["task"] == task_id]
        if not len(measured):
            return None
        counts = measured.drop_duplicates(CONFIG_KEY)["precision"].value_counts()
        order = {p: i for i, p in enumerate(self.precisions["precision"])}
        return str(min(counts.index, key=lambda p: (-counts[p], order.get(p, len(order)))))

    def traces_all(self) -> pd.DataFrame:
        """Every power-trace sample, with ``removed`` true for the glitches the charts leave out."""
        return pd.concat([self.traces_kept.assign(removed=False), self.traces_removed.assign(removed=True)],
                         ignore_index=True)


def analyse(ds: Dataset, config: SiteConfig, memo: Memo | None = None) -> Results:
    """Every table of :class:`Results`. The model's tables go through ``memo`` (when given):
    they read the specifications, the measured batch sizes, the median throughput of each
    configuration and batch and each configuration's best run, no more, so a rebuild after a
    change elsewhere (power readings, accuracy measured in a run) reuses them."""
    def model(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs) if memo is None else memo.call("model", function, *args, **kwargs)

    platforms = frames.platforms_frame(ds)
    variants = frames.variants_frame(ds)
    accuracy = frames.accuracy_frame(ds)
    precisions = frames.precisions_frame(ds)
    tasks = frames.tasks_frame(ds)
    measurements = ds.measurements
    configs = experiments.configurations(measurements)
    measured = measurements[CONFIG_KEY + ["batch"]].drop_duplicates()  # what was measured where, once
    layers = frames.layers_frame(ds)
    batches = experiments.batch_medians(measurements)
    # The calibration reads every configuration and batch's median throughput (over repeats).
    runs = batches[CONFIG_KEY + ["batch", "fps_comp"]]
    predictions = model(
        bounds.predictions, platforms, variants, precisions, tasks, layers, runs,
        assumptions=config.assumptions, batch=config.batch,
    )
    facts = model(bounds.bound_facts, platforms, variants, precisions, tasks, runs)
    validation = fidelity.validation(predictions, model(calibration.validation, facts, runs, configs), configs)
    # Where networks sit on a roofline: their intensity when the weights are read (off chip).
    intensities = model(roofline.network_intensities, variants, precisions, tasks, assumption="weights-offchip")
    pareto = model(experiments.pareto_points, configs, predictions, accuracy, assumption=config.default_assumption)
    efficiency = model(experiments.efficiency, configs, predictions, assumption=config.default_assumption)
    kept, removed = model(power.clean_trace, ds.power_traces)
    boxes = {metric: stats.box_stats(measurements, metric, CONFIG_KEY, max_outliers=BOX_OUTLIERS)
             for metric, _title, _unit in BOX_METRICS}
    return Results(
        dataset=ds,
        default_assumption=config.default_assumption,
        precisions=precisions,
        tasks=tasks,
        platforms=platforms,
        variants=variants,
        accuracy=accuracy,
        measurements=measurements,
        predictions=predictions,
        model_validation=validation,
        model_error=model(fidelity.model_error, validation),
        model_pairs=fidelity.pairs(validation, calibration.NETWORK_OUT),
        layers=layers,
        layer_times=model(bounds.layer_times, platforms, variants[variants["from_layers"]], precisions, tasks, layers,
                          runs),
        platform_fits=model(calibration.platform_fits, facts, runs),
        intensities=intensities,
        rooflines=model(rooflines, platforms, intensities),
        configurations=configs,
        pareto=pareto,
        efficiency=efficiency,
        power_runs=power.power_runs(measurements),
        power_summary=power.power_summary(measurements),
        traces_kept=kept,
        traces_removed=removed,
        batches=batches,
        inconsistent=inconsistent_runs(measurements),
        boxes=boxes,
        trace_samples=model(power.trace_display, kept, removed),
        overviews=model(overviews, measured, platforms, variants, precisions, efficiency),
    )


def inconsistent_runs(measurements: pd.DataFrame) -> pd.DataFrame:
    """The runs whose latency and throughput disagree by more than the data check allows
    (``inputs.dataset.inconsistent``): ``MEASUREMENT_KEY``, ``ratio`` (lat_comp_ms x fps_comp
    / 1000 / batch) and ``note`` ("" where no note acknowledges it); sorted."""
    ratio = consistency_ratio(measurements["lat_comp_ms"], measurements["fps_comp"], measurements["batch"])
    far = inconsistent(ratio)
    frame = measurements.loc[far, list(MEASUREMENT_KEY) + ["note"]].assign(ratio=ratio[far])
    frame = frame.astype({c: str for c in ("task", "platform", "mode", "precision", "network", "note")})
    return frame[[*MEASUREMENT_KEY, "ratio", "note"]].reset_index(drop=True)


def rooflines(platforms: pd.DataFrame, intensities: pd.DataFrame) -> pd.DataFrame:
    """Per task (of ``intensities``): three points per platform roofline
    (``model.roofline.roofline_points``) with its peak and bandwidth, over whole decades
    (ops/byte) that cover every ridge point and the task's network intensities."""
    ridges = roofline.ridge_ops_per_byte(platforms["peak_tops"], platforms["bandwidth_gbps"])
    specs = platforms[["platform", "mode", "precision", "peak_tops", "bandwidth_gbps"]]
    parts = []
    for task in dict.fromkeys(intensities["task"]):
        values = pd.concat([intensities.loc[intensities["task"] == task, "intensity_ops_per_byte"], ridges])
        low, high = float(values.min()), float(values.max())
        points = roofline.roofline_points(platforms, 10.0 ** math.floor(math.log10(low)),
                                          10.0 ** math.ceil(math.log10(high)))
        points = points.merge(specs, on=["platform", "mode", "precision"], how="left")
        points.insert(0, "task", task)
        parts.append(points)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["task"])


def overviews(measured: pd.DataFrame, platforms: pd.DataFrame, variants: pd.DataFrame,
              precisions: pd.DataFrame, efficiency: pd.DataFrame) -> dict[str, tuple[pd.DataFrame, tuple[str, ...]]]:
    """Per task with measurements: its overview table (``model.overview.overview``, levels
    measured above their peak or bound marked) and the marks that occur in it. ``measured``:
    the configurations and batch sizes of the runs, each once (all the tables read)."""
    out = {}
    for task in sorted(set(measured["task"].astype(str))):
        marks = overview_model.anomaly_marks(efficiency[efficiency["task"] == task].reset_index(drop=True))
        table = overview_model.overview(measured, platforms, variants, task, precisions=precisions, marks=marks)
        out[task] = (table, tuple(sorted(set(marks.values()))))
    return out
