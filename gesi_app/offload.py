"""Blocking and CPU-heavy work off the event loop, through one bounded worker pool.

Argon2, image re-encoding, PDF rendering, audio synthesis and calls to ffprobe/ffmpeg each
take from milliseconds to seconds. Run on the event loop, they stall every other request
(`/healthz` included). ``run_blocking`` sends such work to a worker thread; at most
``WORKERS`` of them run at once in a process, so a flood of sign-ins or uploads queues up
instead of starving the loop or the machine. The C libraries we call (argon2-cffi, Pillow,
pango through WeasyPrint) release the GIL while they work.

The limiter is one per process, like the thread pool it guards: it is not state of an app.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter

T = TypeVar("T")

WORKERS = max(2, os.cpu_count() or 2)
_limiter = CapacityLimiter(WORKERS)


async def run_blocking(func: Callable[..., T], *args: object) -> T:
    """``func(*args)`` in a worker thread, waiting for a free worker first."""
    return await anyio.to_thread.run_sync(func, *args, limiter=_limiter)
