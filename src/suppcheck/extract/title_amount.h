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

}  // namespace suppcheck
