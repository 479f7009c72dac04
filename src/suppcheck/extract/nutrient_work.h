#pragma once
// One nutrient while its label is read (extract/nutrient_rows): every amount found for it so far,
// with the facts of each amount that NutrientAmount does not carry, which quantities of each line
// it owns, and the facts to report.

#include <cmath>
#include <optional>
#include <string>
#include <utility>
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
  /// The same amount said again in IU beside it, or in a mass beside an amount in IU ("7,6 µg
  /// (304 IU)"): [low, high] in mg, as converted (a range where the form decides the factor).
  std::optional<std::pair<double, double>> restatedMg;
  double restatedRoundingMg = 0;  ///< half a unit of the restatement's last printed digit, in mg
  bool restatementAgrees = false;  ///< set by CheckIuRestatements
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

/// Half a unit of the last digit printed in `number` ("7,6": 0.05), times `perNumber` (mg per
/// unit of the number): how far the printed amount may be from the amount it rounds.
inline double HalfOfLastDigitMg(const std::string& number, double perNumber) {
  const size_t sep = number.find_first_of(",.");
  const size_t decimals = sep == std::string::npos ? 0 : number.size() - sep - 1;
  return 0.5 * std::pow(10.0, -static_cast<double>(decimals)) * perNumber;
}

}  // namespace suppcheck
