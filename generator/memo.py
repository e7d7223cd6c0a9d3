"""One explicit memo: work a rebuild need not redo, keyed by the content of its inputs.

The build makes one :class:`Memo` and passes it down as an argument; what goes through it
(the runs of each measurement file, the model's tables, the charts, the formatted files)
is stored under a *content key* and reused while the same inputs come again.

**Keys** (:func:`content_key`) hash values by content, never by ``repr``: frames (column
names, dtypes, values and index), series (name, dtype, values, index), numpy arrays
(dtype, shape, bytes), dataclasses (type and fields), dicts, lists, tuples, str, int,
float, bool and None. Anything else is refused with a TypeError naming its type, so a
new kind of argument cannot quietly give two different inputs the same key.

**Entries** are plain JSON (:func:`encode` / :func:`decode`: text, numbers, lists, tuples,
dicts, frames and series with their exact dtypes, values and index), never pickle: reading
an entry can give data, never run code. Each is checked on load (its header, a MAC of its
text, every type); a damaged, ill-typed or foreign entry is a miss. They live in
``PROJECT/.cache/memo/<kind>/``, each named by an HMAC of its content key with a per-user
secret kept outside the project (``~/.cache/qutibench-site/secret``, created 0600 on first
use), so a ``.cache/`` folder committed to a repository is never read. Where the secret
cannot be kept, the memo lives in memory only; ``serve`` keeps one memo between rebuilds,
holding in memory what it stored or read. :meth:`Memo.prune` forgets, on disk and in
memory, the entries of each kind that the build did not use.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import math
import os
import re
import secrets
import stat
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

FORMAT = 1  # of an entry; bump when the codec changes
SECRET_BYTES = 32
_KIND = re.compile(r"[a-z][a-z0-9-]*\Z")
_NUMERIC_DTYPE = re.compile(r"[<>|][biufcmM]\d+(\[[a-zA-Z0-9]+\])?\Z")
_MISSING = object()
_SCALARS = {type(None), bool, int, float, str}


# ---------------------------------------------------------------------------------------
# Content keys


def content_key(*values: Any) -> str:
    """A hex digest of ``values`` by content (see the module doc); TypeError for a type it
    cannot hash."""
    digest = hashlib.sha256(b"memo key 1\0")
    _feed(list(values), digest.update)
    return digest.hexdigest()


def _refuse(value: Any, what: str = "a memo key") -> TypeError:
    kind = type(value)
    return TypeError(f"{what} cannot hold a value of type {kind.__module__}.{kind.__qualname__}")


def _masked(dtype: Any) -> bool:
    """pandas' nullable numbers and booleans (Int64, Float64, boolean): values and a mask."""
    return isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.name in _MASKED


_MASKED = {"Int8": "IntegerArray", "Int16": "IntegerArray", "Int32": "IntegerArray", "Int64": "IntegerArray",
           "UInt8": "IntegerArray", "UInt16": "IntegerArray", "UInt32": "IntegerArray", "UInt64": "IntegerArray",
           "Float32": "FloatingArray", "Float64": "FloatingArray", "boolean": "BooleanArray"}


def _mask_parts(column: pd.Series | pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """(values with 0 where missing, mask) of a nullable column."""
    dtype: Any = column.dtype
    return column.to_numpy(dtype=dtype.numpy_dtype, na_value=0), np.asarray(column.isna())


def _feed(value: Any, out: Callable[[bytes], Any]) -> None:
    kind = type(value)
    if value is None:
        out(b"N")
    elif kind is bool:
        out(b"B1" if value else b"B0")
    elif kind is int:
        out(b"I" + str(value).encode() + b";")
    elif kind is float:
        out(b"D" + struct.pack("<d", value))
    elif kind is str:
        data = value.encode("utf-8", "surrogatepass")
        out(b"S" + str(len(data)).encode() + b":" + data)
    elif kind is list or kind is tuple:
        out((b"L" if kind is list else b"T") + str(len(value)).encode() + b":")
        for item in value:
            _feed(item, out)
    elif kind is dict:
        items = []
        for key, item in value.items():
            parts: list[bytes] = []
            _feed(key, parts.append)
            items.append((b"".join(parts), item))
        items.sort(key=lambda pair: pair[0])
        out(b"M" + str(len(items)).encode() + b":")
        for key_bytes, item in items:
            out(key_bytes)
            _feed(item, out)
    elif isinstance(value, pd.DataFrame):
        out(b"F")
        _feed_index(value.columns, out)
        out(str(value.shape[1]).encode() + b":")
        for _name, column in value.items():
            _feed_values(column, out)
        _feed_index(value.index, out)
    elif isinstance(value, pd.Series):
        out(b"R")
        _feed(_plain_name(value.name), out)
        _feed_values(value, out)
        _feed_index(value.index, out)
    elif isinstance(value, pd.Index):
        _feed_index(value, out)
    elif isinstance(value, np.ndarray):
        out(b"A" + str(value.shape).encode())
        _feed_array(value, out)
    elif isinstance(value, np.generic) and value.dtype.kind in "biufcmM":
        out(b"G" + value.dtype.str.encode() + b":" + value.tobytes())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out(b"C" + f"{kind.__module__}.{kind.__qualname__}".encode() + b"(")
        for item in dataclasses.fields(value):
            _feed(item.name, out)
            _feed(getattr(value, item.name), out)
        out(b")")
    else:
        raise _refuse(value)


def _plain_name(name: Any) -> Any:
    """A column or index name as a key part (names are hashable scalars or tuples of them)."""
    if isinstance(name, np.generic):
        return name.item()
    return name


def _feed_array(array: np.ndarray, out: Callable[[bytes], Any]) -> None:
    """A numpy array: its dtype and bytes, or, holding objects, its items."""
    if array.dtype.kind in "biufcmM":
        out(array.dtype.str.encode() + b":" + str(array.nbytes).encode() + b":")
        out(np.ascontiguousarray(array).tobytes())
    elif array.dtype.kind == "O":
        _feed_objects(array.ravel().tolist(), out)
    else:
        raise TypeError(f"a memo key cannot hold an array of dtype {array.dtype}")


def _feed_objects(items: list[Any], out: Callable[[bytes], Any]) -> None:
    """A column of objects: text only (the common case) in one piece, else item by item."""
    out(b"O" + str(len(items)).encode() + b":")
    try:
        joined = "\0".join(items)
    except TypeError:  # not all text
        for item in items:
            _feed(item, out)
        return
    if joined.count("\0") == max(len(items) - 1, 0):  # no text holds the separator: unambiguous
        out(b"j" + joined.encode("utf-8", "surrogatepass"))
    else:
        lengths = np.fromiter(map(len, items), dtype="<i8", count=len(items))
        out(b"s" + lengths.tobytes() + "".join(items).encode("utf-8", "surrogatepass"))


def _feed_values(column: pd.Series | pd.Index, out: Callable[[bytes], Any]) -> None:
    """One column's (or index's) dtype and values."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        out(b"n")
        _feed_array(column.to_numpy(), out)
    elif isinstance(dtype, pd.CategoricalDtype):
        out(b"c" + (b"o" if dtype.ordered else b"u"))
        _feed_values(dtype.categories, out)
        _feed_array(np.asarray(column.array.codes), out)
    elif isinstance(dtype, pd.StringDtype):
        out(b"t" + f"{dtype.storage}|{dtype.na_value}".encode() + b":")
        items = column.to_numpy(dtype=object).tolist()
        missing = [type(v) is not str for v in items] if not _all_text(items) else []
        _feed_array(np.array(missing, dtype=bool), out)
        _feed_objects([v for v, gap in zip(items, missing) if not gap] if missing else items, out)
    elif _masked(dtype):
        out(b"m" + dtype.name.encode() + b":")
        for part in _mask_parts(column):
            _feed_array(part, out)
    else:
        raise TypeError(f"a memo key cannot hold a column of dtype {dtype} ({column.name!r})")


def _all_text(items: list[Any]) -> bool:
    try:
        "".join(items)
    except TypeError:
        return False
    return True


def _feed_index(index: pd.Index, out: Callable[[bytes], Any]) -> None:
    if isinstance(index, pd.RangeIndex):
        out(b"X" + f"{index.start}:{index.stop}:{index.step}".encode())
        _feed(_plain_name(index.name), out)
    elif isinstance(index, pd.MultiIndex):
        out(b"Y" + str(index.nlevels).encode() + b":")
        for level in range(index.nlevels):
            _feed_index(index.get_level_values(level), out)
    else:
        out(b"Z")
        _feed(_plain_name(index.name), out)
        _feed_values(index, out)


# ---------------------------------------------------------------------------------------
# The JSON codec of entries


class Damaged(ValueError):
    """An entry that is not what this codec writes (a miss, never an error of the build)."""


def encode(value: Any) -> Any:
    """``value`` as a JSON-compatible structure that :func:`decode` turns back into an equal
    value of the same types. Scalars are themselves (non-finite floats tagged); every
    container is a tagged list, so a list in the output is always a tag."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        return value if math.isfinite(value) else ["f", repr(value)]
    if kind is list or kind is dict:
        text = _plain_json(value)
        if text is not None:
            return ["J", text]
    if kind is list:
        return ["L", [encode(v) for v in value]]
    if kind is tuple:
        return ["T", [encode(v) for v in value]]
    if kind is dict:
        return ["D", [[encode(k), encode(v)] for k, v in value.items()]]
    if isinstance(value, pd.DataFrame):
        return ["F", {"columns": _encode_index(value.columns), "index": _encode_index(value.index),
                      "data": [_encode_column(value.iloc[:, i]) for i in range(value.shape[1])]}]
    if isinstance(value, pd.Series):
        return ["R", {"name": encode(_scalar(value.name)), "index": _encode_index(value.index),
                      "data": _encode_column(value)}]
    raise _refuse(value, "a memo entry")


def _plain_json(value: list[Any] | dict[Any, Any]) -> str | None:
    """``value`` as JSON text when that text reads back as an equal value (lists, dicts with
    text keys, text, finite numbers, booleans, None: a chart's spec, a page's files), else
    None: one round trip in C instead of a walk in Python. JSON keeps ints, floats and
    booleans apart and has no tuples, and ``==`` tells a list from a tuple and a text key
    from a number; what it cannot tell, a subclass of text or of a number, comes back as
    the plain type."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return text if json.loads(text) == value else None


def _scalar(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _b64(array: np.ndarray) -> dict[str, Any]:
    array = np.ascontiguousarray(array)
    return {"dtype": array.dtype.str, "n": len(array), "b64": base64.b64encode(array.tobytes()).decode("ascii")}


def _encode_column(series: pd.Series) -> dict[str, Any]:
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return {"kind": "category", "n": len(series), "ordered": bool(dtype.ordered),
                "categories": _encode_column(dtype.categories.to_series(index=pd.RangeIndex(len(dtype.categories)))),
                "codes": _b64(series.cat.codes.to_numpy())}
    if isinstance(dtype, pd.StringDtype):
        values = series.to_numpy(dtype=object).tolist()
        if not _all_text(values):
            values = [v if type(v) is str else None for v in values]
        if not all(v is None or type(v) is str for v in values):
            raise TypeError(f"a memo entry cannot hold a string column {series.name!r} with other values")
        return {"kind": "string", "n": len(values), "storage": dtype.storage,
                "na": "NA" if dtype.na_value is pd.NA else "nan", "values": values}
    if isinstance(dtype, np.dtype) and dtype.kind in "biufcmM":
        return {"kind": "numpy", **_b64(series.to_numpy())}
    if _masked(dtype):
        numbers, mask = _mask_parts(series)
        return {"kind": "masked", "n": len(series), "dtype": dtype.name, "values": _b64(numbers), "mask": _b64(mask)}
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        items = series.tolist()
        if set(map(type, items)) <= _SCALARS and all(math.isfinite(v) for v in items if type(v) is float):
            return {"kind": "object", "n": len(items), "values": items}  # JSON as it is (the common case)
        return {"kind": "object", "n": len(items), "values": [_encode_object(v, series.name) for v in items]}
    raise TypeError(f"a memo entry cannot hold a column of dtype {dtype} ({series.name!r})")


def _encode_object(value: Any, column: Any) -> Any:
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        return value if math.isfinite(value) else ["f", repr(value)]
    raise _refuse(value, f"a memo entry's column {column!r}")


def _encode_index(index: pd.Index) -> dict[str, Any]:
    if isinstance(index, pd.RangeIndex):
        return {"kind": "range", "start": index.start, "stop": index.stop, "step": index.step,
                "name": encode(_scalar(index.name))}
    if isinstance(index, pd.MultiIndex):
        raise TypeError("a memo entry cannot hold a MultiIndex")
    return {"kind": "index", "name": encode(_scalar(index.name)),
            "values": _encode_column(index.to_series(index=pd.RangeIndex(len(index))))}


def decode(data: Any) -> Any:
    """The value :func:`encode` made ``data`` from; :class:`Damaged` if ``data`` is anything else."""
    kind = type(data)
    if data is None or kind is bool or kind is int or kind is str or kind is float:
        return data
    if kind is not list or len(data) != 2 or type(data[0]) is not str:
        raise Damaged(f"not an encoded value: {kind.__name__}")
    tag, body = data
    if tag == "f":
        if body not in ("nan", "inf", "-inf"):
            raise Damaged("not a float")
        return float(body)
    if tag == "J":
        _expect(body, str)
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            raise Damaged("not JSON") from None
    if tag in ("L", "T"):
        _expect(body, list)
        items = [decode(v) for v in body]
        return items if tag == "L" else tuple(items)
    if tag == "D":
        _expect(body, list)
        out = {}
        for pair in body:
            _expect(pair, list)
            if len(pair) != 2:
                raise Damaged("not a dict item")
            key = decode(pair[0])
            try:
                out[key] = decode(pair[1])
            except TypeError:
                raise Damaged("not a dict key") from None
        return out
    if tag == "F":
        _expect(body, dict)
        columns, index, data_columns = _decode_index(body.get("columns")), _decode_index(body.get("index")), body.get("data")
        _expect(data_columns, list)
        if len(columns) != len(data_columns) or not columns.is_unique:
            raise Damaged("columns do not match their data")
        frame = pd.DataFrame({i: _decode_column(c, len(index)) for i, c in enumerate(data_columns)},
                             index=pd.RangeIndex(len(index)))
        frame.columns = columns
        frame.index = index
        return frame
    if tag == "R":
        _expect(body, dict)
        index = _decode_index(body.get("index"))
        series = _decode_column(body.get("data"), len(index))
        series.index = index
        series.name = decode(body.get("name"))
        return series
    raise Damaged(f"unknown tag {tag!r}")


def _expect(value: Any, kind: type) -> None:
    if type(value) is not kind:
        raise Damaged(f"expected {kind.__name__}, found {type(value).__name__}")


def _from_b64(data: Any) -> np.ndarray:
    _expect(data, dict)
    dtype, n, text = data.get("dtype"), data.get("n"), data.get("b64")
    if type(dtype) is not str or not _NUMERIC_DTYPE.match(dtype) or type(n) is not int or type(text) is not str:
        raise Damaged("not an encoded array")
    try:
        raw = base64.b64decode(text.encode("ascii"))  # checked already: the entry's MAC
        array = np.frombuffer(raw, dtype=np.dtype(dtype))
    except (ValueError, TypeError):
        raise Damaged("not an encoded array") from None
    if len(array) != n:
        raise Damaged("an array of the wrong length")
    return array.copy()


def _decode_scalar(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str or kind is float:
        return value
    if kind is list and len(value) == 2 and value[0] == "f" and value[1] in ("nan", "inf", "-inf"):
        return float(value[1])
    raise Damaged("not a scalar")


def _decode_column(data: Any, n: int | None = None) -> pd.Series:
    """A column of ``n`` values (any length when None) with a RangeIndex."""
    _expect(data, dict)
    kind, length = data.get("kind"), data.get("n")
    if type(length) is not int or length < 0 or (n is not None and length != n):
        raise Damaged("a column of the wrong length")
    index = pd.RangeIndex(length)
    if kind == "numpy":
        return pd.Series(_from_b64(data), index=index, copy=False)
    if kind == "string":
        values, storage, na = data.get("values"), data.get("storage"), data.get("na")
        _expect(values, list)
        if len(values) != length or not all(v is None or type(v) is str for v in values) \
                or storage not in ("python", "pyarrow") or na not in ("NA", "nan"):
            raise Damaged("not a string column")
        try:
            dtype = pd.StringDtype(storage=storage, na_value=pd.NA if na == "NA" else np.nan)
            return pd.Series(pd.array(values, dtype=dtype), index=index)
        except (ImportError, ValueError, TypeError):
            raise Damaged("a string storage this system lacks") from None
    if kind == "object":
        values = data.get("values")
        _expect(values, list)
        if len(values) != length:
            raise Damaged("a column of the wrong length")
        array = np.empty(length, dtype=object)
        array[:] = values if set(map(type, values)) <= _SCALARS else [_decode_scalar(v) for v in values]
        return pd.Series(array, index=index, dtype=object, copy=False)
    if kind == "masked":
        name = data.get("dtype")
        values, mask = _from_b64(data.get("values")), _from_b64(data.get("mask"))
        if name not in _MASKED or len(values) != length or len(mask) != length or mask.dtype != np.bool_:
            raise Damaged("not a nullable column")
        masked: Any = pd.api.types.pandas_dtype(name)
        if values.dtype != masked.numpy_dtype:
            raise Damaged("not a nullable column")
        array = getattr(pd.arrays, _MASKED[name])(values, mask)
        return pd.Series(array, index=index)
    if kind == "category":
        categories = _decode_column(data.get("categories"))
        codes = _from_b64(data.get("codes"))
        ordered = data.get("ordered")
        if len(codes) != length or type(ordered) is not bool or codes.dtype.kind != "i":
            raise Damaged("not a categorical column")
        try:
            values = pd.Categorical.from_codes(codes, categories=pd.Index(categories), ordered=ordered)
        except (ValueError, TypeError):
            raise Damaged("not a categorical column") from None
        return pd.Series(values, index=index)
    raise Damaged(f"unknown column kind {kind!r}")


def _decode_index(data: Any) -> pd.Index:
    _expect(data, dict)
    name = decode(data.get("name"))
    if data.get("kind") == "range":
        start, stop, step = data.get("start"), data.get("stop"), data.get("step")
        if not all(type(v) is int for v in (start, stop, step)) or step == 0:
            raise Damaged("not a range index")
        return pd.RangeIndex(start, stop, step, name=name)
    if data.get("kind") == "index":
        return pd.Index(_decode_column(data.get("values")), name=name)
    raise Damaged("not an index")


# ---------------------------------------------------------------------------------------
# The memo


def secret_file() -> Path:
    """Where the per-user secret lives: ``$XDG_CACHE_HOME/qutibench-site/secret`` (by default
    ``~/.cache/qutibench-site/secret``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qutibench-site" / "secret"


def load_secret(path: Path) -> bytes | None:
    """The secret in ``path``, made (0600, in a 0700 folder) when there is none; None where it
    cannot be made or is not a private regular file of this user."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(SECRET_BYTES) + "\n")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "r", encoding="ascii") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > 1000:
                return None
            if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
                return None
            text = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        return None
    return bytes.fromhex(text)


class Memo:
    """Values by (kind, content key): in memory, and on disk under ``folder`` when there is a
    secret to name the entries with (see the module doc). ``salt`` (the code's hash) is part
    of every key, so other code never reads this code's entries."""

    def __init__(self, folder: Path | None = None, secret: bytes | None = None, salt: str = "",
                 keep: bool | None = None):
        self.folder = folder if secret is not None else None
        self.secret = secret or b""
        self.salt = salt
        self.keep = self.folder is None if keep is None else keep  # values kept in memory too
        self.memory: dict[tuple[str, str], Any] = {}  # (kind, key) -> encoded value
        self.used: dict[str, set[str]] = {}  # kind -> keys read or stored since the last prune
        self.made: dict[str, list[str]] = {}  # kind -> labels of the values computed since the last prune
        self.reused: dict[str, int] = {}  # kind -> values found since the last prune

    @classmethod
    def for_project(cls, cache_dir: Path, project_root: Path, salt: str, keep: bool | None = None) -> Memo:
        """The memo of a project: on disk in ``cache_dir`` with the user's secret, or in
        memory only where the secret cannot be kept (or would lie inside the project).
        ``keep``: values kept in memory as well (``serve``, between its rebuilds)."""
        path = secret_file()
        try:
            inside = path.resolve().is_relative_to(project_root.resolve())
        except OSError:
            inside = True
        secret = None if inside else load_secret(path)
        return cls(cache_dir / "memo", secret, salt, keep)

    def key(self, *values: Any) -> str:
        """The content key of ``values`` (with this memo's salt)."""
        return content_key(self.salt, *values)

    def _name(self, kind: str, key: str) -> str:
        return hmac.new(self.secret, f"{kind}\0{key}".encode(), hashlib.sha256).hexdigest()

    def _kind_folder(self, kind: str) -> Path | None:
        """The folder of ``kind``'s entries; None without one, or where it or the memo's
        folder is a symbolic link (a link could lead writes and pruning out of the project)."""
        if self.folder is None:
            return None
        if not _KIND.match(kind):
            raise ValueError(f"not a memo kind: {kind!r}")
        folder = self.folder / kind
        if any(os.path.islink(path) for path in (self.folder.parent, self.folder, folder)):
            return None
        return folder

    def _path(self, kind: str, key: str) -> Path | None:
        folder = self._kind_folder(kind)
        return None if folder is None else folder / f"{self._name(kind, key)}.json"

    def _mac(self, key: str, data: bytes) -> str:
        mac = hmac.new(self.secret, key.encode() + b"\n", hashlib.sha256)
        mac.update(data)
        return mac.hexdigest()

    def get(self, kind: str, key: str, default: Any = None) -> Any:
        """The value stored under (kind, key), else ``default``."""
        encoded = self.memory.get((kind, key), _MISSING)
        if encoded is _MISSING:
            encoded = self._read(kind, key)
        if encoded is _MISSING:
            return default
        try:
            value = decode(encoded)
        except Damaged:
            self.memory.pop((kind, key), None)
            return default
        if self.keep:
            self.memory[(kind, key)] = encoded
        self.used.setdefault(kind, set()).add(key)
        self.reused[kind] = self.reused.get(kind, 0) + 1
        return value

    def _read(self, kind: str, key: str) -> Any:
        path = self._path(kind, key)
        if path is None:
            return _MISSING
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return _MISSING
                header_line = handle.readline(4096)
                data = handle.read()
            header = json.loads(header_line)
            if not (type(header) is dict and header.get("format") == FORMAT and header.get("kind") == kind
                    and header.get("key") == key and type(header.get("mac")) is str
                    and hmac.compare_digest(header["mac"], self._mac(key, data))):
                return _MISSING
            return json.loads(data)
        except (OSError, ValueError, RecursionError):
            return _MISSING

    def put(self, kind: str, key: str, value: Any, label: str = "") -> None:
        """Store ``value`` (just computed; ``label`` names it in :attr:`made`) under (kind,
        key): TypeError if the codec cannot hold it."""
        encoded = encode(value)
        if self.keep:
            self.memory[(kind, key)] = encoded
        self.used.setdefault(kind, set()).add(key)
        self.made.setdefault(kind, []).append(label)
        path = self._path(kind, key)
        if path is None:
            return
        data = json.dumps(encoded, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
        header = json.dumps({"format": FORMAT, "kind": kind, "key": key, "mac": self._mac(key, data)})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(header.encode("ascii") + b"\n")
                    handle.write(data)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            pass  # a memo that cannot be written only makes the next build slower

    def remember(self, kind: str, key: str, compute: Callable[[], Any], label: str = "") -> Any:
        """The value under (kind, key), computed and stored first if there is none
        (``label`` names it in :attr:`made`)."""
        value = self.get(kind, key, _MISSING)
        if value is _MISSING:
            value = compute()
            self.put(kind, key, value, label)
        return value

    def call(self, kind: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` (pure: its result depends on its arguments and the
        code only), remembered under a key of its name and arguments."""
        name = f"{function.__module__}.{function.__qualname__}"
        key = self.key(kind, name, list(args), kwargs)
        return self.remember(kind, key, lambda: function(*args, **kwargs), label=function.__name__)

    def prune(self) -> None:
        """Forget the entries of each kind used since the last prune that were not used
        (on disk, stray temporary files too), and start counting afresh."""
        for kind, keys in self.used.items():
            for memory_key in [k for k in self.memory if k[0] == kind and k[1] not in keys]:
                del self.memory[memory_key]
            folder = self._kind_folder(kind)
            if folder is None or not folder.is_dir():
                continue
            keep = {f"{self._name(kind, key)}.json" for key in keys}
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.name not in keep:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            continue
                        os.unlink(entry.path)
                    except OSError:
                        pass
        self.used, self.made, self.reused = {}, {}, {}
