#!/usr/bin/python3
"""The generator prints nothing across other print, as no printer would: on the side panel of
scripts/gen/gen_products.py (legal lines set tight, as on a pack's flank) a frame round the number
does not run through the address line above it, and a barcode's bars do not touch the lot line
above them. Both did: Tesseract then read the address, the framed number and the lot as one
blot, and the benchmark of products measured the overlap, not the scanner.

Renders the flat side panels of 60 products (no photo effects), each with the number framed.
Exit 77 (skipped) without the generator's Python packages (python3-pil, python3-numpy).
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "gen"))
try:
    import numpy as np
    import gen_labels as G
    import gen_products as P
except ImportError as e:  # the generator's packages are not installed
    print(f"skipped: {e}")
    sys.exit(77)

FAILURES = []


def ink_of(img):
    return np.asarray(img.convert("L")) < 128


def bars_of(ink, min_run):
    """Columns holding a bar (a dark run down at least `min_run` pixels): (top row, x0, x1)."""
    h, w = ink.shape
    tops, xs = [], []
    for x in range(w):
        col = ink[:, x]
        run = 0
        for y in range(h):
            run = run + 1 if col[y] else 0
            if run >= min_run:
                tops.append(y - run + 1)
                xs.append(x)
                break
    return (min(tops), min(xs), max(xs)) if xs else None


def main():
    rng = random.Random(7)
    checked_bars = checked_frames = 0
    for index in range(1, 61):
        p = G.make_product(rng, index)
        p["layout"], p["tight_legal"], p["number_frame"] = "single", True, "box"
        img = P.render(p, rng.randrange(1 << 30), {"side"})
        ink = ink_of(img)
        # The bars (at least 2.5 body heights: no letter is that tall): the two pixel rows above
        # their top are blank over the barcode's width.
        bars = bars_of(ink, 60)
        if bars:
            top, x0, x1 = bars
            checked_bars += 1
            above = ink[max(0, top - 2):top, x0:x1 + 1]
            if above.any():
                FAILURES.append(f"product {index}: print touches the barcode's bars from above (row {top})")
        # The frame: its top edge is a rule of its own, with blank paper just above it over
        # most of its length (a descender of the line above may come close, its letters may not).
        mask = np.asarray(img.info["number_mask"]) > 127
        ys, xs = np.nonzero(mask)
        if len(ys):
            pad = max(3, p["number_font_px"] // 4)
            frame_top = int(ys.min()) - pad
            x0, x1 = int(xs.min()) - pad, int(xs.max()) + pad
            checked_frames += 1
            above = ink[max(0, frame_top - 3):frame_top, x0:x1 + 1]
            if above.mean() > 0.05:
                FAILURES.append(f"product {index}: the frame round the number runs through the line above "
                                f"({100 * above.mean():.0f} % ink just above it)")
    if checked_bars < 50 or checked_frames < 30:
        FAILURES.append(f"too few panels checked: {checked_bars} barcodes, {checked_frames} frames")
    for f in FAILURES:
        print("FAIL:", f)
    print(f"{checked_bars} barcodes and {checked_frames} framed numbers checked, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
