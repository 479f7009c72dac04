#pragma once
// The number line the page-level pass dropped. On small legal text with tight leading the bold
// number line sits right under the producer's address (or above the lot line); the sparse pass
// then returns the address and nothing of the number (ocr-practice.md §7). A person looks just
// below the address and around the lot line: so does this, one line high, with PSM 7.

#include <optional>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/ocr/tesseract_engine.h"

namespace suppcheck {

/// True for a line of the legal text: a producer address (NV, BV, SA, GmbH, straat, rue, Tel.)
/// or a lot / best-before line, by the words of models/vocabulary.json `legal_line_words`.
bool IsLegalTextLine(const std::string& text, const Vocabulary& vocab);

/// Bands one line high right below and right above each legal-text line, in `limit`'s pixels.
std::vector<Box> BandsNearLegalLines(const std::vector<TextLine>& lines, const cv::Size& limit, const Vocabulary& vocab);

/// Reads those bands and returns the first line in which a notification number (or a label)
/// is found, its words in `gray`'s pixels; nothing when none.
std::optional<TextLine> FindDroppedNumberLine(TesseractEngine& engine, const PreparedImage& image,
                                              const std::vector<TextLine>& lines, const Vocabulary& vocab);

/// A line read in one of several bands, and that band.
struct BandLine {
  TextLine line;
  Box band;
};

/// Reads each band as one line (PSM 7, enlarged so that its glyphs are near 40 px) and returns
/// the first line that holds a notification number anchored on its categories, its words in
/// `image.gray`'s pixels; nothing when none does.
std::optional<BandLine> ReadNumberLineInBands(TesseractEngine& engine, const PreparedImage& image,
                                              const std::vector<Box>& bands, const Vocabulary& vocab);

}  // namespace suppcheck
