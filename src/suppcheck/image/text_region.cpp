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

}  // namespace suppcheck
