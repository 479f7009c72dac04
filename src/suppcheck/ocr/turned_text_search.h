#pragma once
// Text the page-level pass could not read because it runs at another angle than the rest of the
// label: the legal text on a box's flank printed at 90 degrees, photographed together with the
// front. Tesseract reads the upright text and returns nothing (or confetti) for the turned block,
// so the notification number in it was never seen (ocr-practice.md §7: most of the numbers the
// scanner reported missing on unseen photos stood on such a panel). A person tilts their head:
// this finds the inked areas that no confidently read word covers and reads each one turned a
// quarter each way, keeping the turn that reads like text.

#include <optional>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/working_region.h"
#include "suppcheck/ocr/tesseract_engine.h"

namespace suppcheck {

/// Blocks of `gray` (working pixels) that may hold turned text, at most `maxRegions`: first the
/// blocks of glyphs lying on their side in rows running down (image/glyph_layout.h), unless words
/// read with confidence cover much of them, each joined with the unread ink it touches; then the
/// blocks of ink that hold text-like marks but no word read with confidence in `words`, largest
/// first. Small specks, rules and pictures too thin to hold a line of text are left out, and so
/// are blocks the upright pass mostly read (upright text that the search joined up with its
/// unread leftovers).
std::vector<Box> UnreadInkRegions(const cv::Mat& gray, const std::vector<OcrWord>& words, size_t maxRegions = 2);

/// Whether `block` is as wide and as tall as the photo (`size`) nearly: the whole photo, which the
/// page pass read upright and the turns pass turned, the unread ink of a noisy background and not
/// a panel. Read turned in its four ways it took 115 s (label seed 14142 hard-0035: a small dim
/// label on dark cloth, 3000 x 2250 pixels of texture).
bool CoversThePhoto(const Box& block, cv::Size size);

struct TurnedReading {
  WorkingRegion region;          ///< the block, turned upright
  std::vector<OcrWord> words;    ///< in region.image's pixels
};

/// How a turned block is read.
struct TurnedReadOptions {
  bool level = false;                ///< level each turned cut first (LevelRegion); nothing when level already
  PageMode mode = PageMode::Sparse;  ///< Tesseract's page segmentation: sparse text, or one block
  double minReadability = 12;        ///< below this readability (see Readability) a reading is confetti
};

/// Reads `block` of `parent` turned by 90 and by 270 degrees and returns the reading that looks
/// like text (clearly more readable than the other turn and at least `options.minReadability`);
/// nothing otherwise. When `readability` is given, it is set to the better turn's Readability,
/// also when nothing is returned.
std::optional<TurnedReading> ReadTurnedBlock(TesseractEngine& engine, const PreparedImage& parent, const Box& block,
                                             const TurnedReadOptions& options = {}, double* readability = nullptr);

}  // namespace suppcheck
