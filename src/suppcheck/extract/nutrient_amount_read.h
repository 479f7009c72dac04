#pragma once
// One amount of a nutrient table row read for the nutrient that owns it
// (extract/nutrient_amount_owner): its mass in mg, of the nutrient itself or of a compound named
// alone ("zinkgluconaat 70 mg"); IU converted with the factors of models/nutrients.json; the
// digits as printed and the % RI printed after it on its row, for the % RI check.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/extract/nutrient_line_read.h"
#include "suppcheck/extract/nutrient_work.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct OwnedAmount {
  NutrientAmount amount;
  AmountNote note;
};

/// Where the words and factors for reading amounts come from.
struct NutrientWords {
  const NutrientNameIndex& names;
  const NutrientLimits& nutrients;
  const Vocabulary& vocab;
  /// The forms each nutrient is named in anywhere on the label, in reading order (the ingredient
  /// list names them): the factor of an amount in IU whose own row names no form. Null: none.
  const std::map<std::string, std::vector<std::string>>* labelForms = nullptr;
};

/// Amount `qi` of line `lineIndex` (read as `lr`), owned by `owner`, a name or form of `n`. Empty,
/// with the reason added to `problems`, when it cannot be read for sure: IU that cannot be turned
/// into a mass for `n`, "8 meg" of a nutrient counted in mg (mg or µg?).
std::optional<OwnedAmount> ReadOwnedAmount(const TextLine& line, size_t lineIndex, const LineRead& lr, size_t qi,
                                           const NutrientNameMatch& owner, const Nutrient& n,
                                           const NutrientWords& words, std::vector<std::string>& problems);

}  // namespace suppcheck
