#pragma once
// The one place that talks to Tesseract. An engine is initialised once (loading the language
// models is the slow part) and reused for every image; it is not thread-safe, so each worker
// thread owns its own engine.

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/util/ocr_word.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

enum class PageMode { Auto = 3, SingleColumn = 4, SingleBlock = 6, SingleLine = 7, Sparse = 11, RawLine = 13 };

class TesseractEngine {
 public:
  /// `tessdataDir` empty = Tesseract's default (TESSDATA_PREFIX or the packaged folder).
  /// Fails with code missing_models when the language data cannot be loaded.
  /// `retryInverted`: re-read low-confidence lines inverted (light text on dark bands); costs
  /// time on noisy photos, so the whole-label pass turns it off.
  static Expected<std::unique_ptr<TesseractEngine>> Create(const std::string& tessdataDir,
                                                           const std::string& languages, bool retryInverted = true);
  ~TesseractEngine();

  /// Recognises an 8-bit grey image. Word boxes are in that image's pixels. `whitelist`
  /// restricts the characters (only for crops where a code must stand); empty = all.
  std::vector<OcrWord> Recognize(const cv::Mat& gray, PageMode mode, const std::string& whitelist = "");

  const std::string& languages() const { return languages_; }
  static std::string Version();

 private:
  TesseractEngine() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string languages_;
};

}  // namespace suppcheck
