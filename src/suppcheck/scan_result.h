#pragma once
// What reading one label gives (spec/report.md): the number, the magnesium, the nutrients, the
// assessment, what the photo showed, and how the OCR went. A plain value with no pixels in it,
// so that the reports, the product merge and the tests on text need neither OpenCV nor the
// scanner (scanner.h) to use it.

#include <optional>
#include <string>
#include <vector>

#include "suppcheck/assess/label_nutrients.h"
#include "suppcheck/assess/rules.h"
#include "suppcheck/extract/coverage.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

struct OcrInfo {
  std::string engine;
  std::string languages;
  int rotation = 0;
  double meanConfidence = 0;
  double ms = 0;
  double scale = 1;
  bool perspective = false;
  bool unwrapped = false;
  bool textureRemoved = false;  ///< the texture around the label's paper painted out
  bool lightPrintInverted = false;  ///< light print on dark paper, read inverted
  double skewDegrees = 0;
  std::vector<PassTime> passes;  ///< where `ms` went, pass by pass (for --verbose)
};

struct ScanResult {
  std::string file;
  bool ok = false;
  Error error;  ///< set when !ok
  NumberFinding number;
  RegistryAnswer registry;
  MagnesiumFacts magnesium;  ///< evidence boxes in photo pixels
  Assessment assessment;
  /// Every vitamin and mineral with an amount on the label, assessed (magnesium from `magnesium`).
  std::vector<NutrientResult> nutrients;
  Coverage coverage;  ///< which parts of the label were shown and read
  /// Several photos of one product (`scan --product`): all of them, `file` being the first.
  /// Empty for a one-photo result.
  std::vector<std::string> files;
  std::optional<OcrInfo> ocr;  ///< null for --text
  std::vector<TextLine> lines;  ///< what was read, boxes in photo pixels (for --annotate, debugging)
  /// The nutrient table read once more as one block (photo pixels): read with `lines` for the
  /// nutrients only, here so that a product of several photos can read them again together.
  std::vector<TextLine> tableLines;
  /// How many of `tableLines`, the first, are the table's header read again: the photo's dose
  /// was read with them inserted above the rows (a header "Per daily dose (1 sachet)" says the
  /// units a day), and so is a product's.
  size_t tableHeaderLines = 0;

  bool flagged() const { return ok && IsFlagged(assessment); }
};

}  // namespace suppcheck
