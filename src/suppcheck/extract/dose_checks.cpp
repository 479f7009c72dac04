#include "suppcheck/extract/dose_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <locale>
#include <optional>
#include <sstream>

#include "suppcheck/extract/amount_owner.h"
#include "suppcheck/extract/reference_intake.h"
#include "suppcheck/extract/title_amount.h"

namespace suppcheck {

namespace {

// How far (in heights of the amount read) another amount may stand above or below it and still be
// in its table row, or the row a slight skew mixes it with.
constexpr double kRowNeighbourhood = 1.5;

bool Near(double a, double b, double relative) { return std::abs(a - b) <= relative * std::max(a, b); }

// `percent` without its leading 1 ("130" -> 30, "18" -> 8); nullopt when it does not start with 1.
std::optional<double> WithoutLeadingOne(double percent) {
  if (percent < 10) return std::nullopt;
  const double place = std::pow(10.0, std::floor(std::log10(percent)));
  if (percent < place || percent >= 2 * place) return std::nullopt;
  return percent - place;
}

// An amount per unit and an amount a day were both read, and the units a day are known.
bool UnitsStated(const DoseChoice& dose) {
  return dose.unitAmount && dose.dayAmount && dose.perUnit && dose.unitsPerDay && dose.perDay;
}

// Per unit times the units a day is the amount a day printed: two amounts read apart agree.
bool UnitsAgree(const DoseChoice& dose, const ExtractionLimits& limits) {
  return UnitsStated(dose) && Near(*dose.perUnit * *dose.unitsPerDay, *dose.perDay, limits.doseAgreement);
}

// The % RI printed beside amount `a` (which has one) fits it, or, for the per-unit amount, the
// day's units of it ("150 mg 80 %" at 2 a day).
bool PrintedRiFits(const NutrientAmount& a, const DoseChoice& dose, const ExtractionLimits& limits) {
  auto fits = [&](double percent) {
    return RiFits(percent, a.mg, limits) ||
           (&a == dose.unitAmount && dose.unitsPerDay && RiFits(percent, a.mg * *dose.unitsPerDay, limits));
  };
  if (fits(*a.percentRi)) return true;
  // A table's column rule read as a 1 before the %: "112,5 mg 130 %" for "112,5 mg | 30 %" (seed
  // 70701 phone-0013, white on green). The % fits without that 1, and the dose does not rest on
  // the % alone: the amount per unit times the units a day is the amount a day, both read.
  const std::optional<double> rest = WithoutLeadingOne(*a.percentRi);
  return rest && UnitsAgree(dose, limits) && fits(*rest);
}

}  // namespace

std::string NumberText(double v) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  if (std::abs(v - std::round(v)) < 0.05)
    s << static_cast<long long>(std::llround(v));
  else
    s << std::fixed << std::setprecision(1) << v;
  return s.str();
}

std::string MgText(double mg) { return NumberText(mg) + " mg"; }

std::optional<std::pair<double, double>> RiMismatch(const DoseChoice& dose, const ExtractionLimits& limits) {
  if (!dose.declared) return std::nullopt;
  for (const auto* a : {dose.dayAmount, dose.unitAmount}) {
    if (!a || !a->percentRi) continue;
    if (PrintedRiFits(*a, dose, limits)) return std::nullopt;
    return std::pair(*a->percentRi, a->mg);
  }
  return std::nullopt;
}

std::optional<std::string> UnitsProblem(const DoseChoice& dose, const ExtractionLimits& limits) {
  if (!UnitsStated(dose) || UnitsAgree(dose, limits)) return std::nullopt;
  const double fromUnits = *dose.perUnit * *dose.unitsPerDay;
  return MgText(*dose.perUnit) + " per unit times " + NumberText(*dose.unitsPerDay) + " a day is " +
         MgText(fromUnits) + ", but the label states " + MgText(*dose.perDay) + " a day";
}

namespace {

// Whether `mg` of magnesium can come from a salt mass holding `low` to `high` mg of it: the
// salt fractions of salts.json, widened by the rounding tolerance labels need.
bool FitsSaltRange(double mg, double low, double high, const ExtractionLimits& limits) {
  const double tol = limits.saltFractionTolerance;
  return mg >= low * (1 - tol) && mg <= high * (1 + tol);
}

// " (that holds 100 mg to 120 mg)": the range a refused amount was compared with.
std::string HoldsText(const std::string& what, double low, double high) {
  return " (" + what + " holds " + MgText(low) + " to " + MgText(high) + ")";
}

}  // namespace

std::optional<std::string> SaltFractionProblem(const DoseChoice& dose, const std::vector<NutrientAmount>& amounts,
                                               const Vocabulary& vocab, const ExtractionLimits& limits) {
  if (!dose.declared) return std::nullopt;
  for (const auto* a : {dose.unitAmount, dose.dayAmount}) {
    if (!a) continue;
    // The salt masses of the same statement: on the amount's line, else the line before ("Sous
    // forme de pidolate … 1500 mg" / "Magnésium élément … 122 mg"), else the line after; never two
    // lines at once (the same statement in two languages).
    double low = 0, high = 0, saltMass = 0;
    for (const int delta : {0, -1, 1}) {
      for (const auto& s : amounts) {
        if (s.elemental || s.line != a->line + delta || s.basis != a->basis || s.units != a->units) continue;
        const SaltInfo* salt = vocab.Salt(s.salt);
        if (!salt || salt->fractionMax <= 0) return std::nullopt;  // a salt of unknown fraction: no check
        low += s.mg * salt->fractionMin;
        high += s.mg * salt->fractionMax;
        saltMass += s.mg;
      }
      if (saltMass > 0) break;
    }
    if (saltMass <= 0) continue;
    if (FitsSaltRange(a->mg, low, high, limits)) continue;
    return MgText(a->mg) + " of magnesium cannot come from " + MgText(saltMass) + " of its salt" +
           HoldsText("that", low, high);
  }
  return std::nullopt;
}

std::optional<std::string> WholeBeforePartProblem(const DoseChoice& dose, const std::vector<AnalysedLine>& info,
                                                  const std::vector<std::string>& labelSalts, const Vocabulary& vocab,
                                                  const ExtractionLimits& limits) {
  if (!dose.declared || labelSalts.empty()) return std::nullopt;
  // The fraction of whichever of the label's salts the whole is.
  double fmin = 1, fmax = 0;
  for (const auto& id : labelSalts) {
    const SaltInfo* salt = vocab.Salt(id);
    if (!salt || salt->fractionMax <= 0) return std::nullopt;  // a salt of unknown fraction: no check
    fmin = std::min(fmin, salt->fractionMin);
    fmax = std::max(fmax, salt->fractionMax);
  }
  for (const auto* a : {dose.unitAmount, dose.dayAmount}) {
    if (!a || a->line < 0 || static_cast<size_t>(a->line) >= info.size()) continue;
    const AnalysedLine& li = info[static_cast<size_t>(a->line)];
    // The amount's quantity on its line, and the one right before it.
    for (size_t qi = 1; qi < li.quantities.size(); ++qi) {
      if (li.ft.OriginalRange(li.quantities[qi].begin, li.quantities[qi].end) != std::pair(a->begin, a->end)) continue;
      const Quantity& whole = li.quantities[qi - 1];
      if (!PartOfItFollows(li, whole, vocab) || whole.mg <= a->mg) break;
      if (FitsSaltRange(a->mg, whole.mg * fmin, whole.mg * fmax, limits)) break;
      return MgText(a->mg) + " of magnesium cannot be part of the " + MgText(whole.mg) + " printed before it" +
             HoldsText("the label's salt", whole.mg * fmin, whole.mg * fmax);
    }
  }
  return std::nullopt;
}

std::optional<std::string> LargerAmountInRowProblem(const DoseChoice& dose, const std::vector<AnalysedLine>& info,
                                                    const std::vector<TextLine>& lines,
                                                    const ExtractionLimits& limits) {
  double largest = 0;
  for (const auto& v : {dose.perUnit, dose.perDay})
    if (v) largest = std::max(largest, *v);
  for (const auto* a : {dose.unitAmount, dose.dayAmount})
    if (a) largest = std::max(largest, a->mg);
  if (largest <= 0) return std::nullopt;
  // A printed % RI that fits the dose ties the amounts to magnesium's row: the larger amounts
  // beside it are another row whose name OCR lost ("200 mg 600 mg 187 %" under "Magnesium 120 mg
  // 360 mg 96 %", seed 93001 hard-0036).
  for (const auto* a : {dose.unitAmount, dose.dayAmount})
    if (a && a->percentRi && PrintedRiFits(*a, dose, limits)) return std::nullopt;
  // Where a quantity was printed: its words' box, else its line's.
  auto placeOf = [&](size_t line, size_t begin, size_t end) {
    const Box words = lines[line].BoxOf(begin, end);
    return words.empty() ? lines[line].box : words;
  };
  // ... and so does a % RI that OCR read as a line of its own in the dose's row, the table's %
  // column apart from its row: "120 %" beside "\agnésium 150 mg 450 mg" on a dark, curved label,
  // the vitamin C row's "500 mg 1500 mg" half a row above (label seed 86420 hard-0014).
  const auto percentAloneFits = [&](const NutrientAmount& a, const Box& at) {
    for (size_t j = 0; j < lines.size() && j < info.size(); ++j) {
      const AnalysedLine& li = info[j];
      if (static_cast<int>(j) == a.line || lines[j].box.empty() || !li.quantities.empty() || !li.mentions.empty() ||
          li.percents.size() != 1 || li.ft.text.find_first_not_of(" ", li.percents[0].end) != std::string::npos)
        continue;
      const Box there = lines[j].box;
      if (there.x < at.right() || std::abs(there.centerY() - at.centerY()) > kRowNeighbourhood * std::max(at.h, there.h))
        continue;
      NutrientAmount withPercent = a;
      withPercent.percentRi = li.percents[0].value;
      if (PrintedRiFits(withPercent, dose, limits)) return true;
    }
    return false;
  };
  // The dose's amounts where they were printed (those with a place on the photo).
  std::vector<std::pair<const NutrientAmount*, Box>> placed;
  for (const auto* a : {dose.unitAmount, dose.dayAmount}) {
    if (!a || a->line < 0 || static_cast<size_t>(a->line) >= lines.size()) continue;
    const Box at = placeOf(static_cast<size_t>(a->line), a->begin, a->end);
    if (!at.empty()) placed.emplace_back(a, at);
  }
  for (const auto& [a, at] : placed)
    if (percentAloneFits(*a, at)) return std::nullopt;
  for (const auto& [a, at] : placed) {
    for (size_t j = 0; j < lines.size() && j < info.size(); ++j) {
      if (static_cast<int>(j) == a->line || lines[j].box.empty() || !info[j].mentions.empty()) continue;
      for (const auto& q : info[j].quantities) {
        if (q.mg <= largest * (1 + limits.doseAgreement)) continue;
        const auto [qb, qe] = info[j].ft.OriginalRange(q.begin, q.end);
        const Box there = placeOf(j, qb, qe);
        // Its own row or the one next to it: a skewed photo moves a row's amounts half a row.
        if (std::abs(there.centerY() - at.centerY()) > kRowNeighbourhood * std::max(at.h, there.h)) continue;
        return "the table row also shows " + MgText(q.mg) + " beside it, more than the " + MgText(largest) +
               " read as the dose";
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> SplitNumberProblem(const DoseChoice& dose) {
  for (const auto* a : {dose.unitAmount, dose.dayAmount}) {
    if (a && a->digitsBefore)
      return "digits stand right before the amount read (" + MgText(a->mg) +
             "): one number split by a space in the reading, perhaps";
    if (a && a->markBefore)
      return "a quote mark is glued to the amount read (" + MgText(a->mg) +
             "): digits squeezed at the label's edge may be lost before it";
  }
  return std::nullopt;
}

std::optional<std::string> TitleProblem(const std::vector<double>& titleNumbers, std::optional<double> mgPerUnit,
                                        std::optional<double> mgPerDay, const std::string& nutrientName,
                                        const ExtractionLimits& limits) {
  if (titleNumbers.empty() || (!mgPerUnit && !mgPerDay)) return std::nullopt;
  for (const double t : titleNumbers)
    for (const auto& v : {mgPerUnit, mgPerDay})
      if (v && Near(*v, t, limits.doseAgreement)) return std::nullopt;
  // A title whose last digits were cut off ("Magnesium 60" over 600 mg a day) confirms nothing,
  // but contradicts nothing either. Let through only when the dose a day (else the dose per unit)
  // is above every profile's upper level: `within_noael` needs a dose a day at or below it, so the
  // title let through cannot turn a product above the limit into one within; at worst a title
  // printed "60" over a dose misread "600" is reported above, a false alarm, never an all-clear.
  const double above = limits.cutTitleDoseAboveMg;
  if (mgPerDay ? *mgPerDay > above : *mgPerUnit > above)
    for (const double t : titleNumbers)
      for (const auto& v : {mgPerUnit, mgPerDay})
        if (v && IsCutTitleNumber(t, *v)) return std::nullopt;
  std::string read = mgPerUnit ? MgText(*mgPerUnit) + " per unit" : "";
  if (mgPerDay) read += (read.empty() ? "" : " and ") + MgText(*mgPerDay) + " a day";
  return "the product's name says " + nutrientName + " " + NumberText(titleNumbers.front()) +
         ", but the dose read is " + read;
}

}  // namespace suppcheck
