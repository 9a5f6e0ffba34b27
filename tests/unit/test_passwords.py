"""Argon2 work runs in a worker thread, never on the event loop's thread."""

from __future__ import annotations

import asyncio
import threading

from gesi_app import offload, passwords


def test_hash_and_verify_off_loop_agree_with_the_sync_functions() -> None:
    async def main() -> tuple[bool, bool, bool]:
        hashed = await passwords.hash_off_loop("482913")
        return (
            await passwords.verify_off_loop(hashed, "482913"),
            await passwords.verify_off_loop(hashed, "482914"),
            passwords.verify_password(hashed, "482913"),
        )

    assert asyncio.run(main()) == (True, False, True)


def test_run_blocking_uses_another_thread() -> None:
    async def main() -> tuple[int, int]:
        return threading.get_ident(), await offload.run_blocking(threading.get_ident)

    loop_thread, worker_thread = asyncio.run(main())
    assert loop_thread != worker_thread


def test_a_bad_hash_does_not_verify() -> None:
    assert passwords.verify_password("not-a-hash", "482913") is False
