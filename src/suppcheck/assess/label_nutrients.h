#pragma once
// Every nutrient read on a label assessed for one person (the report's `nutrients` array and
// `assessment.worst`): the amount a day against the health limit and the Belgian legal maximum
// (assess/nutrient_assessment), or `unknown` when the amount a day was not read, never a guess.
// Magnesium's entry is made from the magnesium reading itself, so the two never disagree.

#include <optional>
#include <vector>

#include "suppcheck/assess/age_profile.h"
#include "suppcheck/assess/nutrient_assessment.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/nutrient_rows.h"

namespace suppcheck {

struct NutrientResult {
  std::string name;                    ///< "vitamin B6" (models/nutrients.json)
  std::vector<std::string> formNames;  ///< "pyridoxine hydrochloride": the forms' English names
  NutrientFacts facts;
  NutrientAssessment assessment;
};

/// Puts the magnesium reading in place of the general reading's magnesium: present with its
/// dose, salts and evidence; dropped when the magnesium reading found it is no active ingredient
/// (magnesium stearate).
void UseMagnesiumReading(std::vector<NutrientFacts>& nutrients, const MagnesiumFacts& magnesium);

/// Each nutrient's amount a day against its limits for `who`.
std::vector<NutrientResult> AssessNutrients(std::vector<NutrientFacts> nutrients, const NutrientLimits& limits,
                                            const AgeProfile& who);

/// The most serious level over all nutrients (`assessment.worst`), none without nutrients.
std::optional<NutrientLevel> WorstNutrientLevel(const std::vector<NutrientResult>& nutrients);

}  // namespace suppcheck
