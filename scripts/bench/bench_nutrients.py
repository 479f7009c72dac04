#!/usr/bin/python3
"""Benchmark of the nutrient table reading: every vitamin and mineral of multivitamin and
single-nutrient labels (scripts/gen/gen_multivitamins.py) against their truth.

Runs `suppcheck scan --format jsonl` over all photos in one process on one core (as
scripts/bench/bench_scan.py does) and prints per tier:
  amounts    % of the truth's nutrients reported with the right id, per_unit and unit (within 1 %,
             units converted: g, mg, µg/mcg)
  per_day    % with the right per_day
  above->within  nutrients above their adult EFSA upper level (truth) reported within it: must be 0
  above_missed   nutrients above their upper level not reported at all (the verdict cannot warn)
  false_above    nutrients within their upper level reported above it
  missed     truth nutrients with no reported nutrient of that id
  invented   reported nutrients whose id the label does not print
and the mean seconds per photo, against the `tesseract` command on the same photos (the baseline
of bench_scan.py, run in the same invocation; --no-baseline skips it).

Results follow the `nutrients` list of ../shared/spec/report.md; results without it count every
truth row as missed.

Photos come from --dir (made by gen_multivitamins.py), or are generated fresh with --seed (by
default a seed from the clock, printed: a seed nobody tuned on).

Usage: bench_nutrients.py [--dir DIR | --count N --seed S] [--binary build/suppcheck]
                          [--no-baseline] [--failures] [--extra 'ARGS']
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import bench_scan as B  # noqa: E402

TIERS = ["clean", "phone", "hard"]
TOLERANCE = 0.01
MICROGRAMS = {"g": 1e6, "mg": 1e3, "µg": 1.0, "μg": 1.0, "mcg": 1.0, "ug": 1.0}


def in_micrograms(value, unit):
    """A mass in µg, or None when the value or the unit is not a mass."""
    if value is None or not isinstance(value, (int, float)) or unit not in MICROGRAMS:
        return None
    return value * MICROGRAMS[unit]


def close(got, want):
    return got is not None and want is not None and abs(got - want) <= TOLERANCE * abs(want)


def best_match(want, candidates):
    """The reported nutrient of the same id closest to the truth (labels repeat none, a reader may)."""
    if not candidates:
        return None
    target = in_micrograms(want["per_unit"], want["unit"])

    def distance(c):
        got = in_micrograms(c.get("per_unit"), c.get("unit"))
        return abs(got - target) if got is not None and target is not None else float("inf")
    return min(candidates, key=distance)


COUNTS = ["rows", "amount", "per_day", "above", "above_as_within", "above_missed", "false_above", "missed", "invented"]


def score(t, r):
    """Counts of one photo: its truth rows, the right amounts, the errors (see COUNTS)."""
    c = dict.fromkeys(COUNTS, 0)
    reported = [n for n in ((r or {}).get("nutrients") or []) if isinstance(n, dict)]
    wrong = []
    for want in t["nutrients"]:
        c["rows"] += 1
        got = best_match(want, [n for n in reported if n.get("id") == want["id"]])
        above = want.get("above_upper_level_adult")
        c["above"] += above is True
        if got is None:
            c["missed"] += 1
            c["above_missed"] += above is True
            wrong.append((want, None, "missed"))
            continue
        unit_ok = close(in_micrograms(got.get("per_unit"), got.get("unit")), in_micrograms(want["per_unit"], want["unit"]))
        day_ok = close(in_micrograms(got.get("per_day"), got.get("unit")), in_micrograms(want["per_day"], want["unit"]))
        c["amount"] += unit_ok
        c["per_day"] += day_ok
        level = got.get("level")
        c["above_as_within"] += above is True and level == "within_upper_level"
        c["false_above"] += above is False and level == "above_upper_level"
        if not unit_ok or not day_ok or (above is True and level == "within_upper_level"):
            wrong.append((want, got, "amount" if not unit_ok else "per_day" if not day_ok else "above_as_within"))
    printed = {n["id"] for n in t["nutrients"]}
    invented = [n for n in reported if n.get("id") not in printed]
    c["invented"] = len(invented)
    wrong += [(None, n, "invented") for n in invented]
    return c, wrong


def describe(n):
    if n is None:
        return "-"
    return f"{n.get('id')} {n.get('per_unit')} / {n.get('per_day')} {n.get('unit')} {n.get('level') or ''}".strip()


def print_table(rows, times):
    print(f"{'tier':7} {'photos':>6} {'rows':>5} {'amount%':>8} {'per_day%':>9} {'above':>6} {'above->within':>14} "
          f"{'above_missed':>13} {'false_above':>12} {'missed':>7} {'invented':>9} {'s/photo':>8}")
    total = dict.fromkeys(COUNTS, 0)
    photos, all_times = 0, []
    for tier in TIERS:
        if tier not in rows:
            continue
        r = rows[tier]
        for k in COUNTS:
            total[k] += r[k]
        photos += r["photos"]
        all_times += times.get(tier, [])
        line(tier, r, r["photos"], times.get(tier, []))
    line("all", total, photos, all_times)


def line(name, r, photos, times):
    pct = (lambda k: 100.0 * r[k] / r["rows"]) if r["rows"] else (lambda k: float("nan"))
    mean = statistics.mean(times) if times else float("nan")
    print(f"{name:7} {photos:>6} {r['rows']:>5} {pct('amount'):8.1f} {pct('per_day'):9.1f} {r['above']:>6} "
          f"{r['above_as_within']:>14} {r['above_missed']:>13} {r['false_above']:>12} {r['missed']:>7} {r['invented']:>9} {mean:8.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", help="a folder made by gen_multivitamins.py (default: generate a fresh one)")
    ap.add_argument("--count", type=int, default=10, help="photos per tier when generating")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    ap.add_argument("--no-baseline", action="store_true", help="skip the tesseract command's timing")
    ap.add_argument("--failures", action="store_true", help="list every wrong, missed or invented row")
    ap.add_argument("--extra", default="", help="more arguments for suppcheck scan")
    args = ap.parse_args()

    tmp = None
    if not args.dir:
        tmp = tempfile.TemporaryDirectory(prefix="suppcheck-nutrient-bench-")
        args.dir = tmp.name
        print(f"generating {args.count} photos per tier with seed {args.seed} ...", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen", "gen_multivitamins.py"), "--out", args.dir,
                        "--count", str(args.count), "--seed", str(args.seed)], check=True)
    items = [t for t in B.load_truth(args.dir) if "nutrients" in t]
    if not items:
        sys.exit(f"bench_nutrients: no truth with 'nutrients' in {args.dir} (make it with gen_multivitamins.py)")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    results, wall, err = B.run_suppcheck(args.binary, items, env, args.extra.split())

    rows, times, failures = {}, {}, []
    for t in items:
        r = results.get(t["path"])
        c, wrong = score(t, r)
        row = rows.setdefault(t["tier"], {"photos": 0, **dict.fromkeys(COUNTS, 0)})
        row["photos"] += 1
        for k, v in c.items():
            row[k] += v
        if r and r.get("ocr"):
            times.setdefault(t["tier"], []).append(r["ocr"]["ms"] / 1000.0)
        failures += [(t["file"], *w) for w in wrong]

    reported = sum(bool((results.get(t["path"]) or {}).get("nutrients")) for t in items)
    print(f"\n{len(items)} photos from {args.dir}" + (f" (seed {args.seed})" if tmp else "") +
          f"; {reported} results carry nutrients; suppcheck {wall / len(items):.2f} s/photo with start-up\n")
    print_table(rows, times)
    if not args.no_baseline:
        _, base_times = B.run_baseline(items, env)
        ours = [s for tier in times.values() for s in tier]
        if ours and base_times:
            print(f"\nbaseline: `tesseract` command, 4 languages, one core: mean {statistics.mean(base_times):.2f} s/photo; "
                  f"suppcheck {statistics.mean(ours):.2f} s/photo warm = {statistics.mean(ours) / statistics.mean(base_times):.2f} x")
    if args.failures:
        print("\nfailures (truth | reported):")
        for file, want, got, why in failures:
            printed = want["printed"] if want else ""
            print(f"  {file:32} {why:16} {describe(want):40} | {describe(got):40} {printed}")
    if err.strip():
        print("\nsuppcheck stderr:\n" + err[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
