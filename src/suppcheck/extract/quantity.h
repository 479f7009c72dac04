#pragma once
// Amounts printed on labels, found in folded text: "187,5 mg", "90mg", "0,184 g", "5 mmol",
// "400 µg", "375 rng" (OCR for mg), and percentages "100 %". Decimal commas are read as the
// decimal point; "1.160 mg" is read as 1160 mg (nobody prints a dose to the microgram with a
// point), but "2,250 g" is 2.25 g. A leading zero is a decimal separator lost ("025mg" is 0.25 mg).

#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

enum class MassUnit { Mg, G, Ug, Mmol, IU };

struct Quantity {
  double value = 0;   ///< as printed, in `unit`
  MassUnit unit = MassUnit::Mg;
  double mg = 0;      ///< converted to mg (mmol as magnesium: 24.305 mg); 0 for IU
  /// Read from an OCR spelling of "mcg" ("meg", "mog"): µg only where the nutrient is counted in µg.
  bool ocrMicrograms = false;
  /// "Img", "lmg", "lg", "Smg": a digit read as a letter (a 1 as a capital I or a lower-case l,
  /// which sans-serif fonts draw alike; a blurred 5 as an S), `value` that digit. Only with
  /// QuantityOptions::letterDigit; its reader confirms it (a % RI).
  bool letterDigit = false;
  /// "1,1. mg": a mark read between a number that has its decimals and its unit (a speck, or a
  /// digit lost). Only with QuantityOptions::strayMark; its reader confirms it (a % RI).
  bool strayMark = false;
  size_t begin = 0;   ///< byte range in the folded text
  size_t end = 0;
};

struct Percent {
  double value = 0;
  size_t begin = 0, end = 0;
};

/// What else to read as an amount besides masses (the magnesium reading takes neither: "100 meg"
/// could be a damaged "100 mg" there).
struct QuantityOptions {
  const std::vector<std::string>* iuWords = nullptr;  ///< "iu", "ie", "ui": international units
  /// OCR spellings of µg / mcg ("meg", "yg", "hq"), read as µg and marked ocrMicrograms: only a
  /// nutrient counted in µg takes them.
  const std::vector<std::string>* ocrMicrogramWords = nullptr;
  /// An I or l standing alone right before mg, g, µg or mcg ("Cuivre Img 100%") read as 1, an S
  /// as 5 ("Smg"), marked letterDigit.
  bool letterDigit = false;
  /// A '.' or ',' after a number with decimals and before a space and the unit ("1,1. mg") read
  /// past, the quantity marked strayMark.
  bool strayMark = false;
};

/// Masses with a unit, left to right.
std::vector<Quantity> FindQuantities(std::string_view folded, const QuantityOptions& options = {});
/// Percentages, left to right.
std::vector<Percent> FindPercents(std::string_view folded);
/// Parses a number as printed on a label ("187,5", "1.160" with `thousandsOk`); false if none.
bool ParseLabelNumber(std::string_view s, bool thousandsOk, double& value);

}  // namespace suppcheck
