#pragma once
// Cross-checks a careful reader makes between a dose and the rest of the label.

#include <optional>
#include <utility>

#include "suppcheck/extract/dose_choice.h"

namespace suppcheck {

/// A printed %RI next to the chosen declared amount (per day first) that does not fit its mg:
/// (printed %, mg it stands next to); none when it fits or nothing is printed.
std::optional<std::pair<double, double>> RiMismatch(const DoseChoice& dose, const ExtractionLimits& limits);

}  // namespace suppcheck
