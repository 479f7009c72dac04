#include "suppcheck/extract/nutrient_amount_checks.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <string>

#include "suppcheck/extract/nutrient_row_readings.h"
#include "suppcheck/extract/ri_plausibility.h"

namespace suppcheck {

namespace {

// Another amount of the nutrient on the same row a whole number of units apart ("5 mg 10 mg"):
// two readings that agree with each other outweigh one % RI that fits neither.
bool RowAgrees(const NutrientWork& w, size_t k, const ExtractionLimits& limits) {
  const NutrientAmount& a = w.amounts[k];
  for (size_t j = 0; j < w.amounts.size(); ++j) {
    const NutrientAmount& b = w.amounts[j];
    if (j == k || b.line != a.line || !b.elemental || b.mg <= 0 || a.mg <= 0) continue;
    const double ratio = std::max(a.mg, b.mg) / std::min(a.mg, b.mg);
    if (ratio >= 2 - limits.doseAgreement && ratio <= limits.maxUnitsPerDay + limits.doseAgreement &&
        std::abs(ratio - std::round(ratio)) <= limits.doseAgreement * ratio)
      return true;
  }
  return false;
}

void EraseAmount(NutrientWork& w, size_t k) {
  w.amounts.erase(w.amounts.begin() + static_cast<long>(k));
  w.notes.erase(w.notes.begin() + static_cast<long>(k));
}

// The lowest health limit of any age band, in mg; none when the nutrient has none.
std::optional<double> LowestHealthLimitMg(const Nutrient& n) {
  std::optional<double> lowest;
  for (const HealthLimit& h : n.upperLevels) {
    if (h.kind == HealthLimit::Kind::None) continue;
    for (const auto& [band, limit] : h.bands) {
      if (limit.type == BandLimit::Type::NoneSet) continue;
      const double v = (limit.type == BandLimit::Type::Range ? limit.low : limit.value) * MgPerUnitOf(n.unit);
      if (v > 0 && (!lowest || v < *lowest)) lowest = v;
    }
  }
  return lowest;
}

// The highest limit of any age band, form or kind (health or Belgian legal), in mg; none when the
// nutrient has none.
std::optional<double> HighestLimitMg(const Nutrient& n) {
  std::optional<double> highest;
  const auto take = [&](double v) {
    if (v > 0 && (!highest || v > *highest)) highest = v;
  };
  for (const HealthLimit& h : n.upperLevels) {
    if (h.kind == HealthLimit::Kind::None) continue;
    for (const auto& [band, limit] : h.bands) {
      if (limit.type == BandLimit::Type::NoneSet) continue;
      take((limit.type == BandLimit::Type::Range ? limit.high : limit.value) * MgPerUnitOf(n.unit));
    }
  }
  if (n.legalMax.value) take(*n.legalMax.value * MgPerUnitOf(n.legalMax.unit.empty() ? n.unit : n.legalMax.unit));
  return highest;
}

// A decimal sign put into the digits read makes the dose smaller than read: never where the
// amount read could be above a health limit (of the youngest band, as many units a day as the
// label may mean). There the % RI alone, which may be the misread one, does not turn an amount
// above a limit into one within it: the amount is unknown.
bool SmallerDoseNotAssumed(const NutrientAmount& a, const RiCheck& check, const Nutrient& n,
                           const std::vector<double>& units) {
  if (check.verdict != RiCheck::Verdict::Corrected || !check.decimalInserted || check.mg >= a.mg) return false;
  const std::optional<double> lowest = LowestHealthLimitMg(n);
  double most = std::max(1.0, a.units);
  for (const double u : units) most = std::max(most, u);
  return lowest && a.mg * most > *lowest;
}

}  // namespace

void TrustAmountsByRi(NutrientWork& w, const Nutrient& n, const std::optional<UnitsPerDay>& directions,
                      const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  RiReference ref;
  const double toMg = MgPerUnitOf(n.unit);
  if (n.referenceIntake) ref.hundredPercentMg.push_back(*n.referenceIntake * toMg);
  for (const double dv : n.usDailyValues) ref.hundredPercentMg.push_back(dv * toMg);
  if (ref.hundredPercentMg.empty()) return;
  std::vector<double> units;
  if (directions && directions->units > 0) units.push_back(directions->units);
  for (size_t k = 0; k < w.amounts.size();) {
    const NutrientAmount& a = w.amounts[k];
    const AmountNote& note = w.notes[k];
    if (!a.percentRi || !a.elemental || note.converted || note.number.empty() || note.mgPerNumber <= 0) {
      ++k;
      continue;
    }
    ref.multipliers = {1};
    for (const double u : units) ref.multipliers.insert(ref.multipliers.end(), {u, 1 / u});
    if (a.units > 1) ref.multipliers.insert(ref.multipliers.end(), {a.units, 1 / a.units});
    const RiCheck check = CheckAgainstRi(a.mg, *a.percentRi, note.number, note.mgPerNumber, ref, limits);
    if (check.verdict == RiCheck::Verdict::Fits || RowAgrees(w, k, limits)) {
      ++k;
      continue;
    }
    const bool refused = SmallerDoseNotAssumed(a, check, n, units);
    if (check.verdict == RiCheck::Verdict::Corrected && !refused) {
      w.amounts[k].mg = check.mg;
    } else {
      const TextLine& line = lines[static_cast<size_t>(a.line)];
      std::ostringstream why;
      why.imbue(std::locale::classic());
      why << "'" << line.text.substr(a.begin, a.end - a.begin) << "' of " << n.name << " does not fit the "
          << *a.percentRi << " % RI printed beside it";
      if (refused)
        why << " (with a lost decimal sign it would: " << check.mg / MgPerUnitOf(n.unit) << " " << n.unit
            << "; a smaller dose than read is not assumed where the amount read may be above a health limit)";
      else
        why << " (it would be " << std::round(check.expected) << " %)";
      w.facts.problems.push_back(why.str());
      EraseAmount(w, k);
      continue;
    }
    ++k;
  }
}

void CrossCheckRowReadings(NutrientWork& w, const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  std::vector<std::string> numbers;
  for (const auto& note : w.notes) numbers.push_back(note.number);
  const std::vector<size_t> lost = ReadingsThatLostTheSeparator(w.amounts, numbers, lines);
  for (auto it = lost.rbegin(); it != lost.rend(); ++it) EraseAmount(w, *it);
  TakeBasisOfEqualReadings(w.amounts, limits.doseAgreement);
}

void DropImplausibleAmounts(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                            const ExtractionLimits& limits) {
  const std::optional<double> highest = HighestLimitMg(n);
  if (!highest || limits.implausibleTimesLimit <= 0) return;
  const double ceiling = *highest * limits.implausibleTimesLimit;
  for (size_t k = w.amounts.size(); k-- > 0;) {
    const NutrientAmount& a = w.amounts[k];
    if (!a.elemental || a.mg <= ceiling) continue;
    std::ostringstream why;
    why.imbue(std::locale::classic());
    why << "'" << lines[static_cast<size_t>(a.line)].text.substr(a.begin, a.end - a.begin) << "' of " << n.name
        << " is more than " << limits.implausibleTimesLimit << " times the highest limit set for it ("
        << *highest / MgPerUnitOf(n.unit) << " " << n.unit
        << " a day): a misreading (a lost decimal sign?), not an amount a label prints";
    w.facts.problems.push_back(why.str());
    EraseAmount(w, k);
  }
}

void DropDisagreeingRowReadings(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                const ExtractionLimits& limits) {
  std::vector<bool> comparable;
  for (const auto& note : w.notes) comparable.push_back(!note.converted);
  const auto pairs = DisagreeingRowReadings(w.amounts, comparable, lines, limits.doseAgreement);
  if (pairs.empty()) return;
  std::vector<bool> drop(w.amounts.size(), false);
  const auto printed = [&](size_t k) {
    const NutrientAmount& a = w.amounts[k];
    // Appended piece by piece: '"'" + substr + "'"' trips GCC 12's -Wrestrict (a false alarm that
    // -Werror in scripts/test.sh turns into a failed build).
    std::string quoted = "'";
    quoted.append(lines[static_cast<size_t>(a.line)].text, a.begin, a.end - a.begin);
    quoted += '\'';
    return quoted;
  };
  for (const auto& [k, j] : pairs) {
    drop[k] = drop[j] = true;
    w.facts.problems.push_back("the same row of " + n.name + " was read twice as " + printed(k) + " and " +
                               printed(j) + ": one of them is misread, and nothing on the label tells which");
  }
  for (size_t k = w.amounts.size(); k-- > 0;)
    if (drop[k]) EraseAmount(w, k);
}

}  // namespace suppcheck
