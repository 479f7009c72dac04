#pragma once
// Magnesium on a label: whether it is an active ingredient, which salts, how much elemental
// magnesium per unit and per day, with the lines each value came from.
//
// Every amount on a line is given to its owner: the nearest nutrient named before it (or a
// "de magnésium"/"of magnesium" right after it). Amounts owned by another mineral or vitamin
// are never magnesium; "magnesium stearate" is an excipient, not magnesium. An amount owned by
// a salt name is salt mass unless an "of which / waarvan / dont / davon / soit / elemental"
// marker stands between; an amount owned by the word magnesium is elemental. Whether an
// amount is per unit or per day comes from the words around it, a table header above it, or
// a "Pour un comprimé" line below it.

#include <optional>
#include <string>
#include <vector>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"

namespace suppcheck {

struct Evidence {
  std::string text;
  Box box;  ///< empty without OCR geometry
  std::string role;  ///< "dose", "salt", "units_per_day" (for annotation labels)
};

enum class DoseBasis { Unknown, PerUnit, PerUnits, PerDay };

/// One magnesium amount read on the label.
struct MagnesiumAmount {
  double mg = 0;              ///< as printed, converted to mg (salt mass or elemental)
  bool elemental = true;      ///< false: salt mass of `salt`
  std::string salt;           ///< salt id for salt mass
  DoseBasis basis = DoseBasis::Unknown;
  double units = 1;           ///< for PerUnits/PerDay: how many units the amount is for (0 = unknown)
  int line = -1;
  size_t begin = 0, end = 0;  ///< byte range in the line
  std::optional<double> percentRi;  ///< a %RI printed after it on the same row
  float confidence = 100;
};

struct MagnesiumFacts {
  bool present = false;
  std::vector<std::string> salts;  ///< canonical ids, in order of appearance
  std::optional<double> mgPerUnit, unitsPerDay, mgPerDay;
  std::optional<std::pair<double, double>> mgPerDayRange;
  std::string basis;  ///< "declared", "from_salt_mass" or "" (unknown)
  std::vector<Evidence> evidence;
  std::vector<MagnesiumAmount> amounts;  ///< everything read, for debugging and the %RI check
  /// %RI printed next to the chosen amount that does not fit its mg (set when contradictory).
  std::optional<std::pair<double, double>> riMismatch;  ///< (printed %, mg it was printed next to)
};

struct ExtractionLimits {
  double maxMgPerUnit = 2000;  ///< larger elemental amounts per unit are misreadings
  double maxUnitsPerDay = 12;
  double referenceIntakeMg = 375;
  double riTolerancePoints = 5;
  double riToleranceRelative = 0.10;
};

/// Whether a line is worth re-reading for the dose: it names magnesium (or a salt) next to a
/// number, or it holds a unit word or a daily word (directions).
bool IsDoseOrDirectionsLine(const std::string& text, const Vocabulary& vocab);

MagnesiumFacts ExtractMagnesium(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                const ExtractionLimits& limits = {});

}  // namespace suppcheck
