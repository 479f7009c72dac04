#pragma once
// From every amount read to one dose: declared (elemental) amounts first, compound masses only
// when nothing else is printed; per unit and per day each by vote (the value read most often;
// OCR may garble one copy); units a day from the directions, else from a per-day amount's unit
// count, else from the ratio of the per-day to the per-unit amount.

#include <optional>
#include <vector>

#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_amount.h"

namespace suppcheck {

struct DoseChoice {
  const NutrientAmount* unitAmount = nullptr;  ///< the per-unit (or per-N-units) amount chosen
  const NutrientAmount* dayAmount = nullptr;   ///< the per-day amount chosen
  bool declared = false;  ///< elemental amounts; false: masses of a compound
  std::optional<double> unitsPerDay;
  std::optional<double> perUnit, perDay;  ///< mg as printed (elemental, or compound mass)
};

/// None when no amount has a usable value.
std::optional<DoseChoice> ChooseDose(const std::vector<NutrientAmount>& amounts,
                                     const std::optional<UnitsPerDay>& directions, const ExtractionLimits& limits);

}  // namespace suppcheck
