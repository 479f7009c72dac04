#include "suppcheck/extract/reference_intake.h"

#include <algorithm>
#include <cmath>

namespace suppcheck {

bool RiFits(double percent, double mg, const ExtractionLimits& limits) {
  std::vector<double> refs = {limits.referenceIntakeMg};
  refs.insert(refs.end(), limits.otherReferenceIntakesMg.begin(), limits.otherReferenceIntakesMg.end());
  for (const double ref : refs) {
    const double expected = mg / ref * 100.0;
    const double tol = std::max(limits.riTolerancePoints, limits.riToleranceRelative * expected);
    if (std::abs(percent - expected) <= tol) return true;
  }
  return false;
}

}  // namespace suppcheck
