#include "suppcheck/extract/nutrient_row_readings.h"

#include <algorithm>
#include <cmath>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

Box AmountBox(const NutrientAmount& a, const std::vector<TextLine>& lines) {
  if (a.line < 0 || static_cast<size_t>(a.line) >= lines.size()) return {};
  return lines[static_cast<size_t>(a.line)].BoxOf(a.begin, a.end);
}

std::string DigitsOf(const std::string& number) {
  std::string d;
  for (char c : number)
    if (IsAsciiDigit(c)) d += c;
  return d;
}

bool HasSeparator(const std::string& number) { return number.find_first_of(".,") != std::string::npos; }

}  // namespace

bool SameRowReadings(const NutrientAmount& a, const NutrientAmount& b, const std::vector<TextLine>& lines) {
  if (a.line == b.line) return false;
  const Box ba = AmountBox(a, lines), bb = AmountBox(b, lines);
  if (ba.empty() || bb.empty()) return false;
  // Half the smaller height in common: two rows of a table overlap by a few pixels at most.
  const bool sameRow = 2 * ba.VerticalOverlap(bb) >= std::min(ba.h, bb.h);
  const bool sameColumn = std::min(ba.right(), bb.right()) > std::max(ba.x, bb.x);
  return sameRow && sameColumn;
}

bool EqualReadings(const NutrientAmount& a, const NutrientAmount& b, double agreement) {
  return a.elemental == b.elemental && std::abs(a.mg - b.mg) <= agreement * std::max(a.mg, b.mg);
}

void TakeBasisOfEqualReadings(std::vector<NutrientAmount>& amounts, double agreement) {
  for (auto& a : amounts) {
    if (a.basis != DoseBasis::Unknown) continue;
    const NutrientAmount* day = nullptr;
    bool unit = false;
    for (const auto& b : amounts) {
      if (&b == &a || b.basis == DoseBasis::Unknown || !EqualReadings(a, b, agreement)) continue;
      if (b.basis == DoseBasis::PerDay)
        day = &b;
      else
        unit = true;
    }
    if (day && !unit) {
      a.basis = DoseBasis::PerDay;
      a.units = day->units;
    }
  }
}

void ShareRiBetweenReadings(std::vector<NutrientAmount>& amounts, const std::vector<TextLine>& lines) {
  for (auto& a : amounts) {
    if (a.percentRi || !a.elemental) continue;
    for (const auto& b : amounts)
      if (b.percentRi && b.elemental && SameRowReadings(a, b, lines)) {
        a.percentRi = b.percentRi;
        break;
      }
  }
}

std::vector<size_t> ReadingsThatLostTheSeparator(const std::vector<NutrientAmount>& amounts,
                                                 const std::vector<std::string>& numbers,
                                                 const std::vector<TextLine>& lines) {
  std::vector<size_t> lost;
  for (size_t k = 0; k < amounts.size() && k < numbers.size(); ++k) {
    if (numbers[k].empty() || HasSeparator(numbers[k])) continue;
    for (size_t j = 0; j < amounts.size() && j < numbers.size(); ++j)
      if (j != k && HasSeparator(numbers[j]) && DigitsOf(numbers[j]) == numbers[k] &&
          amounts[j].elemental == amounts[k].elemental && amounts[j].mg < amounts[k].mg &&
          SameRowReadings(amounts[k], amounts[j], lines)) {
        lost.push_back(k);
        break;
      }
  }
  return lost;
}

std::vector<size_t> ReadingsWithARuleForAOne(const std::vector<NutrientAmount>& amounts,
                                             const std::vector<std::string>& numbers,
                                             const std::vector<double>& mgPerNumber,
                                             const std::vector<TextLine>& lines) {
  std::vector<size_t> ruled;
  const size_t n = std::min({amounts.size(), numbers.size(), mgPerNumber.size()});
  for (size_t k = 0; k < n; ++k) {
    const std::string& longer = numbers[k];
    if (longer.size() < 2 || longer[0] != '1' || !IsAsciiDigit(longer[1])) continue;
    const Box lb = AmountBox(amounts[k], lines);
    for (size_t j = 0; j < n; ++j) {
      // A zero left after the "1" is an amount only before its separator ("0,75": "\Vitamine B12
      // (cyanocobalamine) 10,75 pg" beside the block reading's "0,75 ug", multivitamin-phone-0033
      // of tuning seed 73958, whose vitamin B12 was unknown); "05" or "0" is no reading to prefer.
      const bool zeroOnly = numbers[j][0] == '0' && (numbers[j].size() < 2 || IsAsciiDigit(numbers[j][1]));
      if (j == k || numbers[j] != longer.substr(1) || zeroOnly ||
          std::abs(mgPerNumber[j] - mgPerNumber[k]) > 1e-12 || amounts[j].elemental != amounts[k].elemental ||
          !SameRowReadings(amounts[k], amounts[j], lines))
        continue;
      const Box sb = AmountBox(amounts[j], lines);
      if (lb.empty() || sb.empty() || lb.x >= sb.x) continue;
      ruled.push_back(k);
      break;
    }
  }
  return ruled;
}

std::vector<size_t> ReadingsThatLostTheirFirstDigit(const std::vector<NutrientAmount>& amounts,
                                                    const std::vector<std::string>& numbers,
                                                    const std::vector<double>& mgPerNumber,
                                                    const std::vector<TextLine>& lines) {
  std::vector<size_t> lost;
  const size_t n = std::min({amounts.size(), numbers.size(), mgPerNumber.size()});
  for (size_t k = 0; k < n; ++k) {
    const std::string& shorter = numbers[k];
    if (shorter.empty() || !IsAsciiDigit(shorter[0])) continue;
    const Box sb = AmountBox(amounts[k], lines);
    for (size_t j = 0; j < n; ++j) {
      const std::string& longer = numbers[j];
      if (j == k || longer.size() != shorter.size() + 1 || longer[0] < '2' || longer[0] > '9' ||
          longer.compare(1, std::string::npos, shorter) != 0 || std::abs(mgPerNumber[j] - mgPerNumber[k]) > 1e-12 ||
          amounts[j].elemental != amounts[k].elemental || !SameRowReadings(amounts[k], amounts[j], lines))
        continue;
      // The digit lost stood left of what was read: the longer reading does not start right of
      // the shorter one (a few pixels of OCR's box edges aside).
      const Box lb = AmountBox(amounts[j], lines);
      if (lb.empty() || sb.empty() || lb.x > sb.x + std::max(2, sb.h / 4)) continue;
      lost.push_back(k);
      break;
    }
  }
  return lost;
}

std::vector<std::pair<size_t, size_t>> DisagreeingRowReadings(const std::vector<NutrientAmount>& amounts,
                                                              const std::vector<bool>& comparable,
                                                              const std::vector<TextLine>& lines, double agreement) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t k = 0; k < amounts.size() && k < comparable.size(); ++k)
    for (size_t j = k + 1; j < amounts.size() && j < comparable.size(); ++j) {
      const NutrientAmount& a = amounts[k];
      const NutrientAmount& b = amounts[j];
      if (!comparable[k] || !comparable[j] || a.elemental != b.elemental || a.salt != b.salt) continue;
      if (std::abs(a.mg - b.mg) <= agreement * std::max(a.mg, b.mg)) continue;
      if (SameRowReadings(a, b, lines)) pairs.emplace_back(k, j);
    }
  return pairs;
}

}  // namespace suppcheck
