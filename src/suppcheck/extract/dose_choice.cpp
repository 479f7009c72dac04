#include "suppcheck/extract/dose_choice.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "suppcheck/extract/reference_intake.h"

namespace suppcheck {

namespace {

// Two readings count as the same value within 2 %: one tolerance for the vote and for the copy
// whose % RI is checked. Tighter than rules.json's 3 % dose agreement, which also allows for a
// label's own rounding between two statements of a dose; the 2 % itself is UNSOURCED.
constexpr double kSameReading = 0.02;

// Whether two values are readings of one amount (kSameReading of the larger).
bool SameReading(double a, double b) { return std::abs(a - b) <= kSameReading * std::max(a, b); }

// The amount value most often read; ties go to the value that `fits` the rest of the label, then
// to the larger value, which keeps the safety call conservative.
const NutrientAmount* Vote(const std::vector<const NutrientAmount*>& amounts,
                           const std::function<bool(const NutrientAmount&)>& fits = nullptr) {
  const NutrientAmount* best = nullptr;
  size_t bestVotes = 0;
  bool bestFits = false;
  for (const auto* a : amounts) {
    size_t votes = 0;
    for (const auto* b : amounts)
      if (SameReading(a->mg, b->mg)) ++votes;
    const bool aFits = fits && fits(*a);
    if (votes > bestVotes || (votes == bestVotes && best && (aFits != bestFits ? aFits : a->mg > best->mg))) {
      best = a;
      bestVotes = votes;
      bestFits = aFits;
    }
  }
  return best;
}

// A per-unit amount that times the units a day (the directions', else the per-day amount's own
// count) gives the per-day amount chosen: the label's own arithmetic backs that reading.
bool FitsDayAmount(const NutrientAmount& unit, const NutrientAmount* day, const std::optional<UnitsPerDay>& directions,
                   const ExtractionLimits& limits) {
  if (!day) return false;
  const double units = directions ? directions->units : day->units;
  if (units <= 0) return false;
  const double perUnit = unit.mg / (unit.basis == DoseBasis::PerUnits && unit.units > 0 ? unit.units : 1.0);
  return std::abs(perUnit * units - day->mg) <= limits.doseAgreement * day->mg;
}

// Units a day: the directions, else the per-day amount's unit count, else a per-N-units
// amount, else a whole ratio of the per-day to the per-unit amount.
std::optional<double> UnitsPerDayOf(const DoseChoice& c, const std::optional<UnitsPerDay>& directions,
                                    std::optional<double> perUnitMg, double maxUnitsPerDay) {
  std::optional<double> units;
  if (directions) units = directions->units;
  if (!units && c.dayAmount && c.dayAmount->units > 0) units = c.dayAmount->units;
  if (!units && c.unitAmount && c.unitAmount->basis == DoseBasis::PerUnits) units = c.unitAmount->units;
  if (!units && perUnitMg && c.dayAmount && *perUnitMg > 0) {
    const double ratio = c.dayAmount->mg / *perUnitMg;
    if (std::abs(ratio - std::round(ratio)) < 0.05 && ratio >= 1) units = std::round(ratio);
  }
  if (units && *units > maxUnitsPerDay) units.reset();
  return units;
}

// Among the readings of the value chosen, one whose printed % RI fits it rather than one whose
// % RI does not: the same row read twice or in two languages, one copy's % RI misread ("200 mg
// 535%" and "200 mg 53 %", products seed 58734 phone-0011, whose dose was refused for the 535 %).
// The value stays the one voted; only which copy's % RI is checked changes.
const NutrientAmount* CopyWithFittingRi(const NutrientAmount* chosen, const std::vector<const NutrientAmount*>& amounts,
                                        const ExtractionLimits& limits) {
  if (!chosen || !chosen->percentRi || RiFits(*chosen->percentRi, chosen->mg, limits)) return chosen;
  for (const auto* a : amounts)
    if (a->basis == chosen->basis && std::abs(a->mg - chosen->mg) <= kSameReading * chosen->mg &&
        a->percentRi && RiFits(*a->percentRi, a->mg, limits))
      return a;
  return chosen;
}

// Amounts none of whose columns was read, of two values only, the larger the smaller times the
// units a day of the directions: the smaller is one unit's, the larger the day's, wherever each
// stands. A pale header "Per dagdosis (3 tabletten)" lost, the title "Koper 0,5 mg" and the
// table's "Koper 1,5 mg 150 %" were both taken per tablet, the larger by the vote's tie, times the
// "1 tot 3 tabletten" of the directions: 4,5 mg of copper a day for 1,5 (nutrient seed 61250
// single-clean-0018). Both values moved together, so that each keeps all its readings.
void DayAmongUnknownColumns(std::vector<const NutrientAmount*>& perUnit, std::vector<const NutrientAmount*>& perDay,
                            const std::optional<UnitsPerDay>& directions, const ExtractionLimits& limits) {
  if (!perDay.empty() || !directions || directions->units < 2 || perUnit.size() < 2) return;
  double small = 0, large = 0;
  for (const auto* a : perUnit) {
    if (a->basis != DoseBasis::Unknown || a->mg <= 0) return;
    if ((small > 0 && SameReading(a->mg, small)) || (large > 0 && SameReading(a->mg, large))) continue;
    if (small == 0) small = a->mg;
    else if (large == 0) large = a->mg;
    else return;  // a third value: not two columns
  }
  if (large == 0) return;
  if (large < small) std::swap(small, large);
  if (std::abs(small * directions->units - large) > limits.doseAgreement * large) return;
  std::vector<const NutrientAmount*> unit;
  for (const auto* a : perUnit) (std::abs(a->mg - large) <= kSameReading * large ? perDay : unit).push_back(a);
  perUnit = unit;
}

}  // namespace

std::optional<DoseChoice> ChooseDose(const std::vector<NutrientAmount>& amounts,
                                     const std::optional<UnitsPerDay>& directions, const ExtractionLimits& limits) {
  std::vector<const NutrientAmount*> perUnit, perDay, perUnitSalt, perDaySalt;
  for (const auto& a : amounts) {
    const bool day = a.basis == DoseBasis::PerDay;
    if (a.elemental) {
      if (!day && a.mg / std::max(1.0, a.basis == DoseBasis::PerUnits ? a.units : 1.0) > limits.maxMgPerUnit) continue;
      (day ? perDay : perUnit).push_back(&a);
    } else {
      (day ? perDaySalt : perUnitSalt).push_back(&a);
    }
  }
  DayAmongUnknownColumns(perUnit, perDay, directions, limits);
  DoseChoice c;
  c.declared = !perUnit.empty() || !perDay.empty();
  c.dayAmount = CopyWithFittingRi(Vote(c.declared ? perDay : perDaySalt), c.declared ? perDay : perDaySalt, limits);
  // Two per-unit readings as often read, one of them a misread ("Magnesium 1200 mg [200 mg" and
  // "Magnesium 200 mg 200 mg" in one table, products seed 58734 phone-0011: the larger was taken,
  // did not add up with the 200 mg a day of 1 capsule, and the label lost its dose): the one that
  // makes the per-day amount is the reading.
  c.unitAmount = Vote(c.declared ? perUnit : perUnitSalt,
                      [&](const NutrientAmount& a) { return FitsDayAmount(a, c.dayAmount, directions, limits); });
  if (!c.unitAmount && !c.dayAmount) return std::nullopt;

  if (c.unitAmount)
    c.perUnit = c.unitAmount->mg / (c.unitAmount->basis == DoseBasis::PerUnits ? c.unitAmount->units : 1.0);
  c.unitsPerDay = UnitsPerDayOf(c, directions, c.perUnit, limits.maxUnitsPerDay);
  if (!c.perUnit && c.dayAmount && c.unitsPerDay && *c.unitsPerDay > 0) c.perUnit = c.dayAmount->mg / *c.unitsPerDay;
  if (c.dayAmount) {
    c.perDay = c.dayAmount->mg;
    // A per-day column for fewer units than the directions allow ("per dagdosis (2 tabletten)",
    // "neem 2 tot 3 tabletten per dag"): the most the directions allow is the daily dose.
    const double dayUnits = c.dayAmount->units;
    if (c.perUnit && c.unitsPerDay && dayUnits > 0 && *c.unitsPerDay > dayUnits &&
        std::abs(*c.perUnit * dayUnits - c.dayAmount->mg) <= limits.doseAgreement * c.dayAmount->mg)
      c.perDay = *c.perUnit * *c.unitsPerDay;
  } else if (c.perUnit && c.unitsPerDay)
    c.perDay = *c.perUnit * *c.unitsPerDay;
  return c;
}

}  // namespace suppcheck
