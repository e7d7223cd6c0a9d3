"""Developer tooling: the test script's message without Chromium, the command's name in --help."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from generator import cli
from tests.helpers import REPO


def test_test_script_says_what_to_install_when_chromium_and_apt_get_are_missing(tmp_path):
    bin_dir = tmp_path / "bin"  # a PATH with neither chromium nor apt-get (nor python or pip)
    bin_dir.mkdir()
    (bin_dir / "dirname").symlink_to(shutil.which("dirname"))
    result = subprocess.run(["/bin/bash", str(REPO / "scripts" / "test.sh")], env={"PATH": str(bin_dir)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "error: Chromium is missing, and apt-get is not available to install it."
    assert "apt-get install chromium" in result.stderr and "/usr/bin/chromium" in result.stderr
    assert "installing" not in result.stdout  # stopped before installing anything


@pytest.mark.parametrize(("argv0", "prog"), [
    ("/usr/local/bin/qutibench-site", "qutibench-site"),
    (str(REPO / "generator" / "__main__.py"), "python -m generator"),
    ("-c", "python -m generator"),
])
def test_help_names_the_command_as_it_was_run(monkeypatch, capsys, argv0, prog):
    monkeypatch.setattr(sys, "argv", [argv0, "--help"])
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert capsys.readouterr().out.startswith(f"usage: {prog} ")


def test_help_as_a_module_says_python_m_generator():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=REPO, capture_output=True, text=True,
                            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python -m generator ")
    assert "diff" in result.stdout and "serve" in result.stdout
