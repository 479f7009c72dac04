#!/usr/bin/python3
"""Load check of `suppcheck serve` (a script, not a timed test): starts the server on a free
127.0.0.1 port, sends 50 label photos with 4 at a time, and reports latency percentiles, the
answers' status codes, that the server stayed up (GET /healthz), and its memory (VmRSS) before,
at the peak and after.

Usage: load_serve.py [--binary build/suppcheck] [--requests 50] [--concurrency 4] [--workers 2]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from procinfo import rss_mib  # noqa: E402
ROOT = os.path.dirname(os.path.dirname(HERE))




def post(url, path):
    with open(path, "rb") as f:
        data = f.read()
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: image/jpeg\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    photos = sorted(glob.glob(os.path.join(ROOT, "samples", "*.jpg")))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--workers", str(args.workers)],
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    banner = server.stderr.readline().decode()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
    if not m:
        sys.exit(f"load: the server did not start: {banner}")
    base = f"http://127.0.0.1:{m.group(1)}"
    before = rss_mib(server.pid)
    peak = [before or 0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            r = rss_mib(server.pid)
            if r:
                peak[0] = max(peak[0], r)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(lambda i: post(base + "/api/scan", photos[i % len(photos)]), range(args.requests)))
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    with urllib.request.urlopen(base + "/healthz", timeout=10) as r:
        health = json.loads(r.read())
    after = rss_mib(server.pid)
    server.terminate()
    server.wait()

    lat = sorted(t for _, t in results)
    codes = {}
    for s, _ in results:
        codes[s] = codes.get(s, 0) + 1
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
    print(f"{args.requests} scans, {args.concurrency} at a time, {args.workers} readers: {wall:.1f} s, "
          f"{args.requests / wall:.2f} scans/s")
    print(f"latency  p50 {q(0.5):.2f} s  p90 {q(0.9):.2f} s  p99 {q(0.99):.2f} s  max {lat[-1]:.2f} s  mean {statistics.mean(lat):.2f} s")
    print(f"answers  {dict(sorted(codes.items()))}")
    print(f"healthz  {health}")
    print(f"memory   {before:.0f} MiB before, {peak[0]:.0f} MiB at the peak, {after:.0f} MiB after")


if __name__ == "__main__":
    main()
