#include "suppcheck/image/paper_mask.h"

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// No margin of texture is kept around the paper: a band of it closed with a turned side panel
// into one ring-shaped blob, and the unread-ink pass never read the panel (seed 81234 phone-0025).
// A row of text, not a chance alignment of texture specks, has at least this many glyphs.
constexpr size_t kRowGlyphs = 7;

// The convex hull of the rows of text (across and down) whose centres lie in `region`.
std::vector<cv::Point> TextHull(const Glyphs& glyphs, const cv::Rect& region) {
  std::vector<cv::Point> points;
  auto add = [&](const std::vector<std::vector<cv::Rect>>& rows) {
    for (const auto& row : rows) {
      cv::Rect box;
      for (const auto& b : row) box |= b;
      if (!region.contains((box.tl() + box.br()) / 2)) continue;
      for (const cv::Point& p : {box.tl(), box.br(), cv::Point(box.x, box.br().y), cv::Point(box.br().x, box.y)})
        points.push_back(p);
    }
  };
  add(RowsAcross(glyphs, kRowGlyphs));
  add(RowsDown(glyphs, kRowGlyphs));
  std::vector<cv::Point> hull;
  if (points.size() >= 3) cv::convexHull(points, hull);
  return hull;
}

}  // namespace

cv::Mat PaperMask(const BrightPanel& panel, const Glyphs& glyphs, cv::Size size) {
  cv::Mat mask = cv::Mat::zeros(size, CV_8U);
  if (panel.outline.size() >= 3) cv::fillConvexPoly(mask, panel.outline, 255);
  // Not cut to the text's own hull: short cells (a % column, "96 %") stand beyond the rows of
  // text, and were lost when the outline was kept near the rows (a patch of glare on the table
  // beside the label, which is bright too, stays in: slower, not wrong).
  const std::vector<cv::Point> text = TextHull(glyphs, panel.region);
  if (text.size() >= 3) cv::fillConvexPoly(mask, text, 255);
  return mask;
}

int PaintOutsideMask(cv::Mat& gray, const cv::Mat& mask) {
  int histSize = 256;
  float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::Mat hist;
  cv::calcHist(&gray, 1, nullptr, mask, hist, 1, &histSize, ranges);
  const double inside = cv::sum(hist)[0];
  if (inside <= 0) return -1;
  double seen = 0;
  int paperGrey = 255;
  for (int v = 0; v < 256; ++v) {
    seen += hist.at<float>(v);
    if (seen >= inside / 2) {
      paperGrey = v;
      break;
    }
  }
  gray.setTo(paperGrey, mask == 0);
  return paperGrey;
}

}  // namespace suppcheck
