#pragma once
// Tables of nutrients: a header line ("Per tablet | Per dagdosis (2 tabletten) | % RI") above
// rows ("Magnesium 150 mg 300 mg 80 %"). An amount in a row takes the basis of the header
// phrase above it: by position on the photo when there is geometry (the header its box overlaps,
// whatever the columns' alignment), by rank among the row's amounts otherwise.

#include <optional>
#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// The header phrase over amount `a` (row `a.line`, `rank`-th owned amount of that row), from
/// the nearest header within `maxLinesUp` lines above, not counting the table's other rows (lines
/// with amounts) nor speck lines; the search stops at a line with an owned amount. With geometry, only lines standing above the row on the photo count, each above the
/// one before (a table read again is listed after the whole label, beside the first reading). A table of one nutrient's rows is short; a multivitamin's has thirty rows.
/// A header has basis phrases, no amounts, and is not a directions sentence (`maxUnitsPerDay`: the
/// most units a day a count of directions may say).
std::optional<BasisPhrase> HeaderPhraseOver(const NutrientAmount& a, size_t rank, const std::vector<AnalysedLine>& info,
                                            const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                            double maxUnitsPerDay, size_t maxLinesUp = 8);

}  // namespace suppcheck
