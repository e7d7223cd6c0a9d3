"""Input files stay inside the project and are read bounded, never blocking, with problems
pinpointed: whatever a pull request or an unlucky user puts in place of an input file
(a symbolic link, a named pipe, a device, a folder, a huge or broken file) is one problem
line naming the file, the same in ``validate`` and ``build`` (exit 1, never 3, never a hang),
and no line of a file outside the project is ever printed."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import Project, gather
from generator.errors import DataError
from generator.inputs import files
from tests.conftest import copy_project
from tests.helpers import REPO
from tests.output_runs import cache_env

HEADER = "task,platform,mode,precision,network,pruning_pct,batch,lat_comp_ms,fps_comp"
ROW = "imagenet,fpga-a,,INT8,net-small,100,{batch},2.0,{fps}"
SECRET = "root-secret-line-do-not-print"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        gather(Project(root), lambda _msg: None)
    return [str(p) for p in info.value.problems]


def cli(root: Path, *commands: tuple[str, ...], timeout: float = 180,
        user: list[str] | None = None) -> list[subprocess.CompletedProcess]:
    """``python -m generator --project ROOT COMMAND...`` for each command, side by side in
    fresh processes; a process still running after ``timeout`` seconds is killed (a hang
    fails the test instead of stopping the suite)."""
    started = [(args, subprocess.Popen([*(user or []), sys.executable, "-m", "generator", "--project", str(root), *args],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                       env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", **cache_env()}))
               for args in commands]
    results = []
    for args, process in started:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for _args, other in started:
                other.kill()
                other.communicate()
            pytest.fail(f"{' '.join(args)} still ran after {timeout} s")
        results.append(subprocess.CompletedProcess(args, process.returncode, stdout, stderr))
    return results


def runs(count: int, start: int = 100) -> list[str]:
    return [ROW.format(batch=b, fps=500 * b) for b in range(start, start + count)]


def write_csv(root: Path, name: str, lines: list[str]) -> Path:
    path = root / "data" / "measurements" / name
    path.write_text("\n".join(lines) + "\n")
    return path


def outside_secret(root: Path) -> Path:
    """A file next to the project (outside it), holding a line that must never be printed."""
    path = root.parent / "secret.txt"
    path.write_text(f"{SECRET}\n{SECRET},{SECRET}\n")
    return path


def replace_with_link(path: Path, target: Path | str) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def replace_with_fifo(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def replace_with_device(path: Path) -> None:
    """A character device like /dev/zero, inside the project (needs root and CAP_MKNOD)."""
    path.unlink(missing_ok=True)
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")


# --- every kind of entry that is not a regular file inside the project ---------------------

CASES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    # name: (what to do to a fresh project, the file named, what its problem says)
    "csv-linked-outside": (lambda root: replace_with_link(root / "data/measurements/fpga-a.csv", outside_secret(root)),
                           "data/measurements/fpga-a.csv", "found a symbolic link that leads outside it"),
    "csv-linked-to-etc-passwd": (lambda root: replace_with_link(root / "data/measurements/pw.csv", "/etc/passwd"),
                                 "data/measurements/pw.csv", "found a symbolic link that leads outside it"),
    "prose-linked-outside": (lambda root: replace_with_link(root / "site_src/index.md", outside_secret(root)),
                             "site_src/index.md", "found a symbolic link that leads outside it"),
    "yaml-linked-to-dev-zero": (lambda root: replace_with_link(root / "data/tasks.yaml", "/dev/zero"),
                                "data/tasks.yaml", "found a symbolic link that leads outside it"),
    "yaml-a-device": (lambda root: replace_with_device(root / "data/tasks.yaml"),
                      "data/tasks.yaml", "expected a YAML file, found a device"),
    "prose-a-device": (lambda root: replace_with_device(root / "site_src/index.md"),
                       "site_src/index.md", "expected a Markdown file, found a device"),
    "yaml-a-fifo": (lambda root: replace_with_fifo(root / "data/tasks.yaml"),
                    "data/tasks.yaml", "expected a YAML file, found a named pipe (FIFO)"),
    "csv-a-fifo": (lambda root: os.mkfifo(root / "data/measurements/zz.csv"),
                   "data/measurements/zz.csv", "expected a CSV file, found a named pipe (FIFO)"),
    "trace-a-fifo": (lambda root: os.mkfifo(root / "data/power_traces/zz.csv"),
                     "data/power_traces/zz.csv", "expected a CSV file, found a named pipe (FIFO)"),
    "prose-a-fifo": (lambda root: replace_with_fifo(root / "site_src/task/pareto.md"),
                     "site_src/task/pareto.md", "expected a Markdown file, found a named pipe (FIFO)"),
    "site-yml-a-fifo": (lambda root: replace_with_fifo(root / "site.yml"),
                        "site.yml", "expected a YAML file, found a named pipe (FIFO)"),
    "csv-dangling-link": (lambda root: replace_with_link(root / "data/measurements/zz.csv", "nowhere.csv"),
                          "data/measurements/zz.csv", "found a symbolic link to nothing"),
    "csv-link-loop": (lambda root: (replace_with_link(root / "data/measurements/a.csv", "b.csv"),
                                    replace_with_link(root / "data/measurements/b.csv", "a.csv")),
                      "data/measurements/a.csv", "found a loop of symbolic links"),
    "site-yml-dangling-link": (lambda root: replace_with_link(root / "site.yml", "nowhere.yml"),
                               "site.yml", "found a symbolic link to nothing"),
    "csv-a-folder": (lambda root: (root / "data/measurements/x.csv").mkdir(),
                     "data/measurements/x.csv", "found a folder"),
    "yaml-a-folder": (lambda root: ((root / "data/tasks.yaml").unlink(), (root / "data/tasks.yaml").mkdir()),
                      "data/tasks.yaml", "expected a YAML file, found a folder"),
    "measurements-linked-outside": (lambda root: (shutil.move(root / "data/measurements", root.parent / "m"),
                                                  replace_with_link(root / "data/measurements", root.parent / "m")),
                                    "data/measurements", "expected a folder inside the project"),
    "prose-folder-link": (lambda root: replace_with_link(root / "site_src/elsewhere", "/etc"),
                          "site_src/elsewhere", "links to folders are not followed"),
    "yaml-too-large": (lambda root: os.truncate(root / "data/networks.yaml", files.MAX_TEXT_BYTES + 1),
                       "data/networks.yaml", "expected a YAML file of at most 16 MiB, found 16 MiB"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_gather_refuses_what_is_not_a_regular_file_inside_the_project(make_project, case):
    change, file, message = CASES[case]
    root = make_project()
    change(root)
    found = problems_of(root)
    assert [line for line in found if line.startswith(file + ":") and message in line], found
    assert not any(SECRET in line or "root:x:0:0" in line for line in found)


@pytest.mark.parametrize("case", ["csv-linked-to-etc-passwd", "prose-linked-outside", "yaml-linked-to-dev-zero",
                                  "yaml-a-fifo", "csv-a-fifo", "site-yml-a-fifo", "csv-dangling-link",
                                  "csv-link-loop", "csv-a-folder", "prose-folder-link", "yaml-too-large"])
def test_validate_and_build_agree_exit_1_never_hang_and_print_nothing_from_outside(make_project, case):
    change, file, message = CASES[case]
    root = make_project()
    change(root)
    out = root / "build"
    validate, build = cli(root, ("validate",), ("build", "--out", str(out)))
    errors = [[line for line in result.stderr.splitlines() if line.startswith("error: ")] for result in (validate, build)]
    assert (validate.returncode, build.returncode) == (1, 1), (validate.stderr, build.stderr)
    assert errors[0] == errors[1]
    assert any(line.startswith(f"error: {file}:") and message in line for line in errors[0]), errors[0]
    for result in (validate, build):
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert SECRET not in result.stdout + result.stderr and "root:x:0:0" not in result.stdout + result.stderr
    assert not out.exists()


def test_a_link_inside_the_project_to_a_file_inside_it_is_read(project):
    shutil.move(project / "data" / "tasks.yaml", project / "tasks-linked.yaml")
    (project / "data" / "tasks.yaml").symlink_to("../tasks-linked.yaml")
    (project / "site_src" / "index.md").unlink()
    (project / "site_src" / "index.md").symlink_to("theory.md")
    inputs = gather(Project(project), lambda _msg: None)
    assert [task.id for task in inputs.dataset.tasks] == ["imagenet", "cifar10"]
    assert inputs.prose["index"] == inputs.prose["theory"]


def test_an_unreadable_csv_or_folder_is_one_problem_in_validate_and_build():
    """File permissions: as root (CI), the commands run as the user 'nobody' (setpriv)."""
    user: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("setpriv is needed to drop root's right to read any file")
        user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    # nobody must reach the project, so it lives in a folder anyone may enter
    base = Path(tempfile.mkdtemp(prefix="unreadable-"))
    try:
        root = copy_project(base / "work" / "project")
        for path in [base, *base.rglob("*")]:
            path.chmod(0o777 if path.is_dir() else 0o666)
        (root / "data" / "measurements" / "fpga-a.csv").chmod(0)
        (root / "data" / "power_traces").chmod(0)
        check = subprocess.run([*user, sys.executable, "-c", "import generator"], capture_output=True,
                               env={"PYTHONPATH": str(REPO)}, timeout=60)
        if check.returncode != 0:
            pytest.skip("the user 'nobody' cannot run this Python or read the repository")
        for result in cli(root, ("validate",), ("build", "--out", str(root / "build")), user=user):
            assert result.returncode == 1, result.stderr
            assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
                "error: data/measurements/fpga-a.csv: expected a readable CSV file, found Permission denied",
                "error: data/power_traces: expected a readable folder, found Permission denied"]
    finally:
        for path in (base / "work" / "project" / "data" / "power_traces", base / "work" / "project" / "data"
                     / "measurements" / "fpga-a.csv"):
            if path.exists():
                path.chmod(0o777)  # so that the folder can be removed without root
        shutil.rmtree(base)


# --- pinpointed problems: the right line and column, a short escaped excerpt ----------------


def test_a_byte_that_is_not_utf8_is_reported_at_its_line_and_column(project):
    lines = [HEADER, *runs(500)]
    data = "\n".join(lines).encode().replace(b"fpga-a,,INT8,net-small,100,498,", b"fpga-\xe9,,INT8,net-small,100,498,")
    (project / "data" / "measurements" / "zz.csv").write_bytes(data)
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 400: expected UTF-8 text, found bytes that are not at column 15 "
        "('imagenet,fpga-\\xe9,,INT8,net-small,10': invalid continuation byte)"]


def test_a_byte_that_is_not_utf8_on_line_two_of_yaml_is_reported_there(project):
    (project / "data" / "precisions.yaml").write_bytes(b"precisions:\n  - id: INT\xff8\n    bits: 8\n")
    assert problems_of(project)[0] == (
        "data/precisions.yaml, line 2: expected UTF-8 text, found bytes that are not at column 12 "
        "('  - id: INT\\xff8': invalid start byte)")


def test_an_unclosed_quote_is_reported_where_it_opens(project):
    write_csv(project, "zz.csv", [HEADER, 'imagenet,"fpga-a,,INT8,net-small,100,1,2.0,500', *runs(70)])
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 2: expected each quoted cell to be closed, found a quote at column 10 "
        "that opens a cell and is never closed"]


def test_a_ten_megabyte_cell_is_reported_on_its_own_line(project):
    write_csv(project, "zz.csv", [HEADER, ROW.format(batch=1, fps="5" * 10_000_000), *runs(3)])
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 2: expected lines of at most 4 MiB, found a longer line"]


def test_a_cell_longer_than_the_csv_limit_is_reported_where_its_row_starts(project):
    write_csv(project, "zz.csv", [HEADER, *runs(2), ROW.format(batch=1, fps='"' + "5" * 200_000 + '"'), *runs(3, 7)])
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 4: expected cells of at most 131,072 characters, found a longer cell"]


def test_a_row_problem_names_the_line_the_row_starts_on(project):
    write_csv(project, "zz.csv", [HEADER, 'imagenet,"fpga-a\nsecond line",,INT8,net-small,100,1,2.0,500', *runs(2)])
    (line,) = problems_of(project)
    assert line.startswith("data/measurements/zz.csv, line 2, field 'platform': expected a known platform id")
    assert "fpga-a\\nsecond line" in line  # the line break shown, not printed


def test_text_after_a_closing_quote_is_one_problem_at_its_line(project):
    write_csv(project, "zz.csv", [HEADER, *runs(2), 'imagenet,"fpga-a"x,,INT8,net-small,100,1,2.0,500'])
    assert problems_of(project) == [
        "data/measurements/zz.csv, line 4: expected a comma or the end of the line after a closing quote, "
        "found more text (a quote inside a quoted cell is written \"\")"]


def test_a_control_character_in_yaml_is_one_problem_with_its_column(project):
    (project / "data" / "tasks.yaml").write_text("tasks:\n  - id: mnist\n    name: \"MN\x07IST\"\n")
    assert problems_of(project)[0] == (
        "data/tasks.yaml, line 3: expected YAML text, found a character it does not allow at column 14 (\\x07)")


def test_invisible_characters_in_a_quoted_value_are_shown_escaped(project):
    write_csv(project, "zz.csv", [HEADER, "imagenet,fpga\u202ea,,INT8,net-small,100,1,2.0,500"])
    (line,) = problems_of(project)
    assert "found 'fpga\\u202ea'" in line and "\u202e" not in line


def test_lines_are_counted_as_an_editor_counts_them(project):
    """PyYAML counts U+2028 as a line break; an editor (and YAML 1.2) does not."""
    tasks = project / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text().replace("name: ImageNet", 'name: "Image\u2028Net"', 1)
                     + "  - id: Bad Id\n    name: X\n    input_elements: 1\n    output_elements: 1\n")
    line_of_bad_id = tasks.read_text().split("\n").index("  - id: Bad Id") + 1
    (found,) = problems_of(project)
    assert found.startswith(f"data/tasks.yaml, line {line_of_bad_id}, field 'id'")


def test_huge_or_invisible_values_give_short_escaped_problem_lines(project):
    big = "k" * 1000  # the longest key YAML allows without '? '
    tasks = project / "data" / "tasks.yaml"
    tasks.write_text(tasks.read_text() + f"    {big}: 1\n    ? {big * 1000}\n    : 2\n")  # unknown keys
    platforms = project / "data" / "platforms.yaml"
    platforms.write_text(platforms.read_text().replace("INT8: 1.2", f"INT8: 1.2\n          {big}\u202e: 3", 1))
    write_csv(project, "zz\u202e.csv", [HEADER, ROW.format(batch=1, fps=500).replace("fpga-a", "p" * 100_000)])
    found = problems_of(project)
    assert len(found) == 4
    assert all(len(line) < 400 and line.isprintable() for line in found), [line[:200] for line in found]
    assert any(line.startswith("data/measurements/zz\\u202e.csv, line 2, field 'platform'") for line in found)
