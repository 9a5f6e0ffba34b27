"""Phase 1 of ``event_loop_stalls.py``: what big form posts cost the server in memory."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import httpx2


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of a process, in KiB, from /proc."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0])
    return found


def big_post(port: int, megabytes: int, token: str, results: list[str]) -> None:
    """One urlencoded POST of ``megabytes`` MB sent over a raw socket, its CSRF cookie and
    token first as our forms send them; its status, or what happened to the connection."""
    size = megabytes * 1_000_000
    head = (
        f"POST /track HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {size}\r\n"
        f"Cookie: suara_csrf={token}\r\n\r\n"
    ).encode()
    start = f"csrftoken={token}&code=".encode()
    chunk = b"a" * (1 << 20)
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        try:
            sock.sendall(head + start)
            sent = len(start)
            while sent < size:
                piece = chunk[: min(len(chunk), size - sent)]
                sock.sendall(piece)
                sent += len(piece)
        except OSError:
            pass  # the server answered and closed before the body ended: read its answer
        try:
            answer = sock.recv(200).decode("latin-1")
        except OSError as exc:
            results.append(f"connection {exc.__class__.__name__} after {sent // 1_000_000} MB")
            return
    status = answer.split(" ", 2)[1] if answer.startswith("HTTP/") else "no answer"
    results.append(f"{status} after sending {sent // 1_000_000} MB")


def memory_test(port: int, pid: int, posts: int, megabytes: int) -> None:
    page = httpx2.get(f"http://127.0.0.1:{port}/track", timeout=10)
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert token
    assert page.cookies.get("suara_csrf") == token[1]
    before = memory_kib(pid)
    results: list[str] = []
    threads = [
        threading.Thread(target=big_post, args=(port, megabytes, token[1], results))
        for _ in range(posts)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    seconds = time.perf_counter() - began
    time.sleep(1)
    after = memory_kib(pid)
    print(f"memory: {posts} form posts of {megabytes} MB at once, with a good CSRF token")
    print(f"  answers: {', '.join(sorted(results))} ({seconds:.1f} s)")
    print(
        f"  server resident memory: before {before['VmRSS'] // 1024} MB, "
        f"after {after['VmRSS'] // 1024} MB, peak {after['VmHWM'] // 1024} MB"
    )
