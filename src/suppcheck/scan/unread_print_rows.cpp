#include "suppcheck/scan/unread_print_rows.h"

#include <algorithm>

#include "suppcheck/extract/coverage.h"
#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/ocr/barcode_bars.h"

namespace suppcheck {

namespace {

// A row of print: this many glyphs side by side, none covered by a word the OCR read, at any
// confidence (a number has at least a category and four digits: "NUT 1/2" is six glyphs). Words
// read at a low confidence are the line-level check's to judge (extract/legal_text_legibility.h).
constexpr size_t kMinUnreadGlyphs = 5;
// ... and most of its glyphs: a row read in part is a line that was read, its end cut off (a lot
// line "ot 1511/260 THT 0:" for "Lot 1511/260 THT 03/2030", seed 36527 phone-0016).
constexpr double kMinUnreadShare = 0.5;
// Its glyphs' median height against the legal line's word height: small print of about that size
// (the number may be bold and larger), not a title or specks.
constexpr double kMinGlyphShare = 0.35, kMaxGlyphShare = 2.0;
// How far from the legal line, in its heights: the lines right above and below it.
constexpr int kNeighbourhoodLines = 3;
// Glyphs this many times as tall as wide are thin strokes: a barcode's bars, rules, an "l".
// Most glyphs of a line of print are not.
constexpr double kThinAspect = 4;

int MedianHeight(const std::vector<cv::Rect>& glyphs) {
  std::vector<int> hs;
  for (const auto& g : glyphs) hs.push_back(g.height);
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  return hs[hs.size() / 2];
}

// Whether a word the OCR returned, at any confidence, covers the glyph's centre. Even a word box
// spanning two rows counts: a barcode read as one word with its digits is read, not unread print
// (seed 81234 phone-0028, a back without a number).
bool Covered(const cv::Rect& glyph, const std::vector<Box>& read) {
  const int cx = glyph.x + glyph.width / 2, cy = glyph.y + glyph.height / 2;
  return std::any_of(read.begin(), read.end(),
                     [&](const Box& b) { return cx >= b.x && cx < b.right() && cy >= b.y && cy < b.bottom(); });
}

}  // namespace

bool UnreadPrintNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  const std::vector<size_t> cues = LegalTextLines(lines, vocab);
  if (cues.empty() || prep.gray.empty()) return false;
  std::vector<Box> read;
  for (const auto& line : lines)
    for (const auto& w : line.words)
      if (!w.box.empty()) read.push_back(w.box);
  const int textHeight = static_cast<int>(prep.glyphHeight > 0 ? prep.glyphHeight : 20);
  const std::vector<Box> barcodes = FindBarcodes(prep.gray, textHeight);
  const Glyphs glyphs = FindGlyphs(prep.gray);
  for (const auto& row : RowsAcross(glyphs, kMinUnreadGlyphs)) {
    std::vector<cv::Rect> unread;
    for (const cv::Rect& g : row) {
      const bool inBarcode = std::any_of(barcodes.begin(), barcodes.end(), [&](const Box& b) {
        return g.x >= b.x && g.x < b.right() && g.y + g.height / 2 >= b.y && g.y + g.height / 2 < b.bottom();
      });
      if (!inBarcode && !Covered(g, read)) unread.push_back(g);
    }
    if (unread.size() < kMinUnreadGlyphs ||
        static_cast<double>(unread.size()) < kMinUnreadShare * static_cast<double>(row.size()))
      continue;
    const auto thin = std::count_if(unread.begin(), unread.end(), [](const cv::Rect& g) { return g.height > kThinAspect * g.width; });
    if (thin * 2 > static_cast<long>(unread.size())) continue;
    cv::Rect span = unread.front();
    for (const auto& g : unread) span |= g;
    const int glyphH = MedianHeight(unread);
    for (const size_t c : cues) {
      const Box& cue = lines[c].box;
      if (cue.empty() || cue.h > cue.w) continue;  // a turned panel's lines keep photo boxes
      const int h = std::max(1, MedianWordHeight(lines[c]));
      if (glyphH < kMinGlyphShare * h || glyphH > kMaxGlyphShare * h) continue;
      const int gap = span.y > cue.bottom() ? span.y - cue.bottom() : cue.y > span.br().y ? cue.y - span.br().y : 0;
      if (gap > kNeighbourhoodLines * h) continue;
      // The same column: the row overlaps the legal line across, with a quarter's slack.
      const int slack = cue.w / 4;
      if (span.x < cue.right() + slack && span.br().x > cue.x - slack) return true;
    }
  }
  return false;
}

}  // namespace suppcheck
