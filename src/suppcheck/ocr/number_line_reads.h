#pragma once
// Independent re-reads of the line a notification number stands on, for the agreement check
// (extract/number_reads_agreement.h). Each read differs from the others in what can make one
// read wrong: the scale, the binarisation, Tesseract's page-segmentation mode (7: one line,
// 13: raw line), a character whitelist, and a crop that stops at the neighbouring lines (a
// crop that took in part of the address line above added digits, ocr-practice.md §7).
// Only this band is read again, never the page: it stays cheap.

#include <functional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/number_finder.h"
#include "suppcheck/extract/vocabulary.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/ocr/tesseract_engine.h"

namespace suppcheck {

/// What may stand on a number line when a read restricts the characters: capitals (a category,
/// or a wrong one such as "PX", must stay readable), digits, the slash.
inline constexpr const char* kNumberWhitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/ ";

/// The band to re-read for a finding on `lines[finding.line]`: one line high, without the lines
/// above and below, from a little left of the number (or its label) to the right end of the
/// text block. Fitted to the ink of `gray` in the number's columns: the text row with the most
/// ink, without a frame round it or the neighbouring lines' ink (tight leading), and ending where
/// a wide gap follows the line's last ink. Working-image pixels; empty when there is no geometry.
Box NumberLineBand(const std::vector<TextLine>& lines, const NumberFinding& finding, const cv::Mat& gray);

/// Edge, in rendered pixels, added round a band before it is read: Tesseract misses a glyph
/// that touches the crop's border.
inline constexpr int kBandReadBorder = 12;

/// `region` of `image` rendered for a read with glyphs `glyphHeight` px high, `bandGlyph` being
/// their height in the band (BandGlyphHeight), the factor kept within 0.5–5; `ink` (when given)
/// binarises the rendering before kBandReadBorder px of replicated edge go round it. `scale`
/// receives the factor used. Empty when the region is.
cv::Mat RenderNumberBand(const PreparedImage& image, const Box& region, double bandGlyph, double glyphHeight,
                         double* scale, const std::function<cv::Mat(const cv::Mat&)>& ink = {});

/// The glyph height in a band cut by NumberLineBand: the glyphs plus a third above and below.
double BandGlyphHeight(const Box& band);

/// Called with each read crop (for --debug-dir): a short name and the image.
using CropSink = std::function<void(const std::string&, const cv::Mat&)>;

/// Re-reads `band` of `gray` in up to `maxReads` ways, calling `enough` after each read with all
/// reads so far (the page-level one first, from `previous`); stops when it returns true.
/// Each read is the best candidate found in that read (Missing when none), with boxes in
/// `gray`'s pixels.
std::vector<NumberFinding> ReReadNumberBand(TesseractEngine& engine, const PreparedImage& image, const Box& band,
                                            const Vocabulary& vocab, std::vector<NumberFinding> previous,
                                            int maxReads,
                                            const std::function<bool(const std::vector<NumberFinding>&)>& enough,
                                            const CropSink& sink = {});

/// One read of `band` by a second recognition model (`checker`; ocr/number_check_model.h) for
/// a number the first model's reads agreed on (`first`: its line and wrapped start carry over):
/// grey, one line, no whitelist, glyphs `glyphHeight` px high. Missing when it holds no number.
NumberFinding CheckReadNumberBand(TesseractEngine& checker, const PreparedImage& image, const Box& band,
                                  const Vocabulary& vocab, const NumberFinding& first, double glyphHeight,
                                  const CropSink& sink = {});

}  // namespace suppcheck
