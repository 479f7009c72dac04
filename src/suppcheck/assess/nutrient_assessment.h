#pragma once
// One nutrient's amount a day against its two limits, for one person: the health limit (EFSA
// upper level or safe level for the age band) and the Belgian legal maximum per daily portion.
// They are never merged: the result says which one is exceeded and what that means, says plainly
// when no upper level is set for the age, and marks a limit that is unconfirmed in the data.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "suppcheck/assess/age_profile.h"
#include "suppcheck/assess/nutrient_limits.h"

namespace suppcheck {

enum class NutrientLevel { WithinUpperLevel, AboveUpperLevel, NoUpperLevel, Unknown };
/// "within_upper_level" | "above_upper_level" | "no_upper_level" | "unknown" (spec/report.md).
std::string_view NutrientLevelName(NutrientLevel level);

/// The health limit that was applied (the report's `upper_level` object).
struct AppliedUpperLevel {
  std::optional<double> value;                   ///< none when only a range is known
  std::optional<std::pair<double, double>> range;
  std::string unit;
  std::string kind;        ///< "UL" | "safe_level"
  std::string appliesTo;   ///< "total_intake" | "supplements_only" | "added_forms"
  std::string source;      ///< citation
  std::string profile;     ///< "adult", "4-6", "adult+pregnancy" ...
  bool confirmed = true;
};

/// The legal maximum (the report's `legal_max` object).
struct AppliedLegalMax {
  double value = 0;
  std::string unit;
  std::string country;
  std::string source;
  bool confirmed = false;
};

struct NutrientAssessment {
  std::string id;
  NutrientLevel level = NutrientLevel::Unknown;
  std::optional<AppliedUpperLevel> upperLevel;
  std::optional<AppliedLegalMax> legalMax;
  /// above_upper_level, above_legal_max, warning_required, no_upper_level_for_age,
  /// limit_unconfirmed, upper_level_depends_on_form, unknown_nutrient, bad_unit
  std::vector<std::string> flags;
  std::vector<std::string> messages;
};

/// Assesses `amountPerDay` (in `unit`: mg, µg/mcg/ug or g) of `nutrientId` for `who`. `formId`
/// (a form id of models/nutrients.json, or empty when the label does not say) picks the limit
/// when it depends on the form (niacin). The amount is the total a day from this product.
NutrientAssessment AssessNutrient(const NutrientLimits& limits, const AgeProfile& who, std::string_view nutrientId,
                                  double amountPerDay, std::string_view unit, std::string_view formId = {});

/// The most serious of several levels, for a one-line verdict (`assessment.worst`):
/// above_upper_level > unknown > within_upper_level > no_upper_level. Null for none.
std::optional<NutrientLevel> WorstLevel(const std::vector<NutrientAssessment>& assessments);

}  // namespace suppcheck
