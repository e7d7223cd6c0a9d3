"""The home page: facts about the data set and two tables, no charts."""

from __future__ import annotations

import pandas as pd

from generator.analysis import Results
from generator.citation import Citation
from generator.records import kind_order
from generator.inputs.config import SiteConfig
from generator.inputs.prose import Prose
from generator.output.render import md_escape
from generator.site import notes
from generator.formatting import NA, fmt
from generator.site.nav import CONTRIBUTING, HOME_TITLES
from generator.site.structure import Page, Section, Table


def home_page(results: Results, prose: Prose, config: SiteConfig | None = None) -> Page:
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
    sections = [overview]
    noted = notes_section(results)
    if noted is not None:
        sections.append(noted)
    sections.append(cite_section(results, config or SiteConfig(), bool(prose.get(CONTRIBUTING))))
    title, nav_title = HOME_TITLES
    return Page(slug="index", title=title, nav_title=nav_title, intro_md=prose["index"], sections=sections)


def notes_section(results: Results) -> Section | None:
    """Every note attached to the data, named by platform or network (None without any)."""
    lines = [f"- **{md_escape(name)}** (platform): {md_escape(note)}"
             for name, note in notes.platform_notes(results).values()]
    lines += [f"- **{md_escape(name)}** (network): {md_escape(note)}" for name, note in notes.network_notes(results).values()]
    if not lines:
        return None
    return Section("notes", "Notes on the data",
                   prose_md=f"What readers of these numbers should know; {notes.MARK} marks these platforms and "
                            "networks in the tables and charts.\n\n" + "\n".join(lines))


def cite_section(results: Results, config: SiteConfig, contributing: bool = False) -> Section:
    """How to cite the site (its version and the date of its data) and the sources of its runs."""
    cite = Citation(config.title, config.version, config.data_date, config.authors, config.url)
    sources = results.measurements["source"].astype(str).value_counts()
    counted = sorted(((int(n), str(s)) for s, n in sources.items()), key=lambda item: (-item[0], item[1]))
    named = [f"- {md_escape(s) if s else 'not given'}: {n:,} run{'s' if n != 1 else ''}" for n, s in counted]
    facts = [("Version", cite.version or NA), ("Data of", cite.date or NA)]
    prose_md = (
        "Please cite this site as:\n\n> " + md_escape(cite.line()) + "\n\nor, in BibTeX:\n\n```bibtex\n"
        + cite.bibtex() + "\n```\n\nand cite the sources of the measurements you use: each run names its "
        "source (the `source` column of [measurements.csv](data/measurements.csv)).\n\n" + "\n".join(named)
    )
    if contributing:
        prose_md += "\n\nTo add measurements of your own, see [Contributing](contributing.html)."
    return Section("cite", "How to cite", prose_md=prose_md, facts=facts)


def platforms_table(results: Results) -> Table:
    """Platform specifications: one row per platform mode, one peak column per precision."""
    plat = results.platforms
    precisions = [p for p in results.precisions["precision"] if p in set(plat["precision"])]
    rows, groups = [], []
    modes = plat.drop_duplicates(["platform", "mode"])
    modes = modes.assign(_k=modes["kind"].map(kind_order)).sort_values(["_k", "platform_name", "mode"], kind="mergesort")
    noted = notes.platform_notes(results)
    for _, m in modes.iterrows():
        peaks = plat[(plat["platform"] == m["platform"]) & (plat["mode"] == m["mode"])].set_index("precision")["peak_tops"]
        rows.append(
            [notes.marked(m["platform_name"], m["platform"] in noted), m["mode"] or NA, m["vendor"]]
            + [fmt(peaks[p]) if p in peaks.index else NA for p in precisions]
            + [fmt(m["bandwidth_gbps"]), fmt(m["host_link_gbps"]), fmt(m["onchip_mb"]), fmt(m["memory_gb"]),
               str(m["sweep"]), fmt(m["power_w"]), str(m["power_scope"]) or NA]
        )
        groups.append(m["kind"])
    columns = ["Platform", "Mode", "Vendor"] + [f"{p} peak (TOP/s)" for p in precisions] + [
        "Bandwidth (GB/s)", "Host link (GB/s)", "On-chip (MB)", "Memory (GB)", "Runs sweep", "Power (W)",
        "Power readings of"]
    records = plat[["kind", "platform", "platform_name", "vendor", "mode", "precision", "peak_tops",
                    "bandwidth_gbps", "host_link_gbps", "onchip_mb", "memory_gb", "sweep", "power_w", "power_scope"]]
    return Table("platform-specs", "Hardware platforms and their roofline parameters", columns, rows, records,
                 caption_md="Peak performance per precision (— where the precision is not supported), "
                            "off-chip memory bandwidth, the link to the host's memory where the platform reads its "
                            "memory through one, on-chip memory for weights and activations, memory capacity, what "
                            "the batch of its runs counts (a batch shares each weight read, threads and streams do "
                            "not), nominal power and what its power readings cover (— where unknown)." + notes.notes_md(noted),
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
