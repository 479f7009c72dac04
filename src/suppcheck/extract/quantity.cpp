#include "suppcheck/extract/quantity.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <utility>

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

// A unit word at s[u] that ends a word ("iu" in "1000 iu)"): its end, or npos.
size_t WordUnitEnd(std::string_view s, size_t u, std::string_view word) {
  if (word.empty() || s.substr(u, word.size()) != word) return std::string_view::npos;
  const size_t end = u + word.size();
  if (end < s.size() && IsAsciiAlpha(s[end])) return std::string_view::npos;
  return end;
}

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

// "025mg", "05mg": no label prints an amount with a leading zero, so OCR lost the decimal
// separator after it ("0,25 mg" on a phone photo): the digits after the zero are decimals.
double WithLostDecimal(std::string_view digits, double value) {
  if (digits.size() < 2 || digits[0] != '0') return value;
  for (const char c : digits)
    if (!IsAsciiDigit(c)) return value;
  for (size_t k = 1; k < digits.size(); ++k) value /= 10;
  return value;
}

// The letters OCR reads for a digit standing alone before a unit, and the digit: sans-serif
// fonts draw a 1 as a capital I or a lower-case l ("Cuivre Img 100%", tuning seed 44127), and a
// blurred 5 closes into an S ("Zinc (zinc sulfate) |Smg" printed 5 mg, multivitamin-phone-0023
// of tuning seed 57163; "Cobalamine (cyanocobalamine) 2,5 ug Sug 200%" printed 5 µg a day,
// multivitamin-phone-0041 of seed 67403).
constexpr std::array<std::pair<char, int>, 3> kLetterDigits{{{'i', 1}, {'l', 1}, {'s', 5}}};

// "img", "lmg", "lg", "l mg", "smg" at s[i]: a digit read as a letter, standing alone (nothing of
// a word or a number before it) right before a mass unit that ends its word. The unit, the digit
// and its end, or npos.
size_t LetterDigitEnd(std::string_view s, size_t i, MassUnit& unit, int& digit) {
  const auto letter = std::find_if(kLetterDigits.begin(), kLetterDigits.end(), [&](const auto& ld) { return ld.first == s[i]; });
  if (letter == kLetterDigits.end() || (i > 0 && (IsWordChar(s[i - 1]) || s[i - 1] == ',' || s[i - 1] == '.')))
    return std::string_view::npos;
  size_t u = i + 1;
  if (u < s.size() && s[u] == ' ') ++u;
  for (const std::string_view spelling : {"mcg", "mg", "ug", "g"}) {
    if (s.substr(u, spelling.size()) != spelling) continue;
    const size_t e = u + spelling.size();
    if (e < s.size() && IsAsciiAlpha(s[e])) return std::string_view::npos;
    unit = spelling == "mg" ? MassUnit::Mg : spelling == "g" ? MassUnit::G : MassUnit::Ug;
    digit = letter->second;
    return e;
  }
  return std::string_view::npos;
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

std::vector<Quantity> FindQuantities(std::string_view s, const QuantityOptions& options) {
  std::vector<Quantity> out;
  for (size_t i = 0; i < s.size(); ++i) {
    MassUnit letterUnit = MassUnit::Mg;
    int digit = 0;
    if (options.letterDigit) {
      if (const size_t e = LetterDigitEnd(s, i, letterUnit, digit); e != std::string_view::npos) {
        Quantity q;
        q.value = digit;
        q.unit = letterUnit;
        q.mg = digit * (letterUnit == MassUnit::G ? 1000 : letterUnit == MassUnit::Mg ? 1 : 0.001);
        q.letterDigit = true;
        q.begin = i;
        q.end = e;
        out.push_back(q);
        i = e - 1;
        continue;
      }
    }
    if (!IsAsciiDigit(s[i]) || (i > 0 && (IsWordChar(s[i - 1]) || ((s[i - 1] == ',' || s[i - 1] == '.') && i > 1 &&
                                                                     IsAsciiDigit(s[i - 2])))))
      continue;
    const size_t numEnd = ScanNumber(s, i);
    size_t u = numEnd;
    // "1,1. mg": a second separator cannot be the number's; the reader checks what it hides.
    const bool decimals = s.substr(i, numEnd - i).find_first_of(",.") != std::string_view::npos;
    const bool stray = options.strayMark && decimals && u + 1 < s.size() && (s[u] == '.' || s[u] == ',') && s[u + 1] == ' ';
    if (stray) ++u;
    if (u < s.size() && s[u] == ' ') ++u;
    size_t next = numEnd;  // where scanning resumes
    // The unit: a mass as every reading takes it, else what the options add.
    Quantity q;
    size_t end = std::string_view::npos;
    for (const auto& spelling : kUnits) {
      if (s.substr(u, spelling.text.size()) != spelling.text) continue;
      const size_t e = u + spelling.text.size();
      if (e < s.size() && IsAsciiAlpha(s[e])) continue;  // "2 gelules", "5 magnesium"
      q.unit = spelling.unit;
      end = e;
      break;
    }
    if (end == std::string_view::npos && options.ocrMicrogramWords)
      for (const auto& w : *options.ocrMicrogramWords)
        if ((end = WordUnitEnd(s, u, w)) != std::string_view::npos) {
          q.unit = MassUnit::Ug;
          q.ocrMicrograms = true;
          break;
        }
    if (end == std::string_view::npos && options.iuWords)
      for (const auto& w : *options.iuWords)
        if ((end = WordUnitEnd(s, u, w)) != std::string_view::npos) {
          q.unit = MassUnit::IU;
          break;
        }
    // Grouping separators only make sense for mg, ug and IU ("1.160 mg", "1.000 IE"), never for g
    // ("2,250 g").
    const bool grouping = q.unit == MassUnit::Mg || q.unit == MassUnit::Ug || q.unit == MassUnit::IU;
    if (end != std::string_view::npos && ParseLabelNumber(s.substr(i, numEnd - i), grouping, q.value)) {
      q.value = WithLostDecimal(s.substr(i, numEnd - i), q.value);
      // No label declares none of what it lists: "Cholin 00 mg" is "100 mg" with its first digit
      // lost (multivitamin-phone-0031 of tuning seed 91357), not a reading of its own.
      if (q.value <= 0) {
        i = numEnd - 1;
        continue;
      }
      switch (q.unit) {
        case MassUnit::Mg: q.mg = q.value; break;
        case MassUnit::G: q.mg = q.value * 1000; break;
        case MassUnit::Ug: q.mg = q.value / 1000; break;
        case MassUnit::Mmol: q.mg = q.value * kMgPerMmol; break;
        case MassUnit::IU: q.mg = 0; break;
      }
      q.begin = i;
      q.end = end;
      q.strayMark = stray;
      out.push_back(q);
      next = end;
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
