#pragma once
// Tesseract's orientation detection (OSD, the legacy engine's osd.traineddata of the Debian
// package tesseract-ocr-osd): which way round the text of a page stands, from the shapes of its
// glyphs rather than from what they read as. Text read upside down can come out as confident
// garbage ("uaspyiyo Bunok yo yoeas", mean word confidence 53: label seed 60493 hard-0026), which
// the confidence test of ocr/readability.h takes for upright text; the glyph shapes still show
// the turn. Optional: without the model a scan judges the turn by its readings alone.

#include <memory>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

namespace suppcheck {

/// What the detector says of a page.
struct DetectedOrientation {
  int degrees = 0;         ///< how far the text stands turned (0, 90, 180, 270; Tesseract's orient_deg): 180 is upside down
  double confidence = 0;   ///< Tesseract's orientation confidence (no upper bound; 14 is OCRmyPDF's bar)
};

class PageOrientation {
 public:
  /// The detector with osd.traineddata of `tessdataDir` (empty: Tesseract's default folder);
  /// null when the model is not there or does not load.
  static std::unique_ptr<PageOrientation> Load(const std::string& tessdataDir);
  ~PageOrientation();

  /// The orientation of the text of `gray` (8-bit); nothing when too few glyphs were found.
  std::optional<DetectedOrientation> Detect(const cv::Mat& gray);

 private:
  PageOrientation() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace suppcheck
