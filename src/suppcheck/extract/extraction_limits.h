#pragma once
// Plausibility bounds and reference values the dose extraction uses. Every number is read from
// models/rules.json by Rules::Load (assess/rules.h), none is written here: tests use the real models.

#include <cstddef>
#include <limits>
#include <vector>

namespace suppcheck {

struct ExtractionLimits {
  double maxMgPerUnit = 0;  ///< larger elemental amounts per unit are misreadings
  double maxUnitsPerDay = 0;
  /// A nutrient amount above this many times the nutrient's highest limit is a misreading.
  double implausibleTimesLimit = 0;
  /// An amount read at a word confidence under this (0-100), with no % RI beside it, is not trusted
  /// to put a nutrient above its health limit (extract/nutrient_amount_checks, DropUnsureAmountsAboveLimits).
  double unsureAmountConfidence = 0;
  double referenceIntakeMg = 0;
  double riTolerancePoints = 0;
  double riToleranceRelative = 0;
  /// An amount re-read from its digits must fit its printed % RI this closely (extract/ri_plausibility).
  double riReadingTolerancePoints = 0;
  double riReadingToleranceRelative = 0;
  /// These limits with a re-read amount's % RI tolerance (riReading*) in place of a rounded %'s.
  ExtractionLimits AtReadingTolerance() const {
    ExtractionLimits close = *this;
    close.riTolerancePoints = riReadingTolerancePoints;
    close.riToleranceRelative = riReadingToleranceRelative;
    return close;
  }
  std::vector<double> otherReferenceIntakesMg;  ///< % DV on US labels
  double doseAgreement = 0;          ///< two statements of one dose agree within this fraction
  double saltFractionTolerance = 0;  ///< elemental vs salt mass: the salt's fraction range widened by this
  /// A title number that reads as the dose's first digits ("Magnesium 60" over 600 mg a day,
  /// extract/title_amount.h IsCutTitleNumber) leaves the dose reported only when the dose a day is
  /// above this: the highest upper level of rules.json's profiles, so that the title let through
  /// can only make a product `above_noael`, never `within_noael`. Not a threshold of its own: the
  /// profiles' `noael_mg`. Infinite (never let through) until Rules::Load sets it.
  double cutTitleDoseAboveMg = std::numeric_limits<double>::infinity();
  /// How far above a table row its column header may stand: a reading step of the table, not a
  /// threshold of the assessment (it says nothing about a product), so it stays in code.
  size_t headerSearchLines = 8;
};

}  // namespace suppcheck
