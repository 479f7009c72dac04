#include "suppcheck/extract/ri_plausibility.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "suppcheck/extract/reference_intake.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// A printed % is the amount's share rounded to a whole percent: within this many points.
constexpr double kRoundingPoints = 1.0;

// The amount as read fits its % within `limits`; the amount times a number of units (a % of the
// day's amount beside one unit's, or the other way round) only as closely as a re-read amount
// must: with the looser tolerance, several multipliers and references (EU RI, US DVs) a wrong
// amount finds one to fit ("Vitamin D 49 µg 150 %", printed 2,49 µg a day at 3 a day, fitted
// 49 µg / 3 against a 10 µg daily value, 163 % for 150 %: multivitamin-phone-0013 of tuning seed
// 28461).
bool Fits(double percent, double mg, const RiReference& ref, const ExtractionLimits& limits) {
  ExtractionLimits close = limits;
  close.riTolerancePoints = std::min(limits.riTolerancePoints, limits.riReadingTolerancePoints);
  close.riToleranceRelative = std::min(limits.riToleranceRelative, limits.riReadingToleranceRelative);
  for (const double hundred : ref.hundredPercentMg)
    for (const double m : ref.multipliers)
      if (m > 0 && PercentFits(percent, mg * m, hundred, std::abs(m - 1) < 1e-9 ? limits : close)) return true;
  return false;
}

// Other readings of printed digits: the decimal point after each digit ("021" -> 0.21, 2.1;
// "14" -> 1.4) and the first digits alone (a column merged in: "20000" -> 200, 20, 2). A part with
// a leading zero other than "0." is no number. A separator that was read stays: OCR loses a
// decimal point or comma far more often than it makes one up between two digits, and a % RI read
// with a digit too many ("4,5 mg 715%" for 75 %) fitted the digits without their comma (45 mg).
struct OtherReading {
  double value = 0;
  bool decimal = false;  // a decimal sign put in, not digits dropped
};

std::vector<OtherReading> OtherReadings(std::string_view number) {
  std::string digits;
  for (const char c : number)
    if (IsAsciiDigit(c)) digits += c;
  std::vector<OtherReading> out;
  if (digits.empty()) return out;
  if (digits.size() != number.size()) return out;
  for (size_t k = 1; k < digits.size(); ++k) {
    const std::string head = digits.substr(0, k);
    if (head.size() > 1 && head[0] == '0') continue;
    out.push_back({std::stod(head + "." + digits.substr(k)), true});
    out.push_back({std::stod(head), false});
  }
  return out;
}

}  // namespace

RiCheck CheckAgainstRi(double mg, double percent, std::string_view number, double mgPerNumber,
                       const RiReference& ref, const ExtractionLimits& limits) {
  RiCheck r;
  if (ref.hundredPercentMg.empty() || Fits(percent, mg, ref, limits)) return r;
  // Another reading must fit closely: a loose fit lets a misread % pick digits nobody printed.
  const ExtractionLimits close = limits.AtReadingTolerance();
  std::vector<OtherReading> fitting;
  for (const OtherReading& o : OtherReadings(number)) {
    const double cand = o.value * mgPerNumber;
    if (cand <= 0 || std::abs(cand - mg) <= 1e-9 * std::max(cand, mg) || !Fits(percent, cand, ref, close)) continue;
    // "50000" -> 500.00 or 500: a decimal sign only when no dropped digits explain the same value.
    auto same = std::find_if(fitting.begin(), fitting.end(), [&](const OtherReading& f) {
      return std::abs(f.value - cand) <= 1e-9 * std::max(f.value, cand);
    });
    if (same == fitting.end())
      fitting.push_back({cand, o.decimal});
    else
      same->decimal = same->decimal && o.decimal;
  }
  // Several readings fit: the one the % is the rounding of ("75 µg 300 %" of vitamin B12: 7,5 µg
  // is 300 % of 2,5 µg exactly; 7 µg fits only the US value loosely, 292 % of 2,4 µg).
  if (fitting.size() > 1) {
    ExtractionLimits rounding = limits;
    rounding.riTolerancePoints = kRoundingPoints;
    rounding.riToleranceRelative = 0;
    std::vector<OtherReading> exact;
    for (const OtherReading& f : fitting)
      if (Fits(percent, f.value, ref, rounding)) exact.push_back(f);
    if (exact.size() == 1) fitting = exact;
  }
  if (fitting.size() == 1) {
    r.verdict = RiCheck::Verdict::Corrected;
    r.mg = fitting.front().value;
    r.decimalInserted = fitting.front().decimal;
    return r;
  }
  r.verdict = RiCheck::Verdict::Disagrees;
  r.expected = mg / ref.hundredPercentMg.front() * 100.0;
  return r;
}

}  // namespace suppcheck
