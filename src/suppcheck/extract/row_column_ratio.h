#pragma once
// A row of two amounts of one nutrient ("Magnesium 94 mg 188 mg") whose columns the headers left
// the same ("per capsule" twice: a header split over two OCR lines, of which only "Par gélule"
// was found above the row), unknown for one of them ("Pro Kapsel Pro Tagesd", the per-day phrase
// cut short) or the wrong way round (more per unit than per day): the day's amount
// is the unit's times the units a day, so where the larger is a whole multiple of the smaller and
// that multiple is the units a day the label says (its directions, or the per-day header's count),
// the smaller is one unit and the larger the day, wherever each stands. Other readings of the same
// row (a second OCR pass) that give one of the two amounts take its column. Without this the
// per-day column was taken per unit and multiplied again by the directions: a false "above"
// (magnesium 188 mg "a capsule", 376 mg a day, for 94 mg and 188 mg printed).

#include <optional>
#include <vector>

#include "suppcheck/extract/extraction_limits.h"
#include "suppcheck/extract/nutrient_amount.h"
#include "suppcheck/extract/text_lines.h"

namespace suppcheck {

/// How many units `large` is of `small` when that is a whole number from 2 to the most units a
/// day (within the dose agreement): the day's amount beside one unit's. nullopt otherwise.
std::optional<double> WholeUnitsRatio(double small, double large, const ExtractionLimits& limits);

/// `unitsPerDay`: the directions' units a day, when read.
void SettleRowColumnsByRatio(std::vector<NutrientAmount>& amounts, const std::vector<TextLine>& lines,
                             std::optional<double> unitsPerDay, const ExtractionLimits& limits);

}  // namespace suppcheck
