#pragma once
// The data files under models/ that every stage reads (vocabulary, salts, rules, nutrients),
// loaded once and shared read-only by every scanner, batch worker and web request.

#include <filesystem>
#include <memory>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/assess/rules.h"
#include "suppcheck/extract/nutrient_names.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

/// The data files every scanner shares, loaded once.
struct Models {
  std::filesystem::path dir;
  Vocabulary vocabulary;
  Rules rules;
  NutrientLimits nutrients;          ///< models/nutrients.json: names, forms, limits
  NutrientNameIndex nutrientNames;   ///< ... and models/nutrient_words.json, for reading them
  static Expected<std::shared_ptr<const Models>> Load(const std::filesystem::path& dir);
};

}  // namespace suppcheck
