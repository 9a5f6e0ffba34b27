"""Blocking and CPU-heavy work off the event loop, through one bounded worker pool.

Argon2, image re-encoding, PDF rendering, audio synthesis and calls to ffprobe/ffmpeg each
take from milliseconds to seconds. Run on the event loop, they stall every other request
(`/healthz` included). ``run_blocking`` sends such work to a worker thread; at most
``WORKERS`` of them run at once in a process, so a flood of sign-ins or uploads queues up
instead of starving the loop or the machine. The C libraries we call (argon2-cffi, Pillow,
pango through WeasyPrint) release the GIL while they work.

Work that is pure Python for most of its time (WeasyPrint lays a page out in Python) would
still hold the GIL in a thread and slow every request; ``run_in_process`` sends it to a worker
process instead (anyio's pool: started on first use, stopped with the event loop or after five
idle minutes), again at most ``WORKERS`` at once.

The limiters are one per process, like the pools they guard: they are not state of an app.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import anyio.to_process
import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")

WORKERS = max(2, os.cpu_count() or 2)
_limiter = CapacityLimiter(WORKERS)
_process_limiter = CapacityLimiter(WORKERS)


async def run_blocking(func: Callable[..., T], *args: object) -> T:
    """``func(*args)`` in a worker thread, waiting for a free worker first."""
    return await anyio.to_thread.run_sync(func, *args, limiter=_limiter)


async def run_in_process(func: Callable[..., T], *args: object) -> T:
    """``func(*args)`` in a worker process, waiting for a free worker first.

    ``func`` and its arguments travel pickled: ``func`` is a module-level function, best in a
    module that imports little (the worker imports it on first use)."""
    return await anyio.to_process.run_sync(func, *args, limiter=_process_limiter)
