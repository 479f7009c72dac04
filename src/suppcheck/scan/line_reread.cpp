#include "suppcheck/scan/line_reread.h"

#include <algorithm>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "suppcheck/image/region_render.h"

namespace suppcheck {

namespace {

// The line is enlarged to about this many pixels of height, the size Tesseract reads best ...
constexpr double kTargetLineHeight = 56;
// ... but never shrunk, and never enlarged more than this (beyond, it enlarges blur).
constexpr double kMaxEnlargement = 3;
// Lines lower than this (pixels) are taken as this high when choosing the room around them.
constexpr int kMinLineHeight = 8;
// A frame of repeated edge pixels: Tesseract misses characters that touch the image's border.
constexpr int kBorder = 12;
// A re-read replaces the line (unforced) only when its mean word confidence is higher by more
// than this: two readings of the same print differ by a point or two by chance.
constexpr double kMoreConfidentBy = 2;

// The re-read behind ReReadLine and ReReadLineWidened: `widen` stretches the enlarged crop
// horizontally before it is read (1 = not at all).
bool ReRead(const ScanContext& ctx, const PreparedImage& prep, TextLine& line, bool force, double widen) {
  if (line.box.empty()) return false;
  const int h = std::max(kMinLineHeight, line.box.h);
  // A forced re-read looks for characters the first pass lost at the ends of the line (a
  // category squeezed at the edge of a bottle): take more room on both sides.
  // A stretched read takes the line's own height only: the neighbouring lines' ink, stretched
  // with it, made Tesseract read two lines as one gibberish line (label seed 63389 hard-0031).
  const Box region = PadBox(line.box, force ? 3 * h : h / 2, widen != 1 ? 0 : h / 3, prep.gray.size());
  if (region.empty()) return false;
  const double f = std::clamp(kTargetLineHeight / h, 1.0, kMaxEnlargement);
  cv::Mat crop = RenderRegion(prep, region, f);
  if (crop.empty()) return false;  // the line's box outside the working image
  if (widen != 1) cv::resize(crop, crop, cv::Size(), widen, 1, cv::INTER_CUBIC);
  cv::copyMakeBorder(crop, crop, kBorder, kBorder, kBorder, kBorder, cv::BORDER_REPLICATE);
  if (force) ctx.DebugAs("line", std::string(widen != 1 ? "6-reread-widened-" : "6-reread-") + std::to_string(line.box.y), crop);
  std::vector<OcrWord> words = ctx.engine.Recognize(crop, PageMode::SingleLine);
  if (words.empty()) return false;
  double before = 0, after = 0;
  for (const auto& w : line.words) before += w.confidence;
  before /= static_cast<double>(std::max<size_t>(1, line.words.size()));
  for (auto& w : words) {
    after += w.confidence;
    // Back to the crop as rendered (before the stretch and the border), then to working pixels.
    const Box unstretched{kBorder + static_cast<int>((w.box.x - kBorder) / widen), w.box.y,
                          std::max(1, static_cast<int>(w.box.w / widen)), w.box.h};
    w.box = FromRendered(unstretched, region, f, kBorder);
    w.lineId = 0;
  }
  after /= static_cast<double>(words.size());
  if (!force && after <= before + kMoreConfidentBy) return false;
  auto rebuilt = BuildLines(words);
  if (rebuilt.size() != 1) return false;
  line = std::move(rebuilt.front());
  return true;
}

}  // namespace

bool ReReadLine(const ScanContext& ctx, const PreparedImage& prep, TextLine& line, bool force) {
  return ReRead(ctx, prep, line, force, 1);
}

bool ReReadLineWidened(const ScanContext& ctx, const PreparedImage& prep, TextLine& line, double widen) {
  return ReRead(ctx, prep, line, /*force=*/true, widen);
}

}  // namespace suppcheck
