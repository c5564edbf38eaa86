"""RawStore: content-addressed, compressed, each body once, atomic writes."""

from __future__ import annotations

import gzip
import hashlib
import threading

import pytest

from flows.rawstore import RawStore

BODY = ("<p>HKSTP is home to around 1,700 technology companies from 26 countries and regions.</p>\n" * 200).encode()


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_returns_the_sha256_and_get_gives_the_body_back(tmp_path):
    store = RawStore(tmp_path / "raw")
    sha = store.put(BODY)

    assert sha == hashlib.sha256(BODY).hexdigest()
    assert store.has(sha) and sha in store
    assert store.get(sha) == BODY


def test_the_same_body_is_stored_once(tmp_path):
    store = RawStore(tmp_path)
    first = store.put(BODY)
    second = store.put(BODY)
    other = store.put(BODY + b"<p>edited</p>")

    assert first == second != other
    assert len(stored_files(tmp_path)) == 2
    assert sorted(store) == sorted([first, other])


def test_objects_are_gzip_compressed_under_their_hash(tmp_path):
    store = RawStore(tmp_path)
    sha = store.put(BODY)
    path = store.path(sha)

    assert path == tmp_path / sha[:2] / sha[2:4] / f"{sha}.gz"
    assert path.stat().st_size < len(BODY) / 10
    assert gzip.decompress(path.read_bytes()) == BODY


def test_empty_body_round_trips(tmp_path):
    store = RawStore(tmp_path)
    assert store.get(store.put(b"")) == b""


def test_missing_object_is_a_key_error_and_bad_names_are_refused(tmp_path):
    store = RawStore(tmp_path)
    missing = hashlib.sha256(b"never stored").hexdigest()
    assert not store.has(missing)
    with pytest.raises(KeyError, match="not in the raw store"):
        store.get(missing)
    with pytest.raises(ValueError, match="not a sha256"):
        store.get("../../etc/passwd")


def test_a_corrupt_object_is_reported_not_returned(tmp_path):
    store = RawStore(tmp_path)
    sha = store.put(BODY)
    store.path(sha).write_bytes(gzip.compress(b"something else"))
    with pytest.raises(ValueError, match="does not match"):
        store.get(sha)
    store.path(sha).write_bytes(b"not gzip at all")
    with pytest.raises(ValueError, match="corrupt"):
        store.get(sha)


def test_a_write_killed_half_way_leaves_no_object_under_the_real_name(tmp_path):
    store = RawStore(tmp_path)
    sha = hashlib.sha256(BODY).hexdigest()
    # What a writer killed before its rename leaves behind: a temporary file beside the target.
    folder = store.path(sha).parent
    folder.mkdir(parents=True)
    (folder / f".{sha[:12]}.abcd.tmp").write_bytes(gzip.compress(BODY)[:40])

    assert not store.has(sha)
    assert list(store) == []
    assert store.put(BODY) == sha and store.get(sha) == BODY
    assert store.cleanup_temp() == 1
    assert [p.name for p in stored_files(tmp_path)] == [f"{sha}.gz"]


def test_concurrent_writers_of_one_body_leave_one_object(tmp_path):
    store = RawStore(tmp_path)
    shas = []
    threads = [threading.Thread(target=lambda: shas.append(store.put(BODY))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert set(shas) == {hashlib.sha256(BODY).hexdigest()}
    assert len(stored_files(tmp_path)) == 1
    assert store.get(shas[0]) == BODY
