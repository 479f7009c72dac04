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

  /// As Recognize, but one entry per recognised character (its UTF-8 text, its box, the word's
  /// line), in reading order, with a space entry (empty box) between words. Tesseract's LSTM
  /// places these boxes from its output columns: right in x to a pixel or two, which is what
  /// comparing one printed glyph with another needs (ocr/number_glyph_likeness.h).
  std::vector<OcrWord> RecognizeGlyphs(const cv::Mat& gray, PageMode mode, const std::string& whitelist = "");

  const std::string& languages() const { return languages_; }
  static std::string Version();

 private:
  TesseractEngine() = default;
  /// Sets the image and options and runs recognition; false when there is nothing to iterate.
  bool Run(const cv::Mat& gray, PageMode mode, const std::string& whitelist);
  /// The results of the last Run, one entry per word (per character with `glyphs`); clears them.
  std::vector<OcrWord> Collect(bool glyphs);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string languages_;
};

}  // namespace suppcheck
