"""The QuTiBench importer: the public QuTiBench files -> this project's ``data/`` schema.

QuTiBench publishes spreadsheets with quirks (modes inside platform names, rounded operation
counts, thousands separators, placeholder rows). This wing turns them into the plain,
validated layout of ``data/`` once, so the rest of the generator never sees them. What the
files do not say (ids, aliases, vendors, kinds, tasks, precise operation counts, networks
missing from the tables) comes from the hints (``hints.yaml``): data, not code.

``python -m generator import-qutibench SRC [--out DIR] [--hints FILE] [--dry-run] [--force]``.

The wing reads through the input wing (``generator.inputs``: the problem collector, the CSV
and YAML readers, the dataset checks) and writes CSV through the output wing's table writer
(``generator.output.tables``), in the columns of ``generator.records``. Only the command
line imports it. Modules, in the order data flows:

* ``sources``: file names, rows and cells of the QuTiBench files;
* ``names``: names -> ids, and the hints, read and checked;
* ``specs``: platforms, peaks, networks, accuracy -> specification records;
* ``runs``: measurement rows and power traces -> runs and samples;
* ``files``: the text of each file (YAML for people, CSV through the table writer);
* ``convert``: one import, in memory;
* ``write``: compare with ``--out``, check the result as a data set, then replace;
* ``report``: what an import read, dropped, checked and wrote.
"""

from __future__ import annotations

from generator.qutibench.report import ImportReport
from generator.qutibench.write import import_qutibench

__all__ = ["ImportReport", "import_qutibench"]
