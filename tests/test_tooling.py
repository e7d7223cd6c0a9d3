"""Developer tooling: the test script's choice of Chromium (simulated machines), the command's name in --help."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from tests.helpers import REPO


# --- scripts/test.sh's choice of Chromium, on simulated machines ---------------------------

REAL_TOOLS = ("dirname", "readlink", "grep", "sed", "tr", "uname", "env", "cat", "chmod", "touch")


def fake_machine(tmp: Path, os_id: str, uid: int = 0, chromium: str | None = None, apt_get: bool = True,
                 sudo: bool = True, playwright_downloads: bool = True) -> tuple[Path, dict[str, str]]:
    """A PATH of stand-ins: ``python`` (pip, playwright and pytest only log), ``apt-get``
    (installs a fake chromium), ``sudo``, ``node``, ``id -u`` answering ``uid``, and
    ``chromium``: None, "snap" (Ubuntu's wrapper) or "real". Returns the log and the env."""
    bin_dir, log = tmp / "bin", tmp / "log"
    bin_dir.mkdir()
    log.touch()

    def script(name: str, body: str) -> Path:
        path = bin_dir / name
        path.write_text("#!/bin/bash\n" + body + "\n", encoding="utf-8")
        path.chmod(0o755)
        return path

    for tool in REAL_TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    script("id", f'if [ "$1" = -u ]; then echo {uid}; else exec /usr/bin/id "$@"; fi')
    script("node", "exit 0")
    browser = tmp / "ms-playwright" / "chrome"
    script("python", f"""echo "python $*" >> {log}
case "$*" in
  "-m playwright install"*) {"mkdir -p " + str(browser.parent) + " && touch " + str(browser) + " && chmod +x " + str(browser) if playwright_downloads else "exit 1"} ;;
  "-c "*) echo {browser} ;;
  "-m pytest"*) echo "pytest CHROMIUM=$CHROMIUM REQUIRE_BROWSER=$REQUIRE_BROWSER" >> {log} ;;
esac""".replace("mkdir -p", "/bin/mkdir -p"))
    if apt_get:
        script("apt-get", f'echo "apt-get $* (uid $(id -u), via ${{VIA:-}})" >> {log}\n'
                          f'if [ "$1" = install ]; then printf "#!/bin/sh\\n" > {bin_dir}/chromium; chmod +x {bin_dir}/chromium; fi')
    if sudo:
        script("sudo", f'echo "sudo $*" >> {log}\nVIA=sudo exec "$@"')
    if chromium == "snap":  # as Ubuntu's chromium-browser package installs it
        script("chromium-browser", 'if ! [ -x /snap/bin/chromium ]; then echo "requires the chromium snap" >&2; exit 1; fi\n'
                                   'exec /snap/bin/chromium "$@"')
    elif chromium == "real":
        script("chromium", "exit 0")
    os_release = tmp / "os-release"
    os_release.write_text(f'NAME="{os_id.title()}"\nID={os_id}\n', encoding="utf-8")
    return log, {"PATH": str(bin_dir), "OS_RELEASE": str(os_release), "HOME": str(tmp)}


def run_test_script(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["/bin/bash", str(REPO / "scripts" / "test.sh"), "-q"], env=env, capture_output=True,
                          text=True, timeout=60)


def test_on_ubuntu_the_snap_wrapper_is_skipped_and_playwright_brings_chromium(tmp_path):
    log, env = fake_machine(tmp_path, "ubuntu", uid=1000, chromium="snap")
    result = run_test_script(env)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert "python -m playwright install --with-deps chromium" in calls
    assert not any(c.startswith("apt-get install") and "chromium" in c for c in calls)
    assert f"pytest CHROMIUM={tmp_path}/ms-playwright/chrome REQUIRE_BROWSER=1" in calls
    assert "snap wrapper, which does not run headless" in result.stderr
    assert "with apt-get (needs root: sudo)" in result.stdout  # says plainly what needs root


def test_on_debian_without_chromium_apt_get_installs_it_as_root_via_sudo(tmp_path):
    log, env = fake_machine(tmp_path, "debian", uid=1000)
    result = run_test_script(env)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium" in calls
    assert not any("playwright install" in c for c in calls)
    assert f"pytest CHROMIUM={tmp_path}/bin/chromium REQUIRE_BROWSER=1" in calls
    assert "installing Debian's chromium package with apt-get (needs root: sudo)" in result.stdout
    assert "running as root with sudo: apt-get update -qq" in result.stdout


def test_as_root_on_debian_apt_get_runs_without_sudo(tmp_path):
    log, env = fake_machine(tmp_path, "debian", uid=0, sudo=False)
    result = run_test_script(env)
    assert result.returncode == 0, result.stderr
    assert "apt-get install -y -qq chromium (uid 0, via )" in log.read_text()


def test_a_real_chromium_on_path_is_used_and_nothing_is_installed(tmp_path):
    log, env = fake_machine(tmp_path, "ubuntu", uid=1000, chromium="real")
    result = run_test_script(env)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert not any("apt-get" in c or "playwright install" in c for c in calls)
    assert f"pytest CHROMIUM={tmp_path}/bin/chromium REQUIRE_BROWSER=1" in calls


def test_the_chromium_variable_wins(tmp_path):
    log, env = fake_machine(tmp_path, "ubuntu", chromium="snap")
    mine = tmp_path / "my-chrome"
    mine.write_text("#!/bin/sh\n")
    mine.chmod(0o755)
    result = run_test_script({**env, "CHROMIUM": str(mine)})
    assert result.returncode == 0, result.stderr
    assert f"pytest CHROMIUM={mine} REQUIRE_BROWSER=1" in log.read_text().splitlines()
    bad = run_test_script({**env, "CHROMIUM": str(tmp_path / "nothing")})
    assert bad.returncode == 1 and "is not an executable file" in bad.stderr
    assert "pip install" not in log.read_text().split(f"CHROMIUM={mine}")[1]  # stopped before installing


def test_when_playwright_cannot_download_chromium_the_script_says_what_to_do(tmp_path):
    log, env = fake_machine(tmp_path, "fedora", apt_get=False, playwright_downloads=False)
    result = run_test_script(env)
    assert result.returncode == 1
    assert "Playwright could not install its Chromium" in result.stderr
    assert "CHROMIUM=/path/to/chromium bash scripts/test.sh" in result.stderr
    assert not any(c.startswith("python -m pytest") for c in log.read_text().splitlines())


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
