"""Benchmark: build the whole audio prompt catalogue for both languages, offline.

Runs `gesi-app audio build` in a fresh data folder (so every file is made) and prints the
time, the number of prompts and the total size of the files. Offline means what this
machine has: with the default chain (gtts,espeak) gTTS gets one try with its timeout and
then rests, so espeak-ng speaks every prompt. Results: docs/performance.md.

    .venv/bin/python bench/audio_build.py [--engines gtts,espeak] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="gtts,espeak")
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="suara-audio-bench-") as tmp:
        env = {
            **os.environ,
            "GESI_DATA_DIR": tmp,
            "GESI_SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
            "GESI_TTS_ENGINES": args.engines,
        }
        command = [str(Path(sys.executable).with_name("gesi-app")), "audio", "build"]
        if args.workers:
            command += ["--workers", str(args.workers)]
        started = time.perf_counter()
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        files = list(Path(tmp, "audio").rglob("*.mp3"))
        size = sum(f.stat().st_size for f in files)
    print(done.stdout.strip())
    workers = args.workers or "one per core"
    print(f"engines {args.engines}; cores {os.cpu_count()}; workers {workers}")
    print(f"build time {seconds:.1f} s (target 120 s); {len(files)} files; {size / 1e6:.2f} MB")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime
    print(f"CPU time {cpu:.1f} s (espeak-ng, lame and the build itself, all processes)")
    if files:
        print(f"mean file {size / len(files) / 1e3:.1f} kB")
    if done.returncode:
        print(done.stderr.strip().splitlines()[-1], file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
