#pragma once
// Does the % RI printed on an amount's row support the amount? OCR damages numbers: a decimal
// comma lost ("0,21 mg" read "021mg", "1,4 mg" read "14mg"), a separator read as a digit, a
// neighbouring column merged in ("200 mg" read "20000 mg"). The % RI beside it, read on its own,
// tells: the amount fits it within rounding, or one other reading of the same printed digits
// fits it (the decimal separator elsewhere, or only the first digits), or nothing fits and the
// amount cannot be trusted. The check knows only what 100 % is (the EU reference intake of
// models/nutrients.json, and the US Daily Values a "% DV" is of) and by how many units the
// amount may be multiplied for the % (the % of a per-unit amount may be per day).

#include <optional>
#include <string_view>
#include <vector>

#include "suppcheck/extract/extraction_limits.h"

namespace suppcheck {

struct RiCheck {
  enum class Verdict {
    Fits,       ///< the amount read fits the % RI
    Corrected,  ///< one other reading of its digits fits: `mg`
    Disagrees,  ///< neither the amount nor any single other reading fits
  } verdict = Verdict::Fits;
  double mg = 0;        ///< Corrected: the amount the % RI supports
  bool decimalInserted = false;  ///< Corrected: by a decimal sign OCR lost ("14" -> 1.4), not by merged digits dropped
  double expected = 0;  ///< Disagrees: the % the amount read would be (of the first reference)
};

struct RiReference {
  std::vector<double> hundredPercentMg;  ///< what 100 % is, in mg (EU RI, US DVs)
  std::vector<double> multipliers = {1};  ///< the amount times these may be what the % is of
};

/// `mg`: the amount read; `number`: its digits as printed ("021", "1,4", "20000"); `mgPerNumber`:
/// mg per unit of the printed number (1 for mg, 0.001 for µg).
RiCheck CheckAgainstRi(double mg, double percent, std::string_view number, double mgPerNumber,
                       const RiReference& ref, const ExtractionLimits& limits);

}  // namespace suppcheck
