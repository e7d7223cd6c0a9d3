"""Opening an input file safely: inside the project, a regular file, bounded, never blocking.

Every file the inputs are read from (``site.yml``, ``data/``, ``site_src/``) comes through
:func:`open_input`, which refuses -- with one message in the usual *expected ..., found ...*
words -- anything a pull request or an unlucky user could slip in its place:

* a **symbolic link** that dangles, loops, or leads **outside the project** (a link inside
  the project to a file inside it is fine). Nothing outside the project is opened, so no
  line of such a file can reach a problem message, the site, or a pull-request comment;
* anything that is **not a regular file**: a folder named like a file, a named pipe (FIFO:
  opening it for reading would wait for a writer forever), a device (``/dev/zero`` never
  ends), a socket. This is decided by ``lstat`` of the resolved path *before* opening, and
  checked again by ``fstat`` of what was opened (opened with ``O_NONBLOCK | O_NOFOLLOW``,
  so a file swapped for a pipe or a link in between can neither block nor redirect it);
* a file **larger than its limit** (``MAX_TEXT_BYTES`` for YAML and Markdown, which are
  read whole; ``MAX_CSV_BYTES`` for CSV, which is streamed), by its size before reading and
  by counting while reading (a file that grows while it is read).

:func:`text_lines` streams a CSV file as decoded lines for the ``csv`` module, with the
exact line and column of the first byte that is not UTF-8 and a cap on the length of one
line, so a 10 MB cell is one problem on its own line instead of a memory spike.

This module imports the standard library only and formats no values of its own beyond a
short, escaped excerpt of the file being read (:func:`excerpt`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from generator.formatting import fmt_size

MAX_TEXT_BYTES = 16 * 2**20  # a YAML or Markdown file (read whole)
MAX_CSV_BYTES = 2 * 2**30  # a measurement or trace CSV (streamed in chunks)
MAX_LINE_BYTES = 4 * 2**20  # one line of a CSV file
_BLOCK_BYTES = 2**20  # what one read of a CSV file takes
_EXCERPT_CHARS = 40  # longest excerpt of the user's file quoted in a message
_BOM = b"\xef\xbb\xbf"
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")  # one line and its break, as universal newlines split
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """Why an input file is not read (or not read further): one problem message, and the
    line it concerns when there is one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def escape(text: str) -> str:
    """Text with control and invisible characters (line breaks, tabs, bidirectional overrides,
    zero-width spaces...) written as escapes, so a message shows what is there and a terminal
    or a pull-request comment cannot be steered by it."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def excerpt(data: bytes, position: int) -> str:
    """A short, escaped excerpt of the line of ``data`` around byte ``position``."""
    start = max(data.rfind(b"\n", 0, position) + 1, data.rfind(b"\r", 0, position) + 1,
                position - _EXCERPT_CHARS // 2)
    ends = [i for i in (data.find(b"\n", position), data.find(b"\r", position)) if i >= 0]
    end = min([position + _EXCERPT_CHARS // 2, *ends])
    text = escape(data[start:end].decode("utf-8", "backslashreplace"))
    return text[:_EXCERPT_CHARS * 2]


def describe(mode: int) -> str:
    """What a file system entry that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something that is not a regular file"


def exists(path: Path) -> bool:
    """Whether there is an entry at ``path`` (a dangling link counts: it is reported, not missed)."""
    return os.path.lexists(path)


def resolve_inside(path: Path, root: Path | None) -> Path:
    """``path`` with every symbolic link resolved; Refused when a link dangles or loops, or
    when the resolved path is not inside ``root`` (``None``: anywhere)."""
    try:
        resolved = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused("expected a file, found a loop of symbolic links") from None
        if exc.errno == errno.ENOENT and os.path.lexists(path):
            raise Refused("expected a file, found a symbolic link to nothing (its target does not exist)") from None
        raise Refused(f"expected a readable file, found {exc.strerror or exc}") from None
    if root is not None and not resolved.is_relative_to(os.path.realpath(root)):
        raise Refused("expected a file inside the project, found a symbolic link that leads outside it "
                      "(an input may only link to files inside the project)")
    return resolved


def check_folder(path: Path, root: Path | None) -> None:
    """Refused when the folder ``path`` lies outside ``root`` once its links are resolved
    (then none of its files would be read anyway: one problem says why, not one per file)."""
    if root is not None and not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root)):
        raise Refused("expected a folder inside the project, found a symbolic link that leads outside it "
                      "(an input may only link to files inside the project)")


def open_input(path: Path, root: Path | None, what: str = "a file", limit: int = MAX_TEXT_BYTES) -> BinaryIO:
    """``path`` opened for reading in binary, after every check of the module doc; Refused
    with the reason otherwise. ``what`` names the kind of file in messages ("a CSV file")."""
    resolved = resolve_inside(path, root)
    try:
        before = os.lstat(resolved)
        if not stat.S_ISREG(before.st_mode):
            raise Refused(f"expected {what}, found {describe(before.st_mode)}")
        fd = os.open(resolved, _OPEN_FLAGS)
    except OSError as exc:
        raise Refused(f"expected a readable {what.removeprefix('a ').removeprefix('an ')}, "
                      f"found {exc.strerror or exc}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise Refused(f"expected {what}, found {describe(opened.st_mode)} (it changed while it was opened)")
        if opened.st_size > limit:
            raise Refused(f"expected {what} of at most {fmt_size(limit)}, found {fmt_size(opened.st_size)}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: Path, root: Path | None, what: str = "a file", limit: int = MAX_TEXT_BYTES) -> bytes:
    """The whole content of ``path`` (checked by :func:`open_input`, at most ``limit`` bytes)."""
    with open_input(path, root, what, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise Refused(f"expected a readable {what.removeprefix('a ').removeprefix('an ')}, "
                          f"found {exc.strerror or exc}") from None
    if len(data) > limit:
        raise Refused(f"expected {what} of at most {fmt_size(limit)}, found a larger one (it grew while it was read)")
    return data


def digest(path: Path, root: Path | None, limit: int = MAX_TEXT_BYTES) -> str | None:
    """The SHA-256 of the content of ``path``, or None when it would be refused (the reader
    that opens it next reports why)."""
    try:
        with open_input(path, root, limit=limit) as handle:
            sha = hashlib.sha256()
            for block in iter(lambda: handle.read(_BLOCK_BYTES), b""):
                sha.update(block)
            return sha.hexdigest()
    except (Refused, OSError):
        return None


def decode(data: bytes) -> str:
    """UTF-8 text (a leading byte-order mark dropped); Refused naming the line, column and an
    excerpt of the first byte that is not UTF-8."""
    body = data[len(_BOM):] if data.startswith(_BOM) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(body, exc, 0) from None


def _not_utf8(data: bytes, exc: UnicodeDecodeError, lines_before: int) -> Refused:
    """The problem of the first undecodable byte of ``data``, which starts after ``lines_before`` lines."""
    head = data[:exc.start].splitlines(keepends=True)
    complete = sum(1 for part in head if part.endswith((b"\n", b"\r")))
    current = head[-1] if head and not head[-1].endswith((b"\n", b"\r")) else b""
    column = len(current.decode("utf-8", "replace")) + 1
    return Refused(f"expected UTF-8 text, found bytes that are not at column {column} "
                   f"('{excerpt(data, exc.start)}': {exc.reason})", lines_before + complete + 1)


def text_lines(handle: BinaryIO, what: str = "a CSV file", limit: int = MAX_CSV_BYTES,
               line_limit: int = MAX_LINE_BYTES) -> Iterator[str]:
    """The lines of a binary file, decoded, line breaks kept (``\\n``, ``\\r\\n`` or ``\\r``,
    as Python's universal newlines split them), for ``csv.reader``. Raises Refused with the
    line of the first byte that is not UTF-8, of the first line longer than ``line_limit``
    bytes, or when the file grows past ``limit`` bytes."""
    carry, number, total, first = b"", 0, 0, True
    while True:
        try:
            block = handle.read(_BLOCK_BYTES)
        except OSError as exc:
            raise Refused(f"expected a readable file, found {exc.strerror or exc}", number + 1) from None
        total += len(block)
        if total > limit:
            raise Refused(f"expected {what} of at most {fmt_size(limit)}, found a larger one "
                          "(it grew while it was read)")
        if first:  # a whole first block holds the whole mark, if any
            block, first = block.removeprefix(_BOM), False
        data = carry + block
        if block:  # up to the last line break that is surely whole ("\r" may be followed by "\n")
            cut = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1
        else:
            cut = len(data)
        whole, carry = data[:cut], data[cut:]
        if len(carry) > line_limit:
            raise Refused(f"expected lines of at most {fmt_size(line_limit)}, found a longer line",
                          number + len(whole.splitlines()) + 1)
        if len(whole) > line_limit:
            lengths = [len(line) for line in whole.splitlines()]
            if max(lengths) > line_limit:
                long = next(i for i, n in enumerate(lengths) if n > line_limit)
                raise Refused(f"expected lines of at most {fmt_size(line_limit)}, found a longer line",
                              number + long + 1)
        try:
            text = whole.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _not_utf8(whole, exc, number) from None
        lines = _LINE.findall(text)
        number += len(lines)
        yield from lines
        if not block:
            return
