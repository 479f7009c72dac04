#pragma once
// One product from several photos of its pack (spec/report.md, "several photos of one
// product"): the front with the brand, the back with the ingredients and the dose, the side
// with the number next to the lot. Each photo is scanned on its own; this merges the results.
//
// A field comes from the photo that shows it: the number from the photo it was read on, the
// dose from the lines of all photos read together (a table on the back, the directions on the
// side). What the photos contradict is never resolved silently: two different numbers (also a
// well-formed one beside a number line read without confidence whose digits are plainly others),
// or two different doses, become problems (`photos_disagree`, in the notification's problems and the
// messages) and the value concerned is left unknown. The combined coverage decides whether an
// absent number is `missing` or `not_seen`.

#include <string>
#include <vector>

#include "suppcheck/models.h"
#include "suppcheck/scan_result.h"

namespace suppcheck {

/// Merges the scan results of the photos of one product (in the order given; `file` is the
/// first photo). Photos that could not be processed are named in the messages; when none
/// could, the result is the first one's error. The assessment is made again on the merged
/// fields with `profile`.
ScanResult MergeProductResults(const std::vector<ScanResult>& photos, const Models& models, const std::string& profile);

/// The part of a product result whose boxes lie on `file` (for an annotated image per photo).
ScanResult EvidenceOnFile(const ScanResult& product, const std::string& file);

}  // namespace suppcheck
