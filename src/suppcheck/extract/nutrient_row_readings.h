#pragma once
// A nutrient table is read twice: by the whole-label pass and again as one block
// (scanner.cpp, ReReadNutrientTable). Both readings of a row are amounts of the nutrient, and
// where they disagree one of them is OCR's error: the block reading lost a decimal point ("2.01
// mg" read "201mg", "1.5" read "15") or the % RI of its row. Two readings of one row check each
// other: a reading without its % RI takes the % the other reading of the row has, so that the %
// RI check (extract/ri_plausibility) tests it too; and of two readings with the same digits, one
// with a decimal separator and one without, the one without lost it (OCR drops a point or a
// comma far more often than it invents one exactly between two digits).

#include <string>
#include <utility>
#include <vector>

#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// Two amounts on different lines that stand at the same place of the photo: the same row read
/// twice. False without geometry.
bool SameRowReadings(const NutrientAmount& a, const NutrientAmount& b, const std::vector<TextLine>& lines);

/// Two readings of one amount: both elemental or both not, their mg within `agreement`.
bool EqualReadings(const NutrientAmount& a, const NutrientAmount& b, double agreement);

/// An amount whose basis is not known ("(20mg" where the block reading lost the row's per-unit
/// amount and its header) that equals an amount of the nutrient read as per day, and none read as
/// per unit: it is that per-day amount read again, not one unit's (the vote took it for one unit,
/// which outvoted the per-unit column).
void TakeBasisOfEqualReadings(std::vector<NutrientAmount>& amounts, double agreement);

/// Gives an amount without a % RI the % RI of another reading of its row (call it once the amounts
/// that do not fit their own % RI are gone, so that only a % that fits is lent).
void ShareRiBetweenReadings(std::vector<NutrientAmount>& amounts, const std::vector<TextLine>& lines);

/// The indexes of the amounts that lost their decimal separator: `numbers[k]` is amount k's number
/// as printed ("2.01", "201"; empty when not known), and another reading of its row has the same
/// digits with a separator.
std::vector<size_t> ReadingsThatLostTheSeparator(const std::vector<NutrientAmount>& amounts,
                                                 const std::vector<std::string>& numbers,
                                                 const std::vector<TextLine>& lines);

/// The indexes of the amounts whose first digit is a table rule read as "1": another reading of
/// their row has the same number without that leading "1" ("125" and "25", "150" and "50",
/// "10,75" and "0,75"; not "1,5" and "5", nor "105" and "05"), in the same unit, and starts right
/// of where they start (the "1" stood left of the other reading's first digit, where the rule
/// runs).
std::vector<size_t> ReadingsWithARuleForAOne(const std::vector<NutrientAmount>& amounts,
                                             const std::vector<std::string>& numbers,
                                             const std::vector<double>& mgPerNumber,
                                             const std::vector<TextLine>& lines);

/// The indexes of the amounts that lost their first digit: another reading of their row has the
/// same number with one more digit in front, 2 to 9 ("10" and "210", "55" and "255", "0" and
/// "20"), in the same unit, starting no further right than they start. OCR drops a faint or
/// crowded first glyph ("Phosphore 10 mg" beside the table's block reading "Phosphore 210 mg");
/// what it adds in front of a number is a table rule, read as a 1 (ReadingsWithARuleForAOne),
/// never another digit.
std::vector<size_t> ReadingsThatLostTheirFirstDigit(const std::vector<NutrientAmount>& amounts,
                                                    const std::vector<std::string>& numbers,
                                                    const std::vector<double>& mgPerNumber,
                                                    const std::vector<TextLine>& lines);

/// The pairs of amounts (indexes, first < second) that are the same row read twice with different
/// values: one of the two is OCR's error and nothing tells which (the ones the % RI or a lost
/// separator settle are gone by then). `comparable[k]` says whether amount k may be compared
/// (an amount converted from IU depends on the form named, not only on what was read).
std::vector<std::pair<size_t, size_t>> DisagreeingRowReadings(const std::vector<NutrientAmount>& amounts,
                                                              const std::vector<bool>& comparable,
                                                              const std::vector<TextLine>& lines, double agreement);

}  // namespace suppcheck
