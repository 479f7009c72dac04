#include "suppcheck/extract/dose_checks.h"

#include <algorithm>
#include <cmath>

namespace suppcheck {

std::optional<std::pair<double, double>> RiMismatch(const DoseChoice& dose, const ExtractionLimits& limits) {
  for (const auto* a : {dose.dayAmount, dose.unitAmount}) {
    if (!a || !a->percentRi || !dose.declared) continue;
    const double expected = a->mg / limits.referenceIntakeMg * 100.0;
    const double tol = std::max(limits.riTolerancePoints, limits.riToleranceRelative * expected);
    if (std::abs(*a->percentRi - expected) > tol) return std::pair(*a->percentRi, a->mg);
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace suppcheck
