#!/usr/bin/python3
"""Benchmark of `suppcheck batch`: photos per second with --jobs 1 and --jobs 2 on the same set,
the speed-up, and peak memory (total and per worker), in one invocation.

The set is generated fresh by scripts/gen/gen_labels.py (phone-photo tier by default) unless --dir
is given. Memory is the peak resident set of the whole process, read from the kernel when it
exits; per worker = (peak with 2 jobs - peak with 1 job), the cost of one more warm engine.

Usage: bench_batch.py [--dir DIR | --count N --seed S] [--binary build/suppcheck]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(binary, folder, jobs):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "batch", folder, "--jobs", str(jobs), "--format", "jsonl", "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 3):
        sys.exit(f"bench: batch --jobs {jobs} failed with {code}: {p.stderr.read().decode()[-500:]}")
    n = out.count(b"\n")
    return n, wall, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--tiers", default="phone")
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    args = ap.parse_args()
    tmp = None
    if not args.dir:
        tmp = tempfile.TemporaryDirectory(prefix="suppcheck-batch-bench-")
        args.dir = tmp.name
        print(f"generating {args.count} photos ({args.tiers}) with seed {args.seed} ...", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen", "gen_labels.py"), "--out", args.dir, "--count",
                        str(args.count), "--seed", str(args.seed), "--tiers", args.tiers], check=True)
    n1, t1, m1 = run(args.binary, args.dir, 1)
    n2, t2, m2 = run(args.binary, args.dir, 2)
    print(f"\n{n1} photos in {args.dir} ({os.cpu_count()} cores)\n")
    print(f"{'jobs':>4} {'seconds':>8} {'photos/s':>9} {'peak MiB':>9}")
    print(f"{1:>4} {t1:8.1f} {n1 / t1:9.2f} {m1:9.0f}")
    print(f"{2:>4} {t2:8.1f} {n2 / t2:9.2f} {m2:9.0f}")
    print(f"\nspeed-up with 2 jobs: {t1 / t2:.2f}x; memory per extra worker: {m2 - m1:.0f} MiB")


if __name__ == "__main__":
    main()
