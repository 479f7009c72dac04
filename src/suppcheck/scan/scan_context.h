#pragma once
// What every pass of Scanner::ScanImage works with for one photo: the two OCR engines, the
// models, the options, the registry and where the debug images go. The scanner owns all of it;
// a pass (the files of this folder) borrows it for one photo.

#include <string>

#include <opencv2/core.hpp>

#include "suppcheck/models.h"
#include "suppcheck/ocr/page_orientation.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/scanner.h"
#include "suppcheck/util/box.h"
#include "suppcheck/util/lazy_loaded.h"

namespace suppcheck {

struct ScanContext {
  const Models& models;
  const ScannerOptions& options;
  Registry* registry;
  TesseractEngine& engine;     ///< targeted re-reads: all label languages
  TesseractEngine& firstPass;  ///< the whole-label pass: fast; may be `engine` itself
  std::string name;            ///< the photo, as the results and the debug files name it
  /// A second recognition model (models/tessdata, English "best"), used only to check a number
  /// the first model's reads agreed on; loaded on first use; null when the scanner has none.
  LazyLoaded<TesseractEngine>* numberChecker = nullptr;
  /// Tesseract's orientation detection, asked only when a page's reading cannot tell whether it
  /// stands upside down (scan/whole_label_read.cpp); null when its model is not installed.
  LazyLoaded<PageOrientation>* orientation = nullptr;

  /// With --debug-dir: keeps `image` as DIR/<stem of name>.<step>.png.
  void Debug(const std::string& step, const cv::Mat& image) const { DebugAs(name, step, image); }
  void DebugAs(const std::string& who, const std::string& step, const cv::Mat& image) const;
  /// The file name stem of `who`, safe in a file name ("input" when empty).
  static std::string SafeStem(const std::string& who);
};

/// `b` grown by `px` left and right and `py` above and below, clipped to `limit`.
Box PadBox(const Box& b, int px, int py, const cv::Size& limit);

}  // namespace suppcheck
