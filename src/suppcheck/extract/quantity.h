#pragma once
// Amounts printed on labels, found in folded text: "187,5 mg", "90mg", "0,184 g", "5 mmol",
// "400 µg", "375 rng" (OCR for mg), and percentages "100 %". Decimal commas are read as the
// decimal point; "1.160 mg" is read as 1160 mg (nobody prints a dose to the microgram with a
// point), but "2,250 g" is 2.25 g.

#include <string_view>
#include <vector>

namespace suppcheck {

enum class MassUnit { Mg, G, Ug, Mmol };

struct Quantity {
  double value = 0;   ///< as printed, in `unit`
  MassUnit unit = MassUnit::Mg;
  double mg = 0;      ///< converted to mg (mmol as magnesium: 24.305 mg)
  size_t begin = 0;   ///< byte range in the folded text
  size_t end = 0;
};

struct Percent {
  double value = 0;
  size_t begin = 0, end = 0;
};

/// Masses with a unit, left to right.
std::vector<Quantity> FindQuantities(std::string_view folded);
/// Percentages, left to right.
std::vector<Percent> FindPercents(std::string_view folded);
/// Parses a number as printed on a label ("187,5", "1.160" with `thousandsOk`); false if none.
bool ParseLabelNumber(std::string_view s, bool thousandsOk, double& value);

}  // namespace suppcheck
