"""Argon2id hashing of staff passwords and reporter PINs, on and off the event loop.

New hashes are made by a ``Hasher``: its Argon2 parameters come from the settings
(``GESI_ARGON2_TIME_COST``, ``GESI_ARGON2_MEMORY_KIB``), it is made once in ``create_app``
(or by a command) and passed to whatever hashes; nothing in this module is rewritten at run
time. Verifying needs no parameters: Argon2 reads them from each hash, so hashes made with
other parameters keep working.

The sync functions are for the command line and for code already in a worker thread;
request handlers use ``hash_off_loop`` and ``verify_off_loop``, which run the same work
through ``offload.run_blocking`` so a burst of sign-ins never stalls other requests.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher

from gesi_app.offload import run_blocking
from gesi_app.settings import Settings

# The lowest parameters a Hasher accepts. Anything lower than the defaults makes every hash
# cheaper to guess; the test suite uses these minimums to stay fast.
MIN_TIME_COST = 1
MIN_MEMORY_KIB = 1024

# Verification only: PasswordHasher.verify reads the parameters stored in the hash.
_VERIFIER = PasswordHasher()


@dataclass(frozen=True)
class Hasher:
    """Makes new hashes with one set of Argon2 parameters.

    ``decoy`` is a hash of a secret nobody knows, made once with the same parameters: checking
    a guess against it when the account or report does not exist costs as much as a real
    check, so the time taken does not tell whether it exists.
    """

    argon2: PasswordHasher
    decoy: str

    @classmethod
    def make(cls, *, time_cost: int, memory_kib: int) -> Hasher:
        if time_cost < MIN_TIME_COST:
            raise ValueError(f"Argon2 time cost must be at least {MIN_TIME_COST}")
        if memory_kib < MIN_MEMORY_KIB:
            raise ValueError(f"Argon2 memory must be at least {MIN_MEMORY_KIB} KiB")
        argon2 = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
        return cls(argon2, argon2.hash(secrets.token_urlsafe(16)))

    @classmethod
    def from_settings(cls, settings: Settings) -> Hasher:
        return cls.make(time_cost=settings.argon2_time_cost, memory_kib=settings.argon2_memory_kib)

    def hash(self, secret: str) -> str:
        return self.argon2.hash(secret)

    async def hash_off_loop(self, secret: str) -> str:
        return await run_blocking(self.hash, secret)

    def verify(self, secret_hash: str, secret: str) -> bool:
        """Whether ``secret`` matches; the same as ``verify_password``, for code that holds
        the app's Hasher anyway (sign-in checks through it, so its checks can be counted)."""
        return _verify(self.argon2, secret_hash, secret)

    async def verify_off_loop(self, secret_hash: str, secret: str) -> bool:
        return await run_blocking(self.verify, secret_hash, secret)


def _verify(argon2: PasswordHasher, secret_hash: str, secret: str) -> bool:
    try:
        return argon2.verify(secret_hash, secret)
    except Exception:  # argon2 raises several types for a mismatch or a bad hash
        return False


def verify_password(password_hash: str, password: str) -> bool:
    return _verify(_VERIFIER, password_hash, password)


async def verify_off_loop(password_hash: str, password: str) -> bool:
    return await run_blocking(verify_password, password_hash, password)
