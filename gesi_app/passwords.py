"""Argon2id hashing of staff passwords and reporter PINs, on and off the event loop.

The sync functions are for the command line and for code already in a worker thread;
request handlers use ``hash_off_loop`` and ``verify_off_loop``, which run the same work
through ``offload.run_blocking`` so a burst of sign-ins never stalls other requests.
"""

from __future__ import annotations

from argon2 import PasswordHasher

from gesi_app.offload import run_blocking

_hasher = PasswordHasher()


def use_hasher(hasher: PasswordHasher) -> None:
    """Use other Argon2 parameters for new hashes (the test suite uses cheap ones).

    Verifying reads the parameters stored in each hash, so existing hashes keep working.
    """
    global _hasher  # one hasher for the process, like the one Argon2 profile it stands for
    _hasher = hasher


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except Exception:  # argon2 raises several types for a mismatch or a bad hash
        return False


async def hash_off_loop(password: str) -> str:
    return await run_blocking(hash_password, password)


async def verify_off_loop(password_hash: str, password: str) -> bool:
    return await run_blocking(verify_password, password_hash, password)
