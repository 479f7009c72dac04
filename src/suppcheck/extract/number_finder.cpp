#include "suppcheck/extract/number_finder.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/util/edit_distance.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

bool IsAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// The folded line holds a word of a lot, date or telephone line (vocabulary number_line_decoys),
// whose "digits/digits" groups are no notification number.
bool HoldsDecoy(const std::string& folded, const Vocabulary& vocab) {
  return std::any_of(vocab.numberLineDecoys.begin(), vocab.numberLineDecoys.end(),
                     [&](const std::string& d) { return folded.find(d) != std::string::npos; });
}

// A category at folded[p]: its canonical name and length. The first letter must be read as a
// letter; only the second and third may be OCR look-alikes ("A5", "P1", "NVT"), and the N of NUT
// may be read W ("WUT 6/35" for a condensed "NUT 6 / 35" on a curved bottle, label seed 31415
// hard-0027): a repaired category, whose number the re-reads must confirm.
std::optional<std::pair<std::string_view, size_t>> MatchCategory(const std::string& f, size_t p) {
  auto at = [&](size_t k) { return p + k < f.size() ? f[p + k] : '\0'; };
  if ((at(0) == 'n' || at(0) == 'w') && (at(1) == 'u' || at(1) == 'v') && at(2) == 't')
    return std::pair{std::string_view("NUT"), 3};
  if (at(0) == 'p' && (at(1) == 'l' || at(1) == '1' || at(1) == 'i' || at(1) == '|'))
    return std::pair{std::string_view("PL"), 2};
  if (at(0) == 'a' && (at(1) == 's' || at(1) == '5' || at(1) == '$')) return std::pair{std::string_view("AS"), 2};
  return std::nullopt;
}

bool IsRepairedCategory(const std::string& f, size_t p, std::string_view name) {
  return FoldForMatching(name).text != f.substr(p, name.size());
}

// Characters OCR produces where a digit stands, and the digit they stand for.
char DigitFor(char c) {
  switch (c) {
    case 'o': case 'q': case 'd': return '0';
    case 'i': case 'l': case '|': case '!': return '1';
    case 'z': return '2';
    case 's': return '5';
    case 'b': return '8';
    default: return c;
  }
}

bool IsDigitLike(char c) { return IsAsciiDigit(c) || DigitFor(c) != c; }

struct DigitGroup {
  std::string text;  // with look-alikes mapped to digits when the group is mostly digits
  size_t end = 0;
  bool repaired = false;
};

// A run of letters and digits at f[p]. Look-alike letters become digits only when real digits
// dominate the run: "4O" -> "40", but "lot" stays "lot" (and makes the number invalid).
DigitGroup ReadGroup(const std::string& f, size_t p) {
  DigitGroup g;
  size_t q = p;
  while (q < f.size() && (IsAlnum(f[q]) || f[q] == '|' || f[q] == '!')) ++q;
  // A bar ending the run is the right edge of a frame around the number ("7/198|"), not a one.
  if (q - p > 1 && f[q - 1] == '|') {
    --q;
    g.repaired = true;
  }
  g.end = q;
  const std::string raw = f.substr(p, q - p);
  const auto digits = std::count_if(raw.begin(), raw.end(), IsAsciiDigit);
  const bool allDigitLike = std::all_of(raw.begin(), raw.end(), IsDigitLike);
  const bool repair = digits > 0 && allDigitLike && digits * 2 >= static_cast<long>(raw.size());
  for (char c : raw) {
    const char d = repair ? DigitFor(c) : c;
    g.repaired |= d != c;
    g.text += d;
  }
  return g;
}

void SkipSpaces(const std::string& f, size_t& p) {
  while (p < f.size() && f[p] == ' ') ++p;
}

struct RawCandidate {
  std::string normalized;  // what goes to the parser
  size_t begin = 0, end = 0;
  bool repaired = false;
  std::string digitsAfter;  // digits a space after the product part, alone up to the line's end
  bool endGarbled = false;   // a '%' glued to the product's digits
};

// Digits standing a space after the product part with nothing after them but the line's end,
// spaces or a bar or bracket (a frame's edge): "13" in "5349/931 13|". A wider font's letter
// spacing makes OCR split the product's digits there (seed 48213 clean-0011: four of six re-reads
// of "NUT/PL 5349/93113"). A word, a slash or a decimal sign after them makes them something else
// (a date, a lot, an amount). Empty when there are none.
std::string DigitsAfterProduct(const std::string& f, size_t p) {
  if (p >= f.size() || f[p] != ' ') return {};
  SkipSpaces(f, p);
  size_t q = p;
  while (q < f.size() && IsAsciiDigit(f[q])) ++q;
  if (q == p || q - p > 4) return {};
  for (size_t r = q; r < f.size(); ++r)
    if (f[r] != ' ' && f[r] != '|' && f[r] != ']' && f[r] != ')') return {};
  return f.substr(p, q - p);
}

// The folded range [begin, end) was printed in capital letters (categories are; "as", "plus" are
// words).
bool PrintedInCapitals(const FoldedText& ft, const std::string& original, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    const char o = original[ft.origin[k]];
    if (o < 'A' || o > 'Z') return false;
  }
  return begin < end;
}

// Length of a category-like word that is not a category, joined by '/' at folded position p
// ("/PX" in "NUT/PX 12/3"): one to three letters printed in capitals, then no letter. 0 if none.
size_t UnknownCategoryAfter(const FoldedText& ft, const std::string& original, size_t p) {
  const std::string& f = ft.text;
  SkipSpaces(f, p);
  if (p >= f.size() || f[p] != '/') return 0;
  ++p;
  SkipSpaces(f, p);
  size_t q = p;
  while (q < f.size() && IsAsciiAlpha(f[q])) ++q;
  if (q == p || q - p > 3 || MatchCategory(f, p) || !PrintedInCapitals(ft, original, p, q)) return 0;
  return q - p;
}

// "PL/AS" whose slash OCR lost or merged into the foot of the L: "PLAS", "PUAS", "PU/AS" (seed
// 58931 phone-0023: four of six re-reads of a plainly printed "PL/AS 54/33" gave these, and the
// number was reported unreadable). Printed in capitals and followed by no letter. Returns the
// folded length read, 0 if none ("PL/AS" itself is read category by category).
size_t JoinedPlAs(const FoldedText& ft, const std::string& original, size_t p) {
  const std::string& f = ft.text;
  auto at = [&](size_t k) { return p + k < f.size() ? f[p + k] : '\0'; };
  if (at(0) != 'p' || (at(1) != 'l' && at(1) != 'u')) return 0;
  size_t k = 2;
  if (at(2) == '/') {
    if (at(1) == 'l') return 0;
    k = 3;
  }
  if (at(k) != 'a' || (at(k + 1) != 's' && at(k + 1) != '5') || IsAsciiAlpha(at(k + 2))) return 0;
  if (!PrintedInCapitals(ft, original, p, p + 2) || !PrintedInCapitals(ft, original, p + k, p + k + 1)) return 0;
  return k + 2;
}

// Tries to read "CATEGORIES producer/product" at folded position p.
std::optional<RawCandidate> ReadAt(const FoldedText& ft, const std::string& original, size_t p) {
  const std::string& f = ft.text;
  RawCandidate c;
  c.begin = p;
  std::vector<std::string_view> cats;
  size_t pos = p;
  while (true) {
    if (const size_t joined = JoinedPlAs(ft, original, pos)) {  // AS is the last category
      cats.insert(cats.end(), {"PL", "AS"});
      c.repaired = true;
      pos += joined;
      break;
    }
    auto m = MatchCategory(f, pos);
    if (!m) break;
    cats.push_back(m->first);
    c.repaired |= IsRepairedCategory(f, pos, m->first);
    pos += m->second;
    // Another category after a separator ('/', or what OCR makes of it)?
    size_t q = pos;
    SkipSpaces(f, q);
    if (q < f.size() && (f[q] == '/' || f[q] == '|' || f[q] == '\\' || f[q] == 'l' || f[q] == 'i' || f[q] == '1' || f[q] == '7')) {
      size_t r = q + 1;
      SkipSpaces(f, r);
      if (MatchCategory(f, r) || JoinedPlAs(ft, original, r)) {
        c.repaired |= f[q] != '/';
        pos = r;
        continue;
      }
    }
    // Two categories with only a space between: the slash of "NUT / PL" or of a blurred
    // "NUT/PL" was lost (seed 91001 hard-0001: every read gave "NUT PL 739/534"). Reading on
    // from "PL" alone would report a valid number with a category missing. The second word must
    // be printed in capitals and end there ("NUT plus" is no category).
    if (q > pos && q < f.size()) {
      if (auto next = MatchCategory(f, q); next && PrintedInCapitals(ft, original, q, q + 1) &&
                                           !(q + next->second < f.size() && IsAsciiAlpha(f[q + next->second]))) {
        c.repaired = true;
        pos = q;
        continue;
      }
    }
    break;
  }
  if (cats.empty()) return std::nullopt;
  if (pos < f.size() && IsAsciiAlpha(f[pos])) return std::nullopt;  // "nutrition", "plus", "base"
  // A lone "as" is an English word; take it only when printed in capitals.
  if (cats.size() == 1 && cats[0] == "AS" && !PrintedInCapitals(ft, original, p, p + 1)) return std::nullopt;

  std::string norm;
  for (size_t i = 0; i < cats.size(); ++i) {
    if (i) norm += '/';
    norm += cats[i];
  }
  // A wrong category joined to the known ones ("NUT/PX 5381/33"): part of the number as printed,
  // so the parser can call it invalid instead of the finder dropping it.
  if (size_t len = UnknownCategoryAfter(ft, original, pos)) {
    size_t q = pos;
    SkipSpaces(f, q);
    ++q;
    SkipSpaces(f, q);
    norm += '/' + AsciiUpper(f.substr(q, len));
    pos = q + len;
  }
  size_t q = pos;
  SkipSpaces(f, q);
  if (q < f.size() && (f[q] == ':' || f[q] == '.' || f[q] == '-') && q + 1 < f.size() && f[q + 1] == ' ') {
    ++q;
    SkipSpaces(f, q);
  }
  const DigitGroup g1 = ReadGroup(f, q);
  if (g1.text.empty()) {
    c.normalized = norm;
    c.end = pos;
    return c;
  }
  norm += ' ' + g1.text;
  c.repaired |= g1.repaired;
  size_t r = g1.end;
  SkipSpaces(f, r);
  c.end = g1.end;
  if (r < f.size() && (f[r] == '/' || f[r] == '|' || f[r] == '\\')) {
    c.repaired |= f[r] != '/';
    ++r;
    SkipSpaces(f, r);
    const DigitGroup g2 = ReadGroup(f, r);
    norm += '/' + g2.text;
    c.repaired |= g2.repaired;
    c.end = g2.text.empty() ? r : g2.end;
    if (!g2.text.empty()) c.digitsAfter = DigitsAfterProduct(f, g2.end);
    c.endGarbled = !g2.text.empty() && g2.end < f.size() && f[g2.end] == '%';
  }
  c.normalized = norm;
  return c;
}


// The words of a folded line: (begin, end) of each run of letters and hyphens.
std::vector<std::pair<size_t, size_t>> LetterWords(const std::string& f) {
  std::vector<std::pair<size_t, size_t>> words;
  for (size_t i = 0; i < f.size();) {
    if (!IsAsciiAlpha(f[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < f.size() && (IsAsciiAlpha(f[j]) || f[j] == '-')) ++j;
    words.emplace_back(i, j);
    i = j;
  }
  return words;
}

// End (folded offset) of a notification label in the line, or npos. Labels of 12 letters or
// more, one word or several, are matched with a small edit distance ("Notificatienurnmer",
// "Notifieation number"): one slip in a short label, two in a long one ("notification" alone
// is not "notificatienr").
size_t FindLabelEnd(const std::string& f, const Vocabulary& vocab) {
  for (const auto& label : vocab.notificationLabels) {
    const size_t at = f.find(label);
    if (at != std::string::npos && (at == 0 || !IsAsciiAlpha(f[at - 1]))) return at + label.size();
  }
  const auto words = LetterWords(f);
  for (size_t i = 0; i < words.size(); ++i) {
    for (const auto& label : vocab.notificationLabels) {
      if (label.size() < 12) continue;
      // As many words of the line as the label has, joined by one space.
      const size_t labelWords = 1 + static_cast<size_t>(std::count(label.begin(), label.end(), ' '));
      if (i + labelWords > words.size()) continue;
      std::string phrase;
      for (size_t k = i; k < i + labelWords; ++k) {
        if (k > i) phrase.push_back(' ');
        phrase.append(f, words[k].first, words[k].second - words[k].first);
      }
      if (EditDistance(phrase, label) <= (label.size() >= 16 ? 2 : 1)) return words[i + labelWords - 1].second;
    }
  }
  return std::string::npos;
}

// Box of the line's words from byte `begin` on, up to the next column gap; empty without
// geometry or without words there.
Box WordsAfterUpToGap(const TextLine& line, size_t begin) {
  for (const auto& [from, to] : ColumnRanges(line))
    if (to > begin) return line.BoxOf(std::max(from, begin), to);
  return {};
}

// True when the first character before `begin` that is not a space is a slash.
bool SlashBefore(const std::string& text, size_t begin) {
  for (size_t i = std::min(begin, text.size()); i > 0; --i) {
    const char c = text[i - 1];
    if (c == ' ') continue;
    return c == '/';
  }
  return false;
}

// True when a category word (NUT, PL, AS) stands before folded position `end` (spaces before
// `end` already skipped) behind one glyph that is no separator of categories: "NUT) PL [ AS
// 507/218" read from a boxed "NUT / PL / AS 507/218" (products seed 46021 phone-0025, reported
// valid as "AS 507/218"). The read began inside the categories.
bool CategoryBehindGlyph(const std::string& f, size_t end) {
  if (end == 0 || IsAlnum(f[end - 1]) || f[end - 1] == ' ') return false;
  size_t e = end - 1;
  while (e > 0 && f[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && IsAsciiAlpha(f[b - 1])) --b;
  if (e - b < 2 || e - b > 3 || (b > 0 && IsAlnum(f[b - 1]))) return false;
  const auto m = MatchCategory(f, b);
  return m && m->second == e - b;
}

// True when the word ending at folded position `end` (spaces before `end` already skipped) is
// two or three capitals one edit from NUT, PL or AS, and is not a category itself.
bool MisreadCategoryBefore(const FoldedText& ft, const std::string& original, size_t end) {
  if (end == 0 || (end < ft.text.size() && ft.text[end] != ' ')) return false;
  size_t begin = end;
  while (begin > 0 && IsAsciiAlpha(ft.text[begin - 1])) --begin;
  const size_t len = end - begin;
  if (len < 2 || len > 3 || (begin > 0 && IsAlnum(ft.text[begin - 1])) || !PrintedInCapitals(ft, original, begin, end))
    return false;
  const std::string word = ft.text.substr(begin, len);
  if (MatchCategory(word, 0)) return false;
  for (const char* cat : {"nut", "pl", "as"})
    if (EditDistance(word, cat) <= 1) return true;
  return false;
}

// True when the word before byte `end` of `text` (spaces and an opening bracket or a frame's edge
// before `end` skipped) is capitals with a slash among them: categories OCR garbled ("NIIT/DI (AS
// 74/2066" for "NUT/PL/AS 74/3966", seed 74219 hard-0035), so the categories read after it may
// be the last of several. A label word ("Notif./Notif.:") is not in capitals.
bool SlashedCapitalsBefore(const std::string& text, size_t end) {
  size_t i = std::min(end, text.size());
  while (i > 0 && std::string_view(" ([{|").find(text[i - 1]) != std::string_view::npos) --i;
  bool slash = false, letter = false;
  for (; i > 0 && text[i - 1] != ' '; --i) {
    const char c = text[i - 1];
    if (c >= 'a' && c <= 'z') return false;
    slash |= c == '/';
    letter |= IsAsciiAlpha(c);
  }
  return slash && letter;
}

NumberFinding MakeFinding(const TextLine& line, int lineIndex, const FoldedText& ft, const RawCandidate& c) {
  NumberFinding n;
  const auto [ob, oe] = ft.OriginalRange(c.begin, c.end);
  n.number = ParseNotificationNumber(c.normalized);
  n.number.text = std::string(Trim(std::string_view(line.text).substr(ob, oe - ob)));
  n.line = lineIndex;
  n.begin = ob;
  n.end = oe;
  n.box = line.BoxOf(ob, oe);
  n.repaired = c.repaired;
  n.startCut = SlashBefore(line.text, ob);
  n.digitsAfter = c.digitsAfter;
  n.endGarbled = c.endGarbled;
  n.confidence = line.MeanConfidenceOf(ob, oe) / 100.0 * (c.repaired ? 0.85 : 1.0);
  return n;
}

// Whether nothing but spaces and a frame's edge follows byte `end` of `text`: what ends there
// ends its line.
bool EndsItsLine(const std::string& text, size_t end) {
  for (size_t i = end; i < text.size(); ++i)
    if (std::string_view(" |[]()").find(text[i]) == std::string_view::npos) return false;
  return true;
}

// The line that a number cut at the end of line `li` (`cut`: its categories, perhaps its
// producer and slash) wraps onto: the next row down, starting back near the paragraph's left
// edge, left of where the cut began, as a line broken by the width of a column or a side panel.
// -1 when there is none.
int WrapLineBelow(const std::vector<TextLine>& lines, size_t li, const NumberFinding& cut) {
  const TextLine& upper = lines[li];
  if (upper.box.empty() || cut.box.empty()) return -1;
  const int h = std::max(1, MedianWordHeight(upper));
  int best = -1, bestGap = 0;
  for (size_t j = 0; j < lines.size(); ++j) {
    const Box& b = lines[j].box;
    if (j == li || b.empty() || b.y <= cut.box.centerY()) continue;
    const int gap = b.y - cut.box.bottom();
    if (gap > 3 * h / 2 || b.x >= cut.box.x || b.x < upper.box.x - 2 * h || b.right() <= upper.box.x) continue;
    if (best < 0 || gap < bestGap) {
      best = static_cast<int>(j);
      bestGap = gap;
    }
  }
  return best;
}

}  // namespace

bool MayHoldNumber(const std::string& text, const Vocabulary& vocab) {
  const std::string f = FoldForMatching(text).text;
  if (f.size() > 60) return false;
  if (HoldsDecoy(f, vocab)) return false;
  for (size_t p = 0; p < f.size(); ++p) {
    if (!IsAsciiDigit(f[p])) continue;
    size_t q = p;
    while (q < f.size() && IsAsciiDigit(f[q])) ++q;
    size_t r = q;
    while (r < f.size() && f[r] == ' ') ++r;
    if (q - p <= 5 && r < f.size() && (f[r] == '/' || f[r] == '|')) {
      ++r;
      while (r < f.size() && f[r] == ' ') ++r;
      if (r < f.size() && IsAsciiDigit(f[r])) return true;
    }
    p = q;
  }
  return false;
}

bool MayStartNumber(const std::string& text, const Vocabulary& vocab) {
  // As short as a number line with its label: a long line is prose or an address, whose
  // re-read costs much for nothing.
  constexpr size_t kMostChars = 40;
  const FoldedText ft = FoldForMatching(text);
  const std::string& f = ft.text;
  if (f.size() > kMostChars) return false;
  if (HoldsDecoy(f, vocab)) return false;
  size_t p = 0;
  while (p < f.size() && !IsAlnum(f[p])) ++p;
  const auto category = MatchCategory(f, p);
  if (!category || !PrintedInCapitals(ft, text, p, p + 1)) return false;
  const char second = text[ft.origin[p + 1]];  // a capital or a look-alike ("P1"), not a word's "Pl"
  return (second < 'a' || second > 'z') &&
         std::any_of(f.begin() + static_cast<long>(p), f.end(), [](char c) { return !IsAsciiAlpha(c) && c != ' '; });
}

bool NumberShapedLine(const std::string& text, const Vocabulary& vocab) {
  if (!MayHoldNumber(text, vocab)) return false;
  const std::string_view t = Trim(std::string_view(text));
  size_t p = 0;
  auto run = [&](auto pred, size_t most) {
    const size_t from = p;
    while (p < t.size() && p - from < most + 1 && pred(t[p])) ++p;
    return p - from;
  };
  const size_t letters = run([](char c) { return c >= 'A' && c <= 'Z'; }, 4);
  if (letters < 1 || letters > 4) return false;
  if (p < t.size() && t[p] == ' ') ++p;
  const size_t producer = run(IsAsciiDigit, 4);
  if (producer < 1 || producer > 4 || p >= t.size() || t[p] != '/') return false;
  ++p;
  const size_t product = run(IsAsciiDigit, 4);
  if (product < 1 || product > 4) return false;
  // The frame printed round a boxed number reads as a bracket or a bar after it ("L 642/44]" for
  // a boxed "NUT/PL 642/441" at the squeezed edge of a curved label, label seed 91001 hard-0031).
  if (p < t.size() && t[p] == ' ') ++p;
  if (p < t.size() && (t[p] == ']' || t[p] == '|' || t[p] == ')' || t[p] == '}')) ++p;
  return p == t.size();
}

bool SlashLostNumberLine(const std::string& text, const Vocabulary& vocab) {
  const FoldedText ft = FoldForMatching(text);
  const std::string& f = ft.text;
  if (HoldsDecoy(f, vocab)) return false;
  size_t p = 0;
  while (p < f.size() && !IsAlnum(f[p])) ++p;
  // The categories, each in capitals, joined by slashes ("NUT/AS").
  bool anyCategory = false;
  for (auto c = MatchCategory(f, p); c && PrintedInCapitals(ft, text, p, p + c->second); c = MatchCategory(f, p)) {
    p += c->second;
    anyCategory = true;
    if (p + 1 < f.size() && f[p] == '/' && MatchCategory(f, p + 1)) ++p;
  }
  if (!anyCategory) return false;
  if (p < f.size() && f[p] == ' ') ++p;
  const size_t from = p;
  while (p < f.size() && IsAsciiDigit(f[p])) ++p;
  // Producer and product run together: eight digits at the most; three at the least, fewer are
  // as likely a word's digits ("AS 12").
  constexpr size_t kLeastDigits = 3, kMostDigits = 8;
  if (p - from < kLeastDigits || p - from > kMostDigits) return false;
  while (p < f.size() && (f[p] == ' ' || f[p] == ']' || f[p] == '|' || f[p] == ')' || f[p] == '}')) ++p;
  return p == f.size();
}

bool NotificationWordLine(const std::string& text, const Vocabulary& vocab) {
  // As short as a number line with its label: in a longer line the word is running text.
  constexpr size_t kMostChars = 60;
  const FoldedText ft = FoldForMatching(text);
  const std::string& f = ft.text;
  if (f.size() > kMostChars) return false;
  if (HoldsDecoy(f, vocab)) return false;
  for (const auto& stem : vocab.notificationWordStems) {
    for (size_t at = f.find(stem); at != std::string::npos; at = f.find(stem, at + 1)) {
      if (at > 0 && IsAsciiAlpha(f[at - 1])) continue;
      size_t end = at;
      while (end < f.size() && IsAsciiAlpha(f[end])) ++end;
      // What follows the word, as printed: a digit, or capitals as a category is printed.
      const size_t from = ft.OriginalRange(end, end).first;
      for (size_t p = from; p < text.size(); ++p) {
        if (IsAsciiDigit(text[p])) return true;
        if (p + 1 < text.size() && std::isupper(static_cast<unsigned char>(text[p])) &&
            std::isupper(static_cast<unsigned char>(text[p + 1])))
          return true;
      }
    }
  }
  return false;
}

bool BetterNumberFinding(const NumberFinding& a, const NumberFinding& b) {
  auto rank = [](const NumberFinding& n) {
    return std::tuple(n.number.valid(), n.categoryAnchored, n.labelled, !n.repaired, n.confidence);
  };
  return rank(a) > rank(b);
}

std::vector<NumberFinding> FindNumberCandidates(const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  std::vector<NumberFinding> found;
  std::vector<size_t> labelEnds(lines.size(), std::string::npos);
  std::vector<FoldedText> folded;
  folded.reserve(lines.size());
  for (size_t li = 0; li < lines.size(); ++li) {
    folded.push_back(FoldForMatching(lines[li].text));
    labelEnds[li] = FindLabelEnd(folded[li].text, vocab);
  }

  std::vector<bool> lineHasCandidate(lines.size(), false);
  for (size_t li = 0; li < lines.size(); ++li) {
    const FoldedText& ft = folded[li];
    const std::string& f = ft.text;
    for (size_t p = 0; p < f.size(); ++p) {
      // The left edge of a frame around the number is read as a letter glued to it ("INUT 7/198|").
      const bool frameEdge = p == 1 || (p > 1 && f[p - 2] == ' ');
      const bool glued = p > 0 && IsAlnum(f[p - 1]);
      if (glued && !(frameEdge && (f[p - 1] == 'i' || f[p - 1] == 'l'))) continue;
      auto raw = ReadAt(ft, lines[li].text, p);
      if (!raw) continue;
      NumberFinding n = MakeFinding(lines[li], static_cast<int>(li), ft, *raw);
      n.categoryAnchored = true;
      n.repaired |= glued;
      // "PY/AS28/60": something stood before the categories that OCR did not read as one
      // (a lost NUT/PL): the reading is uncertain and worth a second look.
      size_t before = raw->begin;
      while (before > 0 && f[before - 1] == ' ') --before;
      if (before > 0 && (f[before - 1] == '/' || f[before - 1] == '|')) n.repaired = true;
      // "SUT PL 739/534", "NLT PL ...": a capitalised word one letter from a category stands
      // right before it, a category OCR misread whose slash it also lost. The read may lack that
      // category, exactly as when it starts after a slash.
      if (MisreadCategoryBefore(ft, lines[li].text, before) || CategoryBehindGlyph(f, before)) n.startCut = true;
      if (SlashedCapitalsBefore(lines[li].text, n.begin)) n.startCut = true;
      // Labelled: a label before it on its line, or ending the line above ("Notificatienummer:").
      n.labelled = (labelEnds[li] != std::string::npos && labelEnds[li] <= raw->begin) ||
                   (li > 0 && labelEnds[li - 1] != std::string::npos &&
                    Trim(std::string_view(folded[li - 1].text).substr(labelEnds[li - 1])).size() <= 2);
      // A bare category word with no digits after it is only worth reporting next to a label.
      if (!n.number.producer && !n.labelled) continue;
      found.push_back(std::move(n));
      lineHasCandidate[li] = true;
      p = raw->end > p ? raw->end - 1 : p;
    }
  }

  // A number wrapped after its start: "Notification number: NUT" over "6184/9" on a narrow side
  // panel (seed 60511 hard-0027 and hard-0032), "NUT 3 /" over "18". Read across the break: the
  // finding stands on the lower line, whose re-reads get the start put back before them.
  for (NumberFinding& cut : found) {
    if (!cut.labelled || !cut.categoryAnchored || cut.number.product || cut.line < 0) continue;
    const auto li = static_cast<size_t>(cut.line);
    if (!EndsItsLine(lines[li].text, cut.end)) continue;
    const int below = WrapLineBelow(lines, li, cut);
    if (below < 0) continue;
    // Not onto a lot, date or telephone line: its digits are another group ("12/2027").
    const std::string& lowerFolded = folded[static_cast<size_t>(below)].text;
    if (HoldsDecoy(lowerFolded, vocab)) continue;
    TextLine start = SubLine(lines[li], cut.begin, cut.end);
    if (start.words.empty()) continue;
    auto across = FindNumberCandidates({PrefixedLine(start, lines[static_cast<size_t>(below)])}, vocab);
    if (across.empty()) continue;
    NumberFinding wrapped = across.front();
    const size_t shift = start.text.size() + 1;
    // The categories must be the start's and the digits must follow them on the lower line.
    if (!wrapped.categoryAnchored || wrapped.begin != 0 || wrapped.end <= shift || !wrapped.number.producer ||
        !wrapped.number.product)
      continue;
    wrapped.line = below;
    wrapped.begin = 0;
    wrapped.end -= shift;
    // The lower line's part: the band its re-reads read (the start's row is not theirs).
    wrapped.box = lines[static_cast<size_t>(below)].BoxOf(wrapped.begin, wrapped.end);
    wrapped.labelled = true;
    wrapped.startCut = cut.startCut;
    wrapped.wrapStart = std::move(start);
    cut = std::move(wrapped);
    lineHasCandidate[static_cast<size_t>(below)] = true;
  }

  // A label with no category-anchored number on its line or the next: report what follows it.
  for (size_t li = 0; li < lines.size(); ++li) {
    if (labelEnds[li] == std::string::npos || lineHasCandidate[li]) continue;
    const bool nextHas = li + 1 < lines.size() && lineHasCandidate[li + 1];
    if (nextHas) continue;
    const FoldedText& ft = folded[li];
    size_t p = labelEnds[li];
    while (p < ft.text.size() && (ft.text[p] == ' ' || ft.text[p] == ':' || ft.text[p] == '.')) ++p;
    RawCandidate c;
    c.begin = p;
    c.end = ft.text.size();
    c.normalized = ft.text.substr(p);
    NumberFinding n = MakeFinding(lines[li], static_cast<int>(li), ft, c);
    if (n.number.status == NumberStatus::Valid) continue;  // cannot be: it has no category
    if (c.normalized.empty())
      n.number.SetProblem(NumberProblemKind::LabelOnly, "a notification label was read, but no number after it");
    n.labelled = true;
    const size_t afterLabel = n.begin;
    n.number.text = lines[li].text;
    n.begin = 0;
    n.end = lines[li].text.size();
    n.box = lines[li].box;
    // On a photo, the number is the words right after the label, up to a column gap: the line
    // may run on into a neighbouring column ("Ingredients: ... | Notification number NUT2725/6"),
    // and the re-reads of the number should see the number, not the whole row.
    if (const Box after = WordsAfterUpToGap(lines[li], afterLabel); !after.empty()) n.box = after;
    found.push_back(std::move(n));
  }

  std::stable_sort(found.begin(), found.end(), BetterNumberFinding);
  return found;
}

NumberFinding FindNotificationNumber(const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  auto all = FindNumberCandidates(lines, vocab);
  if (all.empty()) return {};
  return all.front();
}

}  // namespace suppcheck
