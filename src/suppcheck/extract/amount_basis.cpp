#include "suppcheck/extract/amount_basis.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "suppcheck/extract/reference_intake.h"
#include "suppcheck/extract/row_column_ratio.h"
#include "suppcheck/extract/table_columns.h"
#include "suppcheck/extract/word_match.h"

namespace suppcheck {

namespace {

// Where an amount sits on its folded line, between its neighbouring amounts.
struct AmountSpan {
  size_t begin = 0, end = 0;   // the amount
  size_t prevEnd = 0;          // end of the amount before it (0 if none)
  size_t nextBegin = 0;        // start of the amount after it (line end if none)
  size_t rank = 0;             // position among the nutrient's amounts of this row
};

AmountSpan SpanOf(const NutrientAmount& a, const AnalysedLine& li) {
  AmountSpan s;
  s.nextBegin = li.ft.text.size();
  for (size_t k = 0; k < li.quantities.size(); ++k) {
    const auto [ob, oe] = li.ft.OriginalRange(li.quantities[k].begin, li.quantities[k].end);
    if (ob != a.begin || oe != a.end) continue;
    s.begin = li.quantities[k].begin;
    s.end = li.quantities[k].end;
    s.prevEnd = k > 0 ? li.quantities[k - 1].end : 0;
    s.nextBegin = k + 1 < li.quantities.size() ? li.quantities[k + 1].begin : li.ft.text.size();
    for (size_t r = 0; r < li.ownedQuantities.size(); ++r)
      if (li.ownedQuantities[r] == k) s.rank = r;
  }
  return s;
}

// A phrase on the amount's own line.
std::optional<BasisPhrase> PhraseOnLine(const AnalysedLine& li, const AmountSpan& s) {
  // "90 mg / Kapsel", "375 mg per tablet": a per-unit phrase right after the amount describes it.
  for (const auto& ph : li.phrases)
    if (ph.begin >= s.end && ph.begin < s.nextBegin && ph.begin <= s.end + 30 && ph.basis != DoseBasis::PerDay)
      return ph;
  const BasisPhrase* before = nullptr;
  for (const auto& ph : li.phrases)
    if (ph.begin >= s.prevEnd && ph.end <= s.begin) before = &ph;
  if (before) return *before;
  for (const auto& ph : li.phrases)
    if (ph.begin >= s.end && ph.begin < s.nextBegin) return ph;
  // Anywhere earlier on the line ("Per tablet: magnesiumcitraat 1160 mg, waarvan ... 187,5 mg").
  for (auto it = li.phrases.rbegin(); it != li.phrases.rend(); ++it)
    if (it->end <= s.begin) return *it;
  return std::nullopt;
}

// A per-unit line below ("Pour un comprimé pelliculé.") for a block of amounts above it; not
// directions ("Neem 1 tablet per dag", "2x per dag een tablet") and not a pack count ("60 tabletten").
std::optional<BasisPhrase> PhraseBelow(size_t i, const std::vector<AnalysedLine>& info, const Vocabulary& vocab,
                                       double maxUnitsPerDay) {
  for (size_t down = 1; down <= 3 && i + down < info.size(); ++down) {
    const AnalysedLine& b = info[i + down];
    if (!b.quantities.empty()) break;
    if (b.phrases.empty() || b.phrases.front().basis == DoseBasis::PerDay) continue;
    if (b.phrases.front().bare || LooksLikeDirections(b.ft.text, vocab, maxUnitsPerDay) ||
        FindAnyWord(b.ft.text, vocab.perDayWords, 0, b.ft.text.size()) != std::string::npos)
      continue;
    return b.phrases.front();
  }
  return std::nullopt;
}

// A row of two or more amounts whose headers were not read ("Magnesium 200 mg 600 mg 160 %"):
// the amount the printed % RI fits is the per-day column, when a smaller amount stands beside it.
void PerDayColumnByRi(std::vector<NutrientAmount>& amounts, const ExtractionLimits& limits) {
  for (auto& a : amounts) {
    if (a.basis != DoseBasis::Unknown || !a.elemental || !a.percentRi || !RiFits(*a.percentRi, a.mg, limits)) continue;
    const bool smallerBeside = std::any_of(amounts.begin(), amounts.end(), [&](const NutrientAmount& b) {
      return b.line == a.line && b.elemental && b.basis == DoseBasis::Unknown && b.mg < a.mg;
    });
    if (smallerBeside) {
      a.basis = DoseBasis::PerDay;
      a.units = 0;
    }
  }
}

// A row of exactly two amounts whose headers were not read, the larger a whole multiple of the
// smaller ("Magnesium 300 mg 900 mg" under a faint "Per capsule | Per dagdosis (3 capsules)"):
// the smaller is one unit, the larger the day's dose of that many units. Without this the larger
// was taken for one unit and multiplied again by the directions (2700 mg a day for 900).
void PerUnitAndPerDayByRatio(std::vector<NutrientAmount>& amounts, const ExtractionLimits& limits) {
  for (auto& small : amounts) {
    if (small.basis != DoseBasis::Unknown || !small.elemental || small.mg <= 0) continue;
    NutrientAmount* large = nullptr;
    int onRow = 0;
    for (auto& b : amounts) {
      if (b.line != small.line || !b.elemental) continue;
      ++onRow;
      if (&b != &small && b.basis == DoseBasis::Unknown && b.mg > small.mg) large = &b;
    }
    if (onRow != 2 || !large) continue;
    const std::optional<double> units = WholeUnitsRatio(small.mg, large->mg, limits);
    if (!units) continue;
    small.basis = DoseBasis::PerUnit;
    small.units = 1;
    large->basis = DoseBasis::PerDay;
    large->units = *units;
  }
}

}  // namespace

void AssignBasis(std::vector<NutrientAmount>& amounts, const std::vector<AnalysedLine>& info,
                 const std::vector<TextLine>& lines, const Vocabulary& vocab, const ExtractionLimits& limits) {
  for (auto& a : amounts) {
    const size_t i = static_cast<size_t>(a.line);
    const AmountSpan s = SpanOf(a, info[i]);
    std::optional<BasisPhrase> ph = PhraseOnLine(info[i], s);
    if (!ph) ph = HeaderPhraseOver(a, s.rank, info, lines, vocab, limits.maxUnitsPerDay, limits.headerSearchLines);
    if (!ph) ph = PhraseBelow(i, info, vocab, limits.maxUnitsPerDay);
    if (ph) {
      a.basis = ph->basis;
      a.units = ph->units;
    }
  }
  PerDayColumnByRi(amounts, limits);
  PerUnitAndPerDayByRatio(amounts, limits);
}

}  // namespace suppcheck
