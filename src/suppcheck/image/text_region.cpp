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

// Rows that the crop to `region` cuts: most of their glyphs inside, some outside. Running down:
// the first characters of a turned panel's lines at the label's bottom edge, below the text that
// runs across; cutting them loses "NU" of "NUT 252/8209" and the number with it. Running across:
// a front's large title reaching past the small print's right edge, whose last digit the crop
// took ("Magnesium 94|7", products seed 63052 clean-0014), so that the title contradicted the
// dose. The region grows to hold each such row whole, with a glyph's room around it.
cv::Rect WithCutRows(cv::Rect region, const std::vector<std::vector<cv::Rect>>& rows, bool down, cv::Size size) {
  const cv::Rect start = region;
  for (const auto& row : rows) {
    size_t inside = 0;
    cv::Rect box = row.front();
    std::vector<int> across;  // the glyphs' sizes across the row: its text height
    for (const auto& b : row) {
      inside += (b & start) == b;
      box |= b;
      across.push_back(down ? b.width : b.height);
    }
    if (inside == row.size() || 2 * inside < row.size()) continue;
    std::nth_element(across.begin(), across.begin() + static_cast<long>(across.size() / 2), across.end());
    const int pad = across[across.size() / 2];
    region |= cv::Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad) & cv::Rect({0, 0}, size);
  }
  return region;
}

// Rows running down beside a turned block, outside `region`: a side panel's number line in bold
// with its words spaced apart is not a block of lying letters of its own, and stood one glyph
// outside the lot line's block and its margin (seed 74219 phone-0016: "NUT 96 / 86" cut off, the
// lot line read alone, and the number reported missing). Beside means what joins a panel's
// blocks when they are read: at most 2.5 line heights apart, overlapping along half the shorter.
cv::Rect WithRowsBesideBlocks(cv::Rect region, const std::vector<cv::Rect>& blocks, const Glyphs& g, cv::Size size) {
  const cv::Rect start = region;
  for (const auto& row : RowsDown(g)) {
    cv::Rect box = row.front();
    for (const auto& b : row) box |= b;
    if ((box & start) == box) continue;
    for (const cv::Rect& block : blocks) {
      const int line = std::min(block.width, block.height);
      const int gap = std::max(block.x - box.br().x, box.x - block.br().x);
      const int overlap = std::min(block.br().y, box.br().y) - std::max(block.y, box.y);
      if (gap > 5 * line / 2 || 2 * overlap < std::min(block.height, box.height)) continue;
      region |= cv::Rect(box.x - line, box.y - line, box.width + 2 * line, box.height + 2 * line) & cv::Rect({0, 0}, size);
      break;
    }
  }
  return region;
}

}  // namespace

// The crop to the text keeps a turned panel beside the text that runs across: when many glyphs
// in rows running down lie outside `across`, the region grows to hold them. A few (a barcode's
// digits, a finger's edge) do not move it: the region decides the scale and what the OCR sees.
// Blocks of turned text, and the rows running down beside them, are kept whole; so are rows
// running down that it keeps mostly but cuts.
cv::Rect WithTurnedPanel(const cv::Rect& across, const Glyphs& g, cv::Size size) {
  if (across.empty()) return across;
  std::vector<cv::Rect> down;
  for (const auto& b : GlyphsInRowsDown(g))
    if ((b & across).area() < b.area() / 2) down.push_back(b);
  constexpr size_t kTurnedPanelGlyphs = 40;  // a line or two of small print
  cv::Rect region = down.size() < kTurnedPanelGlyphs ? across : across | TextRegion(down, size);
  // A side panel of a line or two (a lot line and a boxed number beside a barcode) has fewer
  // glyphs than that, but its letters lie on their side in a row, as a barcode's digits or a
  // finger's edge do not: such a block, partly or wholly outside the region, is kept whole with
  // a line's height around it for the number printed beside it (seed 36527 phone-0023: the crop
  // cut off "NUT 1/131" and the lot line, 36 glyphs, and the number came back not seen).
  const std::vector<cv::Rect> blocks = TurnedTextBlocks(g);
  for (const cv::Rect& block : blocks) {
    if ((block & region) == block) continue;
    const int line = std::min(block.width, block.height);
    region |= cv::Rect(block.x - line, block.y - line, block.width + 2 * line, block.height + 2 * line) &
              cv::Rect({0, 0}, size);
  }
  region = WithRowsBesideBlocks(region, blocks, g, size);
  return WithCutRows(region, RowsDown(g), true, size);
}

// Rows of text across that `region` keeps mostly but cuts (a large title reaching past the small
// print) are kept whole.
cv::Rect WithWholeRowsAcross(const cv::Rect& region, const Glyphs& g, cv::Size size) {
  return WithCutRows(region, RowsAcross(g), false, size);
}

}  // namespace suppcheck
