#include "suppcheck/scan/side_panel_beyond_crop.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "suppcheck/scan/number_passes.h"

namespace suppcheck {

namespace {

// `b` in `from`'s working pixels -> the box enclosing it in `to`'s, through the photo; none when
// either working image is unrolled from a bottle.
std::optional<Box> MapBox(const Box& b, const PreparedImage& from, const PreparedImage& to) {
  if (b.empty()) return std::nullopt;
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (const auto& [px, py] : {std::pair(b.x, b.y), std::pair(b.right(), b.y), std::pair(b.x, b.bottom()),
                               std::pair(b.right(), b.bottom())}) {
    const cv::Point2d photo = WorkingToPhoto(from, px, py);
    const auto p = PhotoToWorking(to, photo.x, photo.y);
    if (!p) return std::nullopt;
    x0 = std::min(x0, p->x), y0 = std::min(y0, p->y), x1 = std::max(x1, p->x), y1 = std::max(y1, p->y);
  }
  const int ix0 = static_cast<int>(std::floor(x0)), iy0 = static_cast<int>(std::floor(y0));
  return Box{ix0, iy0, std::max(1, static_cast<int>(std::ceil(x1)) - ix0), std::max(1, static_cast<int>(std::ceil(y1)) - iy0)};
}

}  // namespace

NumberFinding ReadSidePanelBeyondCrop(const ScanContext& ctx, const cv::Mat& bgr, const PreparedImage& prep,
                                      const std::vector<OcrWord>& words, std::vector<TextLine>& lines,
                                      const NumberFinding& number, PassTimer& timer) {
  if (number.number.status != NumberStatus::Missing) return number;
  // Only a plain warp of the photo maps word for word between the two working images: not a label
  // unrolled from a bottle, painted free of a cloth, or inverted.
  if (!prep.labelWidthLeftOut || prep.unwrapped || prep.paperOnly || prep.lightPrintInverted) return number;
  PrepareOptions wide = ctx.options.prepare;
  wide.wholeLabelWidth = true;
  PreparedImage whole = PrepareImage(bgr, wide);
  if (!whole.perspective || whole.unwrapped || whole.lightPrintInverted || whole.gray.empty()) return number;
  RotateWorking(whole, ((prep.rotation - whole.rotation) % 360 + 360) % 360);
  ctx.Debug("2-whole-label-width", whole.gray);

  // What the page pass read is not searched again, nor the rest of its working image, which the
  // turned-block pass searched: that image counts as one word read with confidence.
  std::vector<OcrWord> searched;
  for (const OcrWord& w : words)
    if (const auto b = MapBox(w.box, prep, whole)) searched.push_back({w.text, w.confidence, *b, w.lineId});
  const auto firstImage = MapBox({0, 0, prep.gray.cols, prep.gray.rows}, prep, whole);
  if (!firstImage) return number;
  searched.push_back({"searched", 100, *firstImage, -1});

  std::vector<TextLine> found;
  NumberFinding n = ReadTurnedBlocks(ctx, whole, searched, found, number);
  timer.Mark("side-panel");
  if (n.number.status == NumberStatus::Missing) return number;

  // Back to the first working image's pixels. The lines beyond it keep their text for the
  // extraction; their boxes are clipped to it (the passes after this one crop lines from it).
  const Box bounds{0, 0, prep.gray.cols, prep.gray.rows};
  const auto back = [&](const Box& b) {
    const auto m = MapBox(b, whole, prep);
    const Box clipped = m ? m->Intersected(bounds) : Box{};
    return clipped.empty() ? Box{} : clipped;
  };
  if (const auto box = MapBox(n.box, whole, prep)) n.box = *box;
  else n.box = {};
  if (n.line >= 0) n.line += static_cast<int>(lines.size());
  for (TextLine& line : found) {
    line.box = back(line.box);
    for (auto& w : line.words) w.box = back(w.box);
    lines.push_back(std::move(line));
  }
  return n;
}

}  // namespace suppcheck
