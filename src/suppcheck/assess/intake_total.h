#pragma once
// The total a day of every nutrient over several products a person takes together, from their
// scan results (spec/report.md), checked against the same two limits as one product: the health
// limit for the person's age (EFSA upper level or safe level) and the Belgian legal maximum.
// Two products with 200 mg magnesium each are 400 mg a day (docs/nutrients.md §5).
//
// Honest sums: a product whose dose of a nutrient was not read makes that total "at least" the
// rest, never "within"; a product whose contents the photo did not show is named, not counted as
// zero; a result made before nutrients were read counts its magnesium only, and says so.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suppcheck/assess/age_profile.h"
#include "suppcheck/assess/nutrient_assessment.h"
#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

/// What one product gives of one nutrient a day, as its result says.
struct ProductAmount {
  std::string id;                    ///< spec/report.md nutrient id
  std::optional<double> perDay;      ///< none: the product has it but the amount a day was not read
  std::optional<std::pair<double, double>> perDayRange;  ///< low and high when uncertain
  std::string unit;                  ///< "mg" | "µg" | "g" (canonical); empty when perDay is none
  std::string formId;                ///< a form id of models/nutrients.json, when the label names one
  std::string unknownWhy;            ///< why perDay is none, for a person
};

/// One product: one result of scan or batch.
struct ProductIntake {
  std::string file;    ///< the result's "file" (the first photo of a product)
  std::string source;  ///< where the result was read: "results.jsonl:3"
  /// "nutrients": the result's nutrient list; "magnesium_only": a result without one (made
  /// before nutrients were read), only its magnesium object counts; "not_read": the result says
  /// nothing about what the product contains (ok false, or the photo showed no ingredients).
  std::string read = "nutrients";
  std::string notReadWhy;
  std::vector<ProductAmount> amounts;
};

/// One result object (a line of scan --format jsonl) as a ProductIntake. An error (code
/// "not_a_result") when the value is not a scan result: not an object, no "file" or "ok", or a
/// "nutrients" / "magnesium" of the wrong shape. `source` names it in the messages.
Expected<ProductIntake> IntakeFromResult(const nlohmann::ordered_json& result, const NutrientLimits& limits,
                                         const std::string& source);

struct NutrientContribution {
  std::string file;
  std::string source;
  std::optional<double> perDay;  ///< in the total's unit; none: not read
  std::string why;               ///< when not read
  bool aboveLegalMax = false;    ///< this product alone is above the Belgian maximum
};

struct NutrientTotal {
  std::string id;
  std::string name;
  std::string unit;               ///< the unit of models/nutrients.json for the nutrient
  double perDay = 0;              ///< the sum of the amounts that were read
  std::optional<std::pair<double, double>> perDayRange;  ///< when some amount is a range
  bool atLeast = false;           ///< some product's amount was not read: the total is at least perDay
  bool anyKnown = false;          ///< some product's amount was read
  std::string formId;             ///< the one form every product names, else empty
  std::vector<NutrientContribution> products;
  NutrientAssessment assessment;  ///< of the sum; level unknown when atLeast and not above
};

struct IntakeTotal {
  std::vector<ProductIntake> products;   ///< as given, a repeated file kept once (the later one)
  std::vector<NutrientTotal> nutrients;  ///< in the order of models/nutrients.json
  std::optional<NutrientLevel> worst;
  std::vector<std::string> flags;     ///< above_upper_level, above_legal_max, dose_unknown, contents_unknown, ...
  std::vector<std::string> messages;  ///< the findings over all products, for a person
};

/// Sums every nutrient over the products and assesses each sum for `who`.
IntakeTotal SumIntake(std::vector<ProductIntake> products, const NutrientLimits& limits, const AgeProfile& who);

}  // namespace suppcheck
