#pragma once
// One text line read again: cut out of the photo with room around it, enlarged, read by OCR as a
// single line in all the label's languages. Used on the lines a number, a dose, the directions or
// a magnesium salt may come from when the whole-label pass read them poorly.

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"

namespace suppcheck {

/// Re-reads `line` and replaces its words when the new reading is more confident, or always
/// with `force` (for a caller that judges the result itself; the region then takes more room at
/// both ends, for characters the first pass lost at the edges). False when nothing replaced it.
bool ReReadLine(const ScanContext& ctx, const PreparedImage& prep, TextLine& line, bool force = false);

/// A forced re-read (as ReReadLine with `force`) of the line stretched `widen` times horizontally
/// first: a condensed font squeezed further by a bottle's curve runs its letters together, which
/// Tesseract then merges ("NUTNUT" for "NUT/NUT"). The boxes come back in working pixels.
bool ReReadLineWidened(const ScanContext& ctx, const PreparedImage& prep, TextLine& line, double widen);

}  // namespace suppcheck
