#pragma once
// The checks that drop or correct the misread amounts of one nutrient before a dose is chosen
// from them: each amount against the % RI printed on its row (extract/ri_plausibility), and the two
// readings of a row read twice against each other (extract/nutrient_row_readings). An amount that
// cannot be trusted goes, with the reason in the nutrient's problems: an amount unknown is better
// than a wrong one.

#include <optional>
#include <vector>

#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_work.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// The highest limit of any age band, form or kind (health or Belgian legal), in mg; none when the
/// nutrient has none.
std::optional<double> HighestLimitMg(const Nutrient& n);

/// An amount said twice on its row, as a mass and in IU ("7,6 µg (304 IU)"): the two are one
/// amount read twice. When they agree (within the dose agreement and the rounding of their last
/// digits) the amount is marked so, and a % RI that fits neither does not refuse it (the % was
/// misread: "Vitamine D 7,6 µg (304 UI) 182%" for 152 %). When they disagree, one of them is
/// misread ("17.6 µg (304 UI)": a table rule read as a 1) and nothing tells which: the amount
/// goes, with the reason in the problems.
void CheckIuRestatements(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                         const ExtractionLimits& limits);

/// Each declared amount against the % RI printed on its row: kept when it fits, replaced by the
/// one other reading of its digits that fits, dropped with a reason when nothing fits. The % may be
/// of the amount, of a day's units of a per-unit amount or of one unit of a per-day amount (where
/// the amount's column is known, only the one it allows). An amount its IU restatement agrees with
/// stays whatever the %. A nutrient counted in µg read in grams ("Jodium 45g 30 %") is read in µg
/// where that fits the % closely: the µ was lost. An amount alone on its line whose leading "1"
/// stands left of its column (extract/rule_before_amount) is read without it where the % fits
/// that. `usDailyValues`: a %
/// may also be of the US daily values (false on a label whose % is of the EU reference intakes
/// only, extract/nutrient_rows' LabelReference).
void TrustAmountsByRi(NutrientWork& w, const Nutrient& n, const std::optional<UnitsPerDay>& directions,
                      const std::vector<TextLine>& lines, const ExtractionLimits& limits, bool usDailyValues);

/// A row read twice (the first pass and the table read again): a reading that lost its decimal
/// separator goes, a reading without its column takes the basis of the equal reading.
void CrossCheckRowReadings(NutrientWork& w, const std::vector<TextLine>& lines, const ExtractionLimits& limits);

/// For a nutrient counted in µg, an amount read in g whose digits another reading of the row gives
/// in µg ("Nikkel 5g" and "Nikkel 5 ug"): OCR lost the µ; the gram reading goes.
void DropGramsThatLostTheirMicro(NutrientWork& w, const Nutrient& n);

/// For a nutrient counted in µg, every amount still read in g once the % RI had its say
/// (TrustAmountsByRi takes back to µg the digits its % shows in µg): a gram of vitamin B12 is
/// 400 000 times its reference intake, and no label prints one ("2,4 µg" read "2.4 4g", 4 g of
/// B12 a day, multivitamin-phone-0039 of tuning seed 84361). The amount is unknown, not guessed;
/// nutrients without any limit (B12, biotin) escape DropImplausibleAmounts, not this.
void DropGramsOfMicrogramNutrients(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines);

/// Amounts far above anything a label prints for the nutrient (rules.json,
/// implausible_nutrient_amount: that many times its highest limit, health or legal) go, with the
/// reason in the problems: a lost decimal sign ("2,01 mg" read "201 mg") where no % RI stands
/// beside the amount to tell. Nutrients without any limit are not checked.
void DropImplausibleAmounts(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                            const ExtractionLimits& limits);

/// An amount printed in whole digits (no decimal sign read) that would put the nutrient above its
/// highest health limit (of any age band, at as many units a day as the label may mean), read at an
/// OCR word confidence under
/// `limits.unsureAmountConfidence`, with no % RI beside it and no restatement in IU that agrees,
/// goes with the reason in the problems, unless another reading of the same amount was read surely
/// or beside a % RI: a wrong alarm is worse than an honest "unknown" ("Eisen | 7 mg" read "71mg"
/// at confidence 13, 142 mg of iron a day reported above the 40 mg safe level: single-phone-0038
/// of tuning seed 81563). `units`: the units a day of the directions, if read.
void DropUnsureAmountsAboveLimits(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                  const std::vector<double>& units, const ExtractionLimits& limits);

/// A reading that lost its first digit (extract/nutrient_row_readings.h,
/// ReadingsThatLostTheirFirstDigit: "Phosphore 10 mg" beside the table's block reading
/// "Phosphore 210 mg") goes, and the longer reading stays, where it does not make an alarm: never
/// when the longer reading, at the most units a day the label may mean, is above the nutrient's
/// highest health limit (then both stay, and disagree: unknown). `units`: the units a day of the
/// directions, if read.
void DropReadingsThatLostTheirFirstDigit(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                         const std::vector<double>& units);

/// A reading whose first "1" is a table rule (extract/nutrient_row_readings.h,
/// ReadingsWithARuleForAOne: "| 25 mg" read "125mg" by the first pass, "25 mg" by the table's
/// rule-free column reading) goes, where the smaller amount cannot hide one above a health limit:
/// never when the larger reading, at the most units a day the label may mean, is above the
/// nutrient's lowest limit of any age band (then both stay, and disagree: unknown). `units`: the
/// units a day of the directions, if read.
void DropRulesReadAsOne(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                        const std::vector<double>& units);

/// Two different amounts of the nutrient on one row that its column headers put in the same column
/// (both per unit, or both a day of the same units): a row's two amounts stand in two columns, and
/// a header of which OCR read one phrase only gave both its column ("Complément alimentaire Par
/// dose journalière (2 comprimés)", its "Par 1 comprimé" lost: "Bêta-carotène 15 mg 3mg" both a
/// day, the larger voted, 7,5 mg a tablet for 1,5 printed; "Calcium 188 g 3,75 g 469%", 94 g a
/// tablet; multivitamin-phone-0031 of tuning seed 44903). Which is which, and which lost its decimal
/// sign, nothing says: neither is kept, the reason goes to the problems. Not two amounts with a %
/// between them: the row ends at its %, and what follows is another row joined to it.
void DropTwoAmountsInOneColumn(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                               const ExtractionLimits& limits);

/// Two readings of one row (the first pass and the table read again) that still disagree once the
/// % RI and a lost separator have settled what they can: neither is kept, the reason goes to the
/// problems. A vote between two readings would take the larger or the first, and either may be the
/// misread one ("1,6" read "16" where no % RI stands beside it): the amount is unknown instead.
/// Unless the row's other column confirms one of the two (it is that one times a count of `units`
/// a day the label says) and the other alone would not say "above": then the other goes.
void DropDisagreeingRowReadings(NutrientWork& w, const Nutrient& n, const std::vector<TextLine>& lines,
                                const std::vector<double>& units, const ExtractionLimits& limits);

/// An amount without a % RI of its own, read in whole digits, whose digits with a decimal sign put
/// back are the row's other column, read with its decimal sign and fitting the % RI beside it,
/// divided or multiplied by the units a day the label says: the comma was lost, and is put back
/// ("Eisen | 1,1 mg | 2,2 mg | 16%" at 2 tablets a day read "Eisen 11mg 2,2mg 16%": 11 mg a tablet
/// against 2,2 mg a day left the row unknown; multivitamin-phone-0039 of nutrient seed 53381). The
/// day's amount is the one the % RI and its own comma confirm, so the smaller reading hides no
/// alarm. A witness without a % RI of its own counts only where the amount as read is within
/// every health limit of `n` anyway. Call it once TrustAmountsByRi has refused the amounts whose %
/// does not fit. `units`: the units a day of the directions, if read.
void CorrectCommasLostBesideAWitness(NutrientWork& w, const Nutrient& n, const std::vector<double>& units,
                                     const ExtractionLimits& limits);

}  // namespace suppcheck
