"""Near-duplicates: MinHash signatures of word shingles, banded for LSH lookups in the store.

The bands are stored as plain keys (``"<band>:<hash>"``), so finding the candidates of a new
article is one indexed lookup in any SQL store, incremental, with nothing held in memory.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
from zlib import crc32

import numpy as np
from datasketch import MinHash

from .settings import SETTINGS, StorySettings
from .text import words

_SEED = 1  # fixed: signatures stored by one run must match the next run's (so must the shingle hash)


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
    hashes = shingle_hashes(body(text, settings), settings.shingle_words)
    permutations, scheme = _permutations(settings.num_perm)
    mh = MinHash(num_perm=settings.num_perm, seed=_SEED, hashfunc=int, permutations=permutations, scheme=scheme)
    if len(hashes):  # a minimum: the order the shingles are fed in does not matter
        mh.update_batch(hashes.tolist())
    values = np.asarray(mh.hashvalues, dtype="<u8")
    return Fingerprint(values.tobytes(), len(hashes), band_keys(values, settings.band_rows) if len(hashes) else ())


# One odd 64-bit multiplier per position in a shingle (SplitMix64's and MurmurHash3's constants).
_POSITION_KEYS = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xFF51AFD7ED558CCD,
                           0xC4CEB9FE1A85EC53, 0xD6E8FEB86659FD93, 0xCA5A826395121157, 0x2545F4914F6CDD1D],
                          dtype=np.uint64)


def _mix64(z: np.ndarray) -> np.ndarray:
    """SplitMix64's finalizer, element-wise (uint64 arithmetic wraps, as intended)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The distinct 32-bit hashes of the word ``size``-grams of ``text`` (a text of ``size`` words or
    fewer is one shingle), computed in numpy: SHA-1 of every shingle string was most of the cost of
    a fingerprint. Each word's CRC-32 is spread over 64 bits (SplitMix64), a shingle sums its
    words' values with one multiplier per position and is mixed again. Left unmixed, CRC-32's
    linear structure made the MinHash estimates of distinct texts about twice as noisy."""
    ws = words(text)
    if not ws:
        return np.empty(0, dtype=np.uint64)
    if size > len(_POSITION_KEYS):
        raise ValueError(f"shingles of at most {len(_POSITION_KEYS)} words")
    word_values = _mix64(np.fromiter((crc32(w.encode("utf-8")) for w in ws), dtype=np.uint64, count=len(ws)))
    n = max(len(ws) - size + 1, 1)
    sums = np.zeros(n, dtype=np.uint64)
    for k in range(min(size, len(ws))):
        sums += word_values[k:k + n] * _POSITION_KEYS[k]
    return np.unique(_mix64(sums) >> np.uint64(32))


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


def containment(a: Fingerprint, b_signature: bytes, b_size: int) -> float:
    """Estimated share of the smaller text's shingles that the other text holds too."""
    return float(containments(a, [b_signature], [b_size])[0])


def containments(a: Fingerprint, signatures: Sequence[bytes], sizes: Sequence[int]) -> np.ndarray:
    """``containment`` of ``a`` with each of several stored texts at once (0 for a signature of
    another length, or when either text has no shingle)."""
    x = np.frombuffer(a.signature, dtype="<u8")
    out = np.zeros(len(signatures))
    same = [k for k, sig in enumerate(signatures) if len(sig) == len(a.signature)]
    if not len(x) or not same:
        return out
    ys = np.frombuffer(b"".join(signatures[k] for k in same), dtype="<u8").reshape(len(same), len(x))
    j = np.count_nonzero(ys == x, axis=1) / len(x)
    b_sizes = np.asarray([sizes[k] for k in same], dtype=float)
    smaller = np.minimum(a.size, b_sizes)
    shared = j / (1.0 + j) * (a.size + b_sizes)
    with np.errstate(divide="ignore", invalid="ignore"):
        out[same] = np.where(smaller > 0, np.minimum(1.0, shared / smaller), 0.0)
    return out

