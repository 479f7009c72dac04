#pragma once
// What an amount is per, as the words around it say: "per tablet", "par gélule", "/ Kapsel",
// "pour 2 gélules", "Six gélules … renferment" (per unit or per N units), "per dagdosis
// (2 tabletten)", "par jour", "daily dose" (per day). Directions ("täglich 2 Kapseln",
// "neem 1 tot 2 tabletten per dag") say how many units a day, not what an amount is per.

#include <string>
#include <vector>

#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct BasisPhrase {
  DoseBasis basis = DoseBasis::Unknown;
  double units = 1;           ///< per how many units (0 = a day of unknown units)
  size_t begin = 0, end = 0;  ///< byte range in the folded line
  /// A bare count of units with nothing that says "per" ("Six gélules … renferment", "60 tabletten"):
  /// a dose on its own line, but never a table header or a footnote (it may be the pack's count).
  bool bare = false;
};

/// The basis phrases of a folded line, left to right. A bare count above `maxUnitsPerDay`
/// ("60 tabletten") is the pack's count, not a dose basis: an amount is never divided by it.
std::vector<BasisPhrase> FindBasisPhrases(const std::string& folded, const Vocabulary& vocab, double maxUnitsPerDay);

/// A directions sentence ("Neem 2 tot 3 capsules per dag"): a count of units followed by a daily
/// word. Such a line tells how many units a day; it is not a header over a dose.
bool LooksLikeDirections(const std::string& folded, const Vocabulary& vocab, double maxUnitsPerDay);

}  // namespace suppcheck
