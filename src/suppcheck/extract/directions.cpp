#include "suppcheck/extract/directions.h"

#include <algorithm>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// A number or number word ending right before `end` (spaces skipped): its value and start.
double NumberEndingAt(const std::string& f, size_t end, const Vocabulary& vocab, size_t* start);

// The digits at `b` follow a range word glued to them, itself after a number: OCR dropped the
// space of "1 à 3" ("Prendre 1 a3 comprimés par jour", products seed 58111 phone-0022: no units a
// day, no dose). Letters glued to digits are otherwise no count ("B12", "D3").
bool AfterGluedRangeWord(const std::string& f, size_t b, const Vocabulary& vocab) {
  for (const auto& rw : vocab.rangeWords) {
    if (rw.empty() || !IsAsciiAlpha(rw.back()) || rw.size() > b || f.compare(b - rw.size(), rw.size(), rw) != 0 ||
        !IsWordStart(f, b - rw.size()))
      continue;
    size_t lowStart = 0;
    size_t w = b - rw.size();
    if (w == 0 || f[w - 1] != ' ') continue;  // "1 a3", not "1a3"
    if (NumberEndingAt(f, w, vocab, &lowStart) > 0) return true;
  }
  return false;
}

double NumberEndingAt(const std::string& f, size_t end, const Vocabulary& vocab, size_t* start) {
  size_t e = end;
  while (e > 0 && f[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && (IsAsciiDigit(f[b - 1]) || f[b - 1] == ',' || f[b - 1] == '.')) --b;
  if (b < e && IsAsciiDigit(f[b])) {
    double v = 0;
    if (b > 0 && IsAsciiAlpha(f[b - 1]) && !AfterGluedRangeWord(f, b, vocab)) return 0;
    if (ParseLabelNumber(std::string_view(f).substr(b, e - b), false, v)) {
      *start = b;
      return v;
    }
    return 0;
  }
  for (const auto& [value, words] : vocab.numberWords) {
    for (const auto& w : words) {
      if (w.size() > e || f.compare(e - w.size(), w.size(), w) != 0) continue;
      if (!IsWordStart(f, e - w.size())) continue;
      *start = e - w.size();
      return value;
    }
  }
  return 0;
}

// "1 43 comprimés" for "1 à 3 comprimés": OCR read the range word 'à' as a digit and lost the
// space after it (products seed 46021 phone-0013: the back photo lost its units a day, so the
// product its dose, where the whole label read "1 à 3"). Only for digits at `start` that are no
// day's count as they stand, begin with a range word's lookalike (vocabulary.json
// ocr_range_word_lookalikes) and follow a smaller count after a space; the rest, the upper end,
// is taken, never the lower end (a count read too low could make a dose look within the limit).
// Returns the upper end with `countBegin` at the lower end, or 0.
double RangeWordReadAsDigit(const std::string& f, size_t start, size_t unitBegin, const Vocabulary& vocab,
                            double maxUnitsPerDay, size_t* countBegin) {
  size_t e = unitBegin;
  while (e > start && f[e - 1] == ' ') --e;
  if (e < start + 2 || vocab.rangeWordLookalikes.find(f[start]) == std::string::npos) return 0;
  if (!std::all_of(f.begin() + static_cast<long>(start), f.begin() + static_cast<long>(e), IsAsciiDigit)) return 0;
  if (start == 0 || f[start - 1] != ' ') return 0;  // "1 43", not "143"
  size_t lowStart = 0;
  const double low = NumberEndingAt(f, start, vocab, &lowStart);
  double rest = 0;
  if (low <= 0 || !ParseLabelNumber(std::string_view(f).substr(start + 1, e - start - 1), false, rest)) return 0;
  if (rest <= low || rest > maxUnitsPerDay) return 0;
  *countBegin = lowStart;
  return rest;
}

// "2x", "2 x", "2 maal", "zweimal", "twice", "3 fois": a multiplier of intakes per day.
double MultiplierIn(const std::string& f, size_t from, size_t to, const Vocabulary& vocab) {
  to = std::min(to, f.size());
  double best = 0;
  for (const auto& w : vocab.timesWords) {
    for (size_t p = f.find(w, from); p != std::string::npos && p + w.size() <= to; p = f.find(w, p + 1)) {
      if (!IsWordEnd(f, p + w.size())) continue;
      // "2x" / "2 x" / "2 maal": a number right before; "zweimal": number word glued to "mal".
      size_t start = 0;
      double n = NumberEndingAt(f, p, vocab, &start);
      if (n <= 0 && p >= 1 && IsAsciiAlpha(f[p - 1])) {
        for (const auto& [value, words] : vocab.numberWords)
          for (const auto& nw : words)
            if (p >= nw.size() && f.compare(p - nw.size(), nw.size(), nw) == 0 && IsWordStart(f, p - nw.size()))
              n = value;
      }
      if (n > 0 && n <= 6) best = std::max(best, n);
    }
  }
  for (const auto& [value, words] : vocab.numberWords)
    for (const auto& w : words)
      if (std::find(vocab.timesNumberWords.begin(), vocab.timesNumberWords.end(), w) != vocab.timesNumberWords.end() &&
          FindWord(f, w, from, to) != std::string::npos)
        best = std::max(best, static_cast<double>(value));
  return best;
}

// A number standing right before the sentence's per-day words, outside the count found at
// [countStart, countEnd): "295 par jour un sachet" for "2 fois par jour un sachet" (label seed
// 64829 hard-0030, blurred: "2 fois" read "295"). The number of intakes a day was printed there
// and not read, and the count after it is one intake's: taken alone, one sachet a day halved a
// dose above the limit into one within it. Read as multipliers ("2x", "3 fois") these numbers
// count; here they were no multiplier word, so the units a day are not known from this sentence.
bool UnreadTimesBeforePerDay(const std::string& f, size_t sb, size_t se, size_t countStart, size_t countEnd,
                             const Vocabulary& vocab) {
  for (const auto& w : vocab.perDayWords) {
    for (size_t p = f.find(w, sb); p != std::string::npos && p + w.size() <= se; p = f.find(w, p + 1)) {
      if (w[0] != '/' && !IsWordStart(f, p)) continue;
      size_t start = 0;
      if (NumberEndingAt(f, p, vocab, &start) <= 0) continue;
      if (start >= countStart && start < countEnd) continue;  // the count itself ("2 /dag")
      return true;
    }
  }
  return false;
}

// A multiplier word right before the sentence's per-day words with no count read before it: "L
// fois par jour un comprimé" for "2 fois par jour un comprimé" (label seed 27183 phone-0046,
// blurred: the 2 read as an L). The intakes a day were printed there and not read, and the count
// after it is one intake's: one tablet a day halved a dose above the limit into one within it.
// A number or a number word before the multiplier ("2 fois", "une fois", "zweimal") is a count.
bool UnreadCountOfMultiplier(const std::string& f, size_t sb, size_t se, const Vocabulary& vocab) {
  for (const auto& w : vocab.timesWords) {
    for (size_t p = f.find(w, sb); p != std::string::npos && p + w.size() <= se; p = f.find(w, p + 1)) {
      if (!IsWordEnd(f, p + w.size())) continue;
      size_t after = p + w.size();
      while (after < se && f[after] == ' ') ++after;
      const bool perDayNext = std::any_of(vocab.perDayWords.begin(), vocab.perDayWords.end(), [&](const std::string& d) {
        return f.compare(after, d.size(), d) == 0;
      });
      if (!perDayNext || MultiplierIn(f, p, after, vocab) > 0) continue;
      // Glued to letters, the multiplier is a word's end ("normal", "max") unless what precedes
      // it is as short as a garbled digit ("Lmal", "lx").
      size_t b = p;
      while (b > sb && IsAsciiAlpha(f[b - 1])) --b;
      if (p - b > 2) continue;
      return true;
    }
  }
  return false;
}

// The folded line holds nothing but the count at [countStart, unitEnd) and its unit word.
bool IsPackSizeLine(const std::string& line, size_t countStart, size_t unitEnd) {
  if (unitEnd > line.size()) return false;
  for (size_t i = 0; i < line.size(); ++i)
    if ((i < countStart || i >= unitEnd) && line[i] != ' ' && line[i] != '.') return false;
  return true;
}

}  // namespace

size_t UnitWordAt(const std::string& f, size_t p, const Vocabulary& vocab) {
  if (!IsWordStart(f, p)) return 0;
  size_t best = 0;
  for (const auto& [kind, words] : vocab.unitWords)
    for (const auto& w : words)
      if (w.size() > best && f.compare(p, w.size(), w) == 0 && IsWordEnd(f, p + w.size())) best = w.size();
  return best;
}

// Whether `word` is a unit word in the singular: the vocabulary holds its plural ("tablet" and
// "tablets", "kapsel" and "kapseln", "comprime" and "comprimes"; not "beutel" or "tab").
bool SingularUnitWord(const std::string& word, const Vocabulary& vocab) {
  for (const auto& [kind, words] : vocab.unitWords) {
    if (std::find(words.begin(), words.end(), word) == words.end()) continue;
    for (const char* ending : {"s", "n", "en", "es"})
      if (std::find(words.begin(), words.end(), word + ending) != words.end()) return true;
  }
  return false;
}

// Whether `word` is a unit word whose plural is the singular ("beutel"): it says nothing of the count.
bool SameFormUnitWord(const std::string& word, const Vocabulary& vocab) {
  return std::find(vocab.sameFormUnitWords.begin(), vocab.sameFormUnitWords.end(), word) != vocab.sameFormUnitWords.end();
}

// A bar standing alone right before a unit word in the singular ("Adults: | tablet a day"): a
// "1" that OCR read as a bar (the label font's plain-stroke 1; products seeds 30517 clean-0001
// and 27644 clean-0010 lost their dose to it). Only before the singular, which says the count
// is one: before "tablets" a bar may stand for any count, and a count read too low would make a
// dose above the limit look within it. Before a word whose plural is the singular ("| Beutel pro
// Tag", products seed 46021 phone-0010: no units a day, no dose) a bar, "l" or "i" is one too,
// but the word does not confirm it: `sameForm` is set, and the caller takes it only where the
// sentence holds no amount (a table row, whose bar may be a column rule with the count lost);
// a per-day amount that it does not fit refuses the dose (extract/dose_checks.h), and a larger
// count elsewhere wins. Returns 1 with `countBegin` at the bar, or 0.
double BarReadForOne(const std::string& f, size_t unitBegin, size_t unitLen, const Vocabulary& vocab, size_t* countBegin,
                     bool* sameForm) {
  size_t e = unitBegin;
  while (e > 0 && f[e - 1] == ' ') --e;
  if (e == unitBegin || e == 0) return 0;  // "| tablet", not "|tablet"
  const std::string word = f.substr(unitBegin, unitLen);
  *sameForm = f[e - 1] != '|' || !SingularUnitWord(word, vocab);
  if (*sameForm && ((f[e - 1] != '|' && f[e - 1] != 'l' && f[e - 1] != 'i') || !SameFormUnitWord(word, vocab))) return 0;
  size_t b = e - 1;
  if (b > 0 && f[b - 1] != ' ') return 0;  // alone, not the end of "a|"
  while (b > 0 && f[b - 1] == ' ') --b;
  if (b > 0 && (IsAsciiDigit(f[b - 1]) || f[b - 1] == '|')) return 0;  // "2 | tablet", "| | tablet": not one
  *countBegin = e - 1;
  return 1;
}

double CountBefore(const std::string& f, size_t unitBegin, const Vocabulary& vocab, double maxUnitsPerDay,
                   size_t* countBegin) {
  size_t start = 0;
  const double upper = NumberEndingAt(f, unitBegin, vocab, &start);
  if (upper <= 0) return 0;
  if (upper > maxUnitsPerDay) {
    const double rest = RangeWordReadAsDigit(f, start, unitBegin, vocab, maxUnitsPerDay, countBegin);
    if (rest > 0) return rest;
  }
  *countBegin = start;
  // A range "1 tot 2", "1-2", "6 à 8": the upper end is what counts; remember where it starts.
  size_t s = start;
  while (s > 0 && f[s - 1] == ' ') --s;
  for (const auto& rw : vocab.rangeWords) {
    if (rw.size() > s || f.compare(s - rw.size(), rw.size(), rw) != 0) continue;
    size_t lowStart = 0;
    if (NumberEndingAt(f, s - rw.size(), vocab, &lowStart) > 0) *countBegin = lowStart;
    break;
  }
  return upper;
}

namespace {

// The digits of a count as printed ("1 tot 2" -> "12", "12" -> "12").
std::string DigitsOf(const std::string& text) {
  std::string d;
  for (char c : text)
    if (IsAsciiDigit(c)) d += c;
  return d;
}

}  // namespace

std::optional<UnitsPerDay> FindUnitsPerDay(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                           double maxUnitsPerDay) {
  struct Reading {
    UnitsPerDay units;
    std::string countText;  ///< the count as read, folded ("1 tot 2", "12")
  };
  std::vector<Reading> readings;
  for (size_t li = 0; li < lines.size(); ++li) {
    // A sentence may wrap: read each line together with the next one.
    const std::string joined = li + 1 < lines.size() ? lines[li].text + " " + lines[li + 1].text : lines[li].text;
    const FoldedText ft = FoldForMatching(joined);
    const std::string& f = ft.text;
    const size_t firstLineEnd = FoldForMatching(lines[li].text).text.size();
    for (size_t p = 0; p < firstLineEnd; ++p) {
      const size_t len = UnitWordAt(f, p, vocab);
      if (!len) continue;
      size_t countStart = p;
      double count = CountBefore(f, p, vocab, maxUnitsPerDay, &countStart);
      bool sameForm = false;
      if (count <= 0) count = BarReadForOne(f, p, len, vocab, &countStart, &sameForm);
      if (count <= 0 || count > maxUnitsPerDay) continue;
      // A line that is only a count and a unit word ("10 Brausetabletten") is the pack's size,
      // even when the directions on the next line follow it.
      if (IsPackSizeLine(FoldForMatching(lines[li].text).text, countStart, p + len)) continue;
      // The sentence around it: up to the previous and next full stop (not a decimal point).
      size_t sb = f.rfind(". ", countStart);
      sb = sb == std::string::npos ? 0 : sb + 2;
      size_t se = f.find(". ", p + len);
      se = se == std::string::npos ? f.size() : se;
      bool perDay = false;
      for (const auto& w : vocab.perDayWords)
        if (FindWord(f, w, sb, se) != std::string::npos || (w[0] == '/' && f.find(w, sb) < se)) perDay = true;
      if (!perDay) continue;
      if (sameForm && !FindQuantities(std::string_view(f).substr(sb, se - sb)).empty()) continue;
      // "per dagdosis (2 tabletten)" names the units of a daily dose; a dose table is not
      // directions, but the count still is the daily intake.
      double units = count;
      // The next line's own count of units keeps the multiplier before it: "Par dose journalière
      // (3 comprimés): Magnésium 270 mg" over "3 fois par jour un comprimé." is 3 a day, not 9
      // (label seed 31831 clean-0001: the dose refused as not adding up). A count wrapped before
      // its multiplier ("Neem 2 tabletten" over "3 maal per dag") still takes it.
      size_t timesEnd = se;
      for (size_t q = firstLineEnd; q < se; ++q) {
        size_t ignored = q;
        if (const size_t l = UnitWordAt(f, q, vocab); l && CountBefore(f, q, vocab, maxUnitsPerDay, &ignored) > 0) {
          timesEnd = std::min(se, firstLineEnd);
          break;
        }
      }
      const double times = MultiplierIn(f, sb, timesEnd, vocab);
      if (times > 1) units = count * times;
      else if (UnreadTimesBeforePerDay(f, sb, se, countStart, p + len, vocab) ||
               (times <= 0 && UnreadCountOfMultiplier(f, sb, se, vocab)))
        continue;
      if (units > maxUnitsPerDay) continue;
      const auto [ob, oe] = ft.OriginalRange(countStart, std::min(p + len, firstLineEnd));
      readings.push_back({UnitsPerDay{units, static_cast<int>(li), ob, std::min(oe, lines[li].text.size())},
                          f.substr(countStart, p - countStart)});
      p += len;
    }
  }
  // A label prints its directions in each of its languages. A count of two digits that another
  // language's range spells out ("Prendre 12 comprimés" beside "Neem 1 tot 2 tabletten": the
  // "à" of "1 à 2" lost) is that range run together, not twelve (seed 52619 hard-0030: 3000 mg
  // a day for 500, against the header's "(2 tabletten)" and the per-day column).
  const auto runTogether = [&readings](const Reading& r) {
    const std::string digits = DigitsOf(r.countText);
    if (digits.size() != 2 || digits != r.countText.substr(0, 2) || r.countText.find(' ') < 2) return false;
    return std::any_of(readings.begin(), readings.end(), [&](const Reading& o) {
      return &o != &r && DigitsOf(o.countText) == digits && o.countText.find(' ') != std::string::npos;
    });
  };
  std::optional<UnitsPerDay> best;
  for (const Reading& r : readings)
    if (!runTogether(r) && (!best || r.units.units > best->units)) best = r.units;
  return best;
}

}  // namespace suppcheck
