#include "suppcheck/extract/amount_owner.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <tuple>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// How many listed lines either side may belong to other columns before the amount's own
// neighbour (two columns interleave one or two lines; a barcode adds one).
constexpr int kColumnLookaround = 4;

bool IsNutrientOrCompound(const Mention& m) { return m.kind == MentionKind::Target || m.kind == MentionKind::Compound; }

// "Magnesium (as magnesium oxide) 100 mg": the nutrient's word shortly before the compound name
// with a form phrase between makes the compound the form of an elemental amount.
bool CompoundIsForm(const AnalysedLine& li, const Mention& compound, const Vocabulary& vocab) {
  const std::string& f = li.ft.text;
  for (const auto& m : li.mentions) {
    if (m.kind != MentionKind::Target || m.end > compound.begin || compound.begin - m.end > 24) continue;
    const std::string between = f.substr(m.end, compound.begin - m.end);
    for (const auto& w : vocab.formPhrases)
      if (between.find(w) != std::string::npos) return true;
  }
  return false;
}

// The %RI printed after an amount on its row, before the next amount.
std::optional<double> PercentAfter(const AnalysedLine& li, size_t qi) {
  const size_t nextBegin = qi + 1 < li.quantities.size() ? li.quantities[qi + 1].begin : li.ft.text.size();
  for (const auto& pc : li.percents)
    if (pc.begin >= li.quantities[qi].end && pc.begin < nextBegin + 1) return pc.value;
  return std::nullopt;
}

// "Per capsule: magnesium citrate 714 mg, of which" over "Eraagmnesium 100 mg": the first amount
// of a line right under a line that ends with an "of which" word after an amount is the part
// announced, the elemental amount, even when OCR garbled the nutrient's name before it (seed
// 36527 phone-0020: without it, 115.7 mg was worked out from the salt's mass for a printed 100).
// At most one word before it, and less than the whole above.
bool ElementalPartBelowWhole(const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines, size_t i,
                             size_t qi, const Vocabulary& vocab) {
  const AnalysedLine& li = info[i];
  if (qi != 0) return false;
  const std::string before = li.ft.text.substr(0, li.quantities[0].begin);
  int words = 0;
  for (size_t p = 0; p < before.size(); ++p) {
    if (IsAsciiDigit(before[p])) return false;
    words += before[p] != ' ' && (p == 0 || before[p - 1] == ' ');
  }
  if (words > 1) return false;
  const size_t above = NeighbourInColumn(lines, i, -1, /*maxGap=*/1.0, static_cast<size_t>(kColumnLookaround));
  if (above == std::string::npos || info[above].quantities.empty()) return false;
  const AnalysedLine& whole = info[above];
  const Quantity& last = whole.quantities.back();
  if (!PartOfItFollows(whole, last, vocab) || li.quantities[0].mg >= last.mg) return false;
  // Nothing after the "of which" word but punctuation: the part is on the next line.
  const std::string& f = whole.ft.text;
  const size_t marker = FindAnyWord(f, vocab.partOfMarkers, last.end, f.size());
  size_t end = f.size();
  while (end > marker && !IsAsciiAlpha(f[end - 1])) --end;
  const std::string tail = f.substr(marker, end - marker);
  return std::find(vocab.partOfMarkers.begin(), vocab.partOfMarkers.end(), tail) != vocab.partOfMarkers.end();
}

// "Pro Tablette: Magnesium" over "(Magnesiumchlorid) 187,5 mg": the compound in brackets that opens
// its line is the form of the nutrient named at the end of the line above in its column, as
// "Magnesium (Magnesiumchlorid) 187,5 mg" on one line is (CompoundIsForm). A two-column label broke
// the name from its form, and the 187,5 mg of magnesium was read as the chloride's mass: 47.9 mg
// a day for 187.5 (label seed 27183 clean-0002).
bool FormOfNameEndingLineAbove(const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines, size_t i,
                               const Mention& compound) {
  const std::string& f = info[i].ft.text;
  const size_t open = f.find_first_not_of(' ');
  if (open == std::string::npos || (f[open] != '(' && f[open] != '{') ||
      f.find_first_not_of(' ', open + 1) != compound.begin)
    return false;
  const size_t above = NeighbourInColumn(lines, i, -1, /*maxGap=*/1.0, static_cast<size_t>(kColumnLookaround));
  if (above == std::string::npos || info[above].mentions.empty() || !info[above].quantities.empty()) return false;
  const Mention& last = info[above].mentions.back();
  if (last.kind != MentionKind::Target) return false;
  const std::string& a = info[above].ft.text;
  for (size_t p = last.end; p < a.size(); ++p)
    if (IsAsciiAlpha(a[p]) || IsAsciiDigit(a[p])) return false;
  return true;
}

}  // namespace

// "... 469 mg, soit": an amount right before an "of which" word is a whole a part of which
// follows, so never the elemental amount itself, even when OCR cut the salt's name off before
// it ("ate de magnesium 469 mg, soit magnesium 56,25 mg").
bool PartOfItFollows(const AnalysedLine& li, const Quantity& q, const Vocabulary& vocab) {
  const std::string& f = li.ft.text;
  size_t p = q.end;
  while (p < f.size() && (f[p] == ' ' || f[p] == ',' || f[p] == '(')) ++p;
  return p < f.size() && FindAnyWord(f, vocab.partOfMarkers, p, f.size()) == p;
}

const Mention* OwnerOf(const AnalysedLine& li, const Quantity& q, const Vocabulary& vocab, bool* ownerAfter) {
  const std::string& f = li.ft.text;
  *ownerAfter = false;
  const Mention* left = nullptr;
  for (const auto& m : li.mentions)
    if (m.end <= q.begin) left = &m;
  // Connectors allowed between an amount and a name after it.
  size_t p = q.end;
  bool connector = false;
  for (int k = 0; k < 3; ++k) {
    while (p < f.size() && f[p] == ' ') ++p;
    bool advanced = false;
    for (const auto& w : vocab.ownerConnectors) {
      if (f.compare(p, w.size(), w) == 0) {
        p += w.size();
        connector = advanced = true;
        break;
      }
    }
    if (!advanced) break;
  }
  while (p < f.size() && f[p] == ' ') ++p;
  for (const auto& m : li.mentions) {
    if (m.begin != p) continue;
    if (IsNutrientOrCompound(m) && (connector || !left)) {
      *ownerAfter = true;
      return &m;
    }
  }
  return left;
}

const Mention* OwnerOnNeighbourRow(const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                                   size_t i, const Vocabulary& vocab) {
  if (!info[i].mentions.empty()) return nullptr;
  const bool geometry = !lines[i].box.empty();
  // The neighbours in the amount's own column: on a two-column label the OCR line list interleaves
  // the columns, and the line listed next to "900 mg" can be the other column's barcode, which made
  // the next "Ingrédients: malate de magnésium" the owner instead of the "Magnésium" right above
  // (an elemental 900 mg a day read as salt mass: a false all-clear, seed 81234 clean-0011).
  // A line beside it counts only when it lies to its left and names something: a bent table row
  // ("Magnesium" left, "75 mg 75 mg" right, on two lines); names never follow their amounts there.
  auto neighbourInColumn = [&](size_t j) {
    const Box& a = lines[i].box;
    const Box& b = lines[j].box;
    if (std::min(a.right(), b.right()) > std::max(a.x, b.x)) return true;
    return b.right() <= a.x && !info[j].mentions.empty();
  };
  std::vector<size_t> neighbours;
  // Whether the row above in the column is amounts only, as this one: then both are rows of a
  // table whose names OCR lost at its edge, and a name on the row below is the start of the
  // next part of the label, not theirs ("75 mg 150 mg" over "200 mg 400 mg" over "Ingrediënten:
  // magnesiummalaat": the calcium row's 200 mg was read as magnesium malate, seed 25417 hard-0030).
  bool amountsAbove = false;
  if (!geometry) {
    if (i > 0) neighbours.push_back(i - 1);  // without geometry only the line above is trusted
  } else {
    for (const long step : {-1L, 1L}) {
      for (long j = static_cast<long>(i) + step, k = 0; k < kColumnLookaround; j += step, ++k) {
        if (j < 0 || j >= static_cast<long>(info.size())) break;
        const size_t n = static_cast<size_t>(j);
        if (lines[n].box.empty() || !neighbourInColumn(n)) continue;
        if (step < 0) amountsAbove = info[n].mentions.empty() && !info[n].quantities.empty();
        if (step > 0 && amountsAbove) break;
        neighbours.push_back(n);
        break;
      }
    }
  }
  const Mention* best = nullptr;
  int bestDistance = 1 << 30;
  for (const size_t j : neighbours) {
    const AnalysedLine& n = info[j];
    if (n.mentions.empty() || !n.quantities.empty()) continue;
    const int distance = geometry ? std::abs(lines[i].box.centerY() - lines[j].box.centerY()) : 0;
    if (geometry && distance > 2 * std::max(lines[i].box.h, lines[j].box.h)) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = &n.mentions.back();
      // "Per tablet: Magnesium (magnesiumlactaat)" above "187,5 mg": the compound is the form of
      // the nutrient named before it, whose amount this is (seed 81234 clean-0004).
      if (best->kind == MentionKind::Compound && CompoundIsForm(n, *best, vocab))
        for (const auto& m : n.mentions)
          if (m.kind == MentionKind::Target && m.end <= best->begin) best = &m;
    }
  }
  return best;
}

std::vector<NutrientAmount> OwnedAmounts(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                                         const Vocabulary& vocab, double maxElementalMg) {
  std::vector<NutrientAmount> amounts;
  for (size_t i = 0; i < lines.size(); ++i) {
    AnalysedLine& li = info[i];
    for (size_t qi = 0; qi < li.quantities.size(); ++qi) {
      const Quantity& q = li.quantities[qi];
      bool after = false;
      const Mention* owner = OwnerOf(li, q, vocab, &after);
      if (!owner) owner = OwnerOnNeighbourRow(info, lines, i, vocab);
      const bool part = !owner && ElementalPartBelowWhole(info, lines, i, qi, vocab);
      if (!part && (!owner || !IsNutrientOrCompound(*owner))) continue;
      if (!part && owner->kind == MentionKind::Target && !after && PartOfItFollows(li, q, vocab)) continue;
      NutrientAmount a;
      a.mg = q.mg;
      a.line = static_cast<int>(i);
      std::tie(a.begin, a.end) = li.ft.OriginalRange(q.begin, q.end);
      a.confidence = lines[i].MinConfidenceOf(a.begin, a.end);
      a.digitsBefore = q.begin >= 2 && li.ft.text[q.begin - 1] == ' ' && IsAsciiDigit(li.ft.text[q.begin - 2]);
      a.markBefore = q.begin >= 1 && (li.ft.text[q.begin - 1] == '\'' || li.ft.text[q.begin - 1] == '`' ||
                                      li.ft.text[q.begin - 1] == '"');
      if (part || owner->kind == MentionKind::Target) {
        a.elemental = true;
      } else if (after) {
        a.elemental = false;
      } else {
        a.elemental = CompoundIsForm(li, *owner, vocab) || FormOfNameEndingLineAbove(info, lines, i, *owner) ||
                      FindAnyWord(li.ft.text, vocab.elementalMarkers, owner->end, q.begin) != std::string::npos;
      }
      if (!a.elemental) a.salt = owner->compound;  // never a part: it is elemental
      if (a.elemental && a.mg > maxElementalMg) continue;
      a.percentRi = PercentAfter(li, qi);
      li.ownedQuantities.push_back(qi);
      amounts.push_back(a);
    }
  }
  return amounts;
}

}  // namespace suppcheck
