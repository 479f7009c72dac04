#pragma once
// Which nutrient an amount belongs to, and whether it is the nutrient itself or the mass of one
// of its compounds.
//
// Every amount on a line is given to its owner: the nearest nutrient named before it (or a
// "de magnésium" / "of magnesium" right after it). Amounts owned by another mineral or vitamin
// are never the nutrient read; "magnesium stearate" is an excipient. An amount owned by a
// compound name is the compound's mass unless an "of which / waarvan / dont / davon / soit /
// elemental" marker stands between, or the compound is the form of the nutrient named before it
// ("Magnesium (as magnesium oxide) 100 mg"); an amount owned by the nutrient's word is elemental.

#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// The owner of amount `q` on its line: the nearest mention before it, or the nutrient or
/// compound named right after it (through a connector such as "de"); null if none.
const Mention* OwnerOf(const AnalysedLine& line, const Quantity& q, const Vocabulary& vocab, bool* ownerAfter);

/// "... 469 mg, soit": an amount right before an "of which" word is a whole a part of which
/// follows, so never the elemental amount itself.
bool PartOfItFollows(const AnalysedLine& line, const Quantity& q, const Vocabulary& vocab);

/// A table row bent by a curved pack: the name ("Magnesium") and its amounts ("75 mg 75 mg")
/// land on two lines. Amounts with no name on line i belong to the name on the line next to it
/// that has a name and no amounts of its own; the closer one (by height) wins. "Next to it" is
/// in its own column: lines of another column listed between are skipped. A compound named as the
/// form of the nutrient before it ("Magnesium (magnesium lactate)") gives the nutrient.
const Mention* OwnerOnNeighbourRow(const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                                   size_t i, const Vocabulary& vocab);

/// Every amount owned by the nutrient or its compounds, line by line; records on each line
/// which of its quantities they are (AnalysedLine::ownedQuantities). Elemental amounts above
/// `maxElementalMg` are misreadings and dropped.
std::vector<NutrientAmount> OwnedAmounts(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                                         const Vocabulary& vocab, double maxElementalMg);

}  // namespace suppcheck
