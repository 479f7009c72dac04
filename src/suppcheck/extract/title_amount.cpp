#include "suppcheck/extract/title_amount.h"

#include <algorithm>
#include <cmath>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

constexpr double kSmallestTitleNumber = 10;    // "Magnesium 3 in 1", "B6" are not doses
constexpr double kLargestTitleNumber = 5000;
constexpr size_t kMaxTitleWords = 6;           // a title, not a sentence

size_t WordCount(std::string_view f) {
  size_t n = 0;
  for (size_t i = 0; i < f.size(); ++i)
    if (f[i] != ' ' && (i == 0 || f[i - 1] == ' ')) ++n;
  return n;
}

}  // namespace

std::vector<double> TitleNumbers(const std::vector<AnalysedLine>& info) {
  std::vector<double> out;
  for (const auto& li : info) {
    const std::string& f = li.ft.text;
    if (!li.quantities.empty() || !li.percents.empty() || WordCount(f) > kMaxTitleWords) continue;
    for (const auto& m : li.mentions) {
      if (m.kind != MentionKind::Target) continue;
      size_t p = m.end;
      while (p < f.size() && f[p] == ' ') ++p;
      size_t e = p;
      while (e < f.size() && IsAsciiDigit(f[e])) ++e;
      if (e == p || e - p > 4 || (e < f.size() && f[e] != ' ')) continue;  // "magnesium 3-in-1", "450,5"
      // No other digit on the line: "Magnesium 450 Forte", not "Magnesium 150 75 %".
      const bool otherDigits = std::any_of(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(p), IsAsciiDigit) ||
                               std::any_of(f.begin() + static_cast<std::ptrdiff_t>(e), f.end(), IsAsciiDigit);
      const double v = std::stod(f.substr(p, e - p));
      if (!otherDigits && v >= kSmallestTitleNumber && v <= kLargestTitleNumber) out.push_back(v);
    }
  }
  return out;
}

bool IsCutTitleNumber(double title, double dose) {
  // The dose's whole part with one, two or three of its last digits dropped: 947.4 -> 94, 9.
  for (double cut = 10; cut <= 1000; cut *= 10)
    if (std::floor(dose / cut) == title) return title > 0;
  return false;
}

}  // namespace suppcheck
