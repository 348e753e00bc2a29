#!/usr/bin/env python3
"""Render ad-style images from known text, for the OCR bench.

  ocr_render.py POSTS.jsonl OUTDIR N [SEED]

Takes the texts of `atalaya synth` posts (made-up numbers), keeps those
without characters DejaVu cannot draw well, and renders N images with
ImageMagick `convert` and DejaVu fonts in five styles, one per image in turn:
  plain    black on white, 26-32 pt
  colour   white or dark text on a saturated background, bold
  rotated  plain, turned 2-5 degrees either way
  small    11-14 pt (screenshot-sized type)
  symbol   a phone symbol (U+260E) and arrows beside the numbers
A fifth of the images are saved as JPEG (quality 60-85), the rest as PNG.
Writes OUTDIR/manifest.tsv: path, style, text (tabs and newlines in the text
written as \\t and \\n).
"""
import json
import os
import random
import subprocess
import sys

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
STYLES = ["plain", "colour", "rotated", "small", "symbol"]
BACKGROUNDS = ["#c0392b", "#1e8449", "#1f4e79", "#6c3483", "#d35400", "#f1c40f", "#17a589"]


def usable(text):
    if len(text) < 20 or len(text) > 260:
        return False
    if text.startswith("@") or "\\" in text or "%" in text:
        return False   # ImageMagick reads @file and interprets \ and % escapes
    # emoji are not in DejaVu; keep Latin text only
    return all(ord(c) < 0x2500 for c in text)


def render(text, style, path, rnd):
    bg, fg, font, size, width = "white", "black", FONT, rnd.randint(26, 32), 720
    extra = []
    shown = text
    if style == "colour":
        bg = rnd.choice(BACKGROUNDS)
        fg = "black" if bg == "#f1c40f" else "white"
        font = FONT_BOLD
    elif style == "rotated":
        extra = ["-background", bg, "-rotate", str(rnd.choice([-5, -4, -3, -2, 2, 3, 4, 5]))]
    elif style == "small":
        size, width = rnd.randint(11, 14), 360
    elif style == "symbol":
        shown = text.replace("Tel", "\u260e Tel").replace("Info", "\u27a4 Info")
        if shown == text:
            shown = "\u260e " + text
    cmd = ["convert", "-size", "%dx" % width, "-background", bg, "-fill", fg,
           "-font", font, "-pointsize", str(size), "caption:" + shown,
           "-bordercolor", bg, "-border", "24"] + extra
    if path.endswith(".jpg"):
        cmd += ["-quality", str(rnd.randint(60, 85))]
    subprocess.run(cmd + [path], check=True)
    return shown


def main():
    posts, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    os.makedirs(out, exist_ok=True)
    texts = []
    with open(posts, encoding="utf-8") as f:
        for line in f:
            try:
                t = json.loads(line).get("text")
            except ValueError:
                continue
            if isinstance(t, str) and usable(t):
                texts.append(t)
    rnd.shuffle(texts)
    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as m:
        for i, text in enumerate(texts[:n]):
            style = STYLES[i % len(STYLES)]
            ext = ".jpg" if i % 7 == 3 else ".png"
            path = os.path.join(out, "img%04d-%s%s" % (i, style, ext))
            shown = render(text, style, path, rnd)
            esc = shown.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            m.write("%s\t%s\t%s\n" % (path, style, esc))


if __name__ == "__main__":
    main()
