"""Output edge cases end in one clear line, never an internal error: an output folder that is
a mount point (its contents are swapped), a full disk, read-only and unreadable folders,
long names; and the writer needs no ``fcntl``.

The kernel's answers are simulated in the child process (a few lines of Python run before
the build: see ``tests.output_runs``); where the tests run as root with the right to mount,
a mount point and a full disk also run for real on small tmpfs mounts. Read-only and
unreadable folders are real (modes; root runs the build in a user namespace, where modes
stop it). Everything stays inside the ``project`` fixture's throw-away tree."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.output.write import MARKER
from tests.output_runs import break_data, build, built_sites, digest, leftovers, retitle, tree

# The output folder behaves as a mount point: renaming it gives EBUSY, renaming anything
# into or out of it EXDEV (what Linux answers for a volume mounted at build/).
MOUNTED = """
import errno
_mount = os.environ["MOUNTED"]
def _inside(path):
    path = os.path.abspath(os.fspath(path))
    return path == _mount or path.startswith(_mount + os.sep)
def _kernel(rename):
    def renamed(src, dst, *args, **kwargs):
        s, d = os.path.abspath(os.fspath(src)), os.path.abspath(os.fspath(dst))
        if _mount in (s, d):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), s)
        if _inside(s) != _inside(d):
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), s)
        return rename(src, dst, *args, **kwargs)
    return renamed
os.rename, os.replace = _kernel(os.rename), _kernel(os.replace)
w._exchange = _kernel(None)
"""

# The disk fills up: from the fourth file on, a write stores half its bytes, then fails.
FULL_DISK = """
import builtins, errno
_open, _opened = builtins.open, []
class _Full:
    def __init__(self, handle): self.handle = handle
    def __enter__(self): return self
    def __exit__(self, *exc): self.handle.close()
    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
def _open_full(file, mode="r", *args, **kwargs):
    handle = _open(file, mode, *args, **kwargs)
    _opened.append(file)
    return _Full(handle) if mode == "xb" and len(_opened) > 3 else handle
w.open = _open_full
"""

# A folder cannot be read (what a folder of mode 000 gives a user who is not root).
UNREADABLE = """
import errno
_scandir, _unreadable = os.scandir, os.environ["UNREADABLE"]
def _scan(path="."):
    if os.path.abspath(os.fspath(path)) == _unreadable:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
    return _scandir(path)
os.scandir = _scan
"""

NO_FCNTL = "sys.modules['fcntl'] = None  # import fcntl raises ImportError, as on Windows"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return built_sites(tmp_path_factory.mktemp("sites"))


def one_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "internal error" not in line
    return line


def can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp"))
    with contextlib.suppress(OSError):
        folder = Path(subprocess.run(["mktemp", "-d", str(probe / "mount-probe-XXXXXX")], capture_output=True,
                                     text=True, check=True).stdout.strip())
        try:
            if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                              capture_output=True).returncode == 0:
                subprocess.run(["umount", str(folder)], check=True)
                return True
        finally:
            folder.rmdir()
    return False


MOUNTS = can_mount()
needs_mount = pytest.mark.skipif(not MOUNTS, reason="needs root and the right to mount (tmpfs)")


@contextlib.contextmanager
def tmpfs(folder: Path, size: int) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def unprivileged() -> tuple[str, ...] | None:
    """How to run a child that file modes stop: as it is for a user; for root (whom modes do
    not stop) in a user namespace of its own (``unshare -U``), where it keeps owning its
    files but loses its override of modes; None where neither works."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("unshare") and subprocess.run(["unshare", "-U", "true"], capture_output=True).returncode == 0:
        return ("unshare", "-U")
    return None


UNPRIVILEGED = unprivileged()
needs_modes = pytest.mark.skipif(UNPRIVILEGED is None, reason="root without unshare: modes do not stop it")


@contextlib.contextmanager
def mode(folder: Path, bits: int) -> Iterator[None]:
    before = folder.stat().st_mode
    folder.chmod(bits)
    try:
        yield
    finally:
        folder.chmod(before)


# --- a mount point as the output folder ----------------------------------------------------------


@pytest.mark.parametrize("exchange", [True, False])
def test_an_output_folder_that_cannot_be_renamed_gets_its_contents_replaced(project, sites, exchange):
    shutil.copytree(sites["old"], project / "build")
    inode = (project / "build").stat().st_ino
    retitle(project)
    result = build(project, exchange=exchange, after=MOUNTED, env={"MOUNTED": str(project / "build")})
    assert result.returncode == 0, result.stderr
    assert digest(project / "build") == digest(sites["new"])
    assert (project / "build").stat().st_ino == inode  # the same folder, never renamed
    assert leftovers(project) == []


@pytest.mark.parametrize("fault", ["contents-staged", "contents-removing", "contents-moving", "contents-marker"])
def test_a_content_swap_killed_at_any_point_is_finished_by_the_next_build(project, sites, fault):
    shutil.copytree(sites["old"], project / "build")
    retitle(project)
    mounted = {"after": MOUNTED, "env": {"MOUNTED": str(project / "build")}}
    assert build(project, fault=fault, **mounted).returncode == -9
    assert leftovers(project)  # the staging folder inside build/
    break_data(project)  # even a build that fails on bad data finishes the swap first
    result = build(project, **mounted)
    assert result.returncode == 1, result.stderr
    assert digest(project / "build") == digest(sites["new"])
    assert leftovers(project) == []


@needs_mount
@pytest.mark.parametrize("exchange", [True, False])
def test_a_real_mount_point_as_the_output_folder(project, sites, exchange):
    with tmpfs(project / "build", 64 * 2**20) as out:
        shutil.copytree(sites["old"], out, dirs_exist_ok=True)
        retitle(project)
        result = build(project, exchange=exchange)
        assert result.returncode == 0, result.stderr
        assert os.path.ismount(out)
        assert digest(out) == digest(sites["new"])
        assert leftovers(project) == []


# --- full disk, read-only and unreadable folders ------------------------------------------------


def test_a_full_disk_is_one_line_and_leaves_the_old_site_and_nothing_else(project, sites):
    shutil.copytree(sites["old"], project / "build")
    retitle(project)
    before = tree(project)
    line = one_error(build(project, after=FULL_DISK))
    assert "cannot write the site (No space left on device, writing " in line
    assert line.endswith("the previous site is unchanged")
    after = tree(project)
    assert {k: v for k, v in after.items() if k.startswith("build")} == \
           {k: v for k, v in before.items() if k.startswith("build")}
    assert leftovers(project) == []


@needs_mount
def test_a_really_full_disk(project, sites):
    size = sum(p.stat().st_size for p in sites["old"].rglob("*") if p.is_file())
    with tmpfs(project / "disk", int(size * 1.5)) as disk:
        shutil.copytree(sites["old"], disk / "site")
        retitle(project)
        line = one_error(build(project, "disk/site"))
        assert "No space left on device" in line
        assert digest(disk / "site") == digest(sites["old"])
        assert sorted(p.name for p in disk.iterdir()) == [".site.lock", "site"]


@needs_modes
@pytest.mark.parametrize("where, message", [
    ("build/data", "cannot be replaced, folders of the previous build are read-only: data/"),
    ("build", "cannot be replaced, folders of the previous build are read-only: (the folder itself)"),
    ("pub", "does not accept new folders"),
])
def test_a_read_only_folder_is_one_line_and_leaves_the_old_site(project, sites, where, message):
    out = "pub/site" if where == "pub" else "build"
    shutil.copytree(sites["old"], project / out)
    retitle(project)
    before = tree(project / out)
    with mode(project / where, 0o555):
        line = one_error(build(project, out, prefix=UNPRIVILEGED or ()))
    assert message in line
    assert tree(project / out) == before
    assert leftovers(project) == [] and leftovers(project / out / "..") == []


@pytest.mark.parametrize("how", ["simulated", "mode 000"])
def test_an_unreadable_folder_in_the_previous_site_is_refused_before_anything_is_written(project, sites, how):
    shutil.copytree(sites["old"], project / "build")
    retitle(project)
    unreadable = project / "build" / "data"
    if how == "simulated":
        result = build(project, after=UNREADABLE, env={"UNREADABLE": str(unreadable)})
    elif UNPRIVILEGED is None:
        pytest.skip("root without unshare reads a folder of mode 000")
    else:
        with mode(unreadable, 0):
            result = build(project, prefix=UNPRIVILEGED)
    line = one_error(result)
    assert f"cannot be replaced, {unreadable} cannot be read (Permission denied)" in line
    assert digest(project / "build") == digest(sites["old"])
    assert leftovers(project) == []


# --- long names ---------------------------------------------------------------------------------


def test_a_long_legal_output_name_works_and_a_killed_build_into_it_is_cleaned_up(project, sites):
    name = "s" * 250
    shutil.copytree(sites["old"], project / name)
    retitle(project)
    assert build(project, name, fault="staged").returncode == -9
    assert leftovers(project)
    result = build(project, name)
    assert result.returncode == 0, result.stderr
    assert digest(project / name) == digest(sites["new"])
    assert leftovers(project) == []
    assert max(len(p.name) for p in project.iterdir()) == 250


def test_a_name_longer_than_the_system_allows_is_a_usage_error(project):
    line = one_error(build(project, "s" * 300))
    assert "is 300 bytes long; this system takes names of at most 255 bytes" in line
    assert not any(len(p.name) > 255 for p in project.iterdir())


# --- portable -----------------------------------------------------------------------------------


def test_without_fcntl_the_writer_imports_and_builds_with_the_two_rename_swap(project, sites):
    shutil.copytree(sites["old"], project / "build")
    retitle(project)
    result = build(project, exchange=False, before=NO_FCNTL)
    assert (result.returncode, result.stderr) == (0, "")
    assert digest(project / "build") == digest(sites["new"])
    again = build(project, exchange=False, before=NO_FCNTL)
    assert again.returncode == 0 and again.stdout.startswith("Up to date")
    assert leftovers(project) == []
    assert MARKER in os.listdir(project / "build")
