#include "suppcheck/extract/dose_choice.h"

#include <algorithm>
#include <cmath>

namespace suppcheck {

namespace {

// The amount value most often read; ties go to the larger value, which keeps the safety call
// conservative.
const NutrientAmount* Vote(const std::vector<const NutrientAmount*>& amounts) {
  const NutrientAmount* best = nullptr;
  size_t bestVotes = 0;
  for (const auto* a : amounts) {
    size_t votes = 0;
    for (const auto* b : amounts)
      if (std::abs(a->mg - b->mg) <= 0.02 * std::max(a->mg, b->mg)) ++votes;
    if (votes > bestVotes || (votes == bestVotes && best && a->mg > best->mg)) {
      best = a;
      bestVotes = votes;
    }
  }
  return best;
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
  DoseChoice c;
  c.declared = !perUnit.empty() || !perDay.empty();
  c.unitAmount = Vote(c.declared ? perUnit : perUnitSalt);
  c.dayAmount = Vote(c.declared ? perDay : perDaySalt);
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
