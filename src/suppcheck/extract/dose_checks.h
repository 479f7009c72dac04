#pragma once
// Cross-checks a careful reader makes between a dose and the rest of the label. A dose that fails
// one is not reported (it could be a false all-clear); the reason is said instead.
//   - the printed % RI against the mg (375 mg = 100 %; US labels print % DV of 420 mg);
//   - per unit × units a day against a per-day statement;
//   - a salt's mass against the elemental amount printed with it (the salt's fraction, salts.json),
//     also when only the label's other lines name the salt ("2492 mg, waarvan magnesium 107,5 mg");
//   - a larger amount in the dose's own table row that the dose does not explain;
//   - digits a space before the amount ("37 5 mg");
//   - the number in the product's name ("Magnesium 450") against the dose found.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/dose_choice.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

/// A printed %RI next to the chosen declared amount (per day first) that fits neither the amount
/// nor, for a per-unit amount, the amount times the units a day: (printed %, mg it stands next to).
std::optional<std::pair<double, double>> RiMismatch(const DoseChoice& dose, const ExtractionLimits& limits);

/// Per unit × units a day against the per-day amount printed; a reason when they disagree.
std::optional<std::string> UnitsProblem(const DoseChoice& dose, const ExtractionLimits& limits);

/// The elemental amount chosen against the salt masses printed beside it (same line or the next,
/// same basis): it must lie within the salts' fractions; a reason when it does not.
std::optional<std::string> SaltFractionProblem(const DoseChoice& dose, const std::vector<NutrientAmount>& amounts,
                                               const Vocabulary& vocab, const ExtractionLimits& limits);

/// The elemental amount chosen against a whole printed right before it with an "of which" word
/// ("2492 mg, waarvan magnesium 107,5 mg") whose salt name OCR lost on that line: the salts
/// named elsewhere on the label (`labelSalts`) give the fraction; a reason when it does not fit.
std::optional<std::string> WholeBeforePartProblem(const DoseChoice& dose, const std::vector<AnalysedLine>& info,
                                                  const std::vector<std::string>& labelSalts, const Vocabulary& vocab,
                                                  const ExtractionLimits& limits);

/// Amounts printed in or next to the chosen dose's row (on lines that name no nutrient: a table
/// row OCR split into pieces, "Magnésium 15 mg" | "150mg" | "450 mg 120 %", where a skew put the
/// zinc row's 15 mg on magnesium's line) that are larger than every value the dose was read as:
/// the row was misread somewhere, and the smaller reading could be a false all-clear. Not when a
/// printed % RI beside the dose fits it (the row is magnesium's; the other amounts another row's).
std::optional<std::string> LargerAmountInRowProblem(const DoseChoice& dose, const std::vector<AnalysedLine>& info,
                                                    const std::vector<TextLine>& lines,
                                                    const ExtractionLimits& limits);

/// "Magnesium 37 5 mg" (seed 48213 phone-0011, printed 375 mg): the chosen amount has digits one
/// space before it, and a number split by a space cannot be told from two numbers; the smaller
/// reading could be a false all-clear. A reason when so.
std::optional<std::string> SplitNumberProblem(const DoseChoice& dose);

/// The numbers in the product's name against the elemental dose per unit or per day (mg); a
/// reason when none of them fits.
std::optional<std::string> TitleProblem(const std::vector<double>& titleNumbers, std::optional<double> mgPerUnit,
                                        std::optional<double> mgPerDay, const std::string& nutrientName,
                                        const ExtractionLimits& limits);

/// A number for messages: "150", "187.5"; MgText adds " mg".
std::string NumberText(double v);
std::string MgText(double mg);

}  // namespace suppcheck
