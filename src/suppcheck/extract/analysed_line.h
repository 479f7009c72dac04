#pragma once
// A label line read for one nutrient: folded once, with its mentions of nutrients, its amounts,
// its percentages and its "per tablet" / "per day" phrases. Every later step (who owns an amount,
// what it is per, which column of a table) works on these.

#include <string>
#include <vector>

#include "suppcheck/extract/basis_phrases.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/nutrient_mentions.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

struct AnalysedLine {
  FoldedText ft;
  std::vector<Mention> mentions;
  std::vector<Quantity> quantities;
  std::vector<Percent> percents;
  std::vector<BasisPhrase> phrases;
  std::vector<size_t> ownedQuantities;  ///< indexes into `quantities` owned by the nutrient read
};

std::vector<AnalysedLine> AnalyseLines(const std::vector<TextLine>& lines, const NutrientLexicon& lexicon,
                                       const Vocabulary& vocab, double maxUnitsPerDay);

}  // namespace suppcheck
