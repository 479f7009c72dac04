#pragma once
// One nutrient while its label is read (extract/nutrient_rows): every amount found for it so far,
// with the facts of each amount that NutrientAmount does not carry, which quantities of each line
// it owns, and the facts to report.

#include <string>
#include <vector>

#include "suppcheck/assess/nutrient_units.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/nutrient_rows.h"

namespace suppcheck {

// Extra facts of one amount that NutrientAmount does not carry.
struct AmountNote {
  bool converted = false;   ///< from IU
  bool dfe = false;         ///< "680 mcg DFE": dietary folate equivalents
  double lowFactor = 1;     ///< the low end of a conversion range over the value used
  std::string number;       ///< the amount's digits as printed ("0,21"), for the % RI check
  double mgPerNumber = 0;   ///< mg per unit of `number`
};

struct NutrientWork {
  std::vector<NutrientAmount> amounts;
  std::vector<AmountNote> notes;           ///< one per amount
  std::vector<std::vector<size_t>> owned;  ///< per line: the quantity indexes
  NutrientFacts facts;
};

/// mg in one of a nutrient's unit ("mg", "µg", "g").
inline double MgPerUnitOf(const std::string& unit) {
  const std::string u = CanonicalMassUnit(unit);
  return u == "g" ? 1000 : u == "mg" ? 1 : 0.001;
}

}  // namespace suppcheck
