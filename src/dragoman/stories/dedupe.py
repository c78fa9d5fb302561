"""Near-duplicates: MinHash signatures of word shingles, banded for LSH lookups in the store.

The bands are stored as plain keys (``"<band>:<hash>"``), so finding the candidates of a new
article is one indexed lookup in any SQL store, incremental, with nothing held in memory.
"""
from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from .settings import SETTINGS, StorySettings
from .text import shingles

_SEED = 1  # fixed: signatures stored by one run must match the next run's


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: bytes  # num_perm little-endian uint64 MinHash values
    size: int  # number of distinct shingles
    bands: tuple[str, ...]  # LSH band keys


def body(text: str, settings: StorySettings = SETTINGS) -> str:
    """The paragraphs long enough to be prose: headlines, bylines, share lines and credits are left
    out, so a copy that changed only those compares equal (the whole text if nothing is that long)."""
    long = [p for p in text.split("\n\n") if len(p.split()) >= settings.body_paragraph_words]
    return "\n\n".join(long) if long else text


def fingerprint(text: str, settings: StorySettings = SETTINGS) -> Fingerprint:
    grams = shingles(body(text, settings), settings.shingle_words)
    permutations, scheme = _permutations(settings.num_perm)
    mh = MinHash(num_perm=settings.num_perm, seed=_SEED, hashfunc=_sha1_32, permutations=permutations, scheme=scheme)
    if grams:  # a minimum: the order the shingles are fed in does not matter
        mh.update_batch([g.encode("utf-8") for g in grams])
    values = np.asarray(mh.hashvalues, dtype="<u8")
    return Fingerprint(values.tobytes(), len(grams), band_keys(values, settings.band_rows) if grams else ())


_LE_UINT32 = struct.Struct("<I")


def _sha1_32(data: bytes) -> int:
    """datasketch's default hash (the first four bytes of SHA-1, little-endian), without its slice."""
    return _LE_UINT32.unpack_from(hashlib.sha1(data).digest())[0]


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[object, str]:
    """datasketch draws the permutations on every MinHash it makes (about 5 ms); draw them once."""
    template = MinHash(num_perm=num_perm, seed=_SEED)
    return template.permutations, template.scheme


def band_keys(values: np.ndarray, rows: int) -> tuple[str, ...]:
    keys = []
    for band in range(len(values) // rows):
        digest = hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return tuple(keys)


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    x, y = np.frombuffer(a, dtype="<u8"), np.frombuffer(b, dtype="<u8")
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)


def containment(a: Fingerprint, b_signature: bytes, b_size: int) -> float:
    """Estimated share of the smaller text's shingles that the other text holds too."""
    smaller = min(a.size, b_size)
    if smaller == 0:
        return 0.0
    j = jaccard(a.signature, b_signature)
    shared = j / (1.0 + j) * (a.size + b_size)
    return min(1.0, shared / smaller)


def is_duplicate(a: Fingerprint, b_signature: bytes, b_size: int, settings: StorySettings = SETTINGS) -> bool:
    return containment(a, b_signature, b_size) >= settings.duplicate_containment
