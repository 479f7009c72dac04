#pragma once
// The label scanner: the only place that knows the order of the stages
//   load -> geometry and light -> OCR -> extraction -> assessment -> result.
// A Scanner owns a warm Tesseract engine and is NOT thread-safe: one per worker thread.
// The models (vocabulary, salts, rules) and the registry are shared between scanners.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "suppcheck/assess/label_nutrients.h"
#include "suppcheck/assess/nutrient_limits.h"
#include "suppcheck/assess/rules.h"
#include "suppcheck/extract/magnesium_extractor.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/nutrient_names.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/image/image_loader.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"
#include "suppcheck/util/pass_timer.h"

namespace suppcheck {

/// The data files every scanner shares, loaded once.
struct Models {
  std::filesystem::path dir;
  Vocabulary vocabulary;
  Rules rules;
  NutrientLimits nutrients;          ///< models/nutrients.json: names, forms, limits
  NutrientNameIndex nutrientNames;   ///< ... and models/nutrient_words.json, for reading them
  static Expected<std::shared_ptr<const Models>> Load(const std::filesystem::path& dir);
};

struct ScannerOptions {
  std::string tessdataDir;                       ///< empty = Tesseract's default
  std::string languages = "nld+fra+deu+eng";    ///< for the targeted re-reads of the lines that matter
  /// For the whole-label first pass: one language is ~2-3x faster on photos, and the words the
  /// extraction anchors on (NUT, magnesium, mg, digits) read the same in all four.
  std::string firstPassLanguages = "eng";
  std::string profile = "adult";
  PrepareOptions prepare;
  LoadLimits limits;
  std::filesystem::path debugDir;                ///< keep intermediate images here; empty = off
};

struct OcrInfo {
  std::string engine;
  std::string languages;
  int rotation = 0;
  double meanConfidence = 0;
  double ms = 0;
  double scale = 1;
  bool perspective = false;
  bool unwrapped = false;
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

  bool flagged() const { return ok && IsFlagged(assessment); }
};

class Scanner {
 public:
  /// Fails (missing_models) when the Tesseract language data cannot be loaded.
  static Expected<std::unique_ptr<Scanner>> Create(std::shared_ptr<const Models> models, ScannerOptions options,
                                                   Registry* registry = nullptr);
  ~Scanner();

  ScanResult ScanFile(const std::filesystem::path& path);
  ScanResult ScanBytes(const std::string& bytes, const std::string& name);
  ScanResult ScanImage(const cv::Mat& bgr, const std::string& name);

 private:
  Scanner() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// OpenCV parallelises single operations over all cores; with one scanner per core that only
/// oversubscribes them. Call once before starting several scanners in parallel.
void UseOneThreadPerScanner();

/// Extraction and assessment on text that is already OCR'd (`scan --text`): no OCR, no boxes.
ScanResult ScanText(const std::string& text, const std::string& name, const Models& models,
                    const std::string& profile, Registry* registry);

/// The nutrients of `lines` (magnesium from `magnesium`), assessed for `profile` (a
/// ScannerOptions::profile id). Used by every path that concludes a result.
std::vector<NutrientResult> ReadAndAssessNutrients(const std::vector<TextLine>& lines, const MagnesiumFacts& magnesium,
                                                   const Models& models, const std::string& profile);

/// Draws the boxes behind the number, salt and dose on the photo, labelled.
cv::Mat Annotate(const cv::Mat& bgr, const ScanResult& result);

}  // namespace suppcheck
