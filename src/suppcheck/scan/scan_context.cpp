#include "suppcheck/scan/scan_context.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "suppcheck/image/codecs.h"

namespace suppcheck {

namespace fs = std::filesystem;

std::string ScanContext::SafeStem(const std::string& who) {
  std::string stem = fs::path(who).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return stem.empty() ? "input" : stem;
}

void ScanContext::DebugAs(const std::string& who, const std::string& step, const cv::Mat& image) const {
  if (options.debugDir.empty() || image.empty()) return;
  std::error_code ec;
  fs::create_directories(options.debugDir, ec);
  codecs::Write((options.debugDir / (SafeStem(who) + "." + step + ".png")).string(), image);
}

Box PadBox(const Box& b, int px, int py, const cv::Size& limit) {
  const int x0 = std::max(0, b.x - px), y0 = std::max(0, b.y - py);
  const int x1 = std::min(limit.width, b.right() + px), y1 = std::min(limit.height, b.bottom() + py);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

}  // namespace suppcheck
