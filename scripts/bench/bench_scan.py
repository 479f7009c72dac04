#!/usr/bin/python3
"""Benchmark of the label scanner against its ground truth and against a do-it-yourself baseline.

In one invocation, on the same photos and on one core (taskset -c 0, OMP_THREAD_LIMIT=1):
  suppcheck  `suppcheck scan` over all photos in one process (warm engine), JSON Lines out;
  baseline   the `tesseract` command on each whole photo with nld+fra+deu+eng, then regular
             expressions for the number, the salt, the dose and the units per day.

Prints per tier: accuracy of number status, exact number, salt, mg/day (within 3 %), level and
all fields together; then the errors that matter most, per tier: wrong numbers reported valid
(decoys included), products above 250 mg a day reported within (false all-clears), false "above",
`unreadable` verdicts split by whether a person can read the number (legible / illegible: a
person's judgement from --legibility, else the printed size: capitals of at least
LEGIBLE_CAP_PX photo pixels), and `not_seen` / `missing` reported for a number that is there.
Time: mean seconds per photo against the baseline's mean (the goal is a ratio <= 0.5), and each
real US photo alone against the tesseract command on it; the same ratio in CPU time, which other
work starting or stopping on the machine during the run does not skew (wall time does: suppcheck
runs first, the baseline after). Peak memory.

--dump-failures DIR writes, for every photo whose number status or number is wrong, a crop of
the number line (from the truth's number_box) with the verdict in the name, to look at.

Photos come from a folder made by scripts/gen/gen_labels.py (with *.truth.json beside each photo),
or are generated fresh: by default a new set with a seed this script never used for tuning.

Usage: bench_scan.py [--dir DIR | --count N --seed S] [--binary build/suppcheck] [--no-baseline]
                    [--dump-failures DIR] [--legibility FILE.json]
"""
import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIERS = ["clean", "phone", "hard", "real"]


def load_truth(d):
    items = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".truth.json"):
            with open(os.path.join(d, name)) as f:
                t = json.load(f)
            t["path"] = os.path.join(d, t["file"])
            items.append(t)
    return items


def real_truth():
    """The real photos in ../shared/data/real with the ground truth of their README."""
    d = os.path.join(ROOT, "..", "shared", "data", "real")
    out = []
    if not os.path.isdir(d):
        return out
    for name, t in [
        ("us-multivitamin-panel.jpg", {"notification": {"status": "not_seen", "number": None},
                                       "magnesium": {"present": True, "salts": ["oxide"], "mg_per_day": 100}, "level": "within_noael"}),
        ("us-multivitamin-bottle.jpg", {"notification": {"status": "not_seen", "number": None},
                                        "magnesium": {"present": True, "salts": ["oxide"], "mg_per_day": 100}, "level": "within_noael"}),
        ("de-magnesium-tube-front.jpg", {"notification": {"status": "not_seen", "number": None},
                                         "magnesium": {"present": True, "salts": None, "mg_per_day": None}, "level": "unknown"}),
    ]:
        p = os.path.join(d, name)
        if os.path.exists(p):
            t.update({"file": name, "path": p, "tier": "real"})
            out.append(t)
    return out


def children_cpu():
    """CPU seconds (user + system) of the finished child processes so far. Each run's share is the
    difference around it: unlike wall time it does not grow when other work shares the machine
    (a load that started while the baseline ran once made suppcheck look 2.7 times faster)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_suppcheck(binary, items, env, extra):
    paths = [t["path"] for t in items]
    t0, c0 = time.perf_counter(), children_cpu()
    p = subprocess.Popen(["taskset", "-c", "0", binary, "scan", *paths, "--format", "jsonl", *extra], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    run_suppcheck.cpu = children_cpu() - c0
    # Peak memory of the child: read from the kernel's accounting of the finished process.
    res = {}
    for line in out.decode().splitlines():
        r = json.loads(line)
        res[r["file"]] = r
    return res, wall, err.decode()


def peak_rss_mib(cmd, env):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss / 1024.0


# ---------------------------------------------------------------------------------------------
# The baseline: what one would write in an afternoon with the tesseract command and regexes.

def baseline_salt_patterns():
    with open(os.path.join(ROOT, "models", "salts.json")) as f:
        salts = json.load(f)["salts"]
    return [(s["id"], re.compile("|".join(re.escape(n) for n in s["names"]), re.I)) for s in salts]


NUM_RE = re.compile(r"\b((?:NUT|PL|AS)(?:\s*/\s*(?:NUT|PL|AS))*)\s*(\d{1,4})\s*/\s*(\d{1,4})\b")
ANY_CAT_RE = re.compile(r"\b(NUT|PL|AS)\b\s*[/ ]?\s*\d")
DOSE_RE = re.compile(r"magn[eé]sium\w*[^0-9\n]{0,30}?(\d+(?:[.,]\d+)?)\s*mg", re.I)
UNITS_RE = re.compile(r"(\d+)(?:\s*(?:tot|à|a|bis|to|-)\s*(\d+))?\s*(?:tabl|caps|g[ée]l|comp|sachet|kaps|beutel)\w*"
                      r"[^.\n]{0,30}?(?:per dag|par jour|pro tag|t[äa]glich|daily|a day|per day|einnehmen)", re.I)


def baseline_extract(text, salt_patterns):
    order = {"NUT": 0, "PL": 1, "AS": 2}
    m = NUM_RE.search(text)
    if m:
        cats = [c.strip() for c in m.group(1).split("/")]
        number = "/".join(sorted(set(cats), key=order.get)) + f" {m.group(2)}/{m.group(3)}"
        status = "valid"
    elif ANY_CAT_RE.search(text):
        number, status = None, "invalid"
    else:
        number, status = None, "missing"
    salts = [sid for sid, pat in salt_patterns if pat.search(text)]
    dose = DOSE_RE.search(text)
    units = UNITS_RE.search(text)
    mg_day = None
    present = bool(re.search(r"magn[eé]sium", text, re.I))
    if dose:
        v = float(dose.group(1).replace(",", "."))
        u = int(units.group(2) or units.group(1)) if units else 1
        mg_day = v * u
    level = "no_magnesium" if not present else ("unknown" if mg_day is None else ("above_noael" if mg_day > 250 else "within_noael"))
    return {"notification": {"status": status, "number": number},
            "magnesium": {"present": present, "salts": salts, "mg_per_day": mg_day}, "assessment": {"level": level}}


def run_baseline(items, env):
    salt_patterns = baseline_salt_patterns()
    res, times = {}, []
    c0 = children_cpu()
    for t in items:
        t0 = time.perf_counter()
        p = subprocess.run(["taskset", "-c", "0", "tesseract", t["path"], "stdout", "-l", "nld+fra+deu+eng"],
                           capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
        res[t["path"]] = baseline_extract(p.stdout.decode(errors="replace"), salt_patterns)
    run_baseline.cpu = children_cpu() - c0
    return res, times


# ---------------------------------------------------------------------------------------------

LEGIBLE_CAP_PX = 7.0  # capitals this high in the photo are read by a person zooming in (size proxy)


def score(t, r):
    """Per-field correctness of one result against its truth."""
    s = {}
    if r is None or not r.get("ok", True) and r.get("notification") is None:
        return {k: False for k in ["status", "number", "salt", "mg_day", "level", "all"]}, False
    n = r.get("notification") or {}
    s["status"] = n.get("status") == t["notification"]["status"]
    s["number"] = n.get("number") == t["notification"]["number"] and s["status"]
    tm, rm = t["magnesium"], r.get("magnesium") or {}
    if tm.get("salts") is None:
        s["salt"] = True  # truth says nothing about the salt
    else:
        s["salt"] = sorted(rm.get("salts") or []) == sorted(tm["salts"])
    want, got = tm.get("mg_per_day"), rm.get("mg_per_day")
    s["mg_day"] = (want is None and got is None) or (want is not None and got is not None and abs(got - want) <= 0.03 * want)
    s["level"] = (r.get("assessment") or {}).get("level") == t["level"]
    s["all"] = all(s.values())
    decoy = t["notification"]["status"] != "valid" and n.get("status") == "valid"
    return s, decoy


def legible(t, judged):
    """Whether a person reads this photo's number: their judgement when recorded, else the size proxy."""
    if t["file"] in judged:
        return judged[t["file"]] == "legible"
    cap = t.get("number_cap_px")
    return cap is None or cap >= LEGIBLE_CAP_PX


COUNTS = ["wrong_valid", "above_as_within", "false_above", "unreadable_legible", "unreadable_illegible",
          "not_seen", "missing_but_there"]


def errors(t, r, judged):
    """The counted errors of one result (see COUNTS)."""
    c = dict.fromkeys(COUNTS, 0)
    if r is None:
        return c
    n = r.get("notification") or {}
    status, level = n.get("status"), (r.get("assessment") or {}).get("level")
    c["wrong_valid"] = int(status == "valid" and n.get("number") != t["notification"]["number"])
    c["above_as_within"] = int(t["level"] == "above_noael" and level == "within_noael")
    c["false_above"] = int(t["level"] != "above_noael" and level == "above_noael")
    there = t["notification"]["status"] != "missing"
    if status == "unreadable":
        c["unreadable_legible" if legible(t, judged) else "unreadable_illegible"] = 1
    c["not_seen"] = int(status == "not_seen")
    c["missing_but_there"] = int(status == "missing" and there)
    return c


def table(items, results, key="path", judged=None):
    rows = {}
    for t in items:
        r = results.get(t[key])
        s, decoy = score(t, r)
        row = rows.setdefault(t["tier"], {"n": 0, "decoys": 0, **{k: 0 for k in s}, **dict.fromkeys(COUNTS, 0)})
        row["n"] += 1
        row["decoys"] += decoy
        for k, v in s.items():
            row[k] += bool(v)
        for k, v in errors(t, r, judged or {}).items():
            row[k] += v
    return rows


def dump_failures(items, results, folder):
    """A crop of the number line of every photo whose number was not read right."""
    import cv2
    os.makedirs(folder, exist_ok=True)
    n = 0
    for t in items:
        r = results.get(t["path"])
        s, _ = score(t, r)
        if s["status"] and s["number"]:
            continue
        img = cv2.imread(t["path"])
        if img is None:
            continue
        box = t.get("number_box")
        got = ((r or {}).get("notification") or {})
        if box:
            x, y, w, h = box
            pad = max(h, 20)
            crop = img[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad]
        else:  # no number on the label, or no box: the whole photo, smaller
            f = 1200 / max(img.shape[:2])
            crop = cv2.resize(img, None, fx=min(1, f), fy=min(1, f), interpolation=cv2.INTER_AREA)
        verdict = got.get("number") or got.get("status") or "error"
        name = f"{os.path.splitext(t['file'])[0]}__want-{t['notification']['number'] or t['notification']['status']}__got-{verdict}"
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", name) + ".png"
        cv2.imwrite(os.path.join(folder, name), crop)
        n += 1
    return n


def time_alone(binary, path, env, runs=1):
    """One photo in its own process: (suppcheck wall s, its own warm ms / 1000, tesseract command wall s)."""
    t0 = time.perf_counter()
    p = subprocess.run(["taskset", "-c", "0", binary, "scan", path, "--format", "jsonl"], capture_output=True, env=env)
    ours = time.perf_counter() - t0
    warm = None
    for line in p.stdout.decode().splitlines():
        warm = (json.loads(line).get("ocr") or {}).get("ms", 0) / 1000.0
    t0 = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", "tesseract", path, "stdout", "-l", "nld+fra+deu+eng"], capture_output=True, env=env)
    return ours, warm, time.perf_counter() - t0


def print_rows(name, rows, fields):
    print(f"{name}: accuracy per field (%)")
    print(f"{'tier':7} {'n':>3}  " + " ".join(f"{f:>7}" for f in fields))
    total = {"n": 0, **{f: 0 for f in fields}, **dict.fromkeys(COUNTS, 0)}
    for tier in TIERS:
        if tier not in rows:
            continue
        r = rows[tier]
        for k in total:
            total[k] += r[k]
        print(f"{tier:7} {r['n']:>3}  " + " ".join(f"{100 * r[f] / r['n']:7.1f}" for f in fields))
    print(f"{'all':7} {total['n']:>3}  " + " ".join(f"{100 * total[f] / total['n']:7.1f}" for f in fields))
    print(f"{name}: counts")
    print(f"{'tier':7} {'n':>3}  " + " ".join(f"{c:>20}" for c in COUNTS))
    for tier in TIERS:
        if tier in rows:
            print(f"{tier:7} {rows[tier]['n']:>3}  " + " ".join(f"{rows[tier][c]:>20}" for c in COUNTS))
    print(f"{'all':7} {total['n']:>3}  " + " ".join(f"{total[c]:>20}" for c in COUNTS) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", help="a folder made by gen_labels.py (default: generate a fresh one)")
    ap.add_argument("--count", type=int, default=20, help="photos per tier when generating")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "suppcheck"))
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-real", action="store_true")
    ap.add_argument("--failures", action="store_true", help="list every wrong field")
    ap.add_argument("--dump-failures", metavar="DIR", help="write a crop of the number line of each number failure")
    ap.add_argument("--legibility", metavar="FILE",
                    help='a person\'s judgement per photo, JSON {"hard-0031.jpg": "legible" | "illegible"}')
    ap.add_argument("--extra", default="", help="more arguments for suppcheck scan, e.g. '--languages eng'")
    args = ap.parse_args()

    tmp = None
    if not args.dir:
        tmp = tempfile.TemporaryDirectory(prefix="suppcheck-scan-bench-")
        args.dir = tmp.name
        print(f"generating {args.count} photos per tier with seed {args.seed} ...", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen", "gen_labels.py"), "--out", args.dir, "--count", str(args.count),
                        "--seed", str(args.seed)], check=True)
    judged = {}
    if args.legibility:
        with open(args.legibility) as f:
            judged = json.load(f)
    items = load_truth(args.dir) + ([] if args.no_real else real_truth())
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    ours, wall, err = run_suppcheck(args.binary, items, env, args.extra.split())
    by_path = {t["path"]: ours.get(t["path"]) for t in items}
    our_rows = table(items, by_path, judged=judged)
    ms = [r["ocr"]["ms"] / 1000.0 for r in ours.values() if r.get("ocr")]
    peak = peak_rss_mib(["taskset", "-c", "0", args.binary, "scan", *[t["path"] for t in items[:10]], "--format", "jsonl"], env)

    base_rows, base_times = None, []
    if not args.no_baseline:
        base, base_times = run_baseline(items, env)
        base_rows = table(items, base, judged=judged)

    fields = ["status", "number", "salt", "mg_day", "level", "all"]
    print(f"\n{len(items)} photos from {args.dir}\n")
    print_rows("suppcheck", our_rows, fields)
    if base_rows:
        print_rows("baseline", base_rows, fields)

    mean = statistics.mean(ms) if ms else float("nan")
    print(f"suppcheck: mean {mean:.2f} s/photo (engine warm; median {statistics.median(ms) if ms else float('nan'):.2f}), "
          f"{wall / len(items):.2f} s/photo including start-up, peak memory {peak:.0f} MiB")
    if base_times:
        bmean = statistics.mean(base_times)
        print(f"baseline:  mean {bmean:.2f} s/photo (tesseract command, 4 languages, one core)")
        print(f"ratio:     {mean / bmean:.2f} x the baseline's mean time (warm), "
              f"{(wall / len(items)) / bmean:.2f} x including start-up (goal <= 0.5)")
        print(f"cpu:       suppcheck {run_suppcheck.cpu / len(items):.2f} s/photo with start-up, tesseract command "
              f"{run_baseline.cpu / len(items):.2f}: ratio {run_suppcheck.cpu / run_baseline.cpu:.2f} "
              f"(CPU time: not skewed by other work on the machine)")
        for t in real_truth() if not args.no_real else []:
            if "us-" not in t["file"]:
                continue
            alone, warm, base = time_alone(args.binary, t["path"], env)
            print(f"real {t['file']}: suppcheck {alone:.2f} s alone ({warm:.2f} s warm), tesseract command {base:.2f} s: "
                  f"ratio {alone / base:.2f} ({warm / base:.2f} warm)")

    if args.failures:
        print("\nfailures:")
        for t in items:
            r = by_path.get(t["path"])
            s, decoy = score(t, r)
            if not s["all"] or decoy:
                bad = [k for k in fields[:-1] if not s[k]]
                got = r or {}
                n = got.get("notification") or {}
                m = got.get("magnesium") or {}
                print(f"  {t['file']:18} {','.join(bad):24} want {t['notification']['number'] or t['notification']['status']}, "
                      f"{t['magnesium'].get('salts')}, {t['magnesium'].get('mg_per_day')}, {t['level']} | got "
                      f"{n.get('number') or n.get('status')} '{n.get('text')}', {m.get('salts')}, {m.get('mg_per_day')}, "
                      f"{(got.get('assessment') or {}).get('level')} | {','.join(t.get('effects') or [])} "
                      f"cap {t.get('number_cap_px')} {t.get('layout') or ''}")
    if args.dump_failures:
        n = dump_failures(items, by_path, args.dump_failures)
        print(f"\n{n} number-line crops of failures written to {args.dump_failures}")
    if err.strip():
        print("\nsuppcheck stderr:\n" + err[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
