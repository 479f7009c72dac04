#pragma once
// Every vitamin and mineral a label gives an amount for, per unit and per day: the rows of a
// nutrient table ("Vitamin D3 25 mcg (1000 IU) 125%", "Zink (als zinkgluconaat) 10 mg 100 %"),
// of several columns ("per tablet | per dagdosis"), of two tables side by side, and amounts in
// running text ("Per tablet: 400 µg foliumzuur").
//
// The steps: the names and forms on each line (extract/nutrient_names); each amount to the
// nutrient named before it at the same parenthesis depth, or right after it ("10 mg zink"); a
// form named with the nutrient ("Zinc (as zinc oxide)") makes the amount elemental, a compound
// named alone ("zinkgluconaat 70 mg") makes it the compound's mass; an amount in parentheses
// after another is the same amount said again ("(1000 IU)") or folic acid beside folate ("680
// mcg DFE (400 mcg folic acid)"). Then, for each nutrient, the magnesium reading's own steps:
// what each amount is per (extract/amount_basis, extract/table_columns), units a day from the
// directions (extract/directions) and one dose from all amounts (extract/dose_choice).
//
// IU become µg or mg with the factors of models/nutrients.json (basis "converted"); "meg" and
// "mog" (OCR for mcg) count as µg only for a nutrient counted in µg. An amount that cannot be
// read for sure gives no dose: the nutrient is reported with its amount unknown.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/extract/dose_source.h"
#include "suppcheck/extract/evidence.h"
#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_names.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct NutrientFacts {
  std::string id;                  ///< models/nutrients.json id ("vitamin_d")
  std::vector<std::string> forms;  ///< form ids named on the label, in order of appearance
  std::string unit;                ///< the nutrient's unit in models/nutrients.json: amounts are in it
  std::optional<double> perUnit, unitsPerDay, perDay;
  std::optional<std::pair<double, double>> perDayRange;
  std::optional<double> riPercentPrinted;  ///< the % RI / % DV printed beside the amount
  std::optional<double> folicAcidUg;       ///< folate: folic acid printed beside the DFE amount
  bool dfe = false;                        ///< folate: the amount is in µg DFE
  DoseSource basis = DoseSource::kUnknown;  ///< kDeclared, kFromCompoundMass or kConverted when there is a dose
  std::vector<Evidence> evidence;
  /// Why an amount that was read gives no dose ("'8 meg' may be mg or µg").
  std::vector<std::string> problems;
};

/// Every nutrient with at least one amount on the label, in the order of models/nutrients.json.
/// `limits` supplies the plausibility bounds and the directions' maximum units a day.
std::vector<NutrientFacts> ExtractNutrients(const std::vector<TextLine>& lines, const NutrientNameIndex& names,
                                            const NutrientLimits& nutrients, const Vocabulary& vocab,
                                            const ExtractionLimits& limits);

}  // namespace suppcheck
