"""The command line's manners: every command's help has a description and examples, the
global options work before or after the command, -v and -q, --version, --base-path checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from tests.helpers import REPO
from tests.output_runs import cache_env

COMMANDS = ("build", "validate", "serve", "diff", "new", "import-qutibench")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(cwd), **cache_env()},
                          timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_has_a_description_and_an_example(capsys, command):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    usage, description = text.split("\n\n")[:2]
    assert usage.startswith(f"usage: python -m generator {command} ")
    assert description.strip().endswith(".") and "\n" not in description.strip()  # one line
    examples = text.split("\nexamples:\n", 1)[1].splitlines()
    assert examples and all(line.startswith(f"  python -m generator {command}") for line in examples)
    for option in ("--project DIR", "--debug", "-v, --verbose", "-q, --quiet"):
        assert option in text  # the global options are listed by every command


def test_the_command_list_gives_each_command_its_one_line_description(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    for command in COMMANDS:
        assert f"    {command}" in text
    assert "before or after the command" in text


def test_version_names_the_generator_altair_vega_lite_and_python():
    result = run("--version")
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith("qutibench-site 0.1.0 (Altair ")
    assert ", Vega-Lite 6." in line and f", Python {sys.version.split()[0]})" in line


def test_global_options_work_after_the_command_too(make_project, tmp_path):
    root = make_project()
    before = run("--project", str(root), "-q", "validate", cwd=tmp_path)
    after = run("validate", "--project", str(root), "-q", cwd=tmp_path)
    assert before.returncode == after.returncode == 0, after.stderr
    assert before.stdout == after.stdout and after.stdout.startswith("OK: ")
    built = run("build", "--project", str(root), "--out", str(tmp_path / "work" / "site"), "-q", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines() == [line for line in built.stdout.splitlines() if line.startswith("Built ")]
    assert (tmp_path / "work" / "site" / "index.html").is_file()
    broken = run("build", "--project", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert broken.returncode == 2 and "project folder not found" in broken.stderr


def test_verbose_says_more_and_quiet_says_less(make_project, tmp_path):
    root = make_project()
    out = str(tmp_path / "work" / "site")
    normal = run("--project", str(root), "build", "--out", out, cwd=tmp_path)
    quiet = run("--project", str(root), "build", "--out", out + "2", "-q", cwd=tmp_path)
    verbose = run("--project", str(root), "build", "--out", out + "3", "-v", cwd=tmp_path)
    assert all(r.returncode == 0 for r in (normal, quiet, verbose))
    (result,) = quiet.stdout.splitlines()  # the result only
    assert result.startswith("Built ") and normal.stdout.splitlines()[-1].startswith("Built ")
    assert len(normal.stdout.splitlines()) > 1 and not normal.stdout.startswith("Project ")
    assert verbose.stdout.startswith(f"Project {root}, output {out}3, strict False, figures False, base path ")
    assert "Loading and validating" in verbose.stdout
    both = run("build", "-v", "-q", cwd=tmp_path)
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


@pytest.mark.parametrize("given", ["https://owner.github.io/repo/", "//cdn.example/x/", "/repo/../etc/", "/a b/",
                                   "/repo/?x=1", "javascript:alert(1)"])
def test_a_base_path_must_be_a_path_not_an_address(project, tmp_path, given):
    out = tmp_path / "work" / "site"
    result = run("--project", str(project), "build", "--out", str(out), "--base-path", given, cwd=tmp_path)
    assert result.returncode == 2
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error.startswith("error: argument --base-path: expected a path")
    assert not out.exists()  # nothing written


@pytest.mark.parametrize(("given", "base"), [("/repo", "/repo/"), ("repo/", "/repo/"), ("", "/"), ("/", "/"),
                                             (None, None)])
def test_the_404_page_finds_its_styles_for_every_base_path(project, tmp_path, given, base):
    out = tmp_path / "work" / "site"
    args = ["--base-path", given] if given is not None else []
    result = run("--project", str(project), "build", "--out", str(out), "-q", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (out / "404.html").read_text(encoding="utf-8")
    if base is None:  # not given: relative links (a site opened from disk, or at the root only)
        assert "<base " not in page
    else:  # an empty base path is the domain's root: links resolve from "/" at any depth
        assert f'<base href="{base}">' in page
    assert 'href="assets/style.css"' in page
