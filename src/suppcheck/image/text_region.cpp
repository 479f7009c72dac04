#include "suppcheck/image/text_region.h"

#include <algorithm>

namespace suppcheck {

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

namespace {

// A row running down that the crop to `region` cuts: most of its glyphs inside, some outside
// (the first characters of a turned panel's lines at the label's bottom edge, below the text
// that runs across). Cutting it loses those characters ("NU" of "NUT 252/8209") and the
// number with them; the region grows to hold the whole row, with a glyph's room around it.
cv::Rect WithCutRowsDown(cv::Rect region, const Glyphs& g, cv::Size size) {
  const cv::Rect start = region;
  for (const auto& row : RowsDown(g)) {
    size_t inside = 0;
    cv::Rect box = row.front();
    std::vector<int> across;  // the glyphs' sizes across the row: its text height
    for (const auto& b : row) {
      inside += (b & start) == b;
      box |= b;
      across.push_back(b.width);
    }
    if (inside == row.size() || 2 * inside < row.size()) continue;
    std::nth_element(across.begin(), across.begin() + static_cast<long>(across.size() / 2), across.end());
    const int pad = across[across.size() / 2];
    region |= cv::Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad) & cv::Rect({0, 0}, size);
  }
  return region;
}

}  // namespace

// The crop to the text keeps a turned panel beside the text that runs across: when many glyphs
// in rows running down lie outside `across`, the region grows to hold them. A few (a barcode's
// digits, a finger's edge) do not move it: the region decides the scale and what the OCR sees.
// Rows running down that it keeps mostly but cuts are kept whole.
cv::Rect WithTurnedPanel(const cv::Rect& across, const Glyphs& g, cv::Size size) {
  if (across.empty()) return across;
  std::vector<cv::Rect> down;
  for (const auto& b : GlyphsInRowsDown(g))
    if ((b & across).area() < b.area() / 2) down.push_back(b);
  constexpr size_t kTurnedPanelGlyphs = 40;  // a line or two of small print
  cv::Rect region = down.size() < kTurnedPanelGlyphs ? across : across | TextRegion(down, size);
  // A side panel of a line or two (a lot line and a boxed number beside a barcode) has fewer
  // glyphs than that, but its letters lie on their side in a row, as a barcode's digits or a
  // finger's edge do not: such a block outside the region is kept, with a line's height around
  // it for the number printed beside it (seed 36527 phone-0023: the crop cut off "NUT 1/131" and
  // the lot line, 36 glyphs, and the number came back not seen).
  for (const cv::Rect& block : TurnedTextBlocks(g)) {
    if ((block & region).area() >= block.area() / 2) continue;
    const int line = std::min(block.width, block.height);
    region |= cv::Rect(block.x - line, block.y - line, block.width + 2 * line, block.height + 2 * line) &
              cv::Rect({0, 0}, size);
  }
  return WithCutRowsDown(region, g, size);
}

}  // namespace suppcheck
