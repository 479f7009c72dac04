#pragma once
// A compound's name broken over two lines. Ingredient lists wrap wherever the line ends:
// "Ingredients: magnesium" over "aspartate, maltodextrine." (seed 64829 phone-0019: the salt was
// not named, the report said "magnesium" without its form). Read line by line, the first piece
// is the nutrient's own word and the second names nothing. A person reads on into the next line.

#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/nutrient_mentions.h"

namespace suppcheck {

/// Turns into Compound the Target mentions of `info` (analysed from `lines`) that a compound's
/// name continues across the line break: a mention that ends its line and, with the opening of
/// the next line in its column, makes a compound's name ("magnesium" / "aspartate"), or one that
/// opens its line and, with the end of the line above, makes one ("oxyde de" / "magnesium").
/// "The next line" is the one right below in the same column when the lines have boxes
/// (NeighbourInColumn, within two line heights), else the one listed next.
void MarkCompoundsAcrossLines(std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines,
                              const NutrientLexicon& lexicon);

}  // namespace suppcheck
