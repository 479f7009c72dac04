#pragma once
// From lines of text to a result: extraction, the registry lookup and the assessment. The same
// for lines OCR'd from a photo (scanner.h) and for text already OCR'd (`scan --text`); no
// pixels, no OCR engine.

#include <string>
#include <vector>

#include "suppcheck/models.h"
#include "suppcheck/scan_result.h"

namespace suppcheck {

/// Extraction, registry and assessment on `lines` into `r` (r.ok becomes true). `number`: the
/// number already found (and verified) on the photo, or null to find it in `lines`.
void Conclude(ScanResult& r, const std::vector<TextLine>& lines, const Models& models, const std::string& profile,
              Registry* registry, const NumberFinding* number);

/// Extraction and assessment on text that is already OCR'd (`scan --text`): no OCR, no boxes.
ScanResult ScanText(const std::string& text, const std::string& name, const Models& models,
                    const std::string& profile, Registry* registry);

/// The nutrients of `lines` (magnesium from `magnesium`), assessed for `profile` (a
/// ScannerOptions::profile id). Used by every path that concludes a result.
std::vector<NutrientResult> ReadAndAssessNutrients(const std::vector<TextLine>& lines, const MagnesiumFacts& magnesium,
                                                   const Models& models, const std::string& profile);

}  // namespace suppcheck
