#pragma once
// Plausibility bounds and reference values the dose extraction uses, filled from
// models/rules.json by Rules::Limits() (the defaults below only serve tests without models).

#include <cstddef>
#include <vector>

namespace suppcheck {

struct ExtractionLimits {
  double maxMgPerUnit = 2000;  ///< larger elemental amounts per unit are misreadings
  double maxUnitsPerDay = 12;
  double referenceIntakeMg = 375;
  double riTolerancePoints = 5;
  double riToleranceRelative = 0.10;
  /// An amount re-read from its digits must fit its printed % RI this closely (extract/ri_plausibility).
  double riReadingTolerancePoints = 1;
  double riReadingToleranceRelative = 0.05;
  std::vector<double> otherReferenceIntakesMg = {420, 400};  ///< % DV on US labels
  double doseAgreement = 0.03;          ///< two statements of one dose agree within this fraction
  double saltFractionTolerance = 0.20;  ///< elemental vs salt mass: the salt's fraction range widened by this
  size_t headerSearchLines = 8;  ///< how far above a table row its column header may stand
};

}  // namespace suppcheck
