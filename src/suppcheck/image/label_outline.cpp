#include "suppcheck/image/label_outline.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// The smallest label looked for, as a share of the photo. A label photographed from afar on a
// textured table (generator effect "small": 4.7 % of seed 60511 hard-0030) was below the former
// bar of 6 %: no outline and no panel, so Tesseract read the whole textured photo, 16 s for the
// first pass alone, 37 s for the photo, confetti all.
constexpr double kMinLabelShare = 0.03;

// Outlines of the bright regions (a pale label on a darker table), small gaps closed: where the
// label's outline and its pale panel are looked for.
std::vector<std::vector<cv::Point>> BrightRegionOutlines(const cv::Mat& gray) {
  cv::Mat blur, bin;
  cv::GaussianBlur(gray, blur, {5, 5}, 0);
  cv::threshold(blur, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::morphologyEx(bin, bin, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {15, 15}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  return contours;
}

// The contour of the largest area (null when there is none); sets `area` to its area.
const std::vector<cv::Point>* Largest(const std::vector<std::vector<cv::Point>>& contours, double& area) {
  const std::vector<cv::Point>* best = nullptr;
  area = 0;
  for (const auto& c : contours) {
    const double a = cv::contourArea(c);
    if (a > area) {
      area = a;
      best = &c;
    }
  }
  return best;
}

// Text can run close to the label's edge, and a fitted corner can sit a little inside it (an arc
// on a bottle, a blurred edge): a slightly larger quad is warped, never cutting into the label.
// Then its corners are ordered: top-left, top-right, bottom-right, bottom-left.
void GrowAndOrder(std::vector<cv::Point2f>& quad) {
  cv::Point2f centre(0, 0);
  for (const auto& p : quad) centre += p * 0.25f;
  for (auto& p : quad) p = centre + (p - centre) * 1.04f;
  std::sort(quad.begin(), quad.end(), [](const cv::Point2f& a, const cv::Point2f& b) { return a.y < b.y; });
  if (quad[0].x > quad[1].x) std::swap(quad[0], quad[1]);
  if (quad[2].x < quad[3].x) std::swap(quad[2], quad[3]);
}

}  // namespace

// The pale panel of the label when it lies on a textured background (a tablecloth, a wooden
// table) and no clean outline was found to warp: the bounding box of the largest bright region,
// with a margin for the coloured bands and the text printed near its edges. Empty when there is
// none, or when text rows stand outside it (the bright region is then a part of the label, such
// as a facts table, not the label). Cropping to it keeps Tesseract off the texture, where it
// spends most of its time reading noise into confetti words.
BrightPanel FindBrightPanel(const cv::Mat& gray, const std::vector<cv::Point2f>& rows) {
  const std::vector<std::vector<cv::Point>> contours = BrightRegionOutlines(gray);
  const double imageArea = static_cast<double>(gray.cols) * gray.rows;
  double bestArea = 0;
  const std::vector<cv::Point>* best = Largest(contours, bestArea);
  if (!best || bestArea < kMinLabelShare * imageArea || bestArea > 0.8 * imageArea) return {};
  const cv::Rect box = cv::boundingRect(*best);
  // The region must be mostly solid (a label, not the lit half of a photo): its area fills
  // much of its bounding box.
  if (bestArea < 0.5 * box.area()) return {};
  const int mx = box.width / 8, my = box.height / 8;  // bands and edge text the threshold left out
  const cv::Rect region = cv::Rect(box.x - mx, box.y - my, box.width + 2 * mx, box.height + 2 * my) &
                          cv::Rect(0, 0, gray.cols, gray.rows);
  size_t outside = 0;
  for (const auto& p : rows) outside += !region.contains(cv::Point(static_cast<int>(p.x), static_cast<int>(p.y)));
  if (outside >= 2) return {};
  BrightPanel panel{region, {}};
  cv::convexHull(*best, panel.outline);
  return panel;
}

namespace {

// The largest smooth region of `levels` (the log deviation of FindSmoothPanel, at scale `a` of the
// photo) as the label's panel: large, convex, and with surroundings `rougher` times rougher than
// the paper in `deviation`. Empty otherwise, or when text `rows` stand outside it.
BrightPanel SmoothPanelOf(const cv::Mat& levels, const cv::Mat& deviation, double a, cv::Size photo,
                          const std::vector<cv::Point2f>& rows, double rougher) {
  cv::Mat smooth, raw;
  cv::threshold(levels, raw, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  // Smooth specks in the texture go; the label's text lines, thin against it, are closed over.
  const int side = std::max(levels.cols, levels.rows), speck = std::max(3, side / 300) | 1,
            line = std::max(9, side / 40) | 1;
  cv::morphologyEx(raw, smooth, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {speck, speck}));
  cv::morphologyEx(smooth, smooth, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {line, line}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(smooth, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  double bestArea = 0;
  const std::vector<cv::Point>* best = Largest(contours, bestArea);
  const double imageArea = static_cast<double>(levels.cols) * levels.rows;
  if (!best || bestArea < kMinLabelShare * imageArea || bestArea > 0.8 * imageArea) return {};
  std::vector<cv::Point> hull;
  cv::convexHull(*best, hull);
  if (bestArea < 0.8 * cv::contourArea(hull)) return {};  // a label is convex; smooth patches of cloth are not
  // The surroundings must be texture, far rougher than the paper (a plain table is smooth too, and
  // then there is no texture to keep the OCR off).
  cv::Mat inside = cv::Mat::zeros(levels.size(), CV_8U);
  cv::fillConvexPoly(inside, hull, 255);
  const cv::Mat outside = ~inside, paper = inside & raw;
  if (cv::countNonZero(outside) == 0 || cv::countNonZero(paper) == 0) return {};
  if (cv::mean(deviation, outside)[0] < rougher * cv::mean(deviation, paper)[0]) return {};
  BrightPanel panel;
  for (const cv::Point& p : hull)
    panel.outline.emplace_back(static_cast<int>(std::lround(p.x / a)), static_cast<int>(std::lround(p.y / a)));
  const cv::Rect box = cv::boundingRect(panel.outline);
  const int m = std::max(box.width, box.height) / 50;  // the label's blurred edge
  panel.region = cv::Rect(box.x - m, box.y - m, box.width + 2 * m, box.height + 2 * m) & cv::Rect({0, 0}, photo);
  size_t away = 0;
  for (const auto& p : rows) away += !panel.region.contains(cv::Point(static_cast<int>(p.x), static_cast<int>(p.y)));
  if (away >= 2) return {};
  return panel;
}

}  // namespace

// The label's smooth panel on a textured background, found by texture rather than brightness: a
// dark label (white print on deep green) on a mid-grey tablecloth is neither brighter nor darker
// than the cloth in grey (seed 74219 phone-0015: 66 against 81), so no bright panel is found, and
// Tesseract read the whole photo's texture for 45 s. Printed paper is smooth between its letters;
// a cloth or a wooden table is not. The local standard deviation of the grey (in a window of a
// few pixels) splits the two; text inside the label is closed over (its lines are thin against
// the label), and the largest smooth region, clearly smoother than what surrounds it, is the
// label.
BrightPanel FindSmoothPanel(const cv::Mat& gray, const std::vector<cv::Point2f>& rows) {
  // Measured on a copy of at most 800 pixels: shrinking averages the sensor noise of a dim photo
  // away (it made a label's deviation as rough as a cloth's at 1600) and keeps a cloth's grain.
  constexpr int kSide = 800;
  const int longSide = std::max(gray.cols, gray.rows);
  if (longSide < 200) return {};
  const double a = std::min(1.0, static_cast<double>(kSide) / longSide);
  cv::Mat g, mean, meanSq;
  cv::resize(gray, g, {}, a, a, cv::INTER_AREA);
  g.convertTo(g, CV_32F);
  const cv::Size window(5, 5);
  cv::blur(g, mean, window);
  cv::blur(g.mul(g), meanSq, window);
  cv::Mat variance = meanSq - mean.mul(mean);
  cv::max(variance, 0, variance);
  cv::Mat deviation, levels;
  cv::sqrt(variance, deviation);
  // On a log scale, so that the letters' edges (deviations of 30 and more) do not make a third
  // class that the threshold splits off instead of paper from cloth: 0.5-64 grey levels -> 0-255.
  cv::log(deviation + 0.5, levels);
  const double lo = std::log(0.5), hi = std::log(64.0);
  levels.convertTo(levels, CV_8U, 255 / (hi - lo), -255 * lo / (hi - lo));
  // Measured: cloth 6.4-8.5 grey levels, paper 0.5-0.9 around generated labels; the real photos
  // have no smooth region small enough to count.
  constexpr double kRougherOutside = 3;
  BrightPanel panel = SmoothPanelOf(levels, deviation, a, gray.size(), rows, kRougherOutside);
  if (!panel.region.empty()) return panel;
  // A dim photo: the cloth's grain is faint (2.6 grey levels) and the paper's sensor and JPEG
  // noise is not (1.0), and pixel by pixel the two overlap, so the threshold split the cloth's
  // own grain. Over a median of a few pixels the paper stands out whole (label seed 14142
  // hard-0035: a dark label on a dark cloth, small and dim; Tesseract read the cloth for 70 s of
  // the photo's 74). Its surround is less rougher than a lit cloth's: 2.8-3.2 times the paper on
  // the label sets' dim and dark photos.
  constexpr int kDimMedian = 9;
  constexpr double kDimRougherOutside = 2.5;
  cv::medianBlur(levels, levels, kDimMedian);
  return SmoothPanelOf(levels, deviation, a, gray.size(), rows, kDimRougherOutside);
}

// The label's outline when a clear, large, four-cornered bright region stands on a darker
// background (a pack photographed on a table). Returns false when there is no such outline:
// then nothing is warped.
bool FindLabelQuad(const cv::Mat& gray, const std::vector<cv::Point2f>& rows, std::vector<cv::Point2f>& quad) {
  const std::vector<std::vector<cv::Point>> contours = BrightRegionOutlines(gray);
  const double imageArea = static_cast<double>(gray.cols) * gray.rows;
  double bestArea = 0;
  for (const auto& c : contours) {
    const double area = cv::contourArea(c);
    if (area < kMinLabelShare * imageArea || area > 0.92 * imageArea || area <= bestArea) continue;
    // The hull smooths away glare and notches; then the coarsest 4-corner approximation.
    std::vector<cv::Point> hull, approx;
    cv::convexHull(c, hull);
    // Only a clean four-sided outline is a label seen in perspective: a bottle or a hand
    // holding the pack needs a coarser approximation to look four-sided (measured: real
    // photos needed 2.5-3.5 % of the perimeter, flat labels 1.5 %), and warping it distorts.
    for (double eps = 0.01; eps <= 0.0201 && approx.size() != 4; eps += 0.005)
      cv::approxPolyDP(hull, approx, eps * cv::arcLength(hull, true), true);
    if (approx.size() != 4 || !cv::isContourConvex(approx)) continue;
    // The region must be mostly the quad (not a blob that happens to have 4 corners).
    if (area < 0.93 * cv::contourArea(approx)) continue;
    // And the text must be in it: a bordered facts table inside a label is a quad too, and
    // warping to it would cut off the ingredients printed below it.
    size_t outside = 0;
    for (const auto& p : rows) outside += cv::pointPolygonTest(approx, p, false) < 0;
    if (outside >= 3 && static_cast<double>(outside) > 0.15 * static_cast<double>(rows.size())) continue;
    bestArea = area;
    quad.assign(approx.begin(), approx.end());
  }
  if (bestArea <= 0) return false;
  GrowAndOrder(quad);
  return true;
}

// The smooth panel's outline (a convex hull) as four corners, when it is a clean quad. The same
// coarse approximation as FindLabelQuad's; the hull must be mostly the quad.
bool FindPanelQuad(const BrightPanel& panel, cv::Size image, std::vector<cv::Point2f>& quad) {
  if (panel.outline.size() < 4) return false;
  std::vector<cv::Point> approx;
  for (double eps = 0.01; eps <= 0.0201 && approx.size() != 4; eps += 0.005)
    cv::approxPolyDP(panel.outline, approx, eps * cv::arcLength(panel.outline, true), true);
  if (approx.size() != 4 || !cv::isContourConvex(approx)) return false;
  if (cv::contourArea(panel.outline) < 0.93 * cv::contourArea(approx)) return false;
  // A corner on the photo's edge is where the smooth region ran out of the photo, not the
  // label's corner (nutrient seed 57163 single-phone-0016: the cloth below a dark label, smooth
  // where the light fell off, joined the panel; warped to its quad, the label came out askew).
  const int mx = std::max(2, image.width / 100), my = std::max(2, image.height / 100);
  const cv::Rect inside(mx, my, image.width - 2 * mx, image.height - 2 * my);
  for (const cv::Point& p : approx)
    if (!inside.contains(p)) return false;
  quad.assign(approx.begin(), approx.end());
  GrowAndOrder(quad);
  return true;
}

cv::Matx33d QuadToRectangle(const std::vector<cv::Point2f>& quad, cv::Size2d& size) {
  const double top = cv::norm(quad[1] - quad[0]), bottom = cv::norm(quad[2] - quad[3]);
  const double left = cv::norm(quad[3] - quad[0]), right = cv::norm(quad[2] - quad[1]);
  const double w = std::max(top, bottom), h = std::max(left, right);
  const std::vector<cv::Point2f> dst = {{0, 0}, {static_cast<float>(w), 0},
                                        {static_cast<float>(w), static_cast<float>(h)}, {0, static_cast<float>(h)}};
  cv::Mat p = cv::getPerspectiveTransform(quad, dst);
  size = {w, h};
  return cv::Matx33d(reinterpret_cast<double*>(p.data));
}

}  // namespace suppcheck
