#pragma once
// Magnesium on a label: whether it is an active ingredient, which salts, how much elemental
// magnesium per unit and per day, with the lines each value came from.
//
// The steps, each in its own file and written for any nutrient: the mentions of nutrients on
// each line (nutrient_mentions), who owns each amount and whether it is elemental or a salt's
// mass (amount_owner), what each amount is per (amount_basis, table_columns), units a day from
// the directions (directions), one dose from all amounts (dose_choice), and the cross-checks a
// careful reader makes (dose_checks). This file puts them together for magnesium.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suppcheck/extract/dose_source.h"
#include "suppcheck/extract/evidence.h"
#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct MagnesiumFacts {
  bool present = false;
  std::vector<std::string> salts;  ///< canonical ids, in order of appearance
  std::optional<double> mgPerUnit, unitsPerDay, mgPerDay;
  std::optional<std::pair<double, double>> mgPerDayRange;
  DoseSource basis = DoseSource::kUnknown;  ///< kDeclared or kFromSaltMass when there is a dose
  std::vector<Evidence> evidence;
  std::vector<MagnesiumAmount> amounts;  ///< everything read, for debugging and the %RI check
  /// %RI printed next to the chosen amount that does not fit its mg (set when contradictory).
  std::optional<std::pair<double, double>> riMismatch;  ///< (printed %, mg it was printed next to)
  /// Why a dose that was read is not reported: the cross-checks it failed (extract/dose_checks.h).
  std::vector<std::string> doseProblems;
};

/// Whether a line is worth re-reading for the dose: it names magnesium (or a salt) next to a
/// number, or it holds a unit word or a daily word (directions).
bool IsDoseOrDirectionsLine(const std::string& text, const Vocabulary& vocab);

/// Whether a line may name magnesium or one of its salts, even split or damaged by OCR: it holds
/// one of the stems of models/salts.json `line_stems` (the scanner re-reads such lines for a salt).
bool MayNameMagnesiumSalt(const std::string& text, const Vocabulary& vocab);

MagnesiumFacts ExtractMagnesium(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                const ExtractionLimits& limits);

}  // namespace suppcheck
