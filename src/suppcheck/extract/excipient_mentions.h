#pragma once
// Magnesium stearate that OCR or the line's end cut in pieces. An ingredient list ends with
// "anti-caking agent: magnesium stearate"; on a photo that phrase is often split over two lines
// ("stéarate de" / "magnesium"), cut at the label's edge ("Trennmittel: Magnesiumste") or garbled
// ("antiklontermiddel: magnesi cas ate"). The piece left alone reads as the nutrient's own word
// and made a magnesium row with no amount on a multivitamin that has none. These mentions are the
// excipient: after an additive's class name (models/salts.json `excipients.classes`), completed
// by the next or the previous line into an excipient's name, or the beginning of one.

#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/nutrient_mentions.h"

namespace suppcheck {

/// Turns into Excipient the Target and Compound mentions of `info` (analysed from `lines`) that
/// are pieces of an excipient (see above). "The line before" is the one right above in the same
/// column when the lines have boxes (labels in two columns are read across both), else the one
/// listed before.
void MarkCutExcipients(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                       const NutrientLexicon& lexicon);

}  // namespace suppcheck
