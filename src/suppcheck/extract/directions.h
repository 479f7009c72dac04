#pragma once
// Units per day from the directions, in Dutch, French, German and English:
// "neem 1 tot 2 tabletten per dag" -> 2, "2 gélules par jour" -> 2, "täglich 2 Kapseln" -> 2,
// "take one tablet daily" -> 1, "Zweimal täglich 1 Messlöffel" -> 2, "6 à 8 comprimés par jour
// à répartir en 2 ou 3 prises" -> 8. The upper end of a range is taken (spec/report.md).

#include <optional>
#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct UnitsPerDay {
  double units = 0;
  int line = -1;              ///< where the directions were read
  size_t begin = 0, end = 0;  ///< byte range in that line
};

/// The largest daily intake the directions allow (adults and children alike), if any. A count
/// above `maxUnitsPerDay` (rules.json sanity.max_units_per_day) is a misreading.
std::optional<UnitsPerDay> FindUnitsPerDay(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                           double maxUnitsPerDay);

/// A count of units in folded text just before `unitBegin` ("2 ", "1 tot 2 ", "twee "): the
/// upper end, or 0 when none. `countBegin` receives where the count starts. A count above
/// `maxUnitsPerDay` may be a range whose word OCR read as a digit ("1 43" for "1 à 3").
double CountBefore(const std::string& folded, size_t unitBegin, const Vocabulary& vocab, double maxUnitsPerDay,
                   size_t* countBegin);

/// Length of the unit word at folded[p] ("tabletten", "gelules", "kapseln"), or 0.
size_t UnitWordAt(const std::string& folded, size_t p, const Vocabulary& vocab);

}  // namespace suppcheck
