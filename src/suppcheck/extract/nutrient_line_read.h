#pragma once
// A label line read for every nutrient at once (extract/nutrient_rows): folded, with its amounts,
// its percentages, its "per tablet" / "per day" phrases, the nutrient names and forms on it and
// the parenthesis depth at each byte, so that "(1000 IU)" is known to restate the amount before it.

#include <string>
#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/nutrient_names.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct LineRead {
  AnalysedLine info;
  std::vector<NutrientNameMatch> names;
  std::vector<int> depth;  ///< parenthesis depth at each folded byte; a column bar resets it
};

/// Reads one line's text. Names glued to their amount by OCR ("Biotn40 mcg") are split first.
LineRead ReadNutrientLine(const std::string& text, const NutrientNameIndex& names, const Vocabulary& vocab,
                          double maxUnitsPerDay);

}  // namespace suppcheck
