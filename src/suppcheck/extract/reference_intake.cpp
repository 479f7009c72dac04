#include "suppcheck/extract/reference_intake.h"

#include <algorithm>
#include <cmath>

namespace suppcheck {

bool RiFits(double percent, double mg, const ExtractionLimits& limits) {
  std::vector<double> refs = {limits.referenceIntakeMg};
  refs.insert(refs.end(), limits.otherReferenceIntakesMg.begin(), limits.otherReferenceIntakesMg.end());
  return std::any_of(refs.begin(), refs.end(), [&](double ref) { return PercentFits(percent, mg, ref, limits); });
}

bool PercentFits(double percent, double mg, double hundredPercentMg, const ExtractionLimits& limits) {
  if (hundredPercentMg <= 0) return false;
  const double expected = mg / hundredPercentMg * 100.0;
  return std::abs(percent - expected) <= std::max(limits.riTolerancePoints, limits.riToleranceRelative * expected);
}

}  // namespace suppcheck
