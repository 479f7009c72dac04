#include "suppcheck/extract/basis_phrases.h"

#include <algorithm>

#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

bool PrepositionBefore(const std::string& f, size_t q, const Vocabulary& vocab);

// A count of units right before the daily word at `p` ("1 à 3 comprimés par jour", "2 tabletten
// per dag"), with no per-unit preposition before the count: directions, not what an amount on
// the line is per. A label in two columns put "magnesium 187,5 mg" and "Prendre 1 a 3 comprimés
// par jour." on one line, and 187.5 mg per tablet was taken for the day's amount, which did not
// add up with 3 a day (seed 47113 clean-0009: 562.5 mg a day, above the limit, left unknown).
// A count the OCR glued to the word before it ("Neem 1 tot 3 sachets per dag" read "eal tot3
// sachets per dag", "Prendre 1 à 3" read "i143"): the word right before the unit word at `q`
// holds a digit. Still directions: taken for a "per day" heading, it made the "187,5 mg" per
// sachet of the line below the day's amount, 187.5 mg within the limit for a label of up to 3
// sachets a day, 562.5 mg (label seed 17389 hard-0026, a false all-clear).
bool DigitGluedBefore(const std::string& f, size_t q) {
  size_t e = q;
  while (e > 0 && f[e - 1] == ' ') --e;
  for (size_t b = e; b > 0 && f[b - 1] != ' '; --b)
    if (IsAsciiDigit(f[b - 1])) return true;
  return false;
}

bool UnitsCountedBefore(const std::string& f, size_t p, const Vocabulary& vocab, double maxUnitsPerDay) {
  size_t e = p;
  while (e > 0 && f[e - 1] == ' ') --e;
  constexpr size_t kLongestUnitWord = 16;
  for (size_t q = e > kLongestUnitWord ? e - kLongestUnitWord : 0; q < e; ++q) {
    const size_t len = UnitWordAt(f, q, vocab);
    if (!len || q + len != e || (q > 0 && IsAsciiAlpha(f[q - 1]))) continue;
    size_t cb = q;
    if (CountBefore(f, q, vocab, maxUnitsPerDay, &cb) > 0) return !PrepositionBefore(f, cb, vocab);
    return DigitGluedBefore(f, q);
  }
  return false;
}

// Daily-dose words: "per dagdosis (2 tabletten)", "par jour", "pro Tag", "daily dose".
void AddPerDayPhrases(const std::string& f, const Vocabulary& vocab, double maxUnitsPerDay,
                      std::vector<BasisPhrase>& out) {
  for (const auto& w : vocab.perDayWords) {
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1)) {
      const bool symbolic = !IsAsciiAlpha(w.front());
      if (!(symbolic || IsWordStart(f, p)) || !IsWordEnd(f, p + w.size())) continue;
      BasisPhrase b{DoseBasis::PerDay, 0, p, p + w.size()};
      // A unit count in the next few characters: "dagdosis (2 tabletten)", "= 2 gelules". Without
      // the bracket, colon or equals sign ("täglich 2 Kapseln") it is directions, not a dose basis.
      bool directions = false;
      for (size_t q = p + w.size(); q < std::min(f.size(), p + w.size() + 25); ++q) {
        const size_t len = UnitWordAt(f, q, vocab);
        if (!len) continue;
        size_t cb = q;
        const double n = CountBefore(f, q, vocab, maxUnitsPerDay, &cb);
        if (n > 0 && cb >= p + w.size()) {
          const std::string between = f.substr(p + w.size(), cb - (p + w.size()));
          if (between.find_first_of("(:=") == std::string::npos) {
            directions = true;
          } else {
            b.units = n;
            b.end = q + len;
          }
        }
        break;
      }
      if (directions || UnitsCountedBefore(f, p, vocab, maxUnitsPerDay)) continue;
      if (std::none_of(out.begin(), out.end(), [&](const BasisPhrase& o) { return o.begin <= p && p < o.end; }))
        out.push_back(b);
    }
  }
}

// A per-unit preposition ("per", "pour", "/") ends right at q.
bool PrepositionEndsAt(const std::string& f, size_t q, const Vocabulary& vocab) {
  for (const auto& w : vocab.perUnitPrepositions) {
    const size_t wl = w.size();
    if (q >= wl && f.compare(q - wl, wl, w) == 0 && (!IsAsciiAlpha(w[0]) || IsWordStart(f, q - wl))) return true;
  }
  return false;
}

// A per-unit preposition right before position q, spaces between ("par 1 comprimé").
bool PrepositionBefore(const std::string& f, size_t q, const Vocabulary& vocab) {
  while (q > 0 && f[q - 1] == ' ') --q;
  return PrepositionEndsAt(f, q, vocab);
}

// OCR reads a lone "1" as "|", "}", "l" ("Per | tablet", "Per } capsule"): one such character
// standing alone right before the unit word is a count of one.
double MangledOneBefore(const std::string& f, size_t unitBegin, const Vocabulary& vocab, size_t* countBegin) {
  size_t e = unitBegin;
  while (e > 0 && f[e - 1] == ' ') --e;
  if (e == 0 || e == unitBegin || vocab.oneLookalikes.find(f[e - 1]) == std::string::npos) return 0;
  if (e >= 2 && f[e - 2] != ' ') return 0;
  *countBegin = e - 1;
  return 1;
}

// "per tablet", "par gelule", "/ Kapsel", "pour 2 gelules", "Six gelules ... renferment", and
// "Pas 1 comprimé :" (OCR for "Par 1 comprimé").
void AddPerUnitPhrases(const std::string& f, const Vocabulary& vocab, double maxUnitsPerDay,
                       std::vector<BasisPhrase>& out) {
  const size_t dayPhrases = out.size();
  for (size_t p = 0; p < f.size(); ++p) {
    const size_t len = UnitWordAt(f, p, vocab);
    if (!len) continue;
    size_t countStart = p;
    double n = CountBefore(f, p, vocab, maxUnitsPerDay, &countStart);
    if (n <= 0) n = MangledOneBefore(f, p, vocab, &countStart);
    size_t q = (n > 0 ? countStart : p);
    while (q > 0 && f[q - 1] == ' ') --q;
    const bool prep = PrepositionEndsAt(f, q, vocab);
    const size_t lastBefore = countStart == 0 ? std::string::npos : f.find_last_not_of(' ', countStart - 1);
    const bool sentenceStart = n > 0 && (lastBefore == std::string::npos || f[lastBefore] == '.');
    // "Pas 1 comprimé :" (OCR for "Par"): one unit heading a statement is per unit whatever the
    // word before it; "een tablet" in running text ("2x per dag een tablet") is not.
    size_t after = p + len;
    while (after < f.size() && f[after] == ' ') ++after;
    const bool one = n == 1 && after < f.size() && f[after] == ':';
    // "Hess 3 capsules) Magnesium 168,75 mg" for "Per dagdosis (3 capsules) ...": the bracket
    // closed after the count is the "(3 capsules)" of a header whose opening OCR lost at a
    // curved label's squeezed edge. Taken for nothing, the amount was one capsule's, tripled:
    // 506 mg a day, above the limit, for 168.75 (label seed 57721 hard-0084).
    const bool closed = n > 0 && n <= maxUnitsPerDay && after < f.size() && f[after] == ')';
    const bool bare = !prep && !one && !closed;
    // More units than a day's intake is a pack's count, whatever stands before it: "Magnesium
    // 168,75 mg (60 capsules)" made the amount one sixtieth of itself per capsule, 8.4 mg a day.
    if ((prep || sentenceStart || one || closed) && n <= maxUnitsPerDay) {
      const bool inDay = std::any_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(dayPhrases),
                                     [&](const BasisPhrase& o) { return o.begin <= p && p < o.end; });
      if (!inDay) {
        const double units = n > 0 ? n : 1;
        out.push_back(
            {units > 1 ? DoseBasis::PerUnits : DoseBasis::PerUnit, units, n > 0 ? countStart : p, p + len, bare});
      }
    }
    p += len;
  }
}

}  // namespace

std::vector<BasisPhrase> FindBasisPhrases(const std::string& f, const Vocabulary& vocab, double maxUnitsPerDay) {
  std::vector<BasisPhrase> out;
  AddPerDayPhrases(f, vocab, maxUnitsPerDay, out);
  AddPerUnitPhrases(f, vocab, maxUnitsPerDay, out);
  std::sort(out.begin(), out.end(), [](const BasisPhrase& a, const BasisPhrase& b) { return a.begin < b.begin; });
  return out;
}

bool LooksLikeDirections(const std::string& f, const Vocabulary& vocab, double maxUnitsPerDay) {
  for (size_t p = 0; p < f.size(); ++p) {
    const size_t len = UnitWordAt(f, p, vocab);
    if (!len) continue;
    size_t cb = p;
    // "Par 1 comprimé | Par dose journalière (2 comprimés)": a count after a per-unit preposition
    // is a column header's basis, whatever daily word follows it.
    if (CountBefore(f, p, vocab, maxUnitsPerDay, &cb) > 0 && !PrepositionBefore(f, cb, vocab) &&
        FindAnyWord(f, vocab.perDayWords, p + len, std::min(f.size(), p + len + 40)) != std::string::npos)
      return true;
    p += len;
  }
  return false;
}

}  // namespace suppcheck
