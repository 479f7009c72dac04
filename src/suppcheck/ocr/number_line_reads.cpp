#include "suppcheck/ocr/number_line_reads.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/region_render.h"

namespace suppcheck {

namespace {

// What may stand on a number line when the whitelist is on: capitals (a category, or a wrong
// one such as "PX", must stay readable), digits, the slash.
constexpr const char* kNumberWhitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/ ";

// One way of reading the band. `height` is the glyph height the crop is scaled to.
struct Variant {
  const char* name;
  double height;
  enum Ink { Gray, Otsu, Adaptive, Sharpened } ink;
  PageMode mode;
  bool whitelist;
  bool loose;  // a taller crop that is not clipped at the neighbouring lines
};

// Ordered so that the first two are as different as possible from each other and from the
// page-level read; the later ones are asked only when the first disagree.
constexpr Variant kVariants[] = {
    {"gray48-psm7", 48, Variant::Gray, PageMode::SingleLine, false, false},
    {"otsu36-psm13", 36, Variant::Otsu, PageMode::RawLine, false, false},
    {"gray64-psm7-wl", 64, Variant::Gray, PageMode::SingleLine, true, false},
    {"adaptive44-psm7-wl", 44, Variant::Adaptive, PageMode::SingleLine, true, false},
    {"sharp56-psm13", 56, Variant::Sharpened, PageMode::RawLine, false, false},
    {"gray40-psm7-loose", 40, Variant::Gray, PageMode::SingleLine, false, true},
};

// The typical word height on the finding's line: the finding's own box may span two lines when
// the page-level pass merged touching lines.
int GlyphHeight(const TextLine& line, const Box& base) {
  std::vector<int> hs;
  for (const auto& w : line.words)
    if (!w.box.empty()) hs.push_back(w.box.h);
  if (hs.empty()) return std::max(8, base.h);
  std::nth_element(hs.begin(), hs.begin() + static_cast<long>(hs.size() / 2), hs.end());
  const int median = hs[hs.size() / 2];
  return std::max(8, base.empty() ? median : std::min(base.h, 2 * median));
}

cv::Mat Ink(const cv::Mat& gray, Variant::Ink ink, double glyph) {
  cv::Mat out;
  switch (ink) {
    case Variant::Gray: return gray;
    case Variant::Otsu: cv::threshold(gray, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU); return out;
    case Variant::Adaptive: {
      const int block = (static_cast<int>(glyph * 1.5) / 2) * 2 + 1;
      cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY, std::max(3, block), 12);
      return out;
    }
    case Variant::Sharpened: {
      cv::Mat blur;
      cv::GaussianBlur(gray, blur, {}, std::max(1.0, glyph / 24));
      cv::addWeighted(gray, 1.8, blur, -0.8, 0, out);
      return out;
    }
  }
  return gray;
}


// Rows whose ink covers less than this share of the number's columns are a gap between lines;
// more than this share, a printed rule or a frame's edge (a number printed in a box).
constexpr double kGapInk = 0.02;
constexpr double kRuleInk = 0.8;
// ... and a row with less than this share of the fullest row's ink is a gap too.
constexpr double kGapShareOfFullest = 0.2;

// The band fitted to the ink of the number's own row. On tight legal text the boxes of the
// page-level read overlap the lines above and below (a box drawn round the number, a line that
// runs askew, the address right above it): a band cut from those boxes held half of the address
// line or all of it, and every re-read read that line instead (the products of seeds 7311 and
// 7401: the number unreadable where a person reads it at once). In the columns of the number,
// the text row with the most ink between gaps is the number's; the band keeps it with the gap
// rows around it (a third of its height at most), not the frame or the neighbouring lines, and
// ends to the right where a gap wider than two and a half rows follows the last ink.
void FitBandToInk(const cv::Mat& gray, const Box& base, int& x1, int& y0, int& y1) {
  const int cx0 = std::max(0, base.x), cx1 = std::min(gray.cols, base.right());
  if (cx1 - cx0 < 8 || y1 - y0 < 8 || gray.type() != CV_8UC1) return;
  cv::Mat ink;
  const double level = cv::threshold(gray(cv::Rect(cx0, y0, cx1 - cx0, y1 - y0)), ink, 0, 255,
                                     cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  double lo = 0, hi = 0;
  cv::minMaxLoc(gray(cv::Rect(cx0, y0, cx1 - cx0, y1 - y0)), &lo, &hi);
  if (hi - lo < 40) return;  // no contrast to tell ink from paper
  const bool light = cv::countNonZero(ink) * 2 > ink.rows * ink.cols;  // light print on a dark ground
  if (light) cv::bitwise_not(ink, ink);
  const int rows = ink.rows;
  std::vector<double> share(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) share[static_cast<size_t>(r)] = cv::countNonZero(ink.row(r)) / static_cast<double>(ink.cols);
  // A gap row may hold a little ink: the tail of a g from the line above reaching down between
  // the digits (tight leading). Relative to the fullest text row.
  double fullest = 0;
  for (double v : share)
    if (v <= kRuleInk) fullest = std::max(fullest, v);
  const double gap = std::max(kGapInk, kGapShareOfFullest * fullest);
  const auto text = [&](int r) { return share[static_cast<size_t>(r)] >= gap && share[static_cast<size_t>(r)] <= kRuleInk; };
  // Runs of text rows; a gap of one row (a thin stroke lost to the threshold) stays inside a run.
  struct Run { int from, to; double mass; };
  std::vector<Run> runs;
  for (int r = 0; r < rows; ++r) {
    if (!text(r)) continue;
    if (!runs.empty() && r - runs.back().to <= 1 &&
        std::all_of(share.begin() + runs.back().to, share.begin() + r, [](double v) { return v <= kRuleInk; })) {
      runs.back().to = r + 1;
    } else {
      runs.push_back({r, r + 1, 0});
    }
    runs.back().mass += share[static_cast<size_t>(r)];
  }
  const auto best = std::max_element(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.mass < b.mass; });
  if (best == runs.end()) return;
  const int runH = best->to - best->from;
  if (runH * 4 < rows || runH < 6) return;  // too thin to be the number's row
  // Gap rows around it, a third of its height at most.
  int top = best->from, bottom = best->to;
  while (top > 0 && best->from - top < runH / 3 && share[static_cast<size_t>(top - 1)] < gap) --top;
  while (bottom < rows && bottom - best->to < runH / 3 && share[static_cast<size_t>(bottom)] < gap) ++bottom;
  // To the right: the line ends where a wide gap follows its ink.
  const int r0 = y0 + best->from, r1 = y0 + best->to;
  int lastInk = cx1;
  for (int x = cx1; x < x1 && x < gray.cols && x - lastInk <= 5 * runH / 2; ++x) {
    const cv::Mat column = gray(cv::Rect(x, r0, 1, r1 - r0));
    const int dark = light ? cv::countNonZero(column > level) : cv::countNonZero(column < level);
    if (dark > 0) lastInk = x;
  }
  x1 = std::min(x1, lastInk + runH);
  y1 = y0 + bottom;
  y0 = y0 + top;
}

}  // namespace

Box NumberLineBand(const std::vector<TextLine>& lines, const NumberFinding& finding, const cv::Mat& gray) {
  const cv::Size limit = gray.size();
  if (finding.line < 0 || static_cast<size_t>(finding.line) >= lines.size()) return {};
  // A framed number is read inside its frame: the frame's edges and the columns beside it are
  // no part of the line (a barcode beside the box read as 'WII').
  if (!finding.frame.empty()) return finding.frame;
  const TextLine& line = lines[static_cast<size_t>(finding.line)];
  Box base = finding.box.empty() ? line.box : finding.box;
  if (base.empty()) return {};
  const int h = GlyphHeight(line, base);
  if (base.h > 2 * h) base = {base.x, base.bottom() - h - h / 4, base.w, h + h / 4};  // merged lines: the number's row
  int x0 = base.x - h, x1 = base.right() + 4 * h;
  // To the right end of the text block: the page-level pass may have dropped the end of the line.
  for (const auto& other : lines)
    if (!other.box.empty() && other.box.x < base.right() + 2 * h && std::abs(other.box.centerY() - base.centerY()) < 8 * h)
      x1 = std::max(x1, std::min(other.box.right(), base.right() + 30 * h));
  int y0 = base.y - h / 3, y1 = base.bottom() + h / 3;
  // Stop at the lines above and below that share these columns.
  for (size_t i = 0; i < lines.size(); ++i) {
    const Box& o = lines[i].box;
    if (static_cast<int>(i) == finding.line || o.empty() || o.right() < x0 || o.x > x1) continue;
    if (o.VerticalOverlap(base) > base.h / 2) continue;
    if (o.centerY() < base.centerY()) y0 = std::max(y0, std::min(o.bottom(), base.y - 1));
    else y1 = std::min(y1, std::max(o.y, base.bottom() + 1));
  }
  x0 = std::clamp(x0, 0, limit.width);
  x1 = std::clamp(x1, 0, limit.width);
  y0 = std::clamp(y0, 0, limit.height);
  y1 = std::clamp(y1, 0, limit.height);
  FitBandToInk(gray, base, x1, y0, y1);
  if (x1 - x0 < 4 || y1 - y0 < 4) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

std::vector<NumberFinding> ReReadNumberBand(TesseractEngine& engine, const PreparedImage& image, const Box& band,
                                            const Vocabulary& vocab, std::vector<NumberFinding> reads, int maxReads,
                                            const std::function<bool(const std::vector<NumberFinding>&)>& enough,
                                            const CropSink& sink) {
  if (band.empty() || image.gray.empty()) return reads;
  const int lineIndex = reads.empty() ? -1 : reads.front().line;
  const double glyph = std::max(6, band.h * 3 / 5);  // the band holds the glyphs plus a third above and below
  int done = 0;
  for (const Variant& v : kVariants) {
    if (done >= maxReads) break;
    ++done;
    Box region = band;
    if (v.loose) {
      const int pad = static_cast<int>(glyph / 2);
      region.y = std::max(0, band.y - pad);
      region.h = std::min(image.gray.rows, band.bottom() + pad) - region.y;
    }
    const double f = std::clamp(v.height / glyph, 0.5, 5.0);
    cv::Mat crop = RenderRegion(image, region, f);
    if (crop.empty()) continue;
    crop = Ink(crop, v.ink, v.height);
    const int border = 12;
    cv::copyMakeBorder(crop, crop, border, border, border, border, cv::BORDER_REPLICATE);
    if (sink) sink(v.name, crop);
    std::vector<OcrWord> words = engine.Recognize(crop, v.mode, v.whitelist ? kNumberWhitelist : "");
    for (auto& w : words) {
      w.box = FromRendered(w.box, region, f, border);
      w.lineId = 0;  // one band, one line
    }
    const auto found = FindNumberCandidates(BuildLines(words), vocab);
    NumberFinding read;
    for (const auto& c : found)  // the category-anchored candidate first: a bare label says little
      if (c.categoryAnchored) {
        read = c;
        break;
      }
    if (read.number.status == NumberStatus::Missing && !found.empty()) read = found.front();
    read.line = lineIndex;
    reads.push_back(std::move(read));
    if (enough && enough(reads)) break;
  }
  return reads;
}

}  // namespace suppcheck
