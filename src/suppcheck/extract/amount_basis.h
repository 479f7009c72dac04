#pragma once
// What each amount is per (a unit, N units, a day), from, in order: a phrase next to it on its
// line ("90 mg / Kapsel", "Per dagdosis (3 capsules): magnesium 300 mg"), a phrase earlier on the
// line ("Per tablet: magnesiumcitraat 1160 mg, waarvan … 187,5 mg"), the column header of a table
// above (extract/table_columns.h), or a line below a block of amounts ("Pour un comprimé
// pelliculé."). In a row of amounts whose column headers were lost, the printed % RI tells which
// column is per day. Amounts with none of these keep DoseBasis::Unknown.

#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

void AssignBasis(std::vector<NutrientAmount>& amounts, const std::vector<AnalysedLine>& info,
                 const std::vector<TextLine>& lines, const Vocabulary& vocab, const ExtractionLimits& limits);

}  // namespace suppcheck
