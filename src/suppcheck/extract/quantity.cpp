#include "suppcheck/extract/quantity.h"

#include <array>
#include <cstdlib>
#include <string>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

constexpr double kMgPerMmol = 24.305;  // molar mass of magnesium (domain.md §4.3)

struct UnitSpelling {
  std::string_view text;
  MassUnit unit;
};

// Longest first. OCR spellings: rn -> m, q/9 -> g (domain.md §5.6, ocr-practice §1.4).
constexpr std::array<UnitSpelling, 13> kUnits{{
    {"rnmol", MassUnit::Mmol}, {"mmol", MassUnit::Mmol}, {"mcg", MassUnit::Ug}, {"rng", MassUnit::Mg},
    {"ug", MassUnit::Ug}, {"mg", MassUnit::Mg}, {"mq", MassUnit::Mg}, {"m9", MassUnit::Mg},
    {"milligram", MassUnit::Mg}, {"milligramme", MassUnit::Mg}, {"gram", MassUnit::G}, {"gramme", MassUnit::G},
    {"g", MassUnit::G},
}};

bool IsWordChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// Reads a number at s[i] ("187,5", "1.160", "90"); returns its end, or i when none.
size_t ScanNumber(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsAsciiDigit(s[j])) ++j;
  if (j == i) return i;
  // One decimal or grouping separator followed by digits.
  if (j + 1 < s.size() && (s[j] == ',' || s[j] == '.') && IsAsciiDigit(s[j + 1])) {
    ++j;
    while (j < s.size() && IsAsciiDigit(s[j])) ++j;
  }
  return j;
}

}  // namespace

bool ParseLabelNumber(std::string_view s, bool thousandsOk, double& value) {
  std::string t(s);
  const size_t sep = t.find_first_of(",.");
  if (sep != std::string::npos) {
    const size_t decimals = t.size() - sep - 1;
    const bool grouping = thousandsOk && decimals == 3 && sep <= 3 && t[0] != '0';
    if (grouping)
      t.erase(sep, 1);
    else
      t[sep] = '.';
  }
  if (t.empty() || !IsAsciiDigit(t[0])) return false;
  char* end = nullptr;
  value = std::strtod(t.c_str(), &end);
  return end && *end == '\0';
}

std::vector<Quantity> FindQuantities(std::string_view s) {
  std::vector<Quantity> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAsciiDigit(s[i]) || (i > 0 && (IsWordChar(s[i - 1]) || ((s[i - 1] == ',' || s[i - 1] == '.') && i > 1 &&
                                                                     IsAsciiDigit(s[i - 2])))))
      continue;
    const size_t numEnd = ScanNumber(s, i);
    size_t u = numEnd;
    if (u < s.size() && s[u] == ' ') ++u;
    size_t next = numEnd;  // where scanning resumes
    for (const auto& spelling : kUnits) {
      if (s.substr(u, spelling.text.size()) != spelling.text) continue;
      const size_t end = u + spelling.text.size();
      if (end < s.size() && IsAsciiAlpha(s[end])) continue;  // "2 gelules", "5 magnesium"
      Quantity q;
      q.unit = spelling.unit;
      // Grouping separators only make sense for mg and ug ("1.160 mg"), never for g ("2,250 g").
      if (!ParseLabelNumber(s.substr(i, numEnd - i), q.unit == MassUnit::Mg || q.unit == MassUnit::Ug, q.value))
        break;
      switch (q.unit) {
        case MassUnit::Mg: q.mg = q.value; break;
        case MassUnit::G: q.mg = q.value * 1000; break;
        case MassUnit::Ug: q.mg = q.value / 1000; break;
        case MassUnit::Mmol: q.mg = q.value * kMgPerMmol; break;
      }
      q.begin = i;
      q.end = end;
      out.push_back(q);
      next = end;
      break;
    }
    i = next - 1;
  }
  return out;
}

std::vector<Percent> FindPercents(std::string_view s) {
  std::vector<Percent> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAsciiDigit(s[i]) || (i > 0 && (IsWordChar(s[i - 1]) || s[i - 1] == ',' || s[i - 1] == '.'))) continue;
    const size_t numEnd = ScanNumber(s, i);
    size_t u = numEnd;
    if (u < s.size() && s[u] == ' ') ++u;
    if (u < s.size() && s[u] == '%') {
      Percent p;
      if (ParseLabelNumber(s.substr(i, numEnd - i), false, p.value)) {
        p.begin = i;
        p.end = u + 1;
        out.push_back(p);
      }
    }
    i = std::max(i, numEnd > i ? numEnd - 1 : i);
  }
  return out;
}

}  // namespace suppcheck
