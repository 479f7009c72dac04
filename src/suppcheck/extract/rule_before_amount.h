#pragma once
// A table's vertical rule just left of an amount read as the amount's first digit, told by where
// the amount starts: in a left-aligned amount column every row's amount starts at the same x, and
// an amount read with the rule starts about one digit left of it ("| 6 mg" read "16 mg", "| 10 mg"
// "110 mg": multivitamin-phone-0025 of tuning seed 33871, where the table's second readings lost
// those rows and no other reading of them was left to compare with).

#include <string>
#include <vector>

#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// Whether amount `a` (its printed digits `number`) begins with a "1" that stands left of its
/// column: the word it begins starts between half a digit and two digits left of where the
/// numbers of at least three rows around it (other lines within a few rows, their words starting
/// with a digit under the amount) start together. False without geometry, for a number that does
/// not begin with "1" and another digit, and in a column whose numbers do not start together
/// (right-aligned, or too few rows).
bool OneStandsLeftOfItsColumn(const NutrientAmount& a, const std::string& number, const std::vector<TextLine>& lines);

}  // namespace suppcheck
