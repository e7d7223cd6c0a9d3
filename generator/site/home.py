"""The home page: facts about the data set and two tables, no charts."""

from __future__ import annotations

import pandas as pd

from generator.analysis import Results
from generator.frames import kind_order
from generator.inputs.prose import Prose
from generator.site.format import NA, fmt
from generator.site.nav import HOME_TITLES
from generator.site.structure import Page, Section, Table


def home_page(results: Results, prose: Prose) -> Page:
    ds = results.dataset
    facts = [
        ("Platforms", str(len(ds.platforms))),
        ("Operating modes", str(sum(len(p.modes) for p in ds.platforms))),
        ("Network variants", str(len(results.variants))),
        ("Measured experiments", f"{len(results.measurements):,}"),
        ("Precisions", str(len(ds.precisions))),
        ("Tasks", str(len(ds.tasks))),
    ]
    overview = Section("at-a-glance", "At a glance", facts=facts, tables=[platforms_table(results), tasks_table(results)])
    title, nav_title = HOME_TITLES
    return Page(slug="index", title=title, nav_title=nav_title, intro_md=prose["index"], sections=[overview])


def platforms_table(results: Results) -> Table:
    """Platform specifications: one row per platform mode, one peak column per precision."""
    plat = results.platforms
    precisions = [p for p in results.precisions["precision"] if p in set(plat["precision"])]
    rows, groups = [], []
    modes = plat.drop_duplicates(["platform", "mode"])
    modes = modes.assign(_k=modes["kind"].map(kind_order)).sort_values(["_k", "platform_name", "mode"], kind="mergesort")
    for _, m in modes.iterrows():
        peaks = plat[(plat["platform"] == m["platform"]) & (plat["mode"] == m["mode"])].set_index("precision")["peak_tops"]
        rows.append(
            [m["platform_name"], m["mode"] or NA, m["vendor"]]
            + [fmt(peaks[p]) if p in peaks.index else NA for p in precisions]
            + [fmt(m["bandwidth_gbps"]), fmt(m["onchip_mb"]), fmt(m["memory_gb"]), fmt(m["power_w"])]
        )
        groups.append(m["kind"])
    columns = ["Platform", "Mode", "Vendor"] + [f"{p} peak (TOP/s)" for p in precisions] + [
        "Bandwidth (GB/s)", "On-chip (MB)", "Memory (GB)", "Power (W)"]
    records = plat[["kind", "platform", "platform_name", "vendor", "mode", "precision", "peak_tops",
                    "bandwidth_gbps", "onchip_mb", "memory_gb", "power_w"]]
    return Table("platform-specs", "Hardware platforms and their roofline parameters", columns, rows, records,
                 caption_md="Peak performance per precision (— where the precision is not supported), "
                            "off-chip memory bandwidth, on-chip memory for weights, memory capacity and nominal "
                            "power (— where unknown).",
                 groups=groups)


def tasks_table(results: Results) -> Table:
    """One row per task, linked to its page when it has one (a task with networks)."""
    rows, records, links = [], [], []
    task_pages = set(results.variants["task"])
    for task in results.dataset.tasks:
        links.append(f"{task.id}.html" if task.id in task_pages else None)
        nets = results.variants[results.variants["task"] == task.id]
        meas = results.measurements[results.measurements["task"] == task.id]
        rows.append([task.name, str(nets["network"].nunique()), str(len(nets)), f"{len(meas):,}",
                     str(meas["platform"].nunique())])
        records.append((task.id, task.name, nets["network"].nunique(), len(nets), len(meas), meas["platform"].nunique()))
    data = pd.DataFrame(records, columns=["task", "task_name", "networks", "variants", "measurements", "platforms_measured"])
    return Table("tasks", "Tasks", ["Task", "Networks", "Variants", "Measurements", "Platforms measured"], rows, data,
                 links=links)
