"""Argon2 work runs in a worker thread, never on the event loop's thread."""

from __future__ import annotations

import asyncio
import threading

import pytest

from gesi_app import offload, passwords
from gesi_app.passwords import MIN_MEMORY_KIB, MIN_TIME_COST, Hasher

HASHER = Hasher.make(time_cost=MIN_TIME_COST, memory_kib=MIN_MEMORY_KIB)


def test_hash_and_verify_off_loop_agree_with_the_sync_functions() -> None:
    async def main() -> tuple[bool, bool, bool, bool]:
        hashed = await HASHER.hash_off_loop("482913")
        return (
            await passwords.verify_off_loop(hashed, "482913"),
            await passwords.verify_off_loop(hashed, "482914"),
            passwords.verify_password(hashed, "482913"),
            await HASHER.verify_off_loop(hashed, "482913"),
        )

    assert asyncio.run(main()) == (True, False, True, True)


def test_a_hash_keeps_the_parameters_it_was_made_with() -> None:
    """Hashes made with other parameters (a changed setting) still verify."""
    stronger = Hasher.make(time_cost=2, memory_kib=2048)
    hashed = stronger.hash("482913")
    assert "m=2048,t=2" in hashed
    assert passwords.verify_password(hashed, "482913")
    assert HASHER.verify(hashed, "482913")


def test_the_decoy_is_made_once_with_the_same_parameters() -> None:
    assert "m=1024,t=1" in HASHER.decoy
    assert not HASHER.verify(HASHER.decoy, "000000")


@pytest.mark.parametrize(("time_cost", "memory_kib"), [(0, 1024), (1, 1023)])
def test_parameters_below_the_minimum_are_refused(time_cost: int, memory_kib: int) -> None:
    with pytest.raises(ValueError, match="at least"):
        Hasher.make(time_cost=time_cost, memory_kib=memory_kib)


def test_run_blocking_uses_another_thread() -> None:
    async def main() -> tuple[int, int]:
        return threading.get_ident(), await offload.run_blocking(threading.get_ident)

    loop_thread, worker_thread = asyncio.run(main())
    assert loop_thread != worker_thread


def test_a_bad_hash_does_not_verify() -> None:
    assert passwords.verify_password("not-a-hash", "482913") is False
