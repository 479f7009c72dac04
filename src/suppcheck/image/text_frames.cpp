#include "suppcheck/image/text_frames.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// A line of text in a frame: the frame is this many times wider than high at least (one word
// of 3 characters with its margins) and at most (a long sentence in a box).
constexpr double kMinAspect = 2.2;
constexpr double kMaxAspect = 30;
// Its inside is between this many text heights high: one line with a margin, up to two lines
// of print twice the label's usual size.
constexpr double kMinHeightInText = 0.9;
constexpr double kMaxHeightInText = 6;
// The frame's outer edge fills its bounding box this well: a rectangle, perhaps slightly bent
// by a curved pack or tilted by a perspective left over (0.84 on seed 70701 hard-0027).
constexpr double kMinOuterFill = 0.75;
// The hole inside takes this share of the frame's box at least: a frame, not a blob or a bar
// with a letter's hole in it. Letters touching the frame carve into the hole's outline but
// hardly change its box (0.78-0.84 on the boxed numbers of seeds 70701 and 91001).
constexpr double kMinHoleShare = 0.6;
// Share of dark pixels inside a frame that holds text (a line of print: 0.35-0.48 measured on
// boxed numbers, seeds 70701 and 91001).
constexpr double kMinInk = 0.05;
// A hole whose box overlaps an already kept (larger) one this much is the same frame again (the
// inner edge of a thick frame line) or a hole nested inside it (a letter's counter): dropped.
constexpr double kSameFrameOverlap = 0.7;

double Overlap(const cv::Rect& a, const cv::Rect& b) {
  const double inter = (a & b).area();
  return inter / std::min(a.area(), b.area());
}

// The frame line's inner pixels and their fringe, on each side of a hole's box.
int FrameInset(const cv::Rect& hole) { return std::max(2, hole.height / 10); }

// The smallest box, in pixels, that a frame's hole can have (kMinHeightInText, kMinAspect).
cv::Size SmallestHole(int textHeight) {
  const int h = static_cast<int>(std::ceil(kMinHeightInText * textHeight));
  return {static_cast<int>(std::ceil(kMinAspect * h)), h};
}

// The dark specks of `dark` (marks 255, 8-connected): pieces too small to be a frame round the
// smallest hole, or to be such a hole in the light binarisation, where they are background
// (4-connected pieces of them, each within the speck's box, one pixel wider once outlined).
// On a grainy photo (dim, brightened, a coarse JPEG) the binarisation is strewn with them, each
// an outline to trace: 72,000 took 1.2 s on seed 64829 hard-0033, and none was a frame. One
// labelling serves both binarisations (they are each other's complement).
cv::Mat DarkSpecks(const cv::Mat& dark, cv::Size smallest) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(dark, labels, stats, centroids, 8, CV_32S);
  std::vector<uchar> speck(static_cast<size_t>(n), 0);
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    // Background touching the image's edge is no hole: such a piece is left alone.
    const bool onBorder = x == 0 || y == 0 || x + w == dark.cols || y + h == dark.rows;
    speck[static_cast<size_t>(i)] = !onBorder && (w + 2 < smallest.width || h + 2 < smallest.height) ? 255 : 0;
  }
  cv::Mat out(dark.size(), CV_8UC1);
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* o = out.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x) o[x] = speck[static_cast<size_t>(l[x])];
  }
  return out;
}

// Adds to `frames` the boxes of the holes in `bin` (frame lines and text marked 255) shaped as
// the inside of a frame round a line of text. The outlines are traced in `traced`: `bin`
// without pieces too small to matter (DarkSpecks), which leaves every larger hole's outline as
// it is: the outline runs on the marks round the hole, and other pieces do not touch it.
void AddFrameHoles(const cv::Mat& traced, const cv::Mat& bin, int textHeight, std::vector<cv::Rect>& frames) {
  std::vector<std::vector<cv::Point>> contours;
  std::vector<cv::Vec4i> hierarchy;
  cv::findContours(traced, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
  for (size_t i = 0; i < contours.size(); ++i) {
    // The inner edge of a frame line is a hole (it has a parent, the frame's outer edge): what
    // lies inside it is the text.
    if (hierarchy[i][3] < 0) continue;
    const cv::Rect r = cv::boundingRect(contours[i]);
    const double aspect = static_cast<double>(r.width) / std::max(1, r.height);
    if (aspect < kMinAspect || aspect > kMaxAspect) continue;
    if (r.height < kMinHeightInText * textHeight || r.height > kMaxHeightInText * textHeight) continue;
    const auto& outer = contours[static_cast<size_t>(hierarchy[i][3])];
    const cv::Rect o = cv::boundingRect(outer);
    // Filling measured against the turned rectangle that fits the outer edge best: a frame left
    // tilted by the perspective or the unroll fills its upright box badly (6.5 degrees: 0.58 of
    // its box, 0.91 of the turned one; seed 25417 hard-0026).
    const cv::RotatedRect fit = cv::minAreaRect(outer);
    if (std::fabs(cv::contourArea(outer)) < kMinOuterFill * fit.size.area() || r.area() < kMinHoleShare * o.area())
      continue;
    // Text must stand inside: a hole with nothing in it is an empty box or the gap between two
    // rules. The hole's outline runs on the frame's inner pixels: they are left out.
    const int inset = FrameInset(r);
    const cv::Rect core(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
    if (core.width <= 0 || core.height <= 0) continue;
    const double ink = cv::countNonZero(bin(core)) / static_cast<double>(core.area());
    if (ink < kMinInk) continue;
    frames.push_back(r);
  }
}

}  // namespace

std::vector<Box> FindTextFrames(const cv::Mat& gray, int textHeight, size_t maxFrames) {
  if (gray.empty() || textHeight <= 0) return {};
  std::vector<cv::Rect> frames;  // the holes' boxes
  // Dark lines on a lighter ground, whatever the light across the label; then light lines on a
  // darker ground: a white box on a dark blue label (seed 25417 hard-0026, 'NUT 362 / 509' in a
  // white frame, reported missing). A frame is the same shape either way.
  const int block = std::max(15, (textHeight * 2) | 1);
  cv::Mat dark, light;
  cv::adaptiveThreshold(gray, dark, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 10);
  cv::bitwise_not(dark, light);  // the same threshold, the other side of it
  const cv::Mat specks = DarkSpecks(dark, SmallestHole(textHeight));
  AddFrameHoles(dark - specks, dark, textHeight, frames);
  AddFrameHoles(light | specks, light, textHeight, frames);

  std::sort(frames.begin(), frames.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.area() > b.area(); });
  std::vector<Box> out;
  std::vector<cv::Rect> kept;
  for (const cv::Rect& r : frames) {
    if (std::any_of(kept.begin(), kept.end(), [&](const cv::Rect& k) { return Overlap(k, r) > kSameFrameOverlap; }))
      continue;
    kept.push_back(r);
    // The hole's box runs on the frame line's inner pixels, a blurred frame's grey fringe beside
    // them: a read of the box that pads it by repeating its edge rows (every band read does) sees
    // the text in a thick grey frame and returns nothing (seed 58111 phone-0014: 'NUT / AS 147/6',
    // large and sharp in its box, came back empty, the product 'missing'). The inside without
    // that edge reads.
    const int inset = FrameInset(r);
    out.push_back({r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset});
    if (out.size() >= maxFrames) break;
  }
  return out;
}

}  // namespace suppcheck
