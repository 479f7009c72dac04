#pragma once
// One amount of a nutrient read on a label, before any daily dose is worked out: its mass, whether
// it is the nutrient itself (elemental) or the mass of a compound, what it is per (a unit, several
// units, a day), where it was printed and the % RI printed beside it.

#include <cstddef>
#include <optional>
#include <string>

namespace suppcheck {

enum class DoseBasis { Unknown, PerUnit, PerUnits, PerDay };

struct NutrientAmount {
  double mg = 0;              ///< as printed, converted to mg (compound mass or elemental)
  bool elemental = true;      ///< false: mass of the compound `salt`
  std::string salt;           ///< compound id for a compound mass
  DoseBasis basis = DoseBasis::Unknown;
  double units = 1;           ///< for PerUnits/PerDay: how many units the amount is for (0 = unknown)
  int line = -1;
  size_t begin = 0, end = 0;  ///< byte range in the line
  std::optional<double> percentRi;  ///< a %RI printed after it on the same row
  float confidence = 100;
  /// Digits stand one space before it ("Magnesium 37 5 mg"): OCR may have split one number, and
  /// the amount may be 375 mg, not 5.
  bool digitsBefore = false;
  /// A quote mark is glued to its first digit ("‘875mg" for "168,75 mg" squeezed at a curved
  /// label's edge): digits before it may be lost.
  bool markBefore = false;
};

/// Magnesium's amounts are nutrient amounts; the name stays for the report and the tests.
using MagnesiumAmount = NutrientAmount;

}  // namespace suppcheck
