#include "suppcheck/extract/nutrient_amount_checks.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <locale>
#include <sstream>
#include <string>
#include <utility>

#include "suppcheck/extract/nutrient_row_readings.h"
#include "suppcheck/extract/reference_intake.h"
#include "suppcheck/extract/ri_plausibility.h"
#include "suppcheck/extract/rule_before_amount.h"

namespace suppcheck {

namespace {

// The most units a day the label may mean for `a`: its own units, or more as the directions say,
// at least one.
double MostUnitsADay(const NutrientAmount& a, const std::vector<double>& units) {
  double most = std::max(1.0, a.units);
  for (const double u : units) most = std::max(most, u);
  return most;
}

// The most `a` may give a day (mg), at MostUnitsADay: what a limit is compared with.
double MostADayMg(const NutrientAmount& a, const std::vector<double>& units) { return a.mg * MostUnitsADay(a, units); }

// The counts of units a day the label says for two readings of one row: the directions', and a
// per-day column's own count; only counts above one, where a per-unit and a per-day column differ.
std::vector<double> UnitsADaySaid(const std::vector<double>& units, const NutrientAmount& a, const NutrientAmount& b) {
  std::vector<double> said;
  for (const double u : units)
    if (u > 1) said.push_back(u);
  for (const NutrientAmount* c : {&a, &b})
    if ((c->basis == DoseBasis::PerDay || c->basis == DoseBasis::PerUnits) && c->units > 1) said.push_back(c->units);
  return said;
}

// Whether `aMg` in a's column and `bMg` in b's are one dose at `u` units a day: one column per unit,
// the other per day (a per-day reading is never taken for a per-unit one, nor the reverse).
bool ColumnsAgreeAt(const NutrientAmount& a, double aMg, const NutrientAmount& b, double bMg, double u,
                    double tolerance) {
  const bool aPerUnitBPerDay = a.basis != DoseBasis::PerDay && b.basis != DoseBasis::PerUnit &&
                               std::abs(aMg * u - bMg) <= tolerance * bMg;
  const bool aPerDayBPerUnit = a.basis != DoseBasis::PerUnit && b.basis != DoseBasis::PerDay &&
                               std::abs(bMg * u - aMg) <= tolerance * aMg;
  return aPerUnitBPerDay || aPerDayBPerUnit;
}

// Each amount's number as printed (empty where it was converted from IU) and its mg per number,
// for the checks that compare a row's readings digit by digit.
struct NumbersAsRead {
  std::vector<std::string> numbers;
  std::vector<double> mgPerNumber;
};
NumbersAsRead NumbersOf(const NutrientWork& w) {
  NumbersAsRead r;
  for (const auto& note : w.notes) {
    r.numbers.push_back(note.converted ? std::string() : note.number);
    r.mgPerNumber.push_back(note.mgPerNumber);
  }
  return r;
}

// Whether an amount's number was read in grams (1000 mg to the number).
bool ReadInGrams(const AmountNote& note) { return std::abs(note.mgPerNumber - 1000) < 1e-6; }

// An amount as its line has it, quoted ("'45g'"). Appended piece by piece: "'" + substr + "'"
// trips GCC 12's -Wrestrict (a false alarm that -Werror in scripts/test.sh turns into a failed
// build).
std::string Quoted(const std::vector<TextLine>& lines, const NutrientAmount& a) {
  std::string quoted = "'";
  quoted.append(lines[static_cast<size_t>(a.line)].text, a.begin, a.end - a.begin);
  quoted += '\'';
  return quoted;
}

// The start of a problem sentence about an amount: the amount quoted and its nutrient
// ("'45g' of iodine").
std::string QuotedAmount(const std::vector<TextLine>& lines, const NutrientAmount& a, const Nutrient& n) {
  return Quoted(lines, a) + " of " + n.name;
}

// Whether the digits `number` (no decimal sign among them) with a decimal sign put in, `places`
// digits from the end, still start with a digit before it: "24" -> "2,4" can be a lost comma,
// "5" -> ",5" cannot.
bool CanHaveLostComma(const std::string& number, int places) {
  return places >= 1 && number.find_first_of(",.") == std::string::npos && static_cast<int>(number.size()) > places;
}

// Another amount of the nutrient on the same row a whole number of units apart ("5 mg 10 mg"):
// two readings that agree with each other outweigh one % RI that fits neither. Not when the %
// fits the amount with a decimal sign put in, and neither reading shows one: both columns may
// have lost their commas alike, and agree all the same (nutrient seed 44903 phone-0031, "Acide
// nicotinique | 1,2 mg | 2,4 mg | 15%" read "12 mg 24 mg 15%" on a dim light-on-dark label: 24 mg
// of nicotinic acid a day reported above its upper level of 10 mg).
// Where the label says its units a day (the directions, or the count in the per-day column's
// header), the ratio must be that count: any whole ratio up to the most units a day is a witness
// chance often makes ("Vitamine B6 | 1,4 mg | 2,8 mg | 200 %" of 2 capsules a day read "14mg 128mg
// 200%": 128 is nine times 14 within the dose agreement, so 128 mg stayed against its 200 %, the
// row's two readings 2,8 and 128 then dropped each other, and 14 mg times 2 made 28 mg a day, a
// false "above" of 12 mg; nutrient seed 59341 phone-0025).
bool RowAgrees(const NutrientWork& w, size_t k, const RiCheck& check, const std::vector<double>& unitsPerDay,
               const ExtractionLimits& limits) {
  const NutrientAmount& a = w.amounts[k];
  // The places a lost comma would have stood at, when the % says one was lost here.
  int places = 0;
  if (check.verdict == RiCheck::Verdict::Corrected && check.decimalInserted && a.mg > 0 && check.mg > 0)
    places = static_cast<int>(std::lround(std::log10(a.mg / check.mg)));
  if (!CanHaveLostComma(w.notes[k].number, places)) places = 0;
  for (size_t j = 0; j < w.amounts.size(); ++j) {
    const NutrientAmount& b = w.amounts[j];
    if (j == k || b.line != a.line || !b.elemental || b.mg <= 0 || a.mg <= 0) continue;
    if (places > 0 && CanHaveLostComma(w.notes[j].number, places)) continue;  // lost alike: no second witness
    const double ratio = std::max(a.mg, b.mg) / std::min(a.mg, b.mg);
    if (ratio < 2 - limits.doseAgreement || ratio > limits.maxUnitsPerDay + limits.doseAgreement ||
        std::abs(ratio - std::round(ratio)) > limits.doseAgreement * ratio)
      continue;
    std::vector<double> said = unitsPerDay;
    for (const NutrientAmount* c : {&a, &b})
      if (c->basis == DoseBasis::PerDay && c->units > 1) said.push_back(c->units);
    const bool saidFits =
        std::any_of(said.begin(), said.end(), [&](double u) { return std::abs(ratio - u) <= limits.doseAgreement * u; });
    if (said.empty() || saidFits) return true;
  }
  return false;
}

void EraseAmount(NutrientWork& w, size_t k) {
  w.amounts.erase(w.amounts.begin() + static_cast<long>(k));
  w.notes.erase(w.notes.begin() + static_cast<long>(k));
}

// The health limits of every age band, in mg, each as [low, high] (one value twice where the
// limit is no range). Not the Belgian legal maximum: an amount above that alone is no health alarm.
std::vector<std::pair<double, double>> HealthLimitsMg(const Nutrient& n) {
  std::vector<std::pair<double, double>> limits;
  for (const HealthLimit& h : n.upperLevels) {
    if (h.kind == HealthLimit::Kind::None) continue;
    for (const auto& [band, limit] : h.bands) {
      if (limit.type == BandLimit::Type::NoneSet) continue;
      const bool range = limit.type == BandLimit::Type::Range;
      const double low = (range ? limit.low : limit.value) * MgPerUnitOf(n.unit);
      const double high = (range ? limit.high : limit.value) * MgPerUnitOf(n.unit);
      if (low > 0 && high > 0) limits.push_back({low, high});
    }
  }
  return limits;
}

// The lowest health limit of any age band, in mg; none when the nutrient has none.
std::optional<double> LowestHealthLimitMg(const Nutrient& n) {
  std::optional<double> lowest;
  for (const auto& [low, high] : HealthLimitsMg(n))
    if (!lowest || low < *lowest) lowest = low;
  return lowest;
}

// The highest health limit of any age band, in mg; none when the nutrient has none.
std::optional<double> HighestHealthLimitMg(const Nutrient& n) {
  std::optional<double> highest;
  for (const auto& [low, high] : HealthLimitsMg(n))
    if (!highest || high > *highest) highest = high;
  return highest;
}

}  // namespace

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

namespace {

// A decimal sign put into the digits read makes the dose smaller than read: never where the
// amount read could be above a health limit (of the youngest band, as many units a day as the
// label may mean). There the % RI alone, which may be the misread one, does not turn an amount
// above a limit into one within it: the amount is unknown.
bool SmallerDoseNotAssumed(const NutrientAmount& a, const RiCheck& check, const Nutrient& n,
                           const std::vector<double>& units) {
  if (check.verdict != RiCheck::Verdict::Corrected || !check.decimalInserted || check.mg >= a.mg) return false;
  const std::optional<double> lowest = LowestHealthLimitMg(n);
  return lowest && MostADayMg(a, units) > *lowest;
}

// The row's other column, read with its decimal sign, times the units a day is the amount the %
// RI corrected `k` to (or that amount times the units a day is it): two things the label shows
// agree on the lost comma, the % and the other column, so the smaller dose is no guess
// ("Vitamine B6 | 0,7 mg | 1,4 mg | 100 %" at 2 tablets a day read "0,7 mg 14 mg 100 %" three
// times: 14 mg may be above a child's limit, refused, and the row unknown; multivitamin-phone-0035
// of nutrient seed 42719). A witness read without a decimal sign may have lost its own alike; the
// ratio must be a count the label says (the directions, or the per-day column's header).
bool OtherColumnWitnessesComma(const NutrientWork& w, size_t k, const RiCheck& check, const std::vector<double>& units,
                               const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  if (check.verdict != RiCheck::Verdict::Corrected || !check.decimalInserted || check.mg <= 0) return false;
  const NutrientAmount& a = w.amounts[k];
  for (size_t j = 0; j < w.amounts.size(); ++j) {
    const NutrientAmount& b = w.amounts[j];
    const AmountNote& note = w.notes[j];
    if (j == k || !b.elemental || b.mg <= 0 || note.converted || note.number.find_first_of(",.") == std::string::npos ||
        (b.line != a.line && !SameRowReadings(a, b, lines)))
      continue;
    for (const double u : UnitsADaySaid(units, a, b))
      if (ColumnsAgreeAt(a, check.mg, b, b.mg, u, limits.doseAgreement)) return true;
  }
  return false;
}

// "Jodium 45g 30 %": a nutrient counted in µg read in grams whose digits, in µg, are the % RI
// printed beside them (within the reading tolerance, of the amount itself): the µ was lost.
// Grams of such a nutrient are never a dose, and the % tells the unit.
bool MicrogramsLostTheirMu(const NutrientAmount& a, const AmountNote& note, const Nutrient& n,
                           const RiReference& ref, const ExtractionLimits& limits) {
  if (MgPerUnitOf(n.unit) >= 1 || !ReadInGrams(note) || !a.percentRi) return false;
  const ExtractionLimits close = limits.AtReadingTolerance();
  const double micrograms = a.mg / 1e6;
  return std::any_of(ref.hundredPercentMg.begin(), ref.hundredPercentMg.end(),
                     [&](double hundred) { return PercentFits(*a.percentRi, micrograms, hundred, close); });
}

// An amount whose % RI said it lost its decimal sign, as read (before it was corrected or
// dropped): its digits and where it stands.
struct LostComma {
  NutrientAmount amount;
  std::string number;
  double mgPerNumber = 0;
};

// The same row read again without its % RI, with the same digits and no decimal sign either
// ("Mangan | 1,3 mg | 65 %" read "Mangon \13 mg \65 %" by the first pass and "Mangon 13 mg
// “6S %" by the table's block reading, whose % was not read): the % RI beside the first
// reading says that comma was lost, and the second reading lost it alike. It goes, whether the
// first reading was corrected (then the corrected amount is the row's) or refused (then the row's
// amount is unknown): a refused reading is gone before ShareRiBetweenReadings could lend its %,
// and the second reading alone made 13 mg a tablet, 39 mg a day, a false "above" the 8 mg safe
// level (multivitamin-phone-0015 of nutrient seed 57163, --count 10; "Fer | 4,2 mg | 30%" read
// "42" is the same case). A reading with its own % RI was checked against it; one whose digits
// differ is another reading, which the row readings' checks weigh.
void DropReadingsOfALostComma(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                              const std::vector<LostComma>& lostCommas) {
  if (lostCommas.empty()) return;
  for (size_t k = w.amounts.size(); k-- > 0;) {
    const NutrientAmount& a = w.amounts[k];
    const AmountNote& note = w.notes[k];
    if (a.percentRi || !a.elemental || note.converted || note.number.empty() ||
        note.number.find_first_of(",.") != std::string::npos)
      continue;
    const auto same = std::find_if(lostCommas.begin(), lostCommas.end(), [&](const LostComma& c) {
      return c.number == note.number && std::abs(c.mgPerNumber - note.mgPerNumber) < 1e-12 &&
             c.amount.elemental && SameRowReadings(a, c.amount, lines);
    });
    if (same == lostCommas.end()) continue;
    std::ostringstream why;
    why.imbue(std::locale::classic());
    why << QuotedAmount(lines, a, n) << " is its row read again without the " << *same->amount.percentRi
        << " % RI that says " << Quoted(lines, same->amount) << " lost its decimal sign";
    w.facts.problems.push_back(why.str());
    EraseAmount(w, k);
  }
}

}  // namespace

void CheckIuRestatements(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                         const ExtractionLimits& limits) {
  for (size_t k = w.amounts.size(); k-- > 0;) {
    AmountNote& note = w.notes[k];
    const NutrientAmount& a = w.amounts[k];
    if (!note.restatedMg || !a.elemental || a.mg <= 0) continue;
    const auto [low, high] = *note.restatedMg;
    // The amount's own rounding: of its printed digits, or of the IU it was converted from (a
    // range where the form decides the factor: [mg x lowFactor, mg]).
    const double own = note.converted ? 0 : HalfOfLastDigitMg(note.number, note.mgPerNumber);
    const double slack = own + note.restatedRoundingMg;
    const double ownLow = a.mg * note.lowFactor;
    const bool agrees = ownLow * (1 - limits.doseAgreement) - slack <= high * (1 + limits.doseAgreement) &&
                        a.mg * (1 + limits.doseAgreement) + slack >= low * (1 - limits.doseAgreement);
    if (agrees) {
      note.restatementAgrees = true;
      continue;
    }
    std::ostringstream why;
    why.imbue(std::locale::classic());
    why << QuotedAmount(lines, a, n) << " disagrees with the same amount said again beside it ("
        << high / MgPerUnitOf(n.unit) << " " << n.unit << "): one of the two is misread";
    w.facts.problems.push_back(why.str());
    EraseAmount(w, k);
  }
}

void TrustAmountsByRi(NutrientWork& w, const Nutrient& n, const std::optional<UnitsPerDay>& directions,
                      const std::vector<TextLine>& lines, const ExtractionLimits& limits, bool usDailyValues) {
  RiReference ref;
  const double toMg = MgPerUnitOf(n.unit);
  if (n.referenceIntake) ref.hundredPercentMg.push_back(*n.referenceIntake * toMg);
  if (usDailyValues)
    for (const double dv : n.usDailyValues) ref.hundredPercentMg.push_back(dv * toMg);
  if (ref.hundredPercentMg.empty()) return;
  std::vector<double> units;
  if (directions && directions->units > 0) units.push_back(directions->units);
  // Amounts the % RI beside them confirmed, and the lines whose % RI refused an amount.
  std::vector<bool> confirmed(w.amounts.size(), false);
  std::vector<int> refusedLines;
  // The amounts whose % RI says they lost a decimal sign (corrected or refused), as read.
  std::vector<LostComma> lostCommas;
  for (size_t k = 0; k < w.amounts.size();) {
    const NutrientAmount& a = w.amounts[k];
    const AmountNote& note = w.notes[k];
    if (!a.percentRi || !a.elemental || (!note.converted && (note.number.empty() || note.mgPerNumber <= 0))) {
      ++k;
      continue;
    }
    // The % of a day's units beside one unit's amount, or of one unit beside a day's amount:
    // only the one the amount's column allows where its column is known ("Iode 122 µg 15 %" under
    // "Par dose journalière (2 comprimés)", printed 22 µg: 12 µg times 2 fitted 15 % within a point).
    const bool ofDay = a.basis == DoseBasis::PerDay || a.basis == DoseBasis::PerUnits;
    const bool ofUnit = a.basis == DoseBasis::PerUnit;
    ref.multipliers = {1};
    const auto allow = [&](double u) {
      if (!ofDay) ref.multipliers.push_back(u);
      if (!ofUnit) ref.multipliers.push_back(1 / u);
    };
    for (const double u : units) allow(u);
    if (a.units > 1) allow(a.units);
    // An amount converted from IU: its printed digits are IU, so no other reading of them is
    // tried (a corrected IU amount would be a guess twice over), but a % RI that is not even
    // within kIuOffByAtMost of it, at either end of its conversion range, refuses it: a digit
    // added or lost, not the IU's own rounding ("4 IE | 8 IE | 50 %" of natural vitamin E: 5.36
    // mg a day, 45 % of 12 mg, the % taken before the IU were rounded: multivitamin-phone-0019 of
    // seed 63847). "Vitamin A (retinyl acetate) 1333 IU 50 %" read "13331IU 50%" (the space and
    // the I of IU taken for a 1) was 4000 µg a day, above the 3000 µg upper level, where 50 %
    // says 400 µg (multivitamin-phone-0035 of seed 81563).
    if (note.converted) {
      constexpr double kIuOffByAtMost = 1.5;
      bool fits = false;
      double expected = 0;
      for (const double hundred : ref.hundredPercentMg)
        for (const double m : ref.multipliers)
          for (const double mg : {a.mg, a.mg * note.lowFactor}) {
            const double ratio = mg * m / (*a.percentRi / 100 * hundred);
            if (ratio > 0 && ratio <= kIuOffByAtMost && ratio >= 1 / kIuOffByAtMost) fits = true;
          }
      if (!ref.hundredPercentMg.empty()) expected = a.mg / ref.hundredPercentMg.front() * 100;
      if (fits || note.restatementAgrees) {
        confirmed[k] = true;
        ++k;
        continue;
      }
      refusedLines.push_back(a.line);
      std::ostringstream why;
      why.imbue(std::locale::classic());
      why << QuotedAmount(lines, a, n) << ", converted from international units, does not fit the " << *a.percentRi
          << " % RI printed beside it (it would be " << std::round(expected) << " %)";
      w.facts.problems.push_back(why.str());
      EraseAmount(w, k);
      confirmed.erase(confirmed.begin() + static_cast<long>(k));
      continue;
    }
    if (MicrogramsLostTheirMu(a, note, n, ref, limits)) {
      w.amounts[k].mg = a.mg / 1e6;
      w.notes[k].mgPerNumber = 0.001;
    }
    const RiCheck check = CheckAgainstRi(a.mg, *a.percentRi, note.number, note.mgPerNumber, ref, limits);
    // An amount its IU restatement agrees with (CheckIuRestatements) was read right twice: a %
    // that fits neither is the misread one.
    if (check.verdict == RiCheck::Verdict::Fits || RowAgrees(w, k, check, units, limits) || note.restatementAgrees) {
      confirmed[k] = check.verdict == RiCheck::Verdict::Fits || note.restatementAgrees;
      ++k;
      continue;
    }
    // A "1" standing left of the row's column is a table rule (extract/rule_before_amount): the
    // digits after it are the amount when the % RI fits them. Two things the label shows agree on
    // it, where the 1 stands and the % printed, so the smaller dose is taken even where the one
    // read may be above a limit (SmallerDoseNotAssumed guards a % alone). Only an amount alone on
    // its line, counted as read (w.owned) and not as left: of two columns, the rule before the
    // second widens its box into the first, and the column its box gave it is no longer sure
    // ("24mg 14,8 mg 30%", printed "2,4 mg | 4,8 mg | 30%": 4,8 mg per tablet against 4,8 mg a
    // day, multivitamin-phone-0021 of tuning seed 33889, whose "24mg" a lost separator had dropped).
    const bool aloneOnLine = static_cast<size_t>(a.line) < w.owned.size() && w.owned[static_cast<size_t>(a.line)].size() == 1;
    if (aloneOnLine && OneStandsLeftOfItsColumn(a, note.number, lines)) {
      const std::string rest = note.number.substr(1);
      std::string dotted = rest;
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      double value = 0;
      const auto [end, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), value);
      const double restMg = value * note.mgPerNumber;
      if (ec == std::errc() && end == dotted.data() + dotted.size() && restMg > 0 &&
          CheckAgainstRi(restMg, *a.percentRi, rest, note.mgPerNumber, ref, limits).verdict == RiCheck::Verdict::Fits) {
        w.amounts[k].mg = restMg;
        w.notes[k].number = rest;
        confirmed[k] = true;
        ++k;
        continue;
      }
    }
    // A printed "0 %" is a % that lost a digit, not one that says the amount lost its comma:
    // "Folsäure 100 µg, 50 % NRV" read "Folsaure 100 pg 0 % NRV" was corrected to 1 µg, a
    // hundredth of the dose (single-phone-0032 of tuning seed 73519). The amount is refused.
    const bool zeroPercent = *a.percentRi <= 0;
    const bool refused = zeroPercent || (SmallerDoseNotAssumed(a, check, n, units) &&
                                         !OtherColumnWitnessesComma(w, k, check, units, lines, limits));
    if (check.verdict == RiCheck::Verdict::Corrected && check.decimalInserted)
      lostCommas.push_back({a, note.number, note.mgPerNumber});
    if (check.verdict == RiCheck::Verdict::Corrected && !refused) {
      w.amounts[k].mg = check.mg;
      confirmed[k] = true;
    } else {
      refusedLines.push_back(a.line);
      std::ostringstream why;
      why.imbue(std::locale::classic());
      why << QuotedAmount(lines, a, n) << " does not fit the "
          << *a.percentRi << " % RI printed beside it";
      if (zeroPercent)
        why << " (a 0 % lost a digit and cannot say what the amount is)";
      else if (refused)
        why << " (with a lost decimal sign it would: " << check.mg / MgPerUnitOf(n.unit) << " " << n.unit
            << "; a smaller dose than read is not assumed where the amount read may be above a health limit)";
      else
        why << " (it would be " << std::round(check.expected) << " %)";
      w.facts.problems.push_back(why.str());
      EraseAmount(w, k);
      confirmed.erase(confirmed.begin() + static_cast<long>(k));
      continue;
    }
    ++k;
  }
  // The row's other amounts, which no % RI of their own confirmed, go with the refused one: the
  // row was misread, and its other column read on the same line is no safer ("Vitamin D Jo,83 µg
  // 2 49 µg 150 %", printed "0,83 µg 2,49 µg 50 %": the per-day 49 µg refused, the per-unit 83 µg
  // made 249 µg a day). A row read again elsewhere still gives its amounts.
  for (size_t k = w.amounts.size(); k-- > 0;) {
    const NutrientAmount& a = w.amounts[k];
    if (confirmed[k] || std::find(refusedLines.begin(), refusedLines.end(), a.line) == refusedLines.end()) continue;
    const std::string why = QuotedAmount(lines, a, n) + " stands in a row whose % RI refused another amount read on it";
    w.facts.problems.push_back(why);
    EraseAmount(w, k);
  }
  DropReadingsOfALostComma(w, n, lines, lostCommas);
}

void CrossCheckRowReadings(NutrientWork& w, const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  std::vector<std::string> numbers;
  for (const auto& note : w.notes) numbers.push_back(note.number);
  const std::vector<size_t> lost = ReadingsThatLostTheSeparator(w.amounts, numbers, lines);
  for (auto it = lost.rbegin(); it != lost.rend(); ++it) EraseAmount(w, *it);
  TakeBasisOfEqualReadings(w.amounts, limits.doseAgreement);
}

void DropGramsThatLostTheirMicro(NutrientWork& w, const Nutrient& n) {
  if (MgPerUnitOf(n.unit) >= 1) return;  // a nutrient counted in mg or g
  const auto micrograms = [&](size_t k) { return std::abs(w.notes[k].mgPerNumber - 0.001) < 1e-9; };
  for (size_t k = w.amounts.size(); k-- > 0;) {
    if (!ReadInGrams(w.notes[k]) || w.notes[k].number.empty()) continue;
    bool same = false;
    for (size_t j = 0; j < w.amounts.size() && !same; ++j)
      same = j != k && micrograms(j) && w.amounts[j].line != w.amounts[k].line &&
             w.notes[j].number == w.notes[k].number;
    if (same) EraseAmount(w, k);
  }
}

void DropGramsOfMicrogramNutrients(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines) {
  if (MgPerUnitOf(n.unit) >= 1) return;  // a nutrient counted in mg or g
  for (size_t k = w.amounts.size(); k-- > 0;) {
    if (!ReadInGrams(w.notes[k])) continue;
    const NutrientAmount& a = w.amounts[k];
    std::string why =
        QuotedAmount(lines, a, n) + " is in grams, which no label prints for a nutrient counted in " + n.unit +
           ": the unit is misread";
    w.facts.problems.push_back(why);
    EraseAmount(w, k);
  }
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
    why << QuotedAmount(lines, a, n) << " is more than " << limits.implausibleTimesLimit
        << " times the highest limit set for it ("
        << *highest / MgPerUnitOf(n.unit) << " " << n.unit
        << " a day): a misreading (a lost decimal sign?), not an amount a label prints";
    w.facts.problems.push_back(why.str());
    EraseAmount(w, k);
  }
}

void DropUnsureAmountsAboveLimits(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                  const std::vector<double>& units, const ExtractionLimits& limits) {
  const std::optional<double> highest = HighestHealthLimitMg(n);
  if (!highest || limits.unsureAmountConfidence <= 0) return;
  const auto sure = [&](size_t k) {
    return w.amounts[k].percentRi || w.notes[k].restatementAgrees ||
           w.amounts[k].confidence >= limits.unsureAmountConfidence;
  };
  std::vector<bool> drop(w.amounts.size(), false);
  for (size_t k = 0; k < w.amounts.size(); ++k) {
    const NutrientAmount& a = w.amounts[k];
    // Digits printed with their decimal sign lost none; a misread amount above a limit is most
    // often whole digits ("1,4" read "14", "7 mg" read "71mg"), and a right "3.75 mg" of copper
    // read at confidence 0 (multivitamin-phone-0057 of tuning seed 42719, 7.5 mg a day, above
    // the 5 mg upper level) must stay.
    if (sure(k) || !a.elemental || w.notes[k].number.find_first_of(",.") != std::string::npos) continue;
    // The most it may give a day: a day's amount as read, one unit's (or a few units') times the
    // units a day of the directions.
    double perDay = a.mg;
    for (const double u : units) {
      if (a.basis == DoseBasis::PerUnit || a.basis == DoseBasis::Unknown) perDay = std::max(perDay, a.mg * u);
      if (a.basis == DoseBasis::PerUnits && a.units > 0) perDay = std::max(perDay, a.mg * u / a.units);
    }
    if (perDay <= *highest) continue;
    bool readSurelyElsewhere = false;
    for (size_t j = 0; j < w.amounts.size() && !readSurelyElsewhere; ++j)
      readSurelyElsewhere = j != k && sure(j) && EqualReadings(a, w.amounts[j], limits.doseAgreement);
    if (readSurelyElsewhere) continue;
    drop[k] = true;
    std::ostringstream why;
    why.imbue(std::locale::classic());
    why << QuotedAmount(lines, a, n) << " was read unsurely (OCR confidence " << std::round(a.confidence)
        << " of 100) with no % RI beside it to confirm it, and would be above the health limit: a closer photo of "
           "the row tells";
    w.facts.problems.push_back(why.str());
  }
  for (size_t k = w.amounts.size(); k-- > 0;)
    if (drop[k]) EraseAmount(w, k);
}

void DropRulesReadAsOne(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                        const std::vector<double>& units) {
  const NumbersAsRead read = NumbersOf(w);
  const std::vector<size_t> ruled = ReadingsWithARuleForAOne(w.amounts, read.numbers, read.mgPerNumber, lines);
  const std::optional<double> lowest = LowestHealthLimitMg(n);
  for (auto it = ruled.rbegin(); it != ruled.rend(); ++it) {
    const NutrientAmount& a = w.amounts[*it];
    if (lowest && MostADayMg(a, units) > *lowest) continue;
    const std::string why = QuotedAmount(lines, a, n) +
                            " begins with a table rule read as 1: another reading of the row has the number without it";
    w.facts.problems.push_back(why);
    EraseAmount(w, *it);
  }
}

void DropTwoAmountsInOneColumn(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                               const ExtractionLimits& limits) {
  std::vector<bool> drop(w.amounts.size(), false);
  for (size_t k = 0; k < w.amounts.size(); ++k)
    for (size_t j = k + 1; j < w.amounts.size(); ++j) {
      const NutrientAmount& a = w.amounts[k];
      const NutrientAmount& b = w.amounts[j];
      if (a.line != b.line || a.basis != b.basis || a.units != b.units ||
          (a.basis != DoseBasis::PerUnit && a.basis != DoseBasis::PerDay) || !a.elemental || !b.elemental ||
          a.salt != b.salt || std::abs(a.mg - b.mg) <= limits.doseAgreement * std::max(a.mg, b.mg))
        continue;
      // A % between them closes a row: the second amount is the next column's row of another
      // nutrient, joined by the page pass ("Vitamin E 15.7 mg "o% 0.5 mg" on the US bottle photo
      // of ../shared/data/real, whose 15.7 mg was right).
      const std::string& text = lines[static_cast<size_t>(a.line)].text;
      const size_t from = std::min(a.end, b.end), to = std::max(a.begin, b.begin);
      if (from < to && text.find('%', from) < to) continue;
      drop[k] = drop[j] = true;
      w.facts.problems.push_back("the row of " + n.name + " gives " + Quoted(lines, a) + " and " + Quoted(lines, b) +
                                 " in the same column: one of its column headers was not read, and nothing on the "
                                 "label tells which amount is which");
    }
  for (size_t k = w.amounts.size(); k-- > 0;)
    if (drop[k]) EraseAmount(w, k);
}

void DropReadingsThatLostTheirFirstDigit(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                         const std::vector<double>& units) {
  const NumbersAsRead read = NumbersOf(w);
  const std::vector<size_t> lost = ReadingsThatLostTheirFirstDigit(w.amounts, read.numbers, read.mgPerNumber, lines);
  const std::optional<double> highest = HighestHealthLimitMg(n);
  std::vector<bool> drop(w.amounts.size(), false);
  for (const size_t k : lost) {
    // The larger reading kept: not where it alone would say "above" (then the row stays unknown).
    bool alarm = false;
    for (size_t j = 0; j < w.amounts.size() && highest; ++j) {
      if (j == k || !SameRowReadings(w.amounts[k], w.amounts[j], lines) || w.amounts[j].mg <= w.amounts[k].mg) continue;
      alarm = alarm || MostADayMg(w.amounts[j], units) > *highest;
    }
    if (alarm) continue;
    drop[k] = true;
    w.facts.problems.push_back(QuotedAmount(lines, w.amounts[k], n) +
                               " lost its first digit: another reading of the row has it");
  }
  for (size_t k = w.amounts.size(); k-- > 0;)
    if (drop[k]) EraseAmount(w, k);
}

void DropDisagreeingRowReadings(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                const std::vector<double>& units, const ExtractionLimits& limits) {
  std::vector<bool> comparable;
  for (const auto& note : w.notes) comparable.push_back(!note.converted);
  const auto pairs = DisagreeingRowReadings(w.amounts, comparable, lines, limits.doseAgreement);
  if (pairs.empty()) return;
  std::vector<bool> drop(w.amounts.size(), false);
  const auto printed = [&](size_t k) { return Quoted(lines, w.amounts[k]); };
  // Whether the row's other column (an amount neither of the two) is the reading `x` times a count
  // of units a day the label says: "Zink 2,5 mg 5,0 mg" read again "2,9 mg" (a 5 closed into a 9)
  // at two a day: 2,5 mg is one tablet of the 5,0 mg a day, 2,9 mg is not (nutrient seed 53381
  // multivitamin-clean-0005).
  auto witnessed = [&](size_t x, size_t other) {
    const NutrientAmount& a = w.amounts[x];
    for (size_t c = 0; c < w.amounts.size(); ++c) {
      const NutrientAmount& b = w.amounts[c];
      if (c == x || c == other || !comparable[c] || b.elemental != a.elemental || b.mg <= 0 || b.basis == a.basis ||
          a.basis == DoseBasis::Unknown || b.basis == DoseBasis::Unknown)
        continue;
      for (const double u : UnitsADaySaid(units, a, b))
        if (ColumnsAgreeAt(a, a.mg, b, b.mg, u, limits.doseAgreement)) return true;
    }
    return false;
  };
  // Or the % RI printed on the row is the reading's share of the EU reference intake to a point,
  // and not the other's: "Zink 2,5 mg 25%" read again "2,9 mg 25%" fits only within the looser
  // tolerance a rounded % is allowed (nutrient seed 53381 multivitamin-clean-0005).
  const ExtractionLimits close = limits.AtReadingTolerance();
  const double hundredPercent = n.referenceIntake ? *n.referenceIntake * MgPerUnitOf(n.unit) : 0;  // 0: none
  auto fitsRi = [&](size_t x, size_t other) {
    const NutrientAmount& a = w.amounts[x];
    const std::optional<double> percent = a.percentRi ? a.percentRi : w.amounts[other].percentRi;
    return hundredPercent > 0 && percent && a.elemental && PercentFits(*percent, a.mg, hundredPercent, close);
  };
  const std::optional<double> highest = HighestHealthLimitMg(n);
  for (const auto& [k, j] : pairs) {
    const bool kFits = witnessed(k, j) || fitsRi(k, j), jFits = witnessed(j, k) || fitsRi(j, k);
    if (kFits != jFits) {
      // The reading the other column confirms is kept, unless the other one alone would say
      // "above": then a misread witness would hide an alarm, and the row stays unknown.
      const size_t kept = kFits ? k : j, lost = kFits ? j : k;
      const bool alarm = highest && MostADayMg(w.amounts[lost], units) > *highest &&
                         MostADayMg(w.amounts[kept], units) <= *highest;
      if (!alarm) {
        drop[lost] = true;
        w.facts.problems.push_back("the same row of " + n.name + " was read twice as " + printed(kept) + " and " +
                                   printed(lost) + ": the row's other column or its % RI confirms " + printed(kept));
        continue;
      }
    }
    drop[k] = drop[j] = true;
    w.facts.problems.push_back("the same row of " + n.name + " was read twice as " + printed(k) + " and " +
                               printed(j) + ": one of them is misread, and nothing on the label tells which");
  }
  // The other amounts read on a misread row's line go too, unless a reading on another line gives
  // the same amount: "Vitamin D Jo,83 µg 49 µg" (printed "0,83 µg 2,49 µg") lost its per-day 49 µg
  // to the re-read's 2,49 µg, and its per-unit 83 µg alone made 249 µg a day.
  std::vector<int> misreadLines;
  for (size_t k = 0; k < drop.size(); ++k)
    if (drop[k]) misreadLines.push_back(w.amounts[k].line);
  for (size_t k = 0; k < w.amounts.size(); ++k) {
    const NutrientAmount& a = w.amounts[k];
    if (drop[k] || std::find(misreadLines.begin(), misreadLines.end(), a.line) == misreadLines.end()) continue;
    const bool readElsewhere = std::any_of(w.amounts.begin(), w.amounts.end(), [&](const NutrientAmount& b) {
      return b.line != a.line && b.elemental == a.elemental && b.mg > 0 &&
             std::abs(b.mg - a.mg) <= limits.doseAgreement * std::max(a.mg, b.mg);
    });
    if (readElsewhere) continue;
    drop[k] = true;
    w.facts.problems.push_back(printed(k) + " of " + n.name +
                               " was read on a row misread elsewhere, and no other reading gives it");
  }
  for (size_t k = w.amounts.size(); k-- > 0;)
    if (drop[k]) EraseAmount(w, k);
}

void CorrectCommasLostBesideAWitness(NutrientWork& w, const Nutrient& n, const std::vector<double>& units,
                                     const ExtractionLimits& limits) {
  const std::optional<double> lowest = LowestHealthLimitMg(n);
  for (size_t k = 0; k < w.amounts.size(); ++k) {
    NutrientAmount& a = w.amounts[k];
    AmountNote& note = w.notes[k];
    if (a.percentRi || !a.elemental || a.mg <= 0 || note.converted || note.number.size() < 2 ||
        note.number.find_first_not_of("0123456789") != std::string::npos || note.number[0] == '0')
      continue;
    // A witness without a % RI of its own is its decimal sign alone: enough only where the amount
    // as read, as many units a day as the label may mean, is within every health limit anyway,
    // so that putting the comma back hides no alarm ("Vanadium 3,3 mcg | 9,9 mcg" read
    // "3.3 mcg 99 mcg" on a rounded font whose commas fade: 99 µg taken per tablet, 297 µg a day;
    // nutrient seed 65203 phone-0027).
    const bool readWithinLimits = !lowest || MostADayMg(a, units) <= *lowest;
    bool corrected = false;
    for (size_t j = 0; j < w.amounts.size() && !corrected; ++j) {
      const NutrientAmount& b = w.amounts[j];
      const AmountNote& bn = w.notes[j];
      if (j == k || b.line != a.line || (!b.percentRi && !readWithinLimits) || !b.elemental || b.mg <= 0 ||
          bn.converted || bn.number.find_first_of(",.") == std::string::npos)
        continue;
      const std::vector<double> said = UnitsADaySaid(units, a, b);
      // The comma put back at each place a digit stays before it ("11" -> 1,1).
      double scale = 1;
      for (size_t places = 1; places < note.number.size() && !corrected; ++places) {
        scale *= 10;
        const double cand = a.mg / scale;
        for (const double u : said) {
          if (!ColumnsAgreeAt(a, cand, b, b.mg, u, limits.doseAgreement)) continue;
          a.mg = cand;
          // Appended piece by piece: insert() trips GCC 12's -Wrestrict (a false alarm, see Quoted).
          std::string withComma(note.number, 0, note.number.size() - places);
          withComma += ',';
          withComma.append(note.number, note.number.size() - places, std::string::npos);
          note.number = withComma;
          corrected = true;
          break;
        }
      }
    }
  }
}

}  // namespace suppcheck
