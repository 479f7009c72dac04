#!/usr/bin/python3
"""Benchmark of `suppcheck number`: typed numbers checked per second, and registry lookups per
second against a generated one-million-row CSV snapshot, with load time and peak memory.

Every figure is printed beside a baseline run in the same invocation (a plain Python
implementation: a regular expression for the format, a dict built with the csv module for the
snapshot), so the ratios mean something on any machine.

Usage: scripts/bench/bench_number.py [--rows 1000000] [--numbers 200000] [--binary build/suppcheck]
"""
import argparse
import csv
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

CATS = ["NUT", "PL", "AS", "NUT/PL", "NUT/AS", "PL/AS", "NUT/PL/AS"]


def spell(rng, cats, producer, product):
    """One of the spellings a person or a spreadsheet uses."""
    style = rng.randrange(4)
    if style == 0:
        return f"{cats} {producer}/{product}"
    if style == 1:
        return f"{cats.lower()}{producer}/{product}"
    if style == 2:
        return f"{cats.replace('/', ' / ')} {producer} / {product}"
    return f"{cats}{producer}/{product}"


def make_inputs(rng, n, listed):
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5 and listed:
            out.append(rng.choice(listed))
        elif r < 0.8:
            out.append(spell(rng, rng.choice(CATS), rng.randrange(1, 10000), rng.randrange(1, 10000)))
        else:  # near misses
            out.append(rng.choice(["NUT 12345/6", "NUT 12A/4", "XY 1/2", "NUT 123", "NUT/NUT 1/2", "12/34"]))
    return out


# Runs a command from a small helper process, so that the peak memory measured is the
# command's own and not the copy of this (large) process that a fork starts with.
HELPER = r"""
import os, sys, time
stdin = open(sys.argv[1], "rb")
t0 = time.perf_counter()
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ, file_actions=[
    (os.POSIX_SPAWN_DUP2, stdin.fileno(), 0),
    (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - t0, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(cmd, stdin_path):
    """Runs cmd with stdin from a file; returns (seconds, peak RSS in MiB, exit code)."""
    out = subprocess.run([sys.executable, "-c", HELPER, stdin_path, *cmd], capture_output=True, text=True)
    try:
        dt, rss, code = out.stdout.split()
    except ValueError:
        sys.exit(f"bench: {' '.join(cmd)} failed: {out.stderr}")
    if int(code) not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({code})")
    return float(dt), int(rss) / 1024.0, int(code)


# The baseline: what a person would write in an afternoon.
BASELINE = r'''
import csv, re, sys
pat = re.compile(r"^\s*((?:NUT|PL|AS)(?:\s*/\s*(?:NUT|PL|AS))*)\s*(\d{1,4})\s*/\s*(\d{1,4})\s*$", re.I)
order = {"NUT": 0, "PL": 1, "AS": 2}
def canon(s):
    m = pat.match(s)
    if not m: return None
    cats = [c.strip().upper() for c in m.group(1).split("/")]
    if len(set(cats)) != len(cats): return None
    return "/".join(sorted(cats, key=order.get)) + " " + m.group(2) + "/" + m.group(3)
reg = {}
if len(sys.argv) > 1:
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            c = canon(row["number"])
            if c: reg[c] = row
out = sys.stdout
for line in sys.stdin:
    c = canon(line)
    status = "valid" if c else "invalid"
    listed = (c in reg) if reg else None
    out.write('{"input": %r, "status": "%s", "listed": %s}\n' % (line.strip(), status, listed))
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--numbers", type=int, default=200_000)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"bench: {args.binary} not found; build first (scripts/build.sh)")

    rng = random.Random(42)
    with tempfile.TemporaryDirectory(prefix="suppcheck-bench-") as tmp:
        snapshot = os.path.join(tmp, "snapshot.csv")
        listed = []
        t0 = time.perf_counter()
        with open(snapshot, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["number", "product", "company", "status"])
            seen = set()
            while len(seen) < args.rows:
                key = (rng.choice(CATS), rng.randrange(1, 10000), rng.randrange(1, 10000))
                if key in seen:
                    continue
                seen.add(key)
                number = spell(rng, *key)
                if len(listed) < 50000 and rng.random() < 0.1:
                    listed.append(number)
                w.writerow([number, f"Product {len(seen)}, magnesium", "ACME \"Belgium\" NV", "notified"])
        del seen  # the forked children start with our memory; keep it out of their peak RSS
        gc.collect()
        size_mb = os.path.getsize(snapshot) / 1e6
        print(f"generated a {args.rows:,}-row snapshot ({size_mb:.0f} MB) in {time.perf_counter() - t0:.1f} s")

        numbers = os.path.join(tmp, "numbers.txt")
        with open(numbers, "w") as f:
            f.write("\n".join(make_inputs(rng, args.numbers, listed)) + "\n")
        one = os.path.join(tmp, "one.txt")
        with open(one, "w") as f:
            f.write("NUT 1/1\n")
        baseline = os.path.join(tmp, "baseline.py")
        with open(baseline, "w") as f:
            f.write(BASELINE)

        env_cmd = [os.path.abspath(args.binary), "number", "-", "--format", "jsonl"]
        reg = ["--registry", snapshot]
        py = [sys.executable, baseline]

        rows = []
        t, mem, _ = run(env_cmd, numbers)
        tb, memb, _ = run(py, numbers)
        rows.append(("typed numbers checked / s", args.numbers / t, args.numbers / tb, mem, memb))

        tl, meml, _ = run(env_cmd + reg, one)
        tlb, memlb, _ = run(py + [snapshot], one)
        rows.append((f"snapshot load ({args.rows:,} rows), s", tl, tlb, meml, memlb))

        tq, memq, _ = run(env_cmd + reg, numbers)
        tqb, memqb, _ = run(py + [snapshot], numbers)
        lookups = args.numbers / max(tq - tl, 1e-6)
        lookups_b = args.numbers / max(tqb - tlb, 1e-6)
        rows.append(("checks with snapshot lookup / s", lookups, lookups_b, memq, memqb))

        print()
        print(f"{'measure':36} {'suppcheck':>12} {'baseline':>12} {'ratio':>8} {'peak MiB':>9} {'base MiB':>9}")
        for name, ours, base, m, mb in rows:
            # For times lower is better, for rates higher is better: print ratio as "x better".
            better = (base / ours) if name.endswith(", s") else (ours / base)
            print(f"{name:36} {ours:12,.2f} {base:12,.2f} {better:7.1f}x {m:9.0f} {mb:9.0f}")
        print("\nratio = how many times better suppcheck is than the baseline (rates: higher, times: lower)")


if __name__ == "__main__":
    main()
