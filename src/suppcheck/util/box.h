#pragma once
// An axis-aligned box in pixels of the input image: [x, y, w, h] in the report.

#include <algorithm>

namespace suppcheck {

struct Box {
  int x = 0, y = 0, w = 0, h = 0;

  bool empty() const { return w <= 0 || h <= 0; }
  int right() const { return x + w; }
  int bottom() const { return y + h; }
  int centerX() const { return x + w / 2; }
  int centerY() const { return y + h / 2; }

  /// The smallest box holding both; an empty box is neutral.
  Box United(const Box& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    const int x0 = std::min(x, o.x), y0 = std::min(y, o.y);
    return {x0, y0, std::max(right(), o.right()) - x0, std::max(bottom(), o.bottom()) - y0};
  }
  /// The part both boxes cover (empty when they are apart).
  Box Intersected(const Box& o) const {
    const int x0 = std::max(x, o.x), y0 = std::max(y, o.y);
    return {x0, y0, std::min(right(), o.right()) - x0, std::min(bottom(), o.bottom()) - y0};
  }
  /// Height of the vertical overlap with another box (0 when apart).
  int VerticalOverlap(const Box& o) const { return std::max(0, std::min(bottom(), o.bottom()) - std::max(y, o.y)); }
};

}  // namespace suppcheck
