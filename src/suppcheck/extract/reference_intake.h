#pragma once
// Does a printed "% RI" fit an amount? The EU reference intake (375 mg of magnesium = 100 %,
// models/rules.json) and the US Daily Values that US labels print as % DV, within rounding.

#include "suppcheck/extract/extraction_limits.h"

namespace suppcheck {

bool RiFits(double percent, double mg, const ExtractionLimits& limits);

/// Is `percent` what `mg` is of `hundredPercentMg`, within the rounding of `limits`?
bool PercentFits(double percent, double mg, double hundredPercentMg, const ExtractionLimits& limits);

}  // namespace suppcheck
