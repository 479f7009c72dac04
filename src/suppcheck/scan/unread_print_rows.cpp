#include "suppcheck/scan/unread_print_rows.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/extract/coverage.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/image/glyph_layout.h"
#include "suppcheck/ocr/barcode_bars.h"

namespace suppcheck {

namespace {

// A row of print: this many letters side by side (glyphs run together counted by their width),
// none covered by a word the OCR read on that row, at any confidence (a number has at least a
// category and four digits: "NUT 1/2" is six glyphs). Words read at a low confidence are the
// line-level check's to judge (extract/legal_text_legibility.h).
constexpr int kMinUnreadLetters = 5;
// ... and most of its letters: a row read in part is a line that was read, its end cut off (a lot
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
// A glyph's width against its row's height, for counting the letters of glyphs run together
// (condensed bold print: "NUT46/3" is 66 px wide in two blobs 15 px high, about 0.6 of the
// height a letter; narrower letters make the count low, never high).
constexpr double kLetterWidth = 0.6;
// Runs of glyphs up to this many times as wide as tall are print ("Notificatie:" run together
// is 4.6 times); wider blobs are rules and bars.
constexpr double kMaxRunAspect = 15;
// Blobs this full are solid shapes (a bar, a filled box), not print.
constexpr double kMaxRunFill = 0.9;
// A word read covers only the row it stands on: one reaching further than this many of the
// row's heights above or below it was read across two rows (the page pass took the number row
// and the barcode under it for one word "Ml", seed 46021 phone-0002; the address and the
// number row under it for "ee", phone-0019) and read neither.
constexpr double kWordReach = 0.75;
// The digits under a barcode's bars, within this many small-print heights below them, belong
// to the barcode (read or not, they are no number line).
constexpr double kBarcodeDigitsBelow = 2.0;

int MedianHeight(const std::vector<cv::Rect>& glyphs) {
  std::vector<int> hs;
  for (const auto& g : glyphs) hs.push_back(g.height);
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  return hs[hs.size() / 2];
}

// The letters a glyph holds: one, or as many as its width makes at `rowHeight` when it is glyphs
// run together.
int Letters(const cv::Rect& g, int rowHeight) {
  return std::max(1, static_cast<int>(g.width / (kLetterWidth * rowHeight) + 0.5));
}

// Glyphs run together into one blob wider than FindGlyphs takes for a glyph (three heights): bold
// small print blurred by a phone's photo ("Notificatie:" in one blob, seed 46021 phone-0019).
// Found the way FindGlyphs finds glyphs, in both polarities.
std::vector<cv::Rect> GlyphRuns(const cv::Mat& gray) {
  std::vector<cv::Rect> runs;
  cv::Mat bin, labels, stats, centroids;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  for (const int polarity : {cv::THRESH_BINARY_INV, cv::THRESH_BINARY}) {
    cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, polarity, block, 12);
    const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i) {
      const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
      const double fill = static_cast<double>(stats.at<int>(i, cv::CC_STAT_AREA)) / r.area();
      if (r.height >= 5 && r.width > 3 * r.height && r.width <= kMaxRunAspect * r.height && fill <= kMaxRunFill)
        runs.push_back(r);
    }
  }
  return runs;
}

// Whether a word the OCR returned, at any confidence, covers the glyph's centre and stays on the
// glyph's row (`row`, its height `rowHeight`): a word box spanning two rows read neither.
bool Covered(const cv::Rect& glyph, const cv::Rect& row, int rowHeight, const std::vector<Box>& read) {
  const int cx = glyph.x + glyph.width / 2, cy = glyph.y + glyph.height / 2;
  const double reach = kWordReach * rowHeight;
  return std::any_of(read.begin(), read.end(), [&](const Box& b) {
    return cx >= b.x && cx < b.right() && cy >= b.y && cy < b.bottom() && b.y >= row.y - reach &&
           b.bottom() <= row.br().y + reach;
  });
}

// Whether a word of a legal-text line (`cueWords`) stands on the row and covers one of its glyphs:
// the row is that line's own, which was read (as the address or the lot), only not every word of
// it. Phone blur reads the small print of two rows in part as words two rows high that cover
// neither ("Natura NV, Kerkstraat 89" over "Lot 8181/504" as "ton cone vee" and "tories", seed
// 68231 phone-0026, a label without a number), and their glyphs left most of both rows unread;
// yet "Tel. 09/548 21 35" and "(504 THT 06." stood each on its row, the lines the cues were
// found on. A number stands on a row of its own beside them, and such a row stays unread.
bool CueLineRow(const std::vector<cv::Rect>& row, const cv::Rect& rowSpan, int rowHeight, const std::vector<Box>& cueWords) {
  return std::any_of(row.begin(), row.end(),
                     [&](const cv::Rect& g) { return Covered(g, rowSpan, rowHeight, cueWords); });
}

// Whether the glyph is a barcode's bar or one of the digits under its bars: no number line, even
// where the page pass read the digits only together with the bars, as one word two rows high
// that covers neither row (seed 81234 phone-0028, a back without a number).
bool OfBarcode(const cv::Rect& g, const std::vector<Box>& barcodes, int textHeight) {
  const int cy = g.y + g.height / 2;
  return std::any_of(barcodes.begin(), barcodes.end(), [&](const Box& b) {
    return g.x >= b.x && g.x < b.right() && cy >= b.y && cy < b.bottom() + kBarcodeDigitsBelow * textHeight;
  });
}

}  // namespace

std::vector<Box> UnreadPrintRowsNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines,
                                              const Vocabulary& vocab) {
  std::vector<Box> rows;
  const std::vector<size_t> cues = LegalTextLines(lines, vocab);
  if (cues.empty() || prep.gray.empty()) return rows;
  std::vector<Box> read, cueWords;
  for (const auto& line : lines)
    for (const auto& w : line.words)
      if (!w.box.empty()) read.push_back(w.box);
  // Not a line with a notification label ("Notificatie: ee"): its row is the number's own.
  for (const size_t c : cues) {
    const std::string f = FoldForMatching(lines[c].text).text;
    if (FindAnyWord(f, vocab.notificationLabels, 0, f.size()) != std::string::npos) continue;
    for (const auto& w : lines[c].words)
      if (!w.box.empty()) cueWords.push_back(w.box);
  }
  const int textHeight = prep.GlyphHeightOr20();
  const std::vector<Box> barcodes = FindBarcodes(prep.gray, textHeight);
  Glyphs glyphs = FindGlyphs(prep.gray);
  for (const cv::Rect& run : GlyphRuns(prep.gray)) glyphs.boxes.push_back(run);
  // Rows of one glyph too: their letters are counted, and two blobs can hold a whole number.
  for (const auto& row : RowsAcross(glyphs, 1)) {
    cv::Rect rowSpan = row.front();
    for (const auto& g : row) rowSpan |= g;
    const int rowHeight = std::max(1, MedianHeight(row));
    if (CueLineRow(row, rowSpan, rowHeight, cueWords)) continue;
    std::vector<cv::Rect> unread;
    int letters = 0, unreadLetters = 0;
    for (const cv::Rect& g : row) {
      letters += Letters(g, rowHeight);
      if (OfBarcode(g, barcodes, textHeight) || Covered(g, rowSpan, rowHeight, read)) continue;
      unread.push_back(g);
      unreadLetters += Letters(g, rowHeight);
    }
    if (unreadLetters < kMinUnreadLetters || unreadLetters < kMinUnreadShare * letters) continue;
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
      if (span.x < cue.right() + slack && span.br().x > cue.x - slack) {
        rows.push_back({rowSpan.x, rowSpan.y, rowSpan.width, rowSpan.height});
        break;
      }
    }
  }
  return rows;
}

bool UnreadPrintNearLegalText(const PreparedImage& prep, const std::vector<TextLine>& lines, const Vocabulary& vocab) {
  return !UnreadPrintRowsNearLegalText(prep, lines, vocab).empty();
}

}  // namespace suppcheck
