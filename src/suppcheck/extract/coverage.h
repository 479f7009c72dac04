#pragma once
// Which parts of a label a photo showed and were read (spec/report.md, "coverage"), so that an
// absence can be told from a miss: a front shows the brand and "Magnesium", the back the
// ingredients and the dose, a side panel the lot, the producer's address and the notification
// number. The verdicts use it: `missing` (and the advice "better not taken") only when the legal
// text was read, `no_magnesium` only when an ingredient list or a nutrient table was.
//
// The words come from models/vocabulary.json ("coverage"), never from code. Decisions lean to
// "not shown" where a wrong "shown" would turn into a false claim about the product.

#include <optional>
#include <string>
#include <vector>

#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct Coverage {
  bool ingredients = false;    ///< an ingredients heading ("Ingrediënten:", "Zutaten:") was read
  bool nutrientTable = false;  ///< a table of vitamin/mineral amounts (header with per unit/day/% RI, or rows)
  bool dose = false;           ///< an amount of a nutrient per unit or per day
  bool directions = false;     ///< how many to take a day
  bool legalText = false;      ///< producer address, lot, best-before or a notification label

  /// Whether an absence of magnesium can be concluded from what was read.
  bool ShowsComposition() const { return ingredients || nutrientTable; }
  /// Parts of several photos of one product: a part is shown when any photo showed it.
  Coverage& operator|=(const Coverage& o);
};

/// Decides the coverage of one photo (or one text) from its lines. `mg` and `number` are what
/// extraction found on the same lines: a dose read is a dose statement seen, a number anchored
/// on a category or a notification label is legal text seen. `maxUnitsPerDay`: the most units a
/// day directions may say (rules.json).
Coverage DecideCoverage(const std::vector<TextLine>& lines, const Vocabulary& vocab, double maxUnitsPerDay,
                        const MagnesiumFacts& mg, const NumberFinding& number);

/// The lines that carry a legal-text cue (lot, best-before, producer address, a notification
/// label): where the number usually stands.
std::vector<size_t> LegalTextLines(const std::vector<TextLine>& lines, const Vocabulary& vocab);

/// `magnesium.present` of the report: true when magnesium was read, false only when the
/// composition was read without it, null (unknown) otherwise.
std::optional<bool> MagnesiumPresence(const MagnesiumFacts& mg, const Coverage& coverage);

/// The verdict rule of the notification: nothing found on a photo without the legal text is
/// `not_seen`, not `missing`. Changes `number` in place; returns true when it did.
bool ApplyCoverageToNumber(NumberFinding& number, const Coverage& coverage);

/// What a person should photograph next, in plain words ("the side with the ingredient list");
/// empty when the photos showed every part the verdicts need.
std::vector<std::string> StillToPhotograph(const Coverage& coverage, const NumberFinding& number,
                                           const MagnesiumFacts& mg);

}  // namespace suppcheck
