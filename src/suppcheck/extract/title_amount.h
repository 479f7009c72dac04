#pragma once
// The number in a product's name: "Magnesium 450", "MAGNESIUM 300 Forte", "Mivolis Magnesium 400".
// Brands print the dose (per unit or per day) in the name without a unit; a careful reader checks
// the dose found in the small print against it.

#include <vector>

#include "suppcheck/extract/analysed_line.h"

namespace suppcheck {

/// Numbers printed right after the nutrient's word without a unit, on short lines with no other
/// digits (a title, not a table row or a sentence).
std::vector<double> TitleNumbers(const std::vector<AnalysedLine>& info);

/// Whether a title number reads as the first digits of a dose, its last ones lost ("Magnesium 60"
/// over 600 mg a day, "Magnesium 94" over 947.4 mg): the crop of a short front panel cuts a large
/// title's last digit off at the panel's edge, and the OCR reads what is left with high confidence
/// (products seed 52171 phone-0043, 63052 clean-0014). Such a title does not contradict the dose.
bool IsCutTitleNumber(double title, double dose);

}  // namespace suppcheck
