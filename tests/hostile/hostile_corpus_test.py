#!/usr/bin/python3
"""Hostile and odd inputs through the real binary: every one gets exactly one clear result
(an error code that names the reason, or a normal reading), no crash, no hang, and the batch
output stays valid JSON Lines and CSV whatever the file names contain.

The corpus is generated in a temporary folder (the large files are made, not stored):
zero bytes, random bytes, truncated JPEG, a PNG header claiming 100000x100000 pixels, a PDF and
a ZIP named .jpg, 16-bit, grey, alpha, palette, CMYK, EXIF-rotated images, 1x1 and 20000-pixel
-wide images, non-Latin text, file names with spaces, quotes, a newline and non-UTF-8 bytes,
a folder named like an image, a symlink loop, a dangling link.

Usage: hostile_corpus_test.py SUPPCHECK_BINARY    (exit 77 when Pillow is missing)
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    print("skipped: python3-pil is not installed")
    sys.exit(77)

binary = os.path.abspath(sys.argv[1])
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok - " if ok else "not ok - ") + name + ("" if ok else f"\n  {detail}"))


def label(size=(900, 500), text="Magnesium 375 mg\nNUT 12/34\nNeem 1 tablet per dag.", mode="RGB"):
    im = Image.new("RGB", size, (250, 250, 250))
    d = ImageDraw.Draw(im)
    try:
        f = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 32)
    except OSError:
        f = ImageFont.load_default()
    d.multiline_text((20, 20), text, fill=(10, 10, 10), font=f, spacing=12)
    return im.convert(mode) if mode != "RGB" else im


def d5_tiff():
    """A 100 x 100 grey TIFF whose directory gives ImageWidth twice, 20000 first (issue 13, D5)."""
    import struct
    entries = [(256, 4, 20000), (256, 4, 100), (257, 4, 100), (258, 3, 8), (259, 3, 1), (262, 3, 1),
               (273, 4, 0), (277, 3, 1), (278, 4, 100), (279, 4, 100 * 100)]
    data_at = 8 + 2 + 12 * len(entries) + 4
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        value = data_at if tag == 273 else value
        out += struct.pack("<HHII", tag, kind, 1, value)
    return out + struct.pack("<I", 0) + b"\x80" * (100 * 100)


def make_corpus(root):
    B = os.fsencode(root)
    expected = {}  # path (bytes) -> "ok" | error code (or a set of acceptable codes)

    def put(name, data, want):
        p = os.path.join(B, name if isinstance(name, bytes) else name.encode())
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        expected[p] = want

    def save(name, im, fmt, want="ok", **kw):
        buf = io.BytesIO()
        im.save(buf, fmt, **kw)
        put(name, buf.getvalue(), want)

    rng = random.Random(5)
    put("empty.jpg", b"", {"not_an_image"})
    put("random.jpg", bytes(rng.randrange(256) for _ in range(50000)), {"not_an_image"})
    jpeg = io.BytesIO()
    label().save(jpeg, "JPEG", quality=90)
    put("truncated.jpg", jpeg.getvalue()[: len(jpeg.getvalue()) // 2], {"unreadable_image"})
    png = io.BytesIO()
    label((10, 10)).save(png, "PNG")
    bomb = bytearray(png.getvalue())
    bomb[16:24] = (100000).to_bytes(4, "big") + (100000).to_bytes(4, "big")
    put("bomb.png", bytes(bomb), {"image_too_large"})
    put("document.jpg", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", {"not_an_image"})
    put("archive.jpg", b"PK\x03\x04" + b"\0" * 100, {"not_an_image"})
    # Issue 13: D1 (a directory offset that wrapped in 32 bits), D5 (ImageWidth twice), and image
    # formats that are not read: each gets its one result.
    put("d1.tif", b"II*\x00\xff\xff\xff\xff", {"unreadable_image"})
    put("d5.tif", d5_tiff(), {"unreadable_image"})
    gif = io.BytesIO()
    label((40, 20)).save(gif, "GIF")
    put("animation.gif", gif.getvalue(), {"unsupported_format"})
    put("IMG_0001.HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64, {"unsupported_format"})
    put("no-extension-gif", gif.getvalue(), {"unsupported_format"})
    save("grey.png", label(mode="L"), "PNG")
    save("alpha.png", label(mode="RGBA"), "PNG")
    save("palette.png", label(mode="P"), "PNG")
    save("cmyk.jpg", label(mode="CMYK"), "JPEG")
    save("sixteen.png", label(mode="L").point(lambda v: v * 256).convert("I;16"), "PNG")
    exif = Image.Exif()
    exif[0x0112] = 6
    save("exif-rotated.jpg", label().rotate(90, expand=True), "JPEG", exif=exif.tobytes())
    save("one-pixel.png", Image.new("RGB", (1, 1), (255, 255, 255)), "PNG")
    save("panorama.jpg", label((20000, 120), "Magnesium 375 mg " * 40), "JPEG", quality=70)
    save("tall.png", label((60, 12000), "M\ng"), "PNG")
    save("cyrillic.png", label(text="Магний 375 мг\nΜαγνήσιο 375 mg\n镁 375 毫克"), "PNG")
    save("webp.webp", label(), "WEBP")
    save("tiff.tif", label(), "TIFF")
    save("bmp.bmp", label(), "BMP")
    # Hostile names.
    save("name with spaces and 'quotes' \"double\".jpg", label(), "JPEG")
    save("line\nbreak.jpg", label(), "JPEG")
    save(b"latin1-\xe9\xe8-bytes.jpg", label(), "JPEG")
    save("<script>alert(1)<\\script>,comma;semi.png", label(), "PNG")
    save("folder.jpg/inside.png", label(), "PNG")  # a folder named like an image
    os.symlink(root, os.path.join(root, "loop"))
    os.symlink(os.path.join(root, "nowhere.jpg"), os.path.join(root, "dangling.jpg"))
    expected[os.path.join(B, b"dangling.jpg")] = {"io_error"}
    return expected


def main():
    with tempfile.TemporaryDirectory(prefix="suppcheck-hostile-") as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.makedirs(corpus)
        expected = make_corpus(corpus)
        env = dict(os.environ, OMP_THREAD_LIMIT="1", SUPPCHECK_REGISTRY="")

        t0 = time.time()
        p = subprocess.run([binary, "batch", corpus, "--format", "jsonl", "--jobs", "2"], capture_output=True,
                           timeout=900, env=env)
        check("batch ends with exit 3 (some inputs unreadable), no crash", p.returncode == 3,
              f"exit {p.returncode}: {p.stderr[-2000:]!r}")
        check("in bounded time", time.time() - t0 < 600, f"{time.time() - t0:.0f} s")
        lines = p.stdout.split(b"\n")
        check("the output ends with a newline", p.stdout.endswith(b"\n"))
        records = []
        for raw in lines[:-1]:
            try:
                records.append(json.loads(raw.decode("utf-8")))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                check("every line is valid UTF-8 JSON", False, f"{e}: {raw[:200]!r}")
        check("one line per input", len(records) == len(expected), f"{len(records)} lines for {len(expected)} inputs")

        by_file = {}
        for r in records:
            by_file.setdefault(r["file"], []).append(r)
        for path, want in sorted(expected.items()):
            shown = path.decode("utf-8", "replace")
            got = by_file.get(shown, [])
            name = os.path.relpath(shown, corpus).replace("\n", "\\n")
            if len(got) != 1:
                check(f"{name}: exactly one result", False, f"{len(got)} results")
                continue
            r = got[0]
            if want == "ok":
                check(f"{name}: read normally", r["ok"] is True, json.dumps(r.get("error")))
            else:
                code = (r.get("error") or {}).get("code")
                msg = (r.get("error") or {}).get("message", "")
                check(f"{name}: refused with {sorted(want)}", r["ok"] is False and code in want and len(msg) > 10,
                      f"got {code}: {msg}")

        # The same corpus as CSV: a valid file a spreadsheet reads, one row per input.
        p = subprocess.run([binary, "batch", corpus, "--format", "csv", "--jobs", "2", "--quiet"], capture_output=True,
                           timeout=900, env=env)
        try:
            rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8"), newline="")))
            check("CSV parses, one row per input plus the header", len(rows) == len(expected) + 1,
                  f"{len(rows)} rows")
            check("every CSV row has every column", all(len(r) == len(rows[0]) for r in rows))
        except (UnicodeDecodeError, csv.Error) as e:
            check("CSV is valid UTF-8 CSV", False, str(e))

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
