#include "suppcheck/extract/coverage.h"

#include <algorithm>

#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

bool IsAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// `word` at folded[p] standing as a word of its own: no letter or digit glued on either side
// (a word that starts or ends with punctuation, ".be" or "l:", carries its own boundary).
bool WordAt(const std::string& f, size_t p, const std::string& word) {
  if (f.compare(p, word.size(), word) != 0) return false;
  const size_t e = p + word.size();
  const bool before = p == 0 || !IsAlnum(word.front()) || !IsAlnum(f[p - 1]);
  const bool after = e >= f.size() || !IsAlnum(word.back()) || !IsAlnum(f[e]);
  return before && after;
}

// Where the first of `words` stands as a word in `f`, or npos.
size_t FindWord(const std::string& f, const std::vector<std::string>& words, size_t* length = nullptr) {
  size_t best = std::string::npos;
  for (const auto& w : words) {
    if (w.empty()) continue;
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1))
      if (WordAt(f, p, w)) {
        if (p < best) {
          best = p;
          if (length) *length = w.size();
        }
        break;
      }
  }
  return best;
}

bool HasWord(const std::string& f, const std::vector<std::string>& words) { return FindWord(f, words) != std::string::npos; }

bool HasDigit(const std::string& f) { return std::any_of(f.begin(), f.end(), [](char c) { return IsAsciiDigit(c); }); }

// A run of `n` digits or more standing alone ("1000 Brussel", "Tel. 02/123 45 67").
bool HasDigitRun(const std::string& f, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i <= f.size(); ++i) {
    if (i < f.size() && IsAsciiDigit(f[i])) {
      ++run;
      continue;
    }
    if (run >= n) return true;
    run = 0;
  }
  return false;
}

// Whether `f` opens, at `start`, with `h` whose capital I was read as a stroke of another kind
// ("\ngrediénten:", "|ngredients:", "lngredients:"), a colon after it: the heading of an
// ingredient list whose first letter the OCR lost (seed 64829 phone-0018: a vitamin C label said
// "magnesium: unknown, photograph the ingredients" under its readable ingredient list).
bool OpensWithStrokeForI(const std::string& f, size_t start, const std::string& h) {
  if (h.size() < 4 || h[0] != 'i') return false;
  const std::string rest = h.substr(1);
  size_t p = start;
  if (p < f.size() && f[p] == 'l') ++p;  // "lngredients"
  else if (p == 0 || std::string_view("\\|/!1[]").find(f[p - 1]) == std::string_view::npos) return false;
  if (f.compare(p, rest.size(), rest) != 0) return false;
  size_t e = p + rest.size();
  while (e < f.size() && f[e] == ' ') ++e;
  return e < f.size() && f[e] == ':';
}

// An ingredients heading: at the start of the line ("Ingrediënten: ...", "Other ingredients")
// or followed by a colon. "Made with natural ingredients" on a front is neither.
bool IsIngredientsHeading(const std::string& f, const std::vector<std::string>& headings) {
  size_t start = 0;
  while (start < f.size() && !IsAsciiAlpha(f[start])) ++start;
  for (const auto& h : headings) {
    if (OpensWithStrokeForI(f, start, h)) return true;
    for (size_t p = f.find(h); p != std::string::npos; p = f.find(h, p + 1)) {
      if (!WordAt(f, p, h)) continue;
      if (p == start) return true;
      size_t e = p + h.size();
      while (e < f.size() && f[e] == ' ') ++e;
      if (e < f.size() && f[e] == ':') return true;
    }
  }
  return false;
}

// A row of a vitamin/mineral table: a micronutrient (or magnesium) named with an amount or a
// % RI after it. Energy, protein, fat and the like do not count: a table of those says nothing
// about minerals.
bool IsNutrientRow(const std::string& f, const Vocabulary& vocab) {
  size_t p = std::string::npos;
  for (const auto& stem : vocab.coverage.magnesiumRowStems) p = std::min(p, f.find(stem));
  for (const auto& w : vocab.otherNutrients) {
    if (w.empty() || std::find(vocab.coverage.foodTableWords.begin(), vocab.coverage.foodTableWords.end(), w) !=
                         vocab.coverage.foodTableWords.end())
      continue;
    for (size_t q = f.find(w); q != std::string::npos && q < p; q = f.find(w, q + 1))
      if (WordAt(f, q, w)) {
        p = q;
        break;
      }
  }
  if (p == std::string::npos) return false;
  const std::string rest = f.substr(p);
  return !FindQuantities(rest).empty() || !FindPercents(rest).empty();
}

bool IsTableHeader(const std::string& f, const Vocabulary& vocab) {
  if (HasWord(f, vocab.coverage.tableHeadings) || HasWord(f, vocab.coverage.referenceIntakeMarks)) return true;
  // "Per tablet | Per dagdosis (2 tabletten)": both bases named on one line without an amount.
  return HasWord(f, vocab.perUnitWords) && HasWord(f, vocab.perDayWords) && FindQuantities(f).empty();
}

bool IsDoseStatement(const std::string& f, const Vocabulary& vocab) {
  if (!IsNutrientRow(f, vocab)) return false;
  return HasWord(f, vocab.perUnitWords) || HasWord(f, vocab.perDayWords);
}

// The three independent kinds of legal-text cue. A short word (LOT, THT, EXP, MHD) counts only
// with digits on its line; a phrase ("ten minste houdbaar tot") counts alone.
bool IsLotCue(const std::string& f, const Vocabulary& vocab) {
  if (HasWord(f, vocab.coverage.lotWords) && HasDigit(f)) return true;
  // The lot's digits glued to its word: "LOT2426", or "Ch.-B8. 9054/522" where the OCR read the
  // abbreviation's dot as a digit (products seed 71263 clean-0016: the whole label then showed no
  // legal text and said not_seen where its side photo says missing). A word of three letters or
  // more: "L2345" alone could be any code.
  for (std::string w : vocab.coverage.lotWords) {
    while (!w.empty() && !IsAlnum(w.back())) w.pop_back();
    if (w.size() < 3) continue;
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1)) {
      const size_t e = p + w.size();
      if ((p == 0 || !IsAlnum(f[p - 1])) && e < f.size() && IsAsciiDigit(f[e])) return true;
    }
  }
  return false;
}

bool IsBestBeforeCue(const std::string& f, const Vocabulary& vocab) {
  for (const auto& w : vocab.coverage.bestBeforeWords) {
    if (w.size() < 8 ? !HasDigit(f) : false) continue;
    if (HasWord(f, {w})) return true;
  }
  return false;
}

// A best-before phrase wrapped at the line's end ("Lot 2870/863 A consommer de préférence" over
// "avant 11/2029", seed 40961 clean-0005): the phrase read across the two lines, and not found on
// the line alone.
bool IsWrappedBestBeforeCue(const std::string& f, const std::string& next, const Vocabulary& vocab) {
  return !next.empty() && !IsBestBeforeCue(next, vocab) && IsBestBeforeCue(f + " " + next, vocab);
}

bool IsAddressCue(const std::string& f, const std::string& next, const Vocabulary& vocab) {
  if (HasWord(f, vocab.coverage.producerWords)) return true;
  // "Natura NV, Kerkstraat 12, 9000 Gent": a company form with a postcode on its line or the next.
  if (HasWord(f, vocab.coverage.companyForms) && (HasDigitRun(f, 4) || HasDigitRun(next, 4))) return true;
  // A telephone number after a contact word ("Tel. 02/123 45 67"); a web address alone is on fronts too.
  return HasWord(f, vocab.coverage.contactWords) && HasDigitRun(f, 2) &&
         std::any_of(vocab.coverage.telephoneMarks.begin(), vocab.coverage.telephoneMarks.end(),
                     [&f](const std::string& mark) { return f.find(mark) != std::string::npos; });
}

}  // namespace

Coverage& Coverage::operator|=(const Coverage& o) {
  ingredients |= o.ingredients;
  nutrientTable |= o.nutrientTable;
  dose |= o.dose;
  directions |= o.directions;
  legalText |= o.legalText;
  return *this;
}

Coverage DecideCoverage(const std::vector<TextLine>& lines, const Vocabulary& vocab, double maxUnitsPerDay,
                        const MagnesiumFacts& mg, const NumberFinding& number) {
  Coverage c;
  std::vector<std::string> folded;
  folded.reserve(lines.size());
  for (const auto& l : lines) folded.push_back(FoldForMatching(l.text).text);

  int rows = 0, headerRows = 0;
  bool lot = false, bestBefore = false, address = false, notificationLabel = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    const std::string& f = folded[i];
    const auto below = NextLineOfParagraph(lines, i);
    const std::string next = below ? folded[*below] : std::string();
    c.ingredients |= IsIngredientsHeading(f, vocab.coverage.ingredientsHeadings);
    const bool row = IsNutrientRow(f, vocab);
    rows += row;
    if (!row && IsTableHeader(f, vocab)) ++headerRows;
    c.dose |= IsDoseStatement(f, vocab);
    lot |= IsLotCue(f, vocab);
    bestBefore |= IsBestBeforeCue(f, vocab) || IsWrappedBestBeforeCue(f, next, vocab);
    address |= IsAddressCue(f, next, vocab);
    notificationLabel |= HasWord(f, vocab.notificationLabels);
  }
  // A table: a header line of its own and two rows, or many rows. A front that names two or
  // three vitamins with their amounts is not one (an absence would be concluded from it).
  c.nutrientTable = (headerRows > 0 && rows >= 2) || rows >= 5;
  c.dose |= mg.mgPerUnit.has_value() || mg.mgPerDay.has_value() || (c.nutrientTable && headerRows > 0);
  c.directions = mg.unitsPerDay.has_value() || FindUnitsPerDay(lines, vocab, maxUnitsPerDay).has_value();
  const bool numberSeen = number.number.status != NumberStatus::Missing &&
                          number.number.status != NumberStatus::NotSeen && (number.labelled || number.categoryAnchored);
  c.legalText = notificationLabel || numberSeen || (lot + bestBefore + address) >= 2;
  return c;
}

std::vector<size_t> LegalTextLines(const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  std::vector<size_t> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string f = FoldForMatching(lines[i].text).text;
    const auto below = NextLineOfParagraph(lines, i);
    const std::string next = below ? FoldForMatching(lines[*below].text).text : std::string();
    if (IsLotCue(f, vocab) || IsBestBeforeCue(f, vocab) || IsWrappedBestBeforeCue(f, next, vocab) ||
        IsAddressCue(f, next, vocab) ||
        HasWord(f, vocab.notificationLabels))
      out.push_back(i);
  }
  return out;
}

std::optional<bool> MagnesiumPresence(const MagnesiumFacts& mg, const Coverage& coverage) {
  if (mg.present) return true;
  if (coverage.ShowsComposition()) return false;
  return std::nullopt;
}

bool ApplyCoverageToNumber(NumberFinding& number, const Coverage& coverage) {
  if (coverage.legalText) {
    if (number.number.status != NumberStatus::NotSeen) return false;
    number.number.status = NumberStatus::Missing;  // another photo of the product showed the legal text
    return true;
  }
  if (number.number.status != NumberStatus::Missing) return false;
  number.number.status = NumberStatus::NotSeen;
  return true;
}

std::vector<std::string> StillToPhotograph(const Coverage& coverage, const NumberFinding& number,
                                           const MagnesiumFacts& mg) {
  std::vector<std::string> out;
  if (number.number.status == NumberStatus::NotSeen)
    out.push_back("the side with the lot number and the producer's address, where the notification number stands");
  if (!mg.present && !coverage.ShowsComposition()) out.push_back("the side with the ingredient list or the nutrient table");
  if (mg.present && !mg.mgPerDay) {
    if (!mg.mgPerUnit && !coverage.dose) out.push_back("the nutrient table with the amount of magnesium per unit");
    if (!mg.unitsPerDay && !coverage.directions) out.push_back("the directions (how many to take a day)");
  }
  return out;
}

}  // namespace suppcheck
