#include "suppcheck/image/glyph_layout.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

// The tallest glyph FindGlyphs keeps with `maxHeightShare` in an image `rows` pixels high.
int MaxGlyphHeight(double maxHeightShare, int rows) { return static_cast<int>(maxHeightShare * rows); }

}  // namespace

// Glyph-like connected components of dark-on-light (and light-on-dark) text.
Glyphs FindGlyphs(const cv::Mat& gray, double maxHeightShare) {
  Glyphs g;
  cv::Mat bin;
  const int block = std::max(15, (std::min(gray.cols, gray.rows) / 40) | 1);
  // Dark glyphs on light, then light on dark: the second binarisation is the first's complement
  // (the same local means), so the costly mean filter runs once.
  cv::adaptiveThreshold(gray, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, 12);
  for (int polarity = 0; polarity < 2; ++polarity) {
    if (polarity == 1) cv::bitwise_not(bin, bin);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
    const int maxH = MaxGlyphHeight(maxHeightShare, gray.rows);
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

Glyphs GlyphsAtMost(const Glyphs& g, double maxHeightShare, int rows) {
  const int maxH = MaxGlyphHeight(maxHeightShare, rows);
  Glyphs out;
  for (const cv::Rect& b : g.boxes)
    if (b.height <= maxH) out.boxes.push_back(b);
  return out;
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

// A lower percentile of glyph heights (the 30th): the small print.
double SmallPrintHeight(const Glyphs& g) {
  if (g.boxes.size() < 15) return 0;
  std::vector<int> h;
  for (const auto& b : g.boxes) h.push_back(b.height);
  std::sort(h.begin(), h.end());
  return h[h.size() * 3 / 10];
}

namespace {

// The boxes sorted left to right, and `join(i, j)` called for each pair side by side in a row:
// the right one starts within 1.5 heights of the left one's end, their heights are within
// `maxRatio` of each other, their centres within `maxOffset` of the taller height.
template <class Join>
std::vector<cv::Rect> JoinRowNeighbours(const Glyphs& g, double maxRatio, double maxOffset, Join join) {
  std::vector<cv::Rect> boxes = g.boxes;
  std::sort(boxes.begin(), boxes.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
  for (size_t i = 0; i < boxes.size(); ++i) {
    const cv::Rect& a = boxes[i];
    const double cy = a.y + a.height / 2.0;
    for (size_t j = i + 1; j < boxes.size() && boxes[j].x <= a.x + a.width + 1.5 * a.height; ++j) {
      const cv::Rect& b = boxes[j];
      if (b.height > maxRatio * a.height || a.height > maxRatio * b.height) continue;
      if (std::abs(b.y + b.height / 2.0 - cy) > maxOffset * std::max(a.height, b.height)) continue;
      join(i, j);
    }
  }
  return boxes;
}

}  // namespace

// Glyphs that sit in a row with a neighbour of similar size: text, not background texture.
std::vector<cv::Rect> AlignedGlyphs(const Glyphs& g) {
  std::vector<bool> keep(g.boxes.size(), false);
  const std::vector<cv::Rect> boxes = JoinRowNeighbours(g, 1.8, 0.35, [&](size_t i, size_t j) { keep[i] = keep[j] = true; });
  std::vector<cv::Rect> out;
  for (size_t i = 0; i < boxes.size(); ++i)
    if (keep[i]) out.push_back(boxes[i]);
  return out;
}

namespace {

// Chains of at least `minGlyphs` glyphs side by side with similar size: the rows of text.
std::vector<std::vector<cv::Rect>> RowChains(const Glyphs& g, size_t minGlyphs) {
  std::vector<size_t> parent(g.boxes.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  std::function<size_t(size_t)> root = [&](size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); };
  const std::vector<cv::Rect> boxes = JoinRowNeighbours(g, 1.5, 0.3, [&](size_t i, size_t j) { parent[root(i)] = root(j); });
  std::map<size_t, std::vector<cv::Rect>> groups;
  for (size_t i = 0; i < boxes.size(); ++i) groups[root(i)].push_back(boxes[i]);
  std::vector<std::vector<cv::Rect>> rows;
  for (auto& [r, members] : groups)
    if (members.size() >= minGlyphs) rows.push_back(std::move(members));
  return rows;
}

cv::Rect Transposed(const cv::Rect& r) { return {r.y, r.x, r.height, r.width}; }

}  // namespace

std::vector<cv::Point2f> RowCentres(const std::vector<std::vector<cv::Rect>>& rows) {
  std::vector<cv::Point2f> centres;
  for (const auto& members : rows) {
    cv::Point2f c(0, 0);
    for (const auto& b : members)
      c += cv::Point2f(static_cast<float>(b.x) + static_cast<float>(b.width) / 2.f,
                       static_cast<float>(b.y) + static_cast<float>(b.height) / 2.f);
    centres.push_back(c * (1.f / static_cast<float>(members.size())));
  }
  return centres;
}

std::vector<std::vector<cv::Rect>> RowsAcross(const Glyphs& g, size_t minGlyphs) { return RowChains(g, minGlyphs); }

// Centres of text rows: chains of at least `minGlyphs` glyphs side by side with similar size.
std::vector<cv::Point2f> TextRows(const Glyphs& g, size_t minGlyphs) { return RowCentres(RowChains(g, minGlyphs)); }

std::vector<std::vector<cv::Rect>> RowsDown(const Glyphs& g, size_t minGlyphs) {
  Glyphs turned;
  for (const auto& b : g.boxes) turned.boxes.push_back(Transposed(b));
  std::vector<std::vector<cv::Rect>> rows = RowChains(turned, minGlyphs);
  for (auto& row : rows)
    for (auto& b : row) b = Transposed(b);
  return rows;
}

namespace {

// Whether most glyphs of `row` (a chain running down, sorted top to bottom) have a glyph of `g`
// closer beside them than their neighbours in the chain: then the chain is a column of upright
// text (the "M" of every row of a tight table, over its twin 8 px below, has its "a" 2 px to its
// right), not a line lying on its side, whose neighbours beside it are the next lines, a
// line's leading away.
bool BesideCloser(const Glyphs& g, const std::vector<cv::Rect>& row) {
  int beside = 0;
  for (size_t i = 0; i < row.size(); ++i) {
    const cv::Rect& a = row[i];
    int along = std::numeric_limits<int>::max();
    if (i > 0) along = std::min(along, a.y - row[i - 1].br().y);
    if (i + 1 < row.size()) along = std::min(along, row[i + 1].y - a.br().y);
    along = std::max(along, 0);
    int across = std::numeric_limits<int>::max();
    for (const cv::Rect& b : g.boxes) {
      if (b == a) continue;
      const int overlap = std::min(a.br().y, b.br().y) - std::max(a.y, b.y);
      if (2 * overlap < std::min(a.height, b.height)) continue;  // not beside it
      const int gapX = b.x >= a.br().x ? b.x - a.br().x : a.x >= b.br().x ? a.x - b.br().x : -1;
      if (gapX >= 0) across = std::min(across, gapX);
    }
    if (across < along) ++beside;
  }
  return 2 * beside > static_cast<int>(row.size());
}

// Whether `row` is one glyph printed again and again, one under the other: the "mg" of every
// row of a table (each 28 x 18 px, 8 px apart in a tight one). The letters of a line differ in
// size ("i" and "m" lying have different lengths), but in small print only by a pixel: a twin
// may differ by a pixel in a size of 12 px or more (noise moves an edge), and not at all in a
// smaller one (a lot line of 10 x 6 px letters, 13 of its 16 within a pixel of the median, was
// taken for a stack of one glyph, and the side panel with the number was cut off: seed 36527
// phone-0023).
bool SameGlyphStacked(const std::vector<cv::Rect>& row) {
  std::vector<int> w, h;
  for (const auto& b : row) {
    w.push_back(b.width);
    h.push_back(b.height);
  }
  std::nth_element(w.begin(), w.begin() + static_cast<long>(w.size() / 2), w.end());
  std::nth_element(h.begin(), h.begin() + static_cast<long>(h.size() / 2), h.end());
  const int mw = w[w.size() / 2], mh = h[h.size() / 2];
  constexpr int kSlackFrom = 12;  // px
  const int slackW = mw >= kSlackFrom ? 1 : 0, slackH = mh >= kSlackFrom ? 1 : 0;
  size_t twins = 0;
  for (const auto& b : row) twins += std::abs(b.width - mw) <= slackW && std::abs(b.height - mh) <= slackH;
  return 5 * twins >= 4 * row.size();
}

}  // namespace

std::vector<cv::Rect> TurnedTextBlocks(const Glyphs& g, size_t minGlyphs) {
  // A row running down the label is turned text only when its glyphs lie on their side and
  // follow each other closely. Upright text has chains down it too (a column of digits, the "m"
  // of "mg" in every row of a table), but of glyphs taller than wide, or a line's leading apart.
  // Lying letters, digits and capitals are 1.3-2.5 times wider than tall, round lower-case
  // letters about square (a bold lower-case line lying: median 1.13), upright digits and capitals
  // 0.5-0.8; letters in a word stand a fraction of their size apart, lines of text (upright
  // lower case stacked) at least their leading. The row's medians tell.
  constexpr double kLyingAspect = 1.05;
  constexpr double kMaxLetterGap = 0.6;  // of a glyph's length along the row
  // Lower-case print of regular weight lying on its side is longer along its row than wide
  // (a lying "m": 0.6; a sans-serif line, seed 64829 hard-0033: median 0.6-0.85), and so is
  // upright text stacked in a column. What tells them apart is the gap: letters of a word stand
  // a pixel or two apart (a tenth of their length there), the glyphs of stacked upright lines a
  // line's leading (the tightest table measured: 8 px under 20 px glyphs). Such a row counts when
  // its glyphs nearly touch.
  constexpr double kLowerCaseLyingAspect = 0.55;
  constexpr double kTouchingLetterGap = 0.2;  // of a glyph's length along the row
  const auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  struct Row {
    cv::Rect box;
    size_t glyphs;
  };
  std::vector<Row> rows;
  for (auto& row : RowsDown(g, 5)) {
    std::sort(row.begin(), row.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.y < b.y; });
    std::vector<double> aspect, length, gap;
    cv::Rect box = row.front();
    for (size_t i = 0; i < row.size(); ++i) {
      aspect.push_back(static_cast<double>(row[i].width) / row[i].height);
      length.push_back(row[i].height);
      if (i > 0) gap.push_back(std::max(0, row[i].y - row[i - 1].br().y));
      box |= row[i];
    }
    const double a = median(aspect), spacing = median(gap) / median(length);
    const bool lying = (a >= kLyingAspect && spacing <= kMaxLetterGap) ||
                       (a >= kLowerCaseLyingAspect && spacing <= kTouchingLetterGap);
    if (lying && !BesideCloser(g, row) && !SameGlyphStacked(row))
      rows.push_back({box, row.size()});
  }
  // The lines of a turned block stand side by side, up to one and a half line heights (its
  // row's width) apart.
  std::vector<size_t> parent(rows.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  std::function<size_t(size_t)> root = [&](size_t i) { return parent[i] == i ? i : parent[i] = root(parent[i]); };
  for (size_t i = 0; i < rows.size(); ++i) {
    const cv::Rect& a = rows[i].box;
    const cv::Rect grown(a.x - 3 * a.width / 2, a.y - a.width, 4 * a.width, a.height + 2 * a.width);
    for (size_t j = i + 1; j < rows.size(); ++j)
      if ((grown & rows[j].box).area() > 0) parent[root(i)] = root(j);
  }
  std::map<size_t, Row> blocks;
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [it, fresh] = blocks.try_emplace(root(i), rows[i]);
    if (!fresh) {
      it->second.box |= rows[i].box;
      it->second.glyphs += rows[i].glyphs;
    }
  }
  std::vector<Row> kept;
  for (const auto& [r, block] : blocks)
    if (block.glyphs >= minGlyphs) kept.push_back(block);
  std::sort(kept.begin(), kept.end(), [](const Row& a, const Row& b) { return a.glyphs > b.glyphs; });
  std::vector<cv::Rect> out;
  for (const auto& block : kept) out.push_back(block.box);
  return out;
}

// Glyphs in rows running down the label (a side panel printed at 90 degrees, whose text the
// OCR reads later, turned).
std::vector<cv::Rect> GlyphsInRowsDown(const Glyphs& g) {
  Glyphs turned;
  for (const auto& b : g.boxes) turned.boxes.push_back(Transposed(b));
  std::vector<cv::Rect> out;
  for (const auto& b : AlignedGlyphs(turned)) out.push_back(Transposed(b));
  return out;
}

}  // namespace suppcheck
