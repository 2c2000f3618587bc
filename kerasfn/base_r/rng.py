"""R's default random number generator, so a port draws R's numbers.

R's defaults (``RNGkind()``: "Mersenne-Twister", "Inversion",
"Rejection"): ``set.seed(n)`` scrambles ``n`` with R's linear congruential
steps into the Mersenne-Twister state; ``unif_rand()`` is the twister's
32-bit output scaled to (0, 1); ``sample()`` draws integers by rejection
sampling from random bits (R >= 3.6).  Pure Python: fast enough for the
vectors scripts draw, not for millions of numbers.  (R's ``rnorm()`` is not
reproduced: its inversion through ``qnorm()`` differed from R in the last
bit for some draws.)
"""

from __future__ import annotations

import math
import os

_N, _M = 624, 397
_MASK32 = 0xFFFFFFFF
_UPPER, _LOWER = 0x80000000, 0x7FFFFFFF
_MAG01 = (0x0, 0x9908B0DF)
_SCALE = 2.3283064365386963e-10  # 2^-32, as R's MT_genrand
_HALF_STEP = 0.5 * 2.328306437080797e-10  # R's fixup() keeps draws inside (0, 1)


class MersenneTwister:
    """R's Mersenne-Twister, seeded as R's ``set.seed()`` seeds it."""

    def __init__(self, seed: int) -> None:
        value = seed & _MASK32  # R's Int32: negative seeds wrap as in C
        for _ in range(50):  # R's initial scrambling
            value = (69069 * value + 1) & _MASK32
        state = []
        for _ in range(_N + 1):  # R fills 625 words; the first is then the position
            value = (69069 * value + 1) & _MASK32
            state.append(value)
        self._state = state[1:]
        self._position = _N

    def _twist(self) -> None:
        mt = self._state
        for kk in range(_N):
            y = (mt[kk] & _UPPER) | (mt[(kk + 1) % _N] & _LOWER)
            mt[kk] = mt[(kk + _M) % _N] ^ (y >> 1) ^ _MAG01[y & 1]
        self._position = 0

    def next32(self) -> int:
        if self._position >= _N:
            self._twist()
        y = self._state[self._position]
        self._position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return y & _MASK32

    def unif_rand(self) -> float:
        value = self.next32() * _SCALE
        if value <= 0.0:
            return _HALF_STEP
        if 1.0 - value <= 0.0:
            return 1.0 - _HALF_STEP
        return value

    def _random_bits(self, bits: int) -> int:
        value = 0
        for _ in range(0, bits + 1, 16):
            value = 65536 * value + int(math.floor(self.unif_rand() * 65536))
        return value & ((1 << bits) - 1)

    def unif_index(self, n: int) -> int:
        """A uniform integer in ``0..n-1`` (R's ``R_unif_index()``, "Rejection")."""
        if n <= 0:
            return 0
        bits = math.ceil(math.log2(n))
        while True:
            value = self._random_bits(bits)
            if value < n:
                return value


_generator: MersenneTwister | None = None


def set_seed(seed: int) -> None:
    """Seed R's generator (R's ``set.seed()``)."""
    global _generator
    _generator = MersenneTwister(seed)


def generator() -> MersenneTwister:
    """The generator, seeded from the system the first time when no seed was set (as R does)."""
    global _generator
    if _generator is None:
        _generator = MersenneTwister(int.from_bytes(os.urandom(4), "little"))
    return _generator
