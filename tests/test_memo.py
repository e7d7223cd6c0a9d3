"""The memo: keys by content (never by repr), entries as checked JSON named by a secret
only this user has, a damaged or foreign entry a miss, unused entries pruned."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from generator.memo import Damaged, Memo, content_key, decode, encode, load_secret

pytestmark = pytest.mark.unit  # in the fast loop: python -m pytest -m unit

SECRET = bytes(range(32))
OTHER_SECRET = bytes(range(1, 33))


def test_two_long_series_that_differ_in_one_middle_value_get_different_keys():
    one = pd.Series(np.arange(100, dtype=float), name="x")
    two = one.copy()
    two[50] = -1.0
    assert content_key(one) != content_key(two)
    assert content_key(one) == content_key(one.copy())


def test_two_long_arrays_that_differ_in_one_middle_element_get_different_keys():
    one = np.arange(2000)
    two = one.copy()
    two[1000] = -7
    assert content_key(one) != content_key(two)
    assert content_key(one.astype(float)) != content_key(one)  # same numbers, another dtype


def test_frames_that_differ_only_in_their_index_get_different_keys():
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": ["x", "y", "z"]})
    moved = frame.set_axis([10, 11, 12])
    assert frame.to_numpy().tolist() == moved.to_numpy().tolist()
    assert content_key(frame) != content_key(moved)
    assert content_key(frame) != content_key(frame.rename(columns={"b": "c"}))
    assert content_key(frame) != content_key(frame.astype({"a": "float32"}))


def test_frames_that_differ_in_one_text_or_category_cell_get_different_keys():
    frame = pd.DataFrame({"t": ["a"] * 60, "c": pd.Categorical(["u", "v"] * 30)})
    text, category = frame.copy(), frame.copy()
    text.loc[30, "t"] = "b"
    category.loc[31, "c"] = "u"
    assert len({content_key(frame), content_key(text), content_key(category)}) == 3


def test_a_key_does_not_depend_on_the_order_of_a_dicts_items_but_on_everything_else():
    assert content_key({"a": 1, "b": 2}) == content_key({"b": 2, "a": 1})
    assert content_key([1, 2]) != content_key((1, 2)) != content_key([2, 1])
    assert content_key(1) != content_key(1.0) != content_key(True) != content_key("1")


@dataclass(frozen=True)
class Point:
    x: float
    label: str


def test_dataclasses_are_keyed_field_by_field():
    assert content_key(Point(1.0, "a")) == content_key(Point(1.0, "a"))
    assert content_key(Point(1.0, "a")) != content_key(Point(1.0, "b"))


class Opaque:
    def __repr__(self) -> str:
        return "Opaque()"


@pytest.mark.parametrize("value", [Opaque(), {1, 2}, b"bytes", frozenset(), [Opaque()], {"k": Opaque()}])
def test_a_value_of_a_type_the_key_does_not_know_is_refused_with_its_type_named(value):
    with pytest.raises(TypeError, match=r"cannot hold a value of type (tests\.test_memo\.Opaque|builtins\.)"):
        content_key(value)


def every_dtype() -> pd.DataFrame:
    frame = pd.DataFrame({
        "float": [1.5, np.nan, -0.0],
        "int": np.array([1, -2, 3], dtype="int64"),
        "small": np.array([1, 2, 3], dtype="int8"),
        "bool": [True, False, True],
        "text": ["a", None, "ü"],
        "mixed": pd.Series([None, True, 3], dtype=object),
        "objects": pd.Series(["x", 2.5, float("inf")], dtype=object),
        "category": pd.Categorical(["b", "a", "b"], categories=["b", "a", "c"]),
        "nullable": pd.array([1, None, 3], dtype="Int64"),
        "flags": pd.array([True, None, False], dtype="boolean"),
        "time": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
    })
    return frame.set_axis(pd.Index([7, 3, 5], name="row"))


def test_an_encoded_value_decodes_to_an_equal_value_of_the_same_types():
    frame = every_dtype()
    value = {"frame": frame, "series": frame["float"], "parts": (1, [2.0, float("nan")], "t", None, False)}
    back = decode(json.loads(json.dumps(encode(value), allow_nan=False)))
    pd.testing.assert_frame_equal(back["frame"], frame)
    pd.testing.assert_series_equal(back["series"], frame["float"])
    assert back["parts"][0] == 1 and type(back["parts"]) is tuple and np.isnan(back["parts"][1][1])
    assert content_key(back["frame"]) == content_key(frame)


@pytest.mark.parametrize("data", [
    ["X", 1], ["F", {"columns": 3}], ["L", "not a list"], ["f", "nan!"], {"a": 1},
    ["F", {"columns": {"kind": "range", "start": 0, "stop": 1, "step": 1, "name": None},
           "index": {"kind": "range", "start": 0, "stop": 2, "step": 1, "name": None},
           "data": [{"kind": "numpy", "n": 2, "dtype": "|O8", "b64": ""}]}],
    ["F", {"columns": {"kind": "range", "start": 0, "stop": 1, "step": 1, "name": None},
           "index": {"kind": "range", "start": 0, "stop": 2, "step": 1, "name": None},
           "data": [{"kind": "numpy", "n": 2, "dtype": "<f8", "b64": "AAAA"}]}],
])
def test_anything_the_codec_did_not_write_is_refused_on_decoding(data):
    with pytest.raises(Damaged):
        decode(data)


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json"))


def test_an_entry_is_found_again_by_a_memo_with_the_same_secret_only(tmp_path):
    Memo(tmp_path, SECRET, salt="code").put("model", "k", every_dtype())
    (entry,) = entries(tmp_path)
    assert "k" not in entry.name  # named by an HMAC of the key, not by the key
    pd.testing.assert_frame_equal(Memo(tmp_path, SECRET, salt="code").get("model", "k"), every_dtype())
    assert Memo(tmp_path, OTHER_SECRET, salt="code").get("model", "k") is None


@pytest.mark.parametrize("damage", ["garbage", "edited value", "other key", "truncated", "fifo", "symlink", "folder"])
def test_a_damaged_or_planted_entry_is_a_miss(tmp_path, damage):
    Memo(tmp_path, SECRET).put("charts", "k", {"spec": [1, 2, 3]})
    (entry,) = entries(tmp_path)
    header, text = entry.read_text().split("\n", 1)
    if damage == "garbage":
        entry.write_bytes(b"\x80\x00 not json")
    elif damage == "edited value":
        entry.write_text(header + "\n" + text.replace("3", "4"))
    elif damage == "other key":
        entry.write_text(header.replace('"key": "k"', '"key": "j"') + "\n" + text)
    elif damage == "truncated":
        entry.write_text(header + "\n" + text[:5])
    elif damage == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif damage == "symlink":
        elsewhere = tmp_path / "elsewhere.json"
        entry.rename(elsewhere)
        entry.symlink_to(elsewhere)
    else:
        entry.unlink()
        entry.mkdir()
    assert Memo(tmp_path, SECRET).get("charts", "k", "miss") == "miss"


def test_remember_computes_once_and_reports_what_it_made_and_reused(tmp_path):
    calls = []
    memo = Memo(tmp_path, SECRET)
    for _ in range(2):
        assert memo.remember("pages", "p", lambda: calls.append(1) or "text", label="index") == "text"
    assert calls == [1] and memo.made == {"pages": ["index"]} and memo.reused == {"pages": 1}


def test_prune_forgets_the_entries_of_a_kind_that_were_not_used(tmp_path):
    memo = Memo(tmp_path, SECRET)
    memo.put("pages", "old", "a")
    memo.put("charts", "kept", "c")
    memo.prune()
    again = Memo(tmp_path, SECRET)
    again.put("pages", "new", "b")
    (tmp_path / "pages" / ".tmp-stray.json").write_text("left by a killed build")
    again.prune()  # "charts" was not used at all this time: its entries stay
    fresh = Memo(tmp_path, SECRET)
    assert (fresh.get("pages", "old"), fresh.get("pages", "new"), fresh.get("charts", "kept")) == (None, "b", "c")
    assert len(entries(tmp_path)) == 2


def test_without_a_secret_the_memo_lives_in_memory_only(tmp_path):
    memo = Memo(tmp_path, None)
    memo.put("files", "k", "text")
    assert memo.get("files", "k") == "text"
    assert not any(tmp_path.iterdir())


def test_the_secret_is_made_private_on_first_use_and_refused_when_others_can_read_it(tmp_path):
    path = tmp_path / "qutibench-site" / "secret"
    secret = load_secret(path)
    assert secret is not None and len(secret) == 32 and load_secret(path) == secret
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    assert load_secret(path) is None
    (tmp_path / "folder" / "secret").mkdir(parents=True)
    assert load_secret(tmp_path / "folder" / "secret") is None


def test_a_project_memo_never_keeps_its_secret_inside_the_project(tmp_path, monkeypatch):
    root = tmp_path / "project"
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / ".cache"))
    memo = Memo.for_project(root / ".cache", root, "code")
    memo.put("files", "k", "text")
    assert memo.get("files", "k") == "text" and not (root / ".cache").exists()


def test_a_memo_folder_that_is_a_link_is_neither_written_nor_pruned(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me")
    cache = tmp_path / "project" / ".cache"
    (cache / "memo").mkdir(parents=True)
    (cache / "memo" / "charts").symlink_to(elsewhere)
    memo = Memo(cache / "memo", SECRET)
    memo.put("charts", "k", "value")
    memo.prune()
    assert [p.name for p in elsewhere.iterdir()] == ["precious.txt"]
    assert memo.get("charts", "k") is None  # not on disk, and a disk memo keeps nothing in memory
