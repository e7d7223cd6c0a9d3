"""Page assembly: computed results + prose -> pages of sections, charts and tables.

Assembly only: no model calls (everything comes from :class:`analysis.Results`; the model
is imported for the constant texts of its rules) and no file I/O (prose comes in from
``inputs.prose``); charts are drawn through the build's memo (``charts.common.draw``). Which pages exist follows the data: one page per
task that has networks, an experimental section only where the task has measurements, a
power-trace chart only where traces exist. Each chart refers to a dataset of its page by
name; charts that draw the same table share one dataset.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any, cast

import pandas as pd

from generator.analysis import BOX_METRICS, CONFIG_KEY, Results
from generator.charts import experiments as exp_charts
from generator.charts import explore as explore_charts
from generator.charts import power as power_charts
from generator.charts import theme
from generator.charts import theory as theory_charts
from generator.charts.common import draw
from generator.charts.spec import ChartSpec
from generator.charts.theme import Style
from generator.formatting import NA, fmt, fmt_pct
from generator.frames import platform_label
from generator.inputs.config import SiteConfig
from generator.inputs.prose import Prose
from generator.memo import Memo
from generator.model import bounds, calibration, fidelity, stats
from generator.model import layers as layer_model
from generator.model import overview as overview_model
from generator.model import power as power_model
from generator.output.render import DataText, md_escape
from generator.site import notes
from generator.site.home import home_page, platforms_table
from generator.site.nav import CONTRIBUTING, CONTRIBUTING_TITLES, THEORY_TITLES, page_names, page_titles, page_view
from generator.site.structure import Figure, Page, Section, Table

INTENSITY_NOTE = ("Dashed grey rules: each network's arithmetic intensity when every input reads all weights from "
                  "off-chip memory (batch 1), a property of the network alone; where a platform keeps weights on "
                  "chip or shares them over a batch, its prediction lies further right.")


def figure(memo: Memo | None, fig_id: str, title: str, chart: Callable[..., ChartSpec], *args: Any,
           caption_md: str = "") -> Figure:
    """A figure of the chart ``chart(*args)``, drawn through ``memo``; its caption starts with
    how to read the chart (its marks and controls), said by the chart itself."""
    drawn = draw(memo, chart, *args, label=fig_id)
    caption = " ".join(part for part in (md_escape(drawn.reading), caption_md) if part)
    return Figure(id=fig_id, title=title, chart=drawn, caption_md=caption)


# ---------------------------------------------------------------- joins for display

def with_names(frame: pd.DataFrame, results: Results) -> pd.DataFrame:
    """Add platform_name, vendor, kind, network_name (and a platform label) by id.

    Columns the frame already has are kept (``pareto``'s own ``kind`` is measured or
    predicted, not the platform kind). Looked up in plain dicts, row by row: the frames
    are per-configuration aggregates, short enough that pandas' joins cost more.
    """
    out = frame.copy()
    if "platform" in out.columns:
        platforms = results.platforms
        ids = out["platform"].astype(str).tolist()
        for column in ("platform_name", "vendor", "kind"):
            if column not in out.columns:
                names: dict[Any, Any] = {}
                for platform, name in zip(platforms["platform"].tolist(), platforms[column].tolist()):
                    names.setdefault(platform, name)  # the first row of each platform
                out[column] = pd.Series([names.get(i, math.nan) for i in ids], index=out.index, dtype=object)
        if "mode" in out.columns:
            out["platform_label"] = [platform_label(n, m) for n, m in zip(out["platform_name"], out["mode"].astype(str))]
    if "network" in out.columns and "network_name" not in out.columns:
        networks = dict(zip(results.variants["network"], results.variants["network_name"]))
        out["network_name"] = pd.Series([networks.get(i, math.nan) for i in out["network"].astype(str).tolist()],
                                        index=out.index, dtype=object)
    if "network" in out.columns and "network_note" not in out.columns and "network_note" in results.variants.columns:
        noted = dict(zip(results.variants["network"], results.variants["network_note"]))  # marks the charts' labels
        out["network_note"] = pd.Series([noted.get(i, "") for i in out["network"].astype(str).tolist()],
                                        index=out.index, dtype=object)
    return out


def tuples(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (fields of any type)."""
    yield from frame.itertuples()


def for_task(frame: pd.DataFrame, task: str) -> pd.DataFrame:
    return frame[frame["task"] == task].reset_index(drop=True)


# ---------------------------------------------------------------- pages

def style_of(results: Results) -> Style:
    """The site's colours and shapes, decided once for every chart of every page."""
    return theme.site_style(theme.platform_mode_colors(results.platforms), results.platforms,
                            list(results.precisions["precision"]))


def build_page(name: str, view: Results, config: SiteConfig, prose: Prose, style: Style,
               memo: Memo | None = None) -> Page:
    """Page ``name`` of ``nav.page_names`` from what it is built from (``view``:
    ``nav.page_view(name, results)``); ``style`` is the whole site's (``style_of`` the whole
    results), so colours agree across pages; charts go through ``memo``."""
    if name == "index":
        return home_page(view, prose, config)
    if name == CONTRIBUTING:
        title, nav_title = CONTRIBUTING_TITLES
        return Page(slug=CONTRIBUTING, title=title, nav_title=nav_title, intro_md=prose[CONTRIBUTING])
    if name == "theory":
        return theory_page(view, config, prose, style, memo)
    return task_page(view, config, prose, style, name, memo)


def build_pages(results: Results, config: SiteConfig, prose: Prose, memo: Memo | None = None) -> list[Page]:
    """Every page of the site, in navigation order."""
    style = style_of(results)
    return [build_page(name, page_view(name, results), config, prose, style, memo) for name in page_names(results, prose)]


def theory_page(results: Results, config: SiteConfig, prose: Prose, style: Style, memo: Memo | None = None) -> Page:
    assumption = config.default_assumption
    intensities = results.intensities
    assumptions_md = "\n\n".join(
        f"**`{a}`**{' (default)' if a == assumption else ''}: {bounds.ALL_ASSUMPTION_DOCS[a]}" for a in config.assumptions
    )
    platforms = Section(
        "platforms", "Hardware platforms", prose_md=prose["theory-platforms"],
        tables=[platforms_table(results)],
        figures=[
            figure(memo, "theory-peak", "Peak performance", theory_charts.peak_chart, results.platforms, style, "peaks"),
            figure(memo, "theory-bandwidth", "Memory bandwidth",
                   theory_charts.bandwidth_chart, results.platforms, style, "bandwidths"),
        ],
    )
    networks = Section(
        "networks", "Networks", prose_md=prose["theory-networks"],
        tables=[networks_table(results, intensities)],
        figures=[
            figure(memo, "theory-ops", "Operations and weights", theory_charts.network_chart, results.variants,
                   "networks"),
            figure(memo, "theory-intensity", "Arithmetic intensity",
                   theory_charts.intensity_chart, intensities, style, "intensities",
                   caption_md="Every input reads all weights from off-chip memory (batch 1)."),
        ],
    )
    accuracy = Section("accuracy", "Accuracy", prose_md=prose["theory-accuracy"], tables=[accuracy_table(results)])
    model = Section("roofline-model", "The roofline model", prose_md=prose["theory-model"] + "\n\n" + assumptions_md)
    title, nav_title = THEORY_TITLES
    layers = layers_section(results, prose, memo)
    return Page(slug="theory", title=title, nav_title=nav_title, intro_md=prose["theory"],
                sections=[model, *model_error_sections(results, config, prose, style, memo),
                          *([layers] if layers else []), whatif_section(results, prose, memo), platforms, networks,
                          accuracy])


SCHEME_TITLES = {calibration.NETWORK_OUT: "a new network on a measured platform",
                 calibration.CONFIGURATION_OUT: "a configuration next to measured ones",
                 calibration.PLATFORM_OUT: "a platform nobody measured"}
LEAD_SCHEME = calibration.NETWORK_OUT  # what a user predicting a new network gets: the figure the page leads with
SCHEME_ORDER = (calibration.NETWORK_OUT, calibration.CONFIGURATION_OUT, calibration.PLATFORM_OUT)


def _error_cells(r: Any) -> list[str]:
    """Configurations, median, 95% interval, typical factor, 90th percentile, measured above."""
    if not r.configurations:
        return [str(r.configurations), NA, NA, NA, NA, NA]
    interval = f"{fmt(r.ci_low)}–{fmt(r.ci_high)}" if not pd.isna(r.ci_low) else NA
    return [str(r.configurations), fmt(r.median_abs_log_error), interval, f"x{fmt(math.exp(r.median_abs_log_error))}",
            fmt(r.p90_abs_log_error), f"{fmt(r.above_bound_pct)}%"]


ERROR_COLUMNS = ["Configurations", "Median |ln(measured / predicted)|", "95% interval", "Typical factor",
                 "90th percentile", "Measured above the prediction"]


def error_summary_md(err: pd.DataFrame) -> str:
    """The figures the section leads with: the calibrated prediction under every scheme."""
    overall = err[(err["task"] == "all") & (err["platform"] == "") & (err["model"] == bounds.CALIBRATED)]
    by_scheme: dict[str, dict[str, float]] = {str(r["scheme"]): {k: float(r[k]) for k in (
        "configurations", "median_abs_log_error", "ci_low", "ci_high", "p90_abs_log_error")}
        for r in overall.to_dict("records")}
    lead = by_scheme.get(LEAD_SCHEME)
    if lead is None or not lead["configurations"]:
        return ""
    text = (f"**For a new network on a measured platform** (leave-one-network-out: the network is held out of its "
            f"platform's calibration), the `calibrated` prediction is typically within "
            f"**x{fmt(math.exp(lead['median_abs_log_error']))}** of the measurement: median |ln(measured / predicted)| "
            f"{fmt(lead['median_abs_log_error'])} (95% interval {fmt(lead['ci_low'])}–{fmt(lead['ci_high'])}), "
            f"90th percentile {fmt(lead['p90_abs_log_error'])}, over {int(lead['configurations'])} measured "
            "configurations.")
    others = []
    for scheme in SCHEME_ORDER[1:]:
        r = by_scheme.get(scheme)
        if r is not None and r["configurations"]:
            others.append(f"for {SCHEME_TITLES[scheme]} ({scheme}) {fmt(r['median_abs_log_error'])} "
                          f"({fmt(r['ci_low'])}–{fmt(r['ci_high'])}, typically x{fmt(math.exp(r['median_abs_log_error']))})")
    if others:
        text += " The same figure " + " and ".join(others) + "."
    return text


def sample_md(pairs: pd.DataFrame, results: Results) -> str:
    """How the measured configurations spread over the platforms: why the interval is wide."""
    configs = pairs.drop_duplicates(CONFIG_KEY)
    if not len(configs):
        return ""
    counts = configs.groupby("platform").size().sort_values(ascending=False, kind="mergesort")
    names = results.platforms.drop_duplicates("platform").set_index("platform")["platform_name"]
    largest = str(counts.index[0])
    return (f"The {len(configs)} measured configurations come from {len(counts)} platforms; the "
            f"{md_escape(str(names.get(largest, largest)))} alone holds {fmt(100 * counts.iloc[0] / len(configs))}% "
            "of them.")


def bound_md(results: Results) -> str:
    """Where the bound is exceeded (only above the compute peak, a data error) and where memory binds."""
    eff = with_names(results.efficiency, results)
    above = eff[eff["above_bound"].fillna(False).astype(bool)]
    peak = above[above["above_peak"].fillna(False).astype(bool)]
    bound = results.predictions[results.predictions["assumption"] == bounds.PLATFORM_AWARE]
    measured = bound.merge(results.configurations.loc[results.configurations["fps"].notna(), CONFIG_KEY],
                           on=CONFIG_KEY)
    memory = with_names(measured[measured["bound"] == "memory"], results)
    parts = [f"The `{bounds.PLATFORM_AWARE}` bound is exceeded by {len(above)} of {len(eff)} measured configurations"
             + (f", all of them measured above their compute peak ({len(peak)}): physically impossible, so data "
                "errors, flagged on their task pages." if len(above) and len(peak) == len(above) else ".")]
    if len(memory):
        names = "; ".join(sorted({f"{md_escape(r.platform_label)} {md_escape(r.precision)} {md_escape(r.network_name)} "
                                  f"{fmt_pct(r.pruning_pct)}" for r in tuples(memory)}))
        parts.append(f"Of the {len(measured)} measured configurations, it is the **memory** roof for {len(memory)} "
                     f"({names}) and the compute roof for the other {len(measured) - len(memory)}.")
    else:
        parts.append(f"It is the compute roof for all {len(measured)} measured configurations.")
    return " ".join(parts)


def model_error_sections(results: Results, config: SiteConfig, prose: Prose, style: Style,
                         memo: Memo | None = None) -> list[Section]:
    """"How good is the model": the calibrated prediction under each validation scheme (leading
    with leave-one-network-out), every model's error for a new network per task, per-platform
    medians, where the bound binds, and measured against predicted."""
    err = results.model_error
    if not len(err) or not (err["configurations"] > 0).any():
        return []
    models = [a for a in config.assumptions if a in set(err["model"])]
    names = {t.id: t.name for t in results.dataset.tasks} | {"all": "All tasks"}
    order = {t: i for i, t in enumerate(names)}
    overall = err[err["platform"] == ""]
    tables = []
    if bounds.CALIBRATED in models:
        mine = overall[(overall["model"] == bounds.CALIBRATED) & (overall["task"] == "all")].set_index("scheme")
        rows = [[f"{scheme}: {SCHEME_TITLES[scheme]}", *_error_cells(next(tuples(mine.loc[[scheme]].reset_index())))]
                for scheme in SCHEME_ORDER if scheme in mine.index]
        tables.append(Table("calibrated-schemes", "The calibrated prediction under each validation scheme",
                            ["Held out of the calibration", *ERROR_COLUMNS], rows,
                            overall[overall["model"] == bounds.CALIBRATED].reset_index(drop=True),
                            caption_md=fidelity.INTERVAL_RULE))
    rows, groups = [], []
    for model in models:
        mine = overall[(overall["model"] == model) & (overall["scheme"] == LEAD_SCHEME)]
        mine = mine.sort_values("task", key=lambda c: c.map(order), kind="mergesort")
        for r in tuples(mine):
            rows.append([names.get(r.task, r.task), *_error_cells(r)])
            groups.append(model + (" (default)" if model == config.default_assumption else "")
                          + (" (a bound)" if model in bounds.BOUNDS else ""))
    tables.append(Table("model-error", "Every model's error for a new network (leave-one-network-out)",
                        ["Task", *ERROR_COLUMNS], rows,
                        overall[overall["model"].isin(models)].reset_index(drop=True),
                        caption_md="A configuration's error is |ln(measured / predicted)| of its best measured "
                                   "throughput; the typical factor is e to the median error. Only the calibrated "
                                   "prediction reads measurements, so the other models' figures are the same under "
                                   "every scheme. A bound is exceeded by no sound measurement; a prediction is good "
                                   "when its errors are small. Every scheme and platform: "
                                   "[model_error.csv](data/model_error.csv), every prediction: "
                                   "[model_validation.csv](data/model_validation.csv)."))
    per_platform = err[(err["platform"] != "") & (err["model"] == bounds.CALIBRATED)]
    if len(per_platform):
        labels = results.platforms.drop_duplicates("platform").set_index("platform")["platform_name"]
        rows = []
        for platform in sorted(set(per_platform["platform"]), key=lambda p: str(labels.get(p, p))):
            mine = per_platform[per_platform["platform"] == platform].set_index("scheme")
            cells = [f"{fmt(mine.at[s, 'median_abs_log_error'])} (x{fmt(math.exp(mine.at[s, 'median_abs_log_error']))})"
                     if s in mine.index else NA for s in SCHEME_ORDER]
            rows.append([str(labels.get(platform, platform)), str(int(mine["configurations"].max())), *cells])
        tables.append(Table("calibrated-platforms", "The calibrated prediction per platform",
                            ["Platform", "Configurations", *(f"Median, {s}" for s in SCHEME_ORDER)], rows,
                            per_platform.reset_index(drop=True),
                            caption_md="Median |ln(measured / predicted)| (typical factor) of each platform's measured "
                                       "configurations: where the figures of all platforms come from."))
    pairs = with_names(results.model_pairs, results)
    fit = figure(memo, "theory-model-fit", "Measured against predicted",
                 theory_charts.model_fit_chart, pairs, models, style, "model-fit",
                 caption_md="Each model's prediction of every measured configuration, the calibrated one with the "
                            "network held out of its platform's calibration (leave-one-network-out).")
    prose_md = "\n\n".join(part for part in (prose["theory-model-error"], error_summary_md(err),
                                              sample_md(results.model_pairs, results), bound_md(results)) if part)
    return [Section("model-error", "How good is the model", prose_md=prose_md, tables=tables, figures=[fit])]


def layers_section(results: Results, prose: Prose, memo: Memo | None = None) -> Section | None:
    """A chosen network's layers on a chosen platform's roofline (networks described by layers)."""
    if not len(results.layer_times):
        return None
    chart = figure(memo, "theory-layers", "Layers on a roofline", explore_charts.layer_roofline_chart,
                   results.layers, results.layer_times, results.platforms, results.variants, results.precisions,
                   "layer-rooflines",
                   caption_md="Every layer is the `per-layer` model's: its operations over the bytes it moves off "
                              "chip, and the performance it attains, the lower of the two roofs. Every layer's "
                              "operations, weights and activations: [layers.csv](data/layers.csv).")
    text = "\n\n".join((prose["theory-layers"], f"**Counting.** {layer_model.COUNTING_RULE}",
                         f"**The `{bounds.PER_LAYER}` model.** {bounds.ASSUMPTION_DOCS[bounds.PER_LAYER]}"))
    return Section("layers", "A network's layers on a platform", prose_md=text, figures=[chart])


def whatif_section(results: Results, prose: Prose, memo: Memo | None = None) -> Section:
    chart = figure(memo, "theory-what-if", "What if", explore_charts.whatif_chart, results.variants,
                   results.precisions, results.tasks, results.platforms, results.platform_fits, "what-if")
    return Section("what-if", "What if: change a platform", prose_md=prose["theory-what-if"], figures=[chart])


def networks_table(results: Results, intensities: pd.DataFrame) -> Table:
    precisions = list(results.precisions["precision"])
    tasks = {t.id: t.name for t in results.dataset.tasks}
    layered = bool(results.variants["from_layers"].any())
    noted = notes.network_notes(results)
    rows, groups = [], []
    for _, v in results.variants.iterrows():
        ints = intensities[(intensities["network"] == v["network"]) & (intensities["pruning_pct"] == v["pruning_pct"])]
        by_prec = ints.set_index("precision")["intensity_ops_per_byte"]
        mark = "*" if v["from_layers"] else ""
        rows.append([notes.marked(v["network_name"], v["network"] in noted), fmt_pct(v["pruning_pct"]),
                     fmt(v["ops_gop"], 6) + mark, fmt(v["weights_m"], 6) + mark]
                    + [fmt(by_prec.get(p, float("nan"))) for p in precisions])
        groups.append(tasks.get(v["task"], v["task"]))
    columns = ["Network", "Channels kept", "Operations (GOP/input)", "Weights (M)"] + [f"{p} intensity (ops/B)" for p in precisions]
    return Table("network-requirements", "Compute and memory requirements of the networks", columns, rows, intensities,
                 caption_md="Arithmetic intensity per precision, every input reading all weights from off-chip "
                            "memory (batch 1)." + (" * computed from the network's layers (operations = 2 x "
                                                    "multiply-accumulates)." if layered else "")
                            + notes.notes_md(noted, set(results.variants["network"])),
                 groups=groups)


def accuracy_table(results: Results) -> Table:
    acc = results.accuracy
    precisions = [p for p in results.precisions["precision"] if p in set(acc["precision"])]
    tasks = {t.id: t.name for t in results.dataset.tasks}
    noted = notes.network_notes(results)
    rows, groups = [], []
    for _, v in results.variants.iterrows():
        mine = acc[(acc["network"] == v["network"]) & (acc["pruning_pct"] == v["pruning_pct"])].set_index("precision")
        cells = []
        for p in precisions:
            if p in mine.index:
                top1, top5 = mine.loc[p, "top1_pct"], mine.loc[p, "top5_pct"]
                cells.append(f"{top1:g}" + (f" ({top5:g})" if not pd.isna(top5) else ""))
            else:
                cells.append(NA)
        rows.append([notes.marked(v["network_name"], v["network"] in noted), fmt_pct(v["pruning_pct"])] + cells)
        groups.append(tasks.get(v["task"], v["task"]))
    columns = ["Network", "Channels kept"] + [f"{p} top-1 (top-5) %" for p in precisions]
    return Table("accuracy", "Published accuracy", columns, rows, acc,
                 caption_md="Top-1 (top-5) accuracy in %; — where not measured."
                            + notes.notes_md(noted, set(results.variants["network"])), groups=groups)


def task_page(results: Results, config: SiteConfig, prose: Prose, style: Style, task_id: str,
              memo: Memo | None = None) -> Page:
    task = results.dataset.task(task_id)
    assert task is not None, task_id
    sections = [theory_section(results, config, prose, style, task_id, memo)]
    if (results.measurements["task"] == task_id).any():
        sections.append(experimental_section(results, config, prose, style, task_id, memo))
    else:
        sections.append(Section("experimental", "Experimental Data Analysis",
                                prose_md=f"No measurements of {md_escape(task.name)} are in the data set yet."))
    intro = prose.get(f"tasks/{task_id}") or DataText(task.description)
    title, nav_title = page_titles(task_id, results)
    return Page(slug=task_id, title=title, nav_title=nav_title, intro_md=intro, sections=sections)


def theory_section(results: Results, config: SiteConfig, prose: Prose, style: Style, task_id: str,
                   memo: Memo | None = None) -> Section:
    intensities = for_task(results.intensities, task_id)
    points = for_task(results.rooflines, task_id).drop(columns="task")
    roof = figure(memo, f"{task_id}-roofline", "Rooflines",
                  theory_charts.roofline_chart, points, intensities, style, "rooflines",
                  "Rooflines of every platform, with the networks' arithmetic intensity",
                  results.measured_precision(task_id), caption_md=INTENSITY_NOTE)
    rooflines = Section(f"{task_id}-rooflines", "Rooflines for All Hardware Platforms and CNNs",
                        prose_md=prose["task/rooflines"], figures=[roof])
    pred = with_names(for_task(results.predictions, task_id), results)
    models = [a for a in config.assumptions if a in set(pred["assumption"])]
    heatmap = figure(memo, f"{task_id}-prediction", "Performance prediction",
                     theory_charts.prediction_heatmap, pred, models, config.default_assumption, style, "predictions",
                     caption_md="The models are described on the [Theory](theory.html#roofline-model) page.")
    prediction = Section(f"{task_id}-prediction", "Performance Prediction", prose_md=prose["task/prediction"],
                         figures=[heatmap])
    return Section(f"{task_id}-theory", "Theoretical Analysis", prose_md=prose["task/theory"],
                   subsections=[rooflines, prediction])


def experimental_section(results: Results, config: SiteConfig, prose: Prose, style: Style, task_id: str,
                         memo: Memo | None = None) -> Section:
    task = results.dataset.task(task_id)
    assert task is not None, task_id
    batches = with_names(for_task(results.batches, task_id), results)
    subs = [
        overview_section(results, prose, task_id, task.name),
        line_plot_section(prose, style, task_id, batches, memo, for_task(results.inconsistent, task_id), results),
        boxplot_section(results, prose, style, task_id, memo),
    ]
    pareto = with_names(for_task(results.pareto, task_id), results)
    measured = pareto[pareto["kind"] == "measured"]
    if len(measured):
        subs.append(Section(f"{task_id}-pareto", "Pareto Graphs", prose_md=prose["task/pareto"],
                            figures=[figure(memo, f"{task_id}-pareto", "Accuracy against throughput",
                                            exp_charts.pareto_chart, measured, style, "pareto-measured")]))
    if len(pareto) and (pareto["kind"] == "predicted").any():
        subs.append(Section(f"{task_id}-pareto-overlap", "Theoretical Pareto and Measured Pareto Overlapped",
                            prose_md=prose["task/overlap"],
                            figures=[figure(memo, f"{task_id}-pareto-overlap", "Predicted and measured Pareto fronts",
                                            exp_charts.pareto_overlap_chart, pareto, style, "pareto-both")]))
    eff = with_names(for_task(results.efficiency, task_id), results)
    if len(eff):
        calibrated = results.predictions[results.predictions["assumption"] == bounds.CALIBRATED]
        eff = eff.merge(calibrated[CONFIG_KEY + ["fps"]].rename(columns={"fps": "calibrated_fps"}), on=CONFIG_KEY,
                        how="left")
        subs.append(Section(f"{task_id}-efficiency", "Efficiency Plot",
                            prose_md=prose["task/efficiency"] + "\n\n" + anomalies_md(eff),
                            figures=[figure(memo, f"{task_id}-efficiency", "Prediction, peak and measurement",
                                            exp_charts.efficiency_chart, eff, style, "efficiency",
                                            config.default_assumption)]))
    power = power_section(results, prose, style, task_id, task.name, batches, memo)
    if power is not None:
        subs.append(power)
    return Section(f"{task_id}-experimental", "Experimental Data Analysis",
                   prose_md=prose["task/experimental"], subsections=subs)


def overview_section(results: Results, prose: Prose, task_id: str, task_name: str) -> Section:
    table, marks = results.overviews[task_id]
    fixed = {"kind", "platform", "platform_name", "modes", "sweep"}
    networks = [c for c in table.columns if c not in fixed]
    has_modes = "modes" in table.columns and (table["modes"] != "").any()
    noted_networks = {name: ident for ident, (name, _note) in notes.network_notes(results).items()}
    noted_platforms = notes.platform_notes(results)
    columns = (["Platform"] + (["Modes"] if has_modes else []) + [notes.marked(n, n in noted_networks) for n in networks]
               + ["Batch / threads / streams"])
    rows = [
        [notes.marked(r["platform_name"], r["platform"] in noted_platforms)] + ([r["modes"] or NA] if has_modes else [])
        + [r[n] for n in networks] + [r["sweep"]]
        for _, r in table.iterrows()
    ]
    shown_notes = (notes.notes_md(noted_platforms, set(table["platform"]))
                   + notes.notes_md(notes.network_notes(results), {noted_networks[n] for n in networks
                                                                    if n in noted_networks}))
    tab = Table(f"{task_id}-overview", f"Measurements of {task_name}", columns, rows, table,
                caption_md="Each cell lists the precisions and pruning levels (percent of channels kept) "
                           "measured; na where the network was not measured on that platform."
                           + anomaly_legend(set(marks)) + shown_notes,
                groups=list(table["kind"]))
    return Section(f"{task_id}-overview", f"Overview of All Measurements for {task_name}",
                   prose_md=prose["task/overview"], tables=[tab])


def anomaly_legend(marks: set[str]) -> str:
    """The caption sentence for the anomaly marks that occur."""
    text = ""
    if overview_model.ABOVE_PEAK_MARK in marks:
        text += (f" {overview_model.ABOVE_PEAK_MARK} measured above the platform's compute peak: physically "
                 "impossible, so a measurement or specification to check.")
    if overview_model.ABOVE_BOUND_MARK in marks:
        text += f" {overview_model.ABOVE_BOUND_MARK} measured above the platform-aware roofline bound."
    return text


def anomalies_md(eff: pd.DataFrame) -> str:
    """Generated prose naming the configurations measured above their peak or bound."""
    peak = eff[eff["above_peak"].fillna(False).astype(bool)]
    bound = eff[eff["above_bound"].fillna(False).astype(bool) & ~eff["above_peak"].fillna(False).astype(bool)]
    if not len(peak) and not len(bound):
        return ("Every configuration is measured at or below its platform-aware bound and its compute peak, as a "
                "bound requires.")
    parts = []
    if len(peak):
        names = "; ".join(f"{md_escape(r.platform_label)} {md_escape(r.precision)} {md_escape(r.network_name)} "
                          f"{fmt_pct(r.pruning_pct)} ({fmt(r.measured_fps)} inputs/s, peak {fmt(r.peak_fps)})"
                          for r in tuples(sort_anomalies(peak)))
        parts.append(f"**{len(peak)} configuration{'s are' if len(peak) != 1 else ' is'} measured above the "
                     f"compute peak** of {'their platforms' if len(peak) != 1 else 'its platform'}, which is "
                     f"physically impossible: the run or the specification needs checking. {names}.")
    if len(bound):
        names = "; ".join(f"{md_escape(r.platform_label)} {md_escape(r.precision)} {md_escape(r.network_name)} "
                          f"{fmt_pct(r.pruning_pct)}" for r in tuples(sort_anomalies(bound)))
        parts.append(f"{len(bound)} configuration{'s are' if len(bound) != 1 else ' is'} measured above the "
                     f"platform-aware bound but below the peak: the bound's memory traffic is too high for them. "
                     f"{names}.")
    return "\n\n".join(parts)


def sort_anomalies(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["platform_label", "precision", "network_name", "pruning_pct"],
                             ascending=[True, True, True, False], kind="mergesort")


def line_plot_section(prose: Prose, style: Style, task_id: str, batches: pd.DataFrame,
                      memo: Memo | None = None, flagged: pd.DataFrame | None = None, results: Results | None = None
                      ) -> Section:
    drawn = batches.dropna(subset=["fps_comp", "lat_comp_ms"])
    timing = batches.drop(columns=["power_full_w", "power_idle_w", "energy_mj", "energy_above_idle_mj", "fps_per_w"],
                          errors="ignore")  # what the chart draws, no more
    figs = [figure(memo, f"{task_id}-latency-throughput", "Latency against throughput",
                   exp_charts.latency_throughput_chart, timing, style, "latency")] if len(drawn) else []
    text = prose["task/line-plot"]
    if flagged is not None and results is not None and len(flagged):
        text += "\n\n" + inconsistent_md(with_names(flagged, results))
    return Section(f"{task_id}-line-plot", "Line Plot", prose_md=text, figures=figs)


def inconsistent_md(flagged: pd.DataFrame) -> str:
    """The runs whose latency and throughput disagree, per configuration, with the notes that
    acknowledge them (the data check warns about the others)."""
    lines = []
    for key, runs in flagged.groupby(["platform_label", "precision", "network_name", "pruning_pct", "note"], sort=True):
        label, precision, network, pruning, note = (str(k) for k in cast(tuple, key))
        batches = ", ".join(str(b) for b in sorted(set(runs["batch"])))
        ratios = f"{fmt(runs['ratio'].min())}–{fmt(runs['ratio'].max())}" if len(runs) > 1 else fmt(runs["ratio"].iloc[0])
        why = f": *{md_escape(note)}*" if note else " (no note: the data check warns about it)"
        lines.append(f"- {md_escape(label)} {md_escape(precision)} {md_escape(network)} {fmt_pct(float(pruning))}, "
                     f"batch {batches}: ratio {ratios}{why}")
    many = len(flagged) != 1
    return (f"**{len(flagged)} run{'s' if many else ''} of this task report{'' if many else 's'} a throughput that "
            f"disagrees with {'their' if many else 'its'} batch / latency** by more than the data check allows (the "
            "ratio lat_comp_ms x fps_comp / 1000 / batch, which is 1 when they agree); the charts use the throughput "
            "as measured.\n\n" + "\n".join(lines))


def boxplot_section(results: Results, prose: Prose, style: Style, task_id: str, memo: Memo | None = None) -> Section:
    figs = []
    for column, title, unit in BOX_METRICS:
        boxes, outliers = results.boxes[column]
        boxes, outliers = for_task(boxes, task_id), for_task(outliers, task_id)
        if not len(boxes):
            continue
        drawn = with_names(pd.concat([boxes.assign(part="box"), outliers.assign(part="outlier")], ignore_index=True),
                           results)
        figs.append(figure(memo, f"{task_id}-box-{column}", f"{title} per configuration",
                           exp_charts.boxplot_chart, drawn, style, f"box-{column}", title, unit))
    text = prose["task/boxplots"] + "\n\n" + stats.WHISKER_RULE
    return Section(f"{task_id}-boxplots", "Boxplots", prose_md=text, figures=figs)


def power_section(results: Results, prose: Prose, style: Style, task_id: str, task_name: str,
                  batches: pd.DataFrame, memo: Memo | None = None) -> Section | None:
    summary = with_names(for_task(results.power_summary, task_id), results)
    figs = []
    if len(summary) and summary["power_full_w_mean"].notna().any():
        figs.append(figure(memo, f"{task_id}-power", "Full power", power_charts.power_chart, summary, style, "power"))
    if (batches["energy_mj"] > 0).any():
        energy = batches.drop(columns=["lat_comp_ms"])  # what the charts draw, no more
        figs.append(figure(memo, f"{task_id}-energy", "Energy per inference",
                           power_charts.energy_chart, energy, style, "energy"))
        if (batches["energy_above_idle_mj"] > 0).any():
            figs.append(figure(memo, f"{task_id}-energy-above-idle", "Energy per inference above idle",
                               power_charts.energy_above_idle_chart, energy, style, "energy"))
        figs.append(figure(memo, f"{task_id}-fps-per-watt", "Inputs/s per watt",
                           power_charts.fps_per_watt_chart, energy, style, "energy"))
    trace = trace_figure(results, style, task_id, memo)
    if not figs and trace is None:
        return None
    text = "\n\n".join((prose["task/power"], power_model.ENERGY_RULE, power_scopes_md(results, summary)))
    if trace is not None:
        text += "\n\n" + power_model.GLITCH_RULE
        figs.append(trace)
    return Section(f"{task_id}-power", f"{task_name} Power Measurements", prose_md=text, figures=figs)


def power_scopes_md(results: Results, summary: pd.DataFrame) -> str:
    """What the power readings of this page's platforms cover, from ``power_scope``."""
    scopes = results.platforms.drop_duplicates("platform").set_index("platform")["power_scope"]
    names = results.platforms.drop_duplicates("platform").set_index("platform")["platform_name"]
    words = {"board": "the whole board", "module": "a module or stick (the accelerator with its memory)",
             "chip": "the accelerator chip's supply alone", "": "an unknown scope"}
    groups: dict[str, list[str]] = {}
    for platform in sorted(set(summary["platform"].astype(str)), key=lambda p: str(names.get(p, p))):
        groups.setdefault(str(scopes.get(platform, "") or ""), []).append(md_escape(str(names.get(platform, platform))))
    if not groups:
        return ""
    parts = [f"{words.get(scope, scope)}: {', '.join(platforms)}" for scope, platforms in
             sorted(groups.items(), key=lambda kv: list(words).index(kv[0]) if kv[0] in words else len(words))]
    return "**What the power readings cover.** " + "; ".join(parts) + "."


def trace_figure(results: Results, style: Style, task_id: str, memo: Memo | None = None) -> Figure | None:
    """Power over time of every platform whose traces run networks of this task (and their idle traces)."""
    task_networks = set(results.variants.loc[results.variants["task"] == task_id, "network"])
    samples = results.trace_samples
    platforms = set(samples.loc[samples["network"].isin(task_networks), "platform"])
    mine = samples[samples["platform"].isin(platforms)
                   & (samples["network"].isin(task_networks) | (samples["network"] == ""))]
    if not (mine["sample"] == "kept").any():
        return None
    return figure(memo, f"{task_id}-traces", "Power over time", power_charts.power_trace_chart,
                  with_names(mine, results), style, "traces",
                  caption_md="The chart draws the lowest and highest sample of each time slice of a long trace; "
                   "[traces.csv](data/traces.csv) holds every sample.")
