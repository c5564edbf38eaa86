"""The raw store: every distinct page body kept once, named by its sha256, gzip-compressed.

    store = RawStore(Path("data/raw"))
    sha = store.put(body)        # the same body twice is stored once
    store.get(sha) == body

Layout: <root>/<sha[:2]>/<sha[2:4]>/<sha>.gz. Writes go to a temporary file in the same folder and are
renamed into place, so a crash (even kill -9) never leaves a half-written object under its real name.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
SUFFIX = ".gz"


class RawStore:
    """Content-addressed, compressed storage of raw bodies under `root`."""

    def __init__(self, root: Path | str, compresslevel: int = 6) -> None:
        self.root = Path(root)
        self.compresslevel = compresslevel

    def path(self, sha: str) -> Path:
        sha = sha.lower()
        if not _SHA256.match(sha):
            raise ValueError(f"not a sha256 hex digest: {sha!r}")
        return self.root / sha[:2] / sha[2:4] / f"{sha}{SUFFIX}"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, body: bytes) -> str:
        """Store `body` unless it is already there; return its sha256 hex digest."""
        sha = hashlib.sha256(body).hexdigest()
        target = self.path(sha)
        if target.is_file():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same body always compresses to the same bytes
        data = gzip.compress(body, compresslevel=self.compresslevel, mtime=0)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{sha[:12]}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
            # No fsync: a killed process leaves the page cache intact, and a file torn by a power cut
            # fails the sha256 check on read and is fetched again. fsync per page cost ~2 ms.
            os.replace(tmp_name, target)  # atomic; concurrent writers of one body write identical bytes
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha: str) -> bytes:
        """The body stored under `sha`; KeyError if absent, ValueError if the object is corrupt."""
        return self.unpack(sha, self.get_packed(sha), self.path(sha))

    def get_packed(self, sha: str) -> bytes:
        """The stored object as it is on disk (compressed), to be unpacked elsewhere: a Dask worker gets a fifth
        of the bytes and does the decompression and the check itself. KeyError if absent."""
        try:
            return self.path(sha).read_bytes()
        except FileNotFoundError:
            raise KeyError(f"{sha} is not in the raw store at {self.root}") from None

    @staticmethod
    def unpack(sha: str, data: bytes, where: object = "raw store object") -> bytes:
        """The body in a stored object; ValueError if it is corrupt or not the body of `sha`."""
        try:
            body = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ValueError(f"raw store object {where} is corrupt: {exc}") from exc
        if hashlib.sha256(body).hexdigest() != sha.lower():
            raise ValueError(f"raw store object {where} does not match its sha256")
        return body

    def __contains__(self, sha: str) -> bool:
        return self.has(sha)

    def __iter__(self):
        """Every stored sha256, in no particular order (temporary files are skipped)."""
        for path in self.root.glob(f"*/*/*{SUFFIX}"):
            name = path.name[: -len(SUFFIX)]
            if _SHA256.match(name):
                yield name

    def cleanup_temp(self) -> int:
        """Remove temporary files left by a killed writer; returns how many."""
        removed = 0
        for path in self.root.glob("*/*/.*.tmp"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed
