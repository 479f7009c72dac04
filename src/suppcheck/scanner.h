#pragma once
// The label scanner: the only place that knows the order of the stages
//   load -> geometry and light -> OCR -> extraction -> assessment -> result.
// A Scanner owns a warm Tesseract engine and is NOT thread-safe: one per worker thread.
// The models (vocabulary, salts, rules) and the registry are shared between scanners.
// The result type is in scan_result.h, the models in models.h, the conclusion from text (shared
// with `scan --text`) in conclude.h, the annotated photo in report/annotated_image.h.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "suppcheck/image/image_loader.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/models.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/scan_result.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

struct ScannerOptions {
  std::string tessdataDir;                       ///< empty = Tesseract's default
  /// Tesseract languages for the targeted re-reads of the lines that matter, and for the
  /// whole-label first pass; empty = the models' (vocabulary.json `ocr_languages`).
  std::string languages;
  std::string firstPassLanguages;
  std::string profile = "adult";
  PrepareOptions prepare;
  LoadLimits limits;
  std::filesystem::path debugDir;                ///< keep intermediate images here; empty = off
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

}  // namespace suppcheck
