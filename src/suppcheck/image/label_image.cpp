#include "suppcheck/image/label_image.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

constexpr int kAnalysisSide = 1600;  // long side of the copy used to analyse the layout

struct Glyphs {
  std::vector<cv::Rect> boxes;
};

// Glyph-like connected components of dark-on-light (and light-on-dark) text.
Glyphs FindGlyphs(const cv::Mat& gray) {
  Glyphs g;
  cv::Mat bin;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  for (int polarity = 0; polarity < 2; ++polarity) {
    cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                          polarity == 0 ? cv::THRESH_BINARY_INV : cv::THRESH_BINARY, block, 12);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
    const int maxH = gray.rows / 6;
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      if (h < 5 || h > maxH || w < 2 || w > 3 * h || h > 8 * w) continue;
      const double fill = static_cast<double>(area) / (w * h);
      if (fill < 0.12 || fill > 0.9) continue;
      g.boxes.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w, h);
    }
  }
  return g;
}

// Text runs left-to-right: a glyph's nearest similar-sized neighbour is beside it, not above.
// Returns true when most nearest neighbours are above/below (text turned by 90 degrees).
bool LooksTurned(const Glyphs& g) {
  if (g.boxes.size() < 30) return false;
  int horizontal = 0, vertical = 0;
  std::vector<cv::Point2f> c;
  for (const auto& b : g.boxes)
    c.emplace_back(static_cast<float>(b.x) + static_cast<float>(b.width) / 2.f,
                   static_cast<float>(b.y) + static_cast<float>(b.height) / 2.f);
  const size_t n = std::min<size_t>(g.boxes.size(), 3000);
  for (size_t i = 0; i < n; ++i) {
    const cv::Rect& a = g.boxes[i];
    const float size = static_cast<float>(std::max(a.width, a.height));
    float best = 1e9f;
    int bestJ = -1;
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const cv::Rect& b = g.boxes[j];
      const float sb = static_cast<float>(std::max(b.width, b.height));
      if (sb > 1.6f * size || size > 1.6f * sb) continue;
      const float dx = c[i].x - c[j].x, dy = c[i].y - c[j].y;
      const float d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        bestJ = static_cast<int>(j);
      }
    }
    if (bestJ < 0 || best > 9 * size * size) continue;
    const float dx = std::abs(c[i].x - c[static_cast<size_t>(bestJ)].x);
    const float dy = std::abs(c[i].y - c[static_cast<size_t>(bestJ)].y);
    if (dx > 1.5f * dy) ++horizontal;
    if (dy > 1.5f * dx) ++vertical;
  }
  return vertical > 2 * horizontal && vertical > 20;
}

cv::Matx33d Translation(double dx, double dy) { return {1, 0, dx, 0, 1, dy, 0, 0, 1}; }

// A lower percentile of glyph heights: the small print, which is what must stay readable.
double SmallPrintHeight(const Glyphs& g) {
  if (g.boxes.size() < 15) return 0;
  std::vector<int> h;
  for (const auto& b : g.boxes) h.push_back(b.height);
  std::sort(h.begin(), h.end());
  return h[h.size() * 3 / 10];
}

// The skew of text lines in degrees (positive = lines rise to the right), from line blobs.
double EstimateSkew(const cv::Mat& gray, double glyphHeight) {
  if (glyphHeight <= 0) return 0;
  cv::Mat bin;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 12);
  const int k = std::max(3, static_cast<int>(glyphHeight * 1.2));
  cv::morphologyEx(bin, bin, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, 1}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bin, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<std::pair<double, double>> angles;  // (angle, weight)
  for (const auto& c : contours) {
    const cv::RotatedRect r = cv::minAreaRect(c);
    double w = r.size.width, h = r.size.height, a = r.angle;
    if (w < h) {
      std::swap(w, h);
      a += 90;
    }
    if (h < glyphHeight * 0.5 || h > glyphHeight * 3 || w < 6 * h) continue;
    while (a > 45) a -= 90;
    while (a < -45) a += 90;
    angles.emplace_back(a, w);
  }
  if (angles.size() < 3) return 0;
  // Text lines agree on one angle; blobs of background texture are spread over all angles.
  // Take the peak of a length-weighted histogram (0.5-degree bins), if it is a clear one.
  constexpr int kBins = 100;  // -25 .. 25 degrees
  std::vector<double> hist(kBins, 0.0);
  double total = 0;
  for (const auto& [a, w] : angles) {
    if (a < -25 || a >= 25) continue;
    hist[static_cast<size_t>((a + 25) * 2)] += w;
    total += w;
  }
  size_t peak = 0;
  double peakWeight = 0;
  for (size_t i = 0; i < kBins; ++i) {
    const double wsum = hist[i] + (i > 0 ? hist[i - 1] : 0) + (i + 1 < kBins ? hist[i + 1] : 0);
    if (wsum > peakWeight) {
      peakWeight = wsum;
      peak = i;
    }
  }
  if (total <= 0 || peakWeight < 0.3 * total) return 0;
  // Refine: weighted mean of the angles in the peak's neighbourhood.
  double sum = 0, weight = 0;
  const double centre = static_cast<double>(peak) / 2 - 25 + 0.25;
  for (const auto& [a, w] : angles)
    if (std::abs(a - centre) <= 0.75) {
      sum += a * w;
      weight += w;
    }
  return weight > 0 ? -sum / weight : 0;  // image y grows downwards
}

// Glyphs that sit in a row with a neighbour of similar size: text, not background texture.
std::vector<cv::Rect> AlignedGlyphs(const Glyphs& g) {
  std::vector<cv::Rect> boxes = g.boxes;
  std::sort(boxes.begin(), boxes.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  std::vector<bool> keep(boxes.size(), false);
  for (size_t i = 0; i < boxes.size(); ++i) {
    const cv::Rect& a = boxes[i];
    const double cy = a.y + a.height / 2.0;
    for (size_t j = i + 1; j < boxes.size() && boxes[j].x <= a.x + a.width + 1.5 * a.height; ++j) {
      const cv::Rect& b = boxes[j];
      if (b.height > 1.8 * a.height || a.height > 1.8 * b.height) continue;
      if (std::abs(b.y + b.height / 2.0 - cy) > 0.35 * std::max(a.height, b.height)) continue;
      keep[i] = keep[j] = true;
    }
  }
  std::vector<cv::Rect> out;
  for (size_t i = 0; i < boxes.size(); ++i)
    if (keep[i]) out.push_back(boxes[i]);
  return out;
}

// A label wrapped round a bottle seen from the front: a glyph at horizontal position x is
// narrowed by cos(theta) with x = c + r sin(theta). Fits (c, r) to the widths of body-text
// glyphs across the label; found only when the narrowing is clear and the fit explains it.
struct Cylinder {
  double c = 0, r = 0;
  bool found = false;
};

Cylinder EstimateCylinder(const std::vector<cv::Rect>& glyphs, int width) {
  Cylinder cyl;
  if (glyphs.size() < 80 || width <= 0) return cyl;
  std::vector<int> heights;
  for (const auto& g : glyphs) heights.push_back(g.height);
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  const double h = heights[heights.size() / 2];
  constexpr int kBins = 12;
  std::vector<std::vector<double>> widths(kBins);
  double x0 = 1e9, x1 = -1e9;
  for (const auto& g : glyphs) {
    if (g.height < 0.75 * h || g.height > 1.3 * h) continue;
    x0 = std::min(x0, static_cast<double>(g.x));
    x1 = std::max(x1, static_cast<double>(g.x + g.width));
  }
  if (x1 - x0 < 0.5 * width) return cyl;
  for (const auto& g : glyphs) {
    if (g.height < 0.75 * h || g.height > 1.3 * h) continue;
    const double cx = g.x + g.width / 2.0;
    const int bin = std::clamp(static_cast<int>((cx - x0) / (x1 - x0) * kBins), 0, kBins - 1);
    widths[static_cast<size_t>(bin)].push_back(g.width);
  }
  std::vector<std::pair<double, double>> points;  // (x, median width)
  for (int b = 0; b < kBins; ++b) {
    auto& w = widths[static_cast<size_t>(b)];
    if (w.size() < 6) continue;
    std::nth_element(w.begin(), w.begin() + static_cast<long>(w.size() / 2), w.end());
    points.emplace_back(x0 + (b + 0.5) * (x1 - x0) / kBins, w[w.size() / 2]);
  }
  if (points.size() < 6) return cyl;
  std::vector<double> ws;
  for (const auto& p : points) ws.push_back(p.second);
  std::sort(ws.begin(), ws.end());
  const double w0 = ws[ws.size() * 3 / 4];  // the widest (front-facing) part
  double flat = 0;
  for (const auto& [x, w] : points) flat += (w - w0) * (w - w0);
  double best = flat;
  const double span = x1 - x0;
  for (double c = x0 + 0.3 * span; c <= x0 + 0.7 * span; c += 0.02 * span) {
    for (double r = 0.52 * span; r <= 2.5 * span; r += 0.04 * span) {
      double err = 0;
      for (const auto& [x, w] : points) {
        const double t = (x - c) / r;
        const double pred = w0 * std::sqrt(std::max(0.0, 1 - t * t));
        err += (w - pred) * (w - pred);
      }
      if (err < best) {
        best = err;
        cyl.c = c;
        cyl.r = r;
      }
    }
  }
  if (cyl.r <= 0) return cyl;
  // Clear narrowing at the label's sides, and a fit much better than "no cylinder".
  const double edge = std::max(std::abs(x0 - cyl.c), std::abs(x1 - cyl.c)) / cyl.r;
  const double cosEdge = std::sqrt(std::max(0.0, 1 - std::min(1.0, edge) * std::min(1.0, edge)));
  cyl.found = cosEdge < 0.8 && best < 0.4 * flat;
  return cyl;
}

// Centres of text rows: chains of at least `minGlyphs` glyphs side by side with similar size.
std::vector<cv::Point2f> TextRows(const Glyphs& g, size_t minGlyphs = 4) {
  std::vector<cv::Rect> boxes = g.boxes;
  std::sort(boxes.begin(), boxes.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  std::vector<size_t> parent(boxes.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  std::function<size_t(size_t)> root = [&](size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); };
  for (size_t i = 0; i < boxes.size(); ++i) {
    const cv::Rect& a = boxes[i];
    const double cy = a.y + a.height / 2.0;
    for (size_t j = i + 1; j < boxes.size() && boxes[j].x <= a.x + a.width + 1.5 * a.height; ++j) {
      const cv::Rect& b = boxes[j];
      if (b.height > 1.5 * a.height || a.height > 1.5 * b.height) continue;
      if (std::abs(b.y + b.height / 2.0 - cy) > 0.3 * std::max(a.height, b.height)) continue;
      parent[root(i)] = root(j);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < boxes.size(); ++i) groups[root(i)].push_back(i);
  std::vector<cv::Point2f> rows;
  for (const auto& [r, members] : groups) {
    if (members.size() < minGlyphs) continue;
    cv::Point2f c(0, 0);
    for (size_t m : members)
      c += cv::Point2f(static_cast<float>(boxes[m].x) + static_cast<float>(boxes[m].width) / 2.f,
                       static_cast<float>(boxes[m].y) + static_cast<float>(boxes[m].height) / 2.f);
    rows.push_back(c * (1.f / static_cast<float>(members.size())));
  }
  return rows;
}

// The region holding the text (robust to a few stray glyphs), padded; empty when unclear.
cv::Rect TextRegion(const std::vector<cv::Rect>& glyphs, cv::Size size) {
  if (glyphs.size() < 20) return {};
  std::vector<int> x0, y0, x1, y1, h;
  for (const auto& b : glyphs) {
    x0.push_back(b.x);
    y0.push_back(b.y);
    x1.push_back(b.x + b.width);
    y1.push_back(b.y + b.height);
    h.push_back(b.height);
  }
  auto pct = [](std::vector<int>& v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
  };
  const int pad = 4 * pct(h, 0.5);
  const int left = std::max(0, pct(x0, 0.01) - pad), top = std::max(0, pct(y0, 0.01) - pad);
  const int right = std::min(size.width, pct(x1, 0.99) + pad), bottom = std::min(size.height, pct(y1, 0.99) + pad);
  if (right <= left || bottom <= top) return {};
  return {left, top, right - left, bottom - top};
}

// Glyphs in rows running down the label (a side panel printed at 90 degrees, whose text the
// OCR reads later, turned).
std::vector<cv::Rect> GlyphsInRowsDown(const Glyphs& g) {
  auto transpose = [](const cv::Rect& r) { return cv::Rect(r.y, r.x, r.height, r.width); };
  Glyphs turned;
  for (const auto& b : g.boxes) turned.boxes.push_back(transpose(b));
  std::vector<cv::Rect> out;
  for (const auto& b : AlignedGlyphs(turned)) out.push_back(transpose(b));
  return out;
}

// The crop to the text keeps a turned panel beside the text that runs across: when many glyphs
// in rows running down lie outside `across`, the region grows to hold them. A few (a barcode's
// digits, a finger's edge) do not move it: the region decides the scale and what the OCR sees.
cv::Rect WithTurnedPanel(const cv::Rect& across, const Glyphs& g, cv::Size size) {
  if (across.empty()) return across;
  std::vector<cv::Rect> down;
  for (const auto& b : GlyphsInRowsDown(g))
    if ((b & across).area() < b.area() / 2) down.push_back(b);
  constexpr size_t kTurnedPanelGlyphs = 40;  // a line or two of small print
  if (down.size() < kTurnedPanelGlyphs) return across;
  return across | TextRegion(down, size);
}

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

// The pale panel of the label when it lies on a textured background (a tablecloth, a wooden
// table) and no clean outline was found to warp: the bounding box of the largest bright region,
// with a margin for the coloured bands and the text printed near its edges. Empty when there is
// none, or when text rows stand outside it (the bright region is then a part of the label, such
// as a facts table, not the label). Cropping to it keeps Tesseract off the texture, where it
// spends most of its time reading noise into confetti words.
cv::Rect BrightPanelRegion(const cv::Mat& gray, const std::vector<cv::Point2f>& rows) {
  const std::vector<std::vector<cv::Point>> contours = BrightRegionOutlines(gray);
  const double imageArea = static_cast<double>(gray.cols) * gray.rows;
  const std::vector<cv::Point>* best = nullptr;
  double bestArea = 0;
  for (const auto& c : contours) {
    const double area = cv::contourArea(c);
    if (area > bestArea) {
      bestArea = area;
      best = &c;
    }
  }
  if (!best || bestArea < 0.06 * imageArea || bestArea > 0.8 * imageArea) return {};
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
  return region;
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
    if (area < 0.06 * imageArea || area > 0.92 * imageArea || area <= bestArea) continue;
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
  // Text can run close to the label's edge, and a fitted corner can sit a little inside it (an
  // arc on a bottle, a blurred edge): warp a slightly larger quad, never cut into the label.
  cv::Point2f centre(0, 0);
  for (const auto& p : quad) centre += p * 0.25f;
  for (auto& p : quad) p = centre + (p - centre) * 1.04f;
  // Order: top-left, top-right, bottom-right, bottom-left.
  std::sort(quad.begin(), quad.end(), [](const cv::Point2f& a, const cv::Point2f& b) { return a.y < b.y; });
  if (quad[0].x > quad[1].x) std::swap(quad[0], quad[1]);
  if (quad[2].x < quad[3].x) std::swap(quad[2], quad[3]);
  return true;
}

cv::Matx33d Scaling(double s) { return {s, 0, 0, 0, s, 0, 0, 0, 1}; }

// Rotation by `degrees` about the centre of a w x h image, with the output canvas enlarged to
// hold the whole result; returns the matrix and sets the new size.
cv::Matx33d RotationAbout(double w, double h, double degrees, cv::Size2d& outSize) {
  const double rad = degrees * CV_PI / 180.0, c = std::cos(rad), s = std::sin(rad);
  const double nw = std::abs(w * c) + std::abs(h * s), nh = std::abs(w * s) + std::abs(h * c);
  // Translate centre to origin, rotate (counter-clockwise on screen for positive degrees), move to new centre.
  const cv::Matx33d toOrigin{1, 0, -w / 2, 0, 1, -h / 2, 0, 0, 1};
  const cv::Matx33d rot{c, s, 0, -s, c, 0, 0, 0, 1};
  const cv::Matx33d back{1, 0, nw / 2, 0, 1, nh / 2, 0, 0, 1};
  outSize = {nw, nh};
  return back * rot * toOrigin;
}

cv::Mat ApplyGeometry(const cv::Mat& src, const cv::Matx33d& m, cv::Size size) {
  cv::Mat out;
  cv::warpPerspective(src, out, cv::Mat(m), size, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
  return out;
}

bool IsIdentity(const cv::Matx33d& m) {
  const cv::Matx33d d = m - cv::Matx33d::eye();
  for (int i = 0; i < 9; ++i)
    if (std::abs(d.val[i]) > 1e-9) return false;
  return true;
}

}  // namespace

// Divides by the local background (a large max filter) so that shading, dim corners and soft
// glare become an even white, keeping dark text dark.
void FlattenLight(cv::Mat& gray, double glyphHeight) {
  const int k = std::max(15, static_cast<int>(glyphHeight * 3) | 1);
  cv::Mat small, background;
  const double f = 0.25;  // the background varies slowly: estimate it on a quarter-size copy
  cv::resize(gray, small, {}, f, f, cv::INTER_AREA);
  const int ks = std::max(3, static_cast<int>(k * f) | 1);
  cv::dilate(small, background, cv::getStructuringElement(cv::MORPH_ELLIPSE, {ks, ks}));
  cv::GaussianBlur(background, background, {0, 0}, ks / 2.0);
  cv::resize(background, background, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat g32, b32;
  gray.convertTo(g32, CV_32F);
  background.convertTo(b32, CV_32F, 1, 1);
  cv::divide(g32, b32, g32, 255.0);
  g32.convertTo(gray, CV_8U);
}

PreparedImage PrepareImage(const cv::Mat& bgr, const PrepareOptions& options) {
  PreparedImage out;
  out.originalSize = bgr.size();
  cv::Mat gray;
  if (bgr.channels() == 3)
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  else
    gray = bgr;

  // A photo a few pixels across holds no readable text; the steps below would shrink it to
  // nothing. Pass it on as it is (the OCR then finds nothing, which is the honest answer).
  if (gray.cols < 32 || gray.rows < 32) {
    out.gray = gray.clone();
    return out;
  }

  // 1. Analyse the layout on a small copy.
  const double a = std::min(1.0, static_cast<double>(kAnalysisSide) / std::max(gray.cols, gray.rows));
  cv::Mat small;
  cv::resize(gray, small, {}, a, a, a < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::Matx33d geometry = cv::Matx33d::eye();  // small -> upright small
  cv::Size2d size(small.cols, small.rows);

  if (options.fixPerspective) {
    std::vector<cv::Point2f> quad;
    if (FindLabelQuad(small, TextRows(FindGlyphs(small)), quad)) {
      const double top = cv::norm(quad[1] - quad[0]), bottom = cv::norm(quad[2] - quad[3]);
      const double left = cv::norm(quad[3] - quad[0]), right = cv::norm(quad[2] - quad[1]);
      const double w = std::max(top, bottom), h = std::max(left, right);
      const std::vector<cv::Point2f> dst = {{0, 0}, {static_cast<float>(w), 0},
                                            {static_cast<float>(w), static_cast<float>(h)}, {0, static_cast<float>(h)}};
      cv::Mat p = cv::getPerspectiveTransform(quad, dst);
      geometry = cv::Matx33d(reinterpret_cast<double*>(p.data));
      size = {w, h};
      out.perspective = true;
    }
  }
  cv::Mat upright = IsIdentity(geometry) ? small : ApplyGeometry(small, geometry, size);

  Glyphs glyphs = FindGlyphs(upright);
  if (options.fixRotation && LooksTurned(glyphs)) {
    cv::Size2d turned;
    const cv::Matx33d r = RotationAbout(size.width, size.height, 90, turned);  // text was turned by 90
    geometry = r * geometry;
    size = turned;
    out.rotation = 270;
    upright = ApplyGeometry(small, geometry, size);
    glyphs = FindGlyphs(upright);
  }
  // Keep only the region with text: background texture costs OCR time and reads as noise.
  const std::vector<cv::Rect> aligned = AlignedGlyphs(glyphs);
  // The skew is measured where the text runs across, as before rows down the label were kept:
  // a larger crop (a hand, a barcode beside the panel) moved it by fractions of a degree and
  // cost the rows of a real facts panel.
  const cv::Rect across = TextRegion(aligned, upright.size());
  const cv::Mat skewArea =
      !across.empty() && across.area() < 0.9 * upright.size().area() ? cv::Mat(upright, across) : upright;
  cv::Rect region = WithTurnedPanel(across, glyphs, upright.size());
  // Glyph-like specks of a textured background spread the text region over much of the photo:
  // then keep to the label's pale panel, when there is a clear one and the text region reaches
  // well beyond it (measured on textured-background photos: the text region covered 60-100 %
  // of the photo, the panel 25-35 %, and Tesseract spent 3-12 s reading the texture).
  if (!out.perspective) {
    // Rows of a few glyphs happen in the texture too; a row of text left out has more.
    const cv::Rect panel = BrightPanelRegion(upright, TextRows(glyphs, /*minGlyphs=*/7));
    const bool spread = region.empty() || region.area() >= 0.9 * upright.size().area();
    constexpr double kBeyondPanel = 1.5;  // text region at least this much larger than the panel
    if (!panel.empty() && (spread || region.area() > kBeyondPanel * (region & panel).area())) region = panel;
  }
  if (!region.empty() && region.area() < 0.9 * upright.size().area()) {
    geometry = Translation(-region.x, -region.y) * geometry;
    size = {static_cast<double>(region.width), static_cast<double>(region.height)};
    upright = upright(region).clone();
    out.cropped = true;
  }
  const double glyphSmall = SmallPrintHeight(Glyphs{aligned.empty() ? glyphs.boxes : aligned});
  const double skew = EstimateSkew(skewArea, glyphSmall);
  if (std::abs(skew) > 0.4 && std::abs(skew) < 25) {
    cv::Size2d deskewed;
    const cv::Matx33d r = RotationAbout(size.width, size.height, -skew, deskewed);
    geometry = r * geometry;
    size = deskewed;
    out.skewDegrees = skew;
  }

  // A label on a bottle: fit the cylinder on the upright copy (unrolled after rendering).
  Cylinder cylinder;
  if (options.unwrapCylinder) {
    const cv::Mat final = ApplyGeometry(small, geometry, size);
    cylinder = EstimateCylinder(AlignedGlyphs(FindGlyphs(final)), final.cols);
  }

  // 2. Scale: the small print to the target glyph height, within the pixel budget.
  out.textHeight = glyphSmall > 0 ? glyphSmall / a : 0;
  double s = out.textHeight > 0 ? options.targetTextHeight / out.textHeight : 1.0;
  s = std::clamp(s, options.minScale, options.maxScale);
  const double uprightPixels = size.width * size.height / (a * a);
  if (uprightPixels * s * s > options.maxWorkingPixels) s = std::sqrt(options.maxWorkingPixels / uprightPixels);
  out.scale = s;

  // 3. Render the working image: resize the photo once (area filter when shrinking), then the
  // geometry found on the small copy, re-expressed at the working scale.
  cv::Mat scaled;
  cv::resize(gray, scaled, {}, s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  const double k = s / a;
  const cv::Matx33d work = Scaling(k) * geometry * Scaling(1.0 / k);
  if (IsIdentity(geometry)) {
    out.gray = scaled;
  } else {
    out.gray = ApplyGeometry(scaled, work, cv::Size(static_cast<int>(std::lround(size.width * k)),
                                                    static_cast<int>(std::lround(size.height * k))));
  }
  out.toOriginal = (work * Scaling(s)).inv();

  // Unroll the cylinder: column u of the unrolled image shows the label at angle
  // theta = theta0 + u / r, which the photo shows at x = c + r sin(theta).
  if (cylinder.found) {
    const double c = cylinder.c * k, r = cylinder.r * k;
    const double W = out.gray.cols;
    const double t0 = std::asin(std::clamp((0 - c) / r, -0.999, 0.999));
    const double t1 = std::asin(std::clamp((W - c) / r, -0.999, 0.999));
    const int U = static_cast<int>(std::lround((t1 - t0) * r));
    if (U > W && U < 3 * W) {
      cv::Mat mapX(out.gray.rows, U, CV_32F), mapY(out.gray.rows, U, CV_32F);
      out.unwrapColumns.resize(static_cast<size_t>(U));
      for (int u = 0; u < U; ++u) out.unwrapColumns[static_cast<size_t>(u)] = static_cast<float>(c + r * std::sin(t0 + u / r));
      for (int y = 0; y < mapX.rows; ++y) {
        float* mx = mapX.ptr<float>(y);
        float* my = mapY.ptr<float>(y);
        for (int u = 0; u < U; ++u) {
          mx[u] = out.unwrapColumns[static_cast<size_t>(u)];
          my[u] = static_cast<float>(y);
        }
      }
      cv::Mat unrolled;
      cv::remap(out.gray, unrolled, mapX, mapY, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
      out.gray = unrolled;
      out.unwrapped = true;
    }
  }

  // 4. Light.
  FlattenLight(out.gray, options.targetTextHeight);
  out.photo = gray;
  out.glyphHeight = options.targetTextHeight;
  // The re-reads' scale, from the photo's small print (not limited by the working image's pixel
  // budget: they render small regions).
  if (out.textHeight > 0 && s > 0) {
    const double detailScale = std::clamp(options.detailTextHeight / out.textHeight, options.minScale, options.maxScale);
    out.detailFactor = std::max(1.0, detailScale / s);
  }
  return out;
}

void RotateWorking(PreparedImage& image, int degreesClockwise) {
  const double w = image.gray.cols, h = image.gray.rows;
  cv::Matx33d back;  // new working pixels -> old working pixels
  switch (((degreesClockwise % 360) + 360) % 360) {
    case 90:
      cv::rotate(image.gray, image.gray, cv::ROTATE_90_CLOCKWISE);
      back = {0, 1, 0, -1, 0, h, 0, 0, 1};  // new (x, y) came from old (y, h - x)
      break;
    case 180:
      cv::rotate(image.gray, image.gray, cv::ROTATE_180);
      back = {-1, 0, w, 0, -1, h, 0, 0, 1};
      break;
    case 270:
      cv::rotate(image.gray, image.gray, cv::ROTATE_90_COUNTERCLOCKWISE);
      back = {0, -1, w, 1, 0, 0, 0, 0, 1};  // new (x, y) came from old (w - y, x)
      break;
    default:
      return;
  }
  image.workToUnwrapped = image.workToUnwrapped * back;
  image.rotation = (image.rotation + degreesClockwise) % 360;
}

cv::Point2d WorkingToPhoto(const PreparedImage& image, double px, double py) {
  cv::Vec3d p = image.workToUnwrapped * cv::Vec3d(px, py, 1);
  double ux = p[0] / p[2];
  const double uy = p[1] / p[2];
  if (!image.unwrapColumns.empty()) {
    // Between two unrolled columns, the photo's column in between (a smooth map for rendering).
    const double last = static_cast<double>(image.unwrapColumns.size() - 1);
    const double u = std::clamp(ux, 0.0, last);
    const auto c0 = static_cast<size_t>(u);
    const size_t c1 = std::min(c0 + 1, image.unwrapColumns.size() - 1);
    const double t = u - static_cast<double>(c0);
    ux = (1 - t) * image.unwrapColumns[c0] + t * image.unwrapColumns[c1];
  }
  p = image.toOriginal * cv::Vec3d(ux, uy, 1);
  return {p[0] / p[2], p[1] / p[2]};
}

Box ToOriginal(const PreparedImage& image, const Box& b) {
  if (b.empty()) return b;
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& [px, py] : {std::pair(b.x, b.y), std::pair(b.right(), b.y), std::pair(b.x, b.bottom()),
                               std::pair(b.right(), b.bottom())}) {
    const auto [x, y] = WorkingToPhoto(image, px, py);
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
  }
  const int W = image.originalSize.width, H = image.originalSize.height;
  const int ix0 = std::clamp(static_cast<int>(std::floor(x0)), 0, W), iy0 = std::clamp(static_cast<int>(std::floor(y0)), 0, H);
  const int ix1 = std::clamp(static_cast<int>(std::ceil(x1)), 0, W), iy1 = std::clamp(static_cast<int>(std::ceil(y1)), 0, H);
  return {ix0, iy0, ix1 - ix0, iy1 - iy0};
}

}  // namespace suppcheck
