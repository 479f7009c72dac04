#!/usr/bin/python3
"""Long-run memory check: one suppcheck process scans the same photos over and over (200 by
default, the sample photos repeated) and its resident memory is read as results come out.
Memory that keeps growing with the count is a leak; memory that levels off is a working set.

Usage: longrun_memory.py [--binary build/suppcheck] [--count 200]
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from procinfo import rss_mib  # noqa: E402
ROOT = os.path.dirname(os.path.dirname(HERE))




def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    ap.add_argument("--count", type=int, default=200)
    args = ap.parse_args()
    photos = sorted(glob.glob(os.path.join(ROOT, "samples", "*.jpg")))
    with tempfile.TemporaryDirectory(prefix="suppcheck-longrun-") as tmp:
        for i in range(args.count):
            os.symlink(photos[i % len(photos)], os.path.join(tmp, f"photo-{i:04d}.jpg"))
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        p = subprocess.Popen([os.path.abspath(args.binary), "batch", tmp, "--jobs", "1", "--format", "jsonl", "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        marks = {}
        done = 0
        t0 = time.time()
        for _ in p.stdout:
            done += 1
            if done in (1, 10, 25, 50, 100, 150, args.count) or done % 50 == 0:
                marks[done] = rss_mib(p.pid)
        p.wait()
    print(f"{done} photos in one process, {time.time() - t0:.0f} s")
    print("photos  RSS MiB")
    for n in sorted(marks):
        if marks[n] is not None:
            print(f"{n:6d}  {marks[n]:7.0f}")
    first, last = marks.get(25), marks.get(done)
    if first and last:
        print(f"growth from photo 25 to {done}: {last - first:+.0f} MiB ({(last - first) / max(1, done - 25) * 1024:+.0f} KiB/photo)")


if __name__ == "__main__":
    main()
