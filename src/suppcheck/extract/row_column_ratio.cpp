#include "suppcheck/extract/row_column_ratio.h"

#include <cmath>

#include "suppcheck/extract/nutrient_row_readings.h"

namespace suppcheck {

namespace {

// Per unit, per day, or not known; not "per 2 tablets", a column of its own.
bool OneOrDay(DoseBasis b) { return b != DoseBasis::PerUnits; }

bool Equal(const NutrientAmount& a, const NutrientAmount& b, double agreement) {
  return EqualReadings(a, b, agreement) && a.salt == b.salt;
}

// The whole number of units the larger amount is of the smaller, when it is one the label allows:
// the directions' units a day where they were read, else the per-day header's count, else any
// count up to the most units a day a label asks for.
std::optional<double> WholeRatio(const NutrientAmount& small, const NutrientAmount& large,
                                 std::optional<double> unitsPerDay, const ExtractionLimits& limits) {
  const std::optional<double> units = WholeUnitsRatio(small.mg, large.mg, limits);
  if (!units) return std::nullopt;
  std::optional<double> said = unitsPerDay;
  if (!said || *said <= 0) {
    said.reset();
    for (const NutrientAmount* a : {&small, &large})
      if (a->basis == DoseBasis::PerDay && a->units > 1) said = a->units;
  }
  if (said && std::abs(*said - *units) > 1e-9) return std::nullopt;
  return units;
}

}  // namespace

std::optional<double> WholeUnitsRatio(double small, double large, const ExtractionLimits& limits) {
  if (small <= 0) return std::nullopt;
  const double ratio = large / small;
  const double units = std::round(ratio);
  if (units < 2 || units > limits.maxUnitsPerDay || std::abs(ratio - units) > limits.doseAgreement * units)
    return std::nullopt;
  return units;
}

void SettleRowColumnsByRatio(std::vector<NutrientAmount>& amounts, const std::vector<TextLine>& lines,
                             std::optional<double> unitsPerDay, const ExtractionLimits& limits) {
  struct Settled {
    NutrientAmount unit, day;  // copies: the row's two amounts as they were before
    double units;
  };
  std::vector<Settled> settled;
  for (size_t k = 0; k < amounts.size(); ++k) {
    NutrientAmount& a = amounts[k];
    if (!a.elemental || !OneOrDay(a.basis)) continue;
    // Exactly two amounts of the nutrient on the row, neither in a column of several units.
    NutrientAmount* other = nullptr;
    int onRow = 0;
    for (auto& b : amounts)
      if (b.line == a.line) {
        ++onRow;
        if (&b != &a) other = &b;
      }
    if (onRow != 2 || !other || other < &a || !other->elemental || other->salt != a.salt || !OneOrDay(other->basis))
      continue;
    NutrientAmount& small = a.mg <= other->mg ? a : *other;
    NutrientAmount& large = a.mg <= other->mg ? *other : a;
    if (small.basis == DoseBasis::PerUnit && large.basis == DoseBasis::PerDay) continue;  // as it should be
    const std::optional<double> units = WholeRatio(small, large, unitsPerDay, limits);
    if (!units) continue;
    settled.push_back({small, large, *units});
    small.basis = DoseBasis::PerUnit;
    small.units = 1;
    large.basis = DoseBasis::PerDay;
    large.units = *units;
  }
  // The row read again: its amount equal to one of the two, in the same place on the photo, is in
  // that one's column.
  for (const Settled& s : settled)
    for (auto& b : amounts) {
      if (!OneOrDay(b.basis) || b.line == s.unit.line) continue;
      if (Equal(b, s.day, limits.doseAgreement) && SameRowReadings(b, s.day, lines)) {
        b.basis = DoseBasis::PerDay;
        b.units = s.units;
      } else if (Equal(b, s.unit, limits.doseAgreement) && SameRowReadings(b, s.unit, lines)) {
        b.basis = DoseBasis::PerUnit;
        b.units = 1;
      }
    }
}

}  // namespace suppcheck
