#pragma once
// Glyphs found as connected components of a grey image, and what their arrangement says about
// the label: which of them sit in rows of text (not background texture), where the rows are,
// how tall the small print is, and whether the text runs down the image (turned by 90 degrees).
// The layout analysis of image/label_image.cpp is built on these.

#include <cstddef>
#include <vector>

#include <opencv2/core.hpp>

namespace suppcheck {

struct Glyphs {
  std::vector<cv::Rect> boxes;
};

/// A sixth of an image's height: taller components are banners and pictures, not glyphs (but a
/// large title on a short, wide label is taller).
inline constexpr double kGlyphHeightShare = 1.0 / 6;

/// Glyph-like connected components of dark-on-light (and light-on-dark) text, at most
/// `maxHeightShare` of the image's height tall.
Glyphs FindGlyphs(const cv::Mat& gray, double maxHeightShare = kGlyphHeightShare);

/// The glyphs of `g`, found by FindGlyphs in an image `rows` pixels high with a larger share, that
/// FindGlyphs would have found there with `maxHeightShare`: the same boxes in the same order,
/// without finding them again.
Glyphs GlyphsAtMost(const Glyphs& g, double maxHeightShare, int rows);

/// True when most glyphs' nearest similar-sized neighbours are above or below them, not beside
/// them: the text is turned by 90 degrees.
bool LooksTurned(const Glyphs& g);

/// A lower percentile of glyph heights: the small print, which is what must stay readable
/// (0 when there are too few glyphs to say).
double SmallPrintHeight(const Glyphs& g);

/// Glyphs that sit in a row with a neighbour of similar size: text, not background texture.
std::vector<cv::Rect> AlignedGlyphs(const Glyphs& g);

/// Glyphs in rows running down the label (a side panel printed at 90 degrees, whose text the
/// OCR reads later, turned).
std::vector<cv::Rect> GlyphsInRowsDown(const Glyphs& g);

/// The rows running down the label (chains of at least `minGlyphs` glyphs one under the other,
/// as a side panel printed at 90 degrees has them), each as its glyphs' boxes.
std::vector<std::vector<cv::Rect>> RowsDown(const Glyphs& g, size_t minGlyphs = 4);

/// Blocks of text printed at 90 degrees to the rest (a box's flank photographed with its front):
/// rows running down whose glyphs lie on their side (wider than tall), joined with the rows beside
/// them; each block holds at least `minGlyphs` such glyphs. Largest first.
std::vector<cv::Rect> TurnedTextBlocks(const Glyphs& g, size_t minGlyphs = 12);

/// The centres of `rows` (each a row's glyph boxes).
std::vector<cv::Point2f> RowCentres(const std::vector<std::vector<cv::Rect>>& rows);

/// The rows of text across the label: chains of at least `minGlyphs` glyphs side by side with
/// similar size, each as its glyphs' boxes.
std::vector<std::vector<cv::Rect>> RowsAcross(const Glyphs& g, size_t minGlyphs = 4);
/// Centres of text rows: chains of at least `minGlyphs` glyphs side by side with similar size.
std::vector<cv::Point2f> TextRows(const Glyphs& g, size_t minGlyphs = 4);

}  // namespace suppcheck
