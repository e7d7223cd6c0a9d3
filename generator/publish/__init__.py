"""Publishing and review: ``diff`` (what a change does to the generated data tables).

Kept apart from the build pipeline on purpose: each module reaches the pipeline through one
small function (``diff.write_data_tables``) so that it can be re-pointed when the build
changes.
"""
