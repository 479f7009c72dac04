#include "suppcheck/scan/letter_one_shape.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/image/region_render.h"
#include "suppcheck/scan/scan_context.h"

namespace suppcheck {

namespace {

// The word is rendered so that its box is this many pixels high: enough for a stem of a few
// pixels and its flag, from print whose working-image glyphs are 10 to 20 pixels.
constexpr double kRenderedWordHeight = 64;
// Around the word's box, in its heights: OCR's boxes hug the ink, and a flag cut off is no flag.
constexpr double kWordPadHeights = 0.25;
// A glyph smaller than this share of the tallest one is a speck or a dot.
constexpr double kSpeckHeightShare = 0.3;
// A 1 stands this many times as high as the m after it (digits are cap height, an m x-height:
// 1.3 to 1.5 in the fonts of the generator and of real labels); a table rule spans the row.
constexpr double kMinDigitToXHeight = 1.15;
constexpr double kMaxDigitToXHeight = 1.9;
// And it is narrow: a 1 with a base serif is at most this share of its height wide.
constexpr double kMaxOneWidthShare = 0.75;
// The stem is measured over this band of the glyph's rows (from its top), below the flag and
// above a base serif; the flag looked for over its top rows.
constexpr double kStemFrom = 0.45, kStemTo = 0.85, kFlagRows = 0.35;
// The flag reaches left of the stem by at least this many stem widths, and that much further
// than the top reaches right of it (a serif I reaches both ways alike).
constexpr double kFlagStemWidths = 0.5;

struct Extent {
  int left = -1, right = -1;
};

// The leftmost and rightmost ink of row `y` of `mask`, or -1s.
Extent RowExtent(const cv::Mat& mask, int y) {
  Extent e;
  const auto* row = mask.ptr<uchar>(y);
  for (int x = 0; x < mask.cols; ++x)
    if (row[x]) {
      if (e.left < 0) e.left = x;
      e.right = x;
    }
  return e;
}

int Median(std::vector<int> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

bool LeftGlyphIsAOne(const cv::Mat& word) {
  if (word.empty() || word.type() != CV_8UC1) return false;
  cv::Mat ink;
  cv::threshold(word, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  int tallest = 0;
  for (int i = 1; i < n; ++i) tallest = std::max(tallest, stats.at<int>(i, cv::CC_STAT_HEIGHT));
  std::vector<int> glyphs;
  for (int i = 1; i < n; ++i) {
    const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    // Nor ink touching the crop's top or bottom: a rule or the row above or below.
    const int top = stats.at<int>(i, cv::CC_STAT_TOP);
    if (h < kSpeckHeightShare * tallest || top == 0 || top + h >= word.rows) continue;
    glyphs.push_back(i);
  }
  if (glyphs.size() < 2) return false;
  std::sort(glyphs.begin(), glyphs.end(),
            [&](int a, int b) { return stats.at<int>(a, cv::CC_STAT_LEFT) < stats.at<int>(b, cv::CC_STAT_LEFT); });
  const int one = glyphs[0], next = glyphs[1];
  const cv::Rect box(stats.at<int>(one, cv::CC_STAT_LEFT), stats.at<int>(one, cv::CC_STAT_TOP),
                     stats.at<int>(one, cv::CC_STAT_WIDTH), stats.at<int>(one, cv::CC_STAT_HEIGHT));
  const int nextLeft = stats.at<int>(next, cv::CC_STAT_LEFT);
  const int xHeight = stats.at<int>(next, cv::CC_STAT_HEIGHT);
  // Two glyphs apart, the second the height of an m, the first a digit's height and narrow.
  if (nextLeft < box.x + box.width || xHeight <= 0) return false;
  const double ratio = static_cast<double>(box.height) / xHeight;
  if (ratio < kMinDigitToXHeight || ratio > kMaxDigitToXHeight || box.width > kMaxOneWidthShare * box.height) return false;
  const cv::Mat glyph = labels(box) == one;
  std::vector<int> lefts, rights;
  for (int y = static_cast<int>(kStemFrom * box.height); y < static_cast<int>(kStemTo * box.height); ++y) {
    const Extent e = RowExtent(glyph, y);
    if (e.left < 0) continue;
    lefts.push_back(e.left);
    rights.push_back(e.right);
  }
  if (lefts.empty()) return false;
  const int stemLeft = Median(lefts), stemRight = Median(rights);
  const int stem = stemRight - stemLeft + 1;
  int topLeft = stemLeft, topRight = stemRight;
  for (int y = 0; y < std::max(1, static_cast<int>(kFlagRows * box.height)); ++y) {
    const Extent e = RowExtent(glyph, y);
    if (e.left < 0) continue;
    topLeft = std::min(topLeft, e.left);
    topRight = std::max(topRight, e.right);
  }
  const double flag = stemLeft - topLeft, otherSide = topRight - stemRight;
  const double least = std::max(2.0, kFlagStemWidths * stem);
  return flag >= least && flag - otherSide >= least;
}

int RestoreOnesReadAsLetters(const PreparedImage& prep, const Models& models, std::vector<TextLine>& lines) {
  QuantityOptions options;
  options.letterDigit = true;
  int restored = 0;
  for (TextLine& line : lines) {
    if (line.box.empty()) continue;
    const FoldedText ft = FoldForMatching(line.text);
    if (models.nutrientNames.Find(ft.text).empty()) continue;
    for (const Quantity& q : FindQuantities(ft.text, options)) {
      if (!q.letterDigit || q.value != 1) continue;
      const size_t at = ft.OriginalRange(q.begin, q.begin + 1).first;
      if (at >= line.text.size() || (line.text[at] != 'I' && line.text[at] != 'l' && line.text[at] != 'i')) continue;
      // The word holding the letter, with the next one when the unit was read apart ("l mg").
      const auto w = std::find_if(line.words.begin(), line.words.end(),
                                  [&](const LineWord& lw) { return lw.begin <= at && at < lw.end; });
      if (w == line.words.end() || w->box.empty()) continue;
      Box region = w->box;
      if (w->end == at + 1 && w + 1 != line.words.end() && !(w + 1)->box.empty()) region = region.United((w + 1)->box);
      const int pad = static_cast<int>(std::lround(kWordPadHeights * region.h));
      region = PadBox(region, pad, pad, prep.gray.size());
      if (region.empty()) continue;
      // RenderRegion gives grey (from the grey photo or the working image); empty is no 1.
      if (!LeftGlyphIsAOne(RenderRegion(prep, region, kRenderedWordHeight / region.h))) continue;
      line.text[at] = '1';
      ++restored;
    }
  }
  return restored;
}

}  // namespace suppcheck
