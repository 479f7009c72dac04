#include "suppcheck/ocr/barcode_bars.h"

#include <algorithm>
#include <cstdlib>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// A bar is this many glyph heights high at least (a barcode's bars: 5-8 on the generated side
// panels; letters, even "l" and "|", stay under 1.5) ...
constexpr double kMinBarHeightInText = 2.5;
// ... and this many times higher than wide at least.
constexpr int kMinBarAspect = 3;
// Bars of one barcode: their tops and bottoms within this share of a bar's height of each other
// (the guard bars of an EAN reach a little lower), and the gap between neighbours at most this
// share of it.
constexpr double kSameRowSlack = 0.15;
constexpr double kMaxGapInHeight = 0.5;
// A barcode has this many bars at least (an EAN-13 has 30; a few rules of a table or a box's
// edges are not one).
constexpr int kMinBars = 8;
// The paper's colour: this percentile of the working image's grey.
constexpr double kPaperPercentile = 0.95;

struct Row {
  cv::Rect box;
  int bars = 0;
};

}  // namespace

std::vector<Box> FindBarcodes(const cv::Mat& gray, int textHeight) {
  if (gray.empty() || textHeight <= 0) return {};
  cv::Mat bin;
  cv::threshold(gray, bin, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
  std::vector<cv::Rect> bars;
  const int minHeight = static_cast<int>(kMinBarHeightInText * textHeight);
  for (int i = 1; i < n; ++i) {
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (r.height >= minHeight && r.width * kMinBarAspect <= r.height) bars.push_back(r);
  }
  std::sort(bars.begin(), bars.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  std::vector<Row> rows;
  for (const cv::Rect& b : bars) {
    const int slack = static_cast<int>(kSameRowSlack * b.height);
    auto row = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
      return std::abs(b.y - r.box.y) <= slack && std::abs(b.br().y - r.box.br().y) <= slack &&
             b.x - r.box.br().x <= static_cast<int>(kMaxGapInHeight * b.height);
    });
    if (row == rows.end()) {
      rows.push_back({b, 1});
    } else {
      row->box |= b;
      ++row->bars;
    }
  }
  std::vector<Box> out;
  for (const Row& r : rows)
    if (r.bars >= kMinBars) {
      const cv::Rect padded = cv::Rect(r.box.x - 2, r.box.y - 2, r.box.width + 4, r.box.height + 4) & cv::Rect(0, 0, gray.cols, gray.rows);
      out.push_back({padded.x, padded.y, padded.width, padded.height});
    }
  return out;
}

cv::Mat WithoutBoxes(const cv::Mat& gray, const std::vector<Box>& boxes) {
  cv::Mat out = gray.clone();
  if (boxes.empty() || gray.empty()) return out;
  cv::Mat flat = gray.reshape(1, 1).clone();
  const auto nth = static_cast<long>(kPaperPercentile * static_cast<double>(flat.total() - 1));
  std::nth_element(flat.begin<uchar>(), flat.begin<uchar>() + nth, flat.end<uchar>());
  const uchar paper = flat.at<uchar>(0, static_cast<int>(nth));
  for (const Box& b : boxes) out(cv::Rect(b.x, b.y, b.w, b.h) & cv::Rect(0, 0, gray.cols, gray.rows)).setTo(paper);
  return out;
}

}  // namespace suppcheck
