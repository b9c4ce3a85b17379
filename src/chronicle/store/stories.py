"""Near-duplicate grouping: articles whose word shingles overlap enough are one story.

MinHash over word 3-gram shingles with an LSH index (datasketch). Signatures are bytes so the
store can persist them and a later ingest joins stories found earlier.
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Iterator

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128  # permutations per signature: Jaccard estimates within about +-0.09
SCHEME = "affine32"  # datasketch >= 2 hashing scheme; persisted signatures must be read with the same one
SEED = 1  # permutation seed; with SCHEME, NUM_PERM and crc32 it fixes what a stored signature means
SHINGLE = 3  # words per shingle: short enough for small articles, long enough to ignore topic words
_WORD = re.compile(r"\w+", re.UNICODE)
BATCH = 8192  # shingles hashed at once: a 1 MB body has 170,000, and each costs NUM_PERM x 8 bytes a pass
# The permutations are drawn once: drawing them per article costs more than hashing a short one.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Lower-cased word n-grams of ``text``; the words themselves when it is shorter than ``size``."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return set(words)
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    """The MinHash of a body's shingles (crc32: deterministic across processes, and fast)."""
    sig = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, permutations=_PERMUTATIONS, scheme=SCHEME)
    batch: list[bytes] = []
    for shingle in _shingle_stream(text):  # a repeated shingle changes no minimum: no set needed
        batch.append(shingle.encode("utf-8"))
        if len(batch) == BATCH:  # update_batch holds shingles x NUM_PERM numbers at once
            sig.update_batch(batch)
            batch = []
    if batch:
        sig.update_batch(batch)
    return LeanMinHash(sig)


def _shingle_stream(text: str, size: int = SHINGLE) -> Iterator[str]:
    """The shingles of ``shingles(text)``, repeats included, without holding the words or the
    set: a 50 MB body has millions."""
    window: deque[str] = deque(maxlen=size)
    for match in _WORD.finditer(text.lower()):
        window.append(match.group())
        if len(window) == size:
            yield " ".join(window)
    if len(window) < size:  # shorter than one shingle: the words themselves
        yield from window


def to_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class StoryIndex:
    """Assigns each new article to the story of its most similar earlier article, or a new one."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._members: dict[str, tuple[str, LeanMinHash]] = {}  # article id -> (story id, signature)

    def __len__(self) -> int:
        return len(self._members)

    def load(self, article_id: str, story_id: str, data: bytes) -> None:
        """Add a signature persisted by an earlier run."""
        self._add(article_id, story_id, from_bytes(data))

    def match(self, article_id: str, body: str) -> tuple[str, LeanMinHash]:
        """The story id ``body`` belongs to (its own id when none is close) and its signature."""
        sig = signature(body)
        return self.match_signature(article_id, sig), sig

    def match_signature(self, article_id: str, sig: LeanMinHash) -> str:
        """The story id of the article whose signature is ``sig`` (its own id when none is close)."""
        scored = [(sig.jaccard(self._members[o][1]), self._members[o][0]) for o in self._lsh.query(sig)]
        close = [pair for pair in scored if pair[0] >= self.threshold]
        return max(close)[1] if close else article_id

    def add(self, article_id: str, story_id: str, sig: LeanMinHash) -> None:
        """Index an article once it is stored (after its transaction committed)."""
        self._add(article_id, story_id, sig)

    def _add(self, article_id: str, story_id: str, sig: LeanMinHash) -> None:
        if article_id in self._members:
            return
        self._members[article_id] = (story_id, sig)
        self._lsh.insert(article_id, sig)
