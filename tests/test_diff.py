"""``python -m generator diff``: the review report of what a change does to the data tables."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from generator.publish.report import REPORT_LIMIT, Comparison, render_report, unified_diff
from generator.formatting import fmt_shown
from generator.publish.tablediff import ADDED, CHANGED, REMOVED, diff_tables, escape, markdown_rows, shown_pair
from generator.output.tables import to_csv_text
from tests.helpers import FIXTURES, REPO


def _env(home: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": str(REPO),
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }


def make_repo(tmp_path: Path, data: Path = REPO / "data") -> tuple[Path, dict[str, str]]:
    """A throw-away git repository holding a copy of ``data`` (the project's), committed on main."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copytree(data, root / "data")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "site_src", root / "site_src")
    shutil.copyfile(REPO / "site.yml", root / "site.yml")
    env = _env(tmp_path)
    git(root, env, "init", "-q", "-b", "main")
    git(root, env, "add", "-A")
    git(root, env, "commit", "-qm", "base")
    return root, env


def git(root: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def worktrees(root: Path, env: dict[str, str]) -> list[str]:
    return [line for line in git(root, env, "worktree", "list", "--porcelain").splitlines() if line.startswith("worktree ")]


def run_diff(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "diff", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


def set_cell(path: Path, line: int, column: str, value: str) -> dict[str, str]:
    """Set one cell of a data CSV (line 1 = first data row); returns that row before the change."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header, row = lines[0].split(","), lines[line].split(",")
    before = dict(zip(header, row))
    row[header.index(column)] = value
    lines[line] = ",".join(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return before


@pytest.fixture(scope="module")
def changed_fps(tmp_path_factory):
    """One fps_comp changed in the working tree; the diff run once against main."""
    tmp = tmp_path_factory.mktemp("diff")
    root, env = make_repo(tmp)
    first = sorted((root / "data" / "measurements").glob("*.csv"))[0]
    before = set_cell(first, 1, "fps_comp", "123456.5")
    result = run_diff(root, env, "main", "--out", str(tmp / "report.md"), "--full", str(tmp / "full.diff"))
    return root, env, before, result, tmp


def test_report_names_the_changed_run_with_both_values(changed_fps):
    root, env, before, result, tmp = changed_fps
    assert result.returncode == 0, result.stderr
    report = (tmp / "report.md").read_text(encoding="utf-8")
    assert "- **Runs**: 1 changed\n" in report
    section = report.split("#### measurements.csv: 1 changed")[1].split("####")[0]
    (run_row,) = [line for line in section.splitlines() if line.startswith("| changed")]
    for column in ("task", "platform", "precision", "network"):
        assert f" {escape(before[column])} |" in run_row
    assert f"fps\\_comp: {fmt_shown(before['fps_comp'])} → 123456 (+" in run_row  # 4 significant digits


def test_report_summarises_what_follows_from_the_change_and_lists_only_the_changed_input(changed_fps):
    _root, _env_, before, _result, tmp = changed_fps
    report = (tmp / "report.md").read_text(encoding="utf-8")
    # measured fps moves the run onto its Pareto front and the model error of its task
    assert "- **Pareto fronts**: 1 configuration entered a front, 0 left one" in report
    assert f"  - entered: {before['task']} · measured · {before['platform']}" in report
    model_error = report.split("- **Model error**, where it moved (before → after):")[1].split("\n- ")[0]
    rows = [line for line in model_error.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows and all("→" in line for line in rows)  # only the rows that moved
    assert any(line.startswith(f"| {before['task']} | calibrated |") for line in rows)
    assert not any(line.startswith("| mnist |") for line in rows)  # another task's error did not move
    # the computed tables are counted, not listed; the only table listed is the one edited
    computed = report.split("- **Computed tables that follow**: ")[1].splitlines()[0]
    for table in ("efficiency.csv", "pareto.csv", "power.csv", "predictions.csv"):
        assert escape(table) in computed
    assert [line for line in report.splitlines() if line.startswith("#### ")] == ["#### measurements.csv: 1 changed"]
    assert len(report.encode("utf-8")) < 3_000  # the calibrated prediction's rows, one per scheme


def test_the_full_diff_has_the_computed_rows_at_full_precision(changed_fps):
    _root, _env_, before, _result, tmp = changed_fps
    full = (tmp / "full.diff").read_text(encoding="utf-8")
    predictions = full.split("--- a/data/predictions.csv")[1].split("--- a/data/")[0]
    plus = [line[1:] for line in predictions.splitlines() if line.startswith("+") and not line.startswith("+++")]
    # Only the calibrated predictions depend on measurements, and a configuration's own run never
    # moves its own prediction: the other configurations of that platform change, it does not.
    assert plus and all(",calibrated," in line for line in plus)
    own = ",".join(before[c] for c in ("task", "platform", "mode", "precision", "network", "pruning_pct"))
    assert not any(line.startswith(own + ",calibrated,") for line in plus)
    assert any(line.startswith(f"{before['task']},{before['platform']},") for line in plus)
    assert any("123456.5" in line for line in full.split("--- a/data/efficiency.csv")[1].splitlines())


def test_full_diff_holds_every_changed_line(changed_fps):
    _root, _env_, before, _result, tmp = changed_fps
    full = (tmp / "full.diff").read_text(encoding="utf-8")
    assert "--- a/data/measurements.csv\n+++ b/data/measurements.csv\n" in full
    plus = [line for line in full.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("123456.5" in line for line in plus)
    assert {"a/data/efficiency.csv", "a/data/pareto.csv", "a/data/power.csv"} <= {
        line.split()[1] for line in full.splitlines() if line.startswith("--- ")
    }


def test_no_worktree_is_left_behind(changed_fps):
    root, env, _before, _result, _tmp = changed_fps
    assert worktrees(root, env) == [f"worktree {root}"]
    assert not (root / ".git" / "worktrees").exists() or not any((root / ".git" / "worktrees").iterdir())


def test_invalid_base_data_is_reported_per_problem_and_the_worktree_removed(tmp_path):
    root, env = make_repo(tmp_path)
    tx2 = root / "data" / "measurements" / "tx2.csv"
    good = tx2.read_text(encoding="utf-8")
    set_cell(tx2, 1, "fps_comp", "fast")
    git(root, env, "commit", "-qam", "broken base")
    tx2.write_text(good, encoding="utf-8")  # the working tree fixes it
    result = run_diff(root, env, "main", "--out", str(tmp_path / "report.md"))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert errors[0].startswith("error: main: data/measurements/tx2.csv, line 2, field 'fps_comp'")
    assert "Traceback" not in result.stderr
    assert str(tmp_path) not in result.stderr  # paths as in the repository, not the temporary checkout
    assert "data/measurements/tx2.csv" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert worktrees(root, env) == [f"worktree {root}"]


def test_a_bad_ref_is_one_line_with_status_2(tmp_path):
    root, env = make_repo(tmp_path)
    result = run_diff(root, env, "no-such-branch")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: 'no-such-branch' is not a commit in this repository "
        "(a branch, tag or commit; fetch it first, e.g. git fetch origin main)"
    ]
    assert worktrees(root, env) == [f"worktree {root}"]


def test_ctrl_c_while_building_removes_the_worktree(tmp_path):
    root, env = make_repo(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "generator", "diff", "main", "--out", str(tmp_path / "r.md")],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(worktrees(root, env)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the diff ended before the worktree was seen"
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert worktrees(root, env) == [f"worktree {root}"]


# --- the table differ, on tiny frames ------------------------------------------------------

KEY = ["net", "batch"]


def csv_of(rows: list[dict]) -> str:
    return to_csv_text(pd.DataFrame(rows, columns=["net", "batch", "fps", "note"]), KEY)


OLD = csv_of([
    {"net": "a", "batch": 1, "fps": 100.0, "note": "x"},
    {"net": "b", "batch": 1, "fps": 50.0, "note": "y"},
    {"net": "c", "batch": 1, "fps": 10.0, "note": "z"},
])
NEW = csv_of([
    {"net": "a", "batch": 1, "fps": 125.0, "note": "x"},  # changed
    {"net": "c", "batch": 1, "fps": 10.0, "note": "z"},  # same
    {"net": "d", "batch": 8, "fps": 7.0, "note": "new|one"},  # added; "b" removed
])


def test_differ_finds_changed_added_and_removed_rows_by_key():
    diff = diff_tables("t.csv", OLD, NEW, KEY)
    assert [(r.status, r.key) for r in diff.rows] == [
        (CHANGED, ("a", "1")), (ADDED, ("d", "8")), (REMOVED, ("b", "1"))
    ]
    (change,) = diff.rows[0].changes
    assert (change.column, change.old, change.new, change.relative()) == ("fps", "100", "125", "+25.0%")
    text = markdown_rows(diff, cap=10)
    assert "| changed | a | 1 | fps: 100 → 125 (+25.0%) |" in text
    assert "| added | d | 8 | fps: 7, note: new\\|one |" in text
    assert "| removed | b | 1 | fps: 50, note: y |" in text


def test_differ_caps_the_rows_and_says_how_many_more():
    diff = diff_tables("t.csv", OLD, NEW, KEY)
    text = markdown_rows(diff, cap=1)
    assert text.count("\n| ") == 2  # header separator + one row
    assert "| changed | a | 1 |" in text
    assert "…and 2 more rows" in text


def test_unchanged_table_says_no_changes():
    diff = diff_tables("t.csv", OLD, OLD, KEY)
    assert diff.unchanged and markdown_rows(diff, cap=5) == "No changes.\n"


def test_escaping_keeps_data_from_breaking_the_table_or_injecting_markup():
    hostile = "a|b\n`c` <img src=x> @octocat [x](y) *z*"
    cell = escape(hostile)
    assert "|" not in cell.replace("\\|", "")
    assert "\n" not in cell and "<" not in cell and "`" not in cell.replace("\\`", "")
    assert "@octocat" not in cell  # no mention
    rows = [{"net": hostile, "batch": 1, "fps": 1.0, "note": ""}]
    text = markdown_rows(diff_tables("t.csv", None, csv_of(rows), KEY), cap=5)
    row_line = text.splitlines()[-1]
    # a table row with 4 cells: row, net, batch, values -> 5 unescaped pipes
    assert len(row_line.replace("\\|", "").split("|")) == 6


def test_report_shrinks_the_caps_to_fit_a_comment_and_says_so():
    rows_old = [{"net": f"n{i:05d}", "batch": 1, "fps": float(i + 1), "note": "old " * 50} for i in range(300)]
    rows_new = [{**r, "fps": r["fps"] * 2, "note": "new " * 50} for r in rows_old]
    names = [f"t{i}.csv" for i in range(5)]
    comparison = Comparison("main (abc)", "working tree", {n: csv_of(rows_old) for n in names},
                            {n: csv_of(rows_new) for n in names}, {n: KEY for n in names})
    assert len(render_report(comparison, cap=50).encode("utf-8")) > REPORT_LIMIT
    report = render_report(comparison)
    assert len(report.encode("utf-8")) <= REPORT_LIMIT
    assert "at most 20 rows per table (and per list) are shown instead of 50" in report
    assert report.count("…and 280 more rows (see the full diff).") == 5
    assert unified_diff(comparison).count("\n+n") == 5 * 300


def test_model_error_before_and_after_shows_only_what_moved():
    header = "task,model,configurations,median_abs_log_error,p90_abs_log_error,above_bound_pct\n"
    me_old = header + "imagenet,roofline,10,0.5,1.2,3\nmnist,roofline,5,0.25,0.5,0\n"
    me_new = header + "imagenet,roofline,11,0.4,1.2,3\nmnist,roofline,5,0.25,0.5,0\n"
    both = Comparison("main", "working tree", {"model_error.csv": me_old}, {"model_error.csv": me_new}, {})
    report = render_report(both)
    assert "- **Model error**, where it moved (before → after):" in report
    assert "| task | model | configurations | median \\|log error\\| |" in report  # the columns that moved
    assert "| imagenet | roofline | 10 → 11 (+10.0%) | 0.5 → 0.4 (-20.0%) |" in report
    assert "mnist" not in report and "p90" not in report
    added = render_report(Comparison("main", "working tree", {}, {"model_error.csv": me_new}, {}))
    assert "| imagenet | roofline | – → 11 | – → 0.4 | – → 1.2 | – → 3 |" in added
    without = render_report(Comparison("main", "working tree", {"a.csv": OLD}, {"a.csv": NEW}, {"a.csv": KEY}))
    assert "Model error" not in without


def test_values_show_four_significant_digits_and_more_only_where_needed():
    assert fmt_shown("9.16030534") == "9.160" and fmt_shown("0.342298072") == "0.3423"
    assert fmt_shown("4.2") == "4.2" and fmt_shown("1000") == "1000" and fmt_shown("123456.7") == "123457"
    assert shown_pair("9.16030534", "9.09090909") == ("9.160", "9.091")
    assert shown_pair("3.02717173", "3.02701") == ("3.0272", "3.0270")  # 4 digits would show no change
    diff = diff_tables("t.csv", csv_of([{"net": "a", "batch": 1, "fps": 9.16030534, "note": ""}]),
                       csv_of([{"net": "a", "batch": 1, "fps": 9.09090909, "note": ""}]), KEY)
    assert "| changed | a | 1 | fps: 9.160 → 9.091 (-0.76%) |" in markdown_rows(diff, cap=5)


def test_a_change_to_the_settings_alone_lists_the_computed_rows():
    pred_old = "task,assumption,fps\nimagenet,a,10\n"
    pred_new = "task,assumption,fps\nimagenet,a,12\n"
    report = render_report(Comparison("main", "working tree", {"predictions.csv": pred_old},
                                      {"predictions.csv": pred_new}, {"predictions.csv": ["task", "assumption"]}))
    assert "#### predictions.csv: 1 changed" in report and "| changed | imagenet | a | fps: 10 → 12 (+20.0%) |" in report


# --- the report of small changes, --exit-code, and the README's example --------------------

def readme_example() -> str:
    """The report quoted in the README's "Review a pull request's data" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Review a pull request's data.**", 1)[1]
    return re.findall(r"```markdown\n(.*?)```", section, flags=re.S)[0]


def same_but_commit(report: str) -> str:
    return re.sub(r"\(([0-9a-f]{7})\)", "(abc1234)", report, count=1)


@pytest.fixture(scope="module")
def one_value(tmp_path_factory):
    """The README's example: the throughput of one ncs2 run corrected (17.756 -> 17.9)."""
    tmp = tmp_path_factory.mktemp("one-value")
    root, env = make_repo(tmp)
    before = set_cell(root / "data" / "measurements" / "ncs2.csv", 1, "fps_comp", "17.9")
    assert before["fps_comp"] == "17.756" and before["batch"] == "1"
    return root, env, run_diff(root, env, "main")


def test_a_one_value_change_reads_in_a_few_lines(one_value):
    _root, _env, result = one_value
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert len(report.splitlines()) <= 12 and len(report.encode("utf-8")) < 1_200
    assert "- **Runs**: 1 changed\n" in report
    assert "| changed | imagenet | ncs2 |   | FP16 | resnet-50 | 100 | 1 | 1 | fps\\_comp: 17.76 → 17.9 (+0.81%) |" in report
    # energy per inference moved; the run calibrates its platform's other configurations (every batch
    # counts), so their calibrated predictions moved a little, and the model error by less than it shows
    assert "power.csv (1 row)" in report and "predictions.csv (" in report and "model\\_error.csv (" in report
    assert "Model error**" not in report and "Pareto" not in report  # neither moved enough to list


def test_the_readme_shows_the_report_of_that_change_as_diff_prints_it(one_value):
    _root, _env, result = one_value
    assert same_but_commit(readme_example()) == same_but_commit(result.stdout), (
        "README.md's example report is out of date; paste this in its place:\n" + result.stdout)


def test_a_new_platform_is_named_in_the_summary_and_its_rows_listed(tmp_path):
    root, env = make_repo(tmp_path)
    with (root / "data" / "platforms.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n  - id: my-board\n    name: My Board NPU\n    vendor: Acme\n    kind: TPU\n    modes:\n"
                 "      - peak_tops: {INT8: 8.0}\n        bandwidth_gbps: 34.1\n        power_w: 10\n")
    (root / "data" / "measurements" / "my-board.csv").write_text(
        "task,platform,mode,precision,network,pruning_pct,batch,lat_comp_ms,fps_comp,top1_pct,source\n"
        "imagenet,my-board,,INT8,resnet-50,100,1,4.2,238.1,73.1,Acme lab\n", encoding="utf-8")
    result = run_diff(root, env, "main", "--exit-code")
    assert result.returncode == 1, result.stderr
    report = result.stdout
    assert "- **Platforms**: added My Board NPU (my-board)\n" in report
    assert "- **Runs**: 1 added\n" in report
    platforms = report.split("#### platforms.csv: 1 added")[1].split("####")[0]
    assert "| added | my-board |   | INT8 | platform\\_name: My Board NPU, vendor: Acme, kind: TPU, peak\\_tops: 8" \
        in platforms
    assert "source: Acme lab" in report.split("#### measurements.csv: 1 added")[1]
    assert "#### predictions.csv" not in report and "predictions.csv (" in report  # counted, not listed
    assert len(report.encode("utf-8")) < 6_000


def test_exit_code_is_0_unchanged_1_changed_and_4_when_the_data_cannot_be_compared(tmp_path):
    root, env = make_repo(tmp_path)
    same = run_diff(root, env, "main", "--exit-code")
    assert same.returncode == 0, same.stderr
    assert "No change in the generated data tables." in same.stdout
    set_cell(root / "data" / "measurements" / "ncs2.csv", 1, "fps_comp", "17.9")
    assert run_diff(root, env, "main", "--exit-code", "-q").returncode == 1
    assert run_diff(root, env, "main").returncode == 0  # without --exit-code: 0 with any report
    set_cell(root / "data" / "measurements" / "ncs2.csv", 1, "fps_comp", "fast")
    broken = run_diff(root, env, "main", "--exit-code")
    assert broken.returncode == 4 and "field 'fps_comp'" in broken.stderr
    assert run_diff(root, env, "main").returncode == 1  # a data problem, as everywhere else


def test_a_build_after_a_diff_reuses_the_measurement_files_and_model_tables_it_computed(tmp_path):
    root, env = make_repo(tmp_path, FIXTURES / "minidata")
    set_cell(sorted((root / "data" / "measurements").glob("*.csv"))[0], 1, "fps_comp", "123.5")
    assert run_diff(root, env, "main").returncode == 0
    built = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=env, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert re.search(r"measurement files read: 0; reused: [1-9]", built.stdout), built.stdout
    assert re.search(r"model tables computed: 0; reused: [1-9]", built.stdout), built.stdout
