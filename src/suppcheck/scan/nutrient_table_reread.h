#pragma once
// The nutrient table read again as one block of text (Tesseract's "uniform block"): the
// whole-label pass reads sparse text and loses rows whose name, dot leaders and amount it takes
// for separate pieces.

#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"

namespace suppcheck {

/// The region: the lines that name a nutrient next to a digit, from the first to the last,
/// widened by a line. Its lines (in `prep`'s pixels) are read beside the first pass's (a row read
/// in both counts twice in the vote of extract/dose_choice), for the nutrients only: the
/// magnesium reading keeps to its own lines. Empty when there is no table of three rows.
std::vector<TextLine> ReReadNutrientTable(const ScanContext& ctx, const PreparedImage& prep,
                                          const std::vector<TextLine>& lines);

}  // namespace suppcheck
