#pragma once
// The header of a nutrient table read again, contrast-stretched: labels print the column header
// ("Per dagdosis (2 tabletten) | % RI") pale and small above dark rows, and the whole-label pass
// and the table's block reading miss it. Without it every amount of the table is taken for one
// unit's: a per-day column read as per unit doubles every dose of a "2 a day" product.

#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/util/box.h"

namespace suppcheck {

/// `gray` with its table rules made paper: runs of ink (darker than their surroundings) at least 3 line
/// heights across or one line height down (`lineH` in `gray`'s pixels), and their edges.
/// Glyphs are shorter and narrower and stay.
cv::Mat EraseTableRules(const cv::Mat& gray, int lineH);

/// Whether a line of `lines` in the band above the table's first row (as ReReadNutrientTableHeader
/// takes it) already says what the amounts are per: then the header was read and needs no re-read.
bool NutrientTableHeaderRead(const ScanContext& ctx, const PreparedImage& prep, const std::vector<TextLine>& lines,
                             const Box& table, int lineH, int widerRows = 1);

/// The band above the table's first row (`table`: the rows' region in working pixels, `lineH`:
/// their line height; the band runs `widerRows` line heights right of the rows), read when no line
/// of `lines` in it says what the amounts are per. Its lines that say it ("per tablet", "per
/// dagdosis"), in working pixels; empty otherwise.
std::vector<TextLine> ReReadNutrientTableHeader(const ScanContext& ctx, const PreparedImage& prep,
                                                const std::vector<TextLine>& lines, const Box& table, int lineH,
                                                int widerRows = 1);

}  // namespace suppcheck
