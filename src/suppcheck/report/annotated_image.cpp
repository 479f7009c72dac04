#include "suppcheck/report/annotated_image.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/codecs.h"

namespace suppcheck {

namespace {

std::string Base64(const std::vector<uchar>& data) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    const uint32_t n = (static_cast<uint32_t>(data[i]) << 16) | (i + 1 < data.size() ? data[i + 1] << 8 : 0) |
                       (i + 2 < data.size() ? data[i + 2] : 0);
    out += t[(n >> 18) & 63];
    out += t[(n >> 12) & 63];
    out += i + 1 < data.size() ? t[(n >> 6) & 63] : '=';
    out += i + 2 < data.size() ? t[n & 63] : '=';
  }
  return out;
}

}  // namespace

cv::Mat Annotate(const cv::Mat& bgr, const ScanResult& r) {
  cv::Mat out = bgr.clone();
  const double scale = std::max(1.0, std::max(out.cols, out.rows) / 1500.0);
  const int thick = std::max(2, static_cast<int>(2 * scale));
  auto draw = [&](const Box& b, const cv::Scalar& color, const std::string& label) {
    if (b.empty()) return;
    cv::rectangle(out, cv::Rect(b.x, b.y, b.w, b.h), color, thick);
    int base = 0;
    const double fs = 0.6 * scale;
    const cv::Size ts = cv::getTextSize(label, cv::FONT_HERSHEY_SIMPLEX, fs, thick / 2 + 1, &base);
    const int y = std::max(ts.height + 4, b.y - 4);
    cv::rectangle(out, cv::Rect(b.x, y - ts.height - 4, ts.width + 6, ts.height + base + 6), color, cv::FILLED);
    cv::putText(out, label, {b.x + 3, y}, cv::FONT_HERSHEY_SIMPLEX, fs, cv::Scalar(255, 255, 255), thick / 2 + 1,
                cv::LINE_AA);
  };
  if (!r.number.number.absent())
    draw(r.number.box, r.number.number.valid() ? cv::Scalar(200, 90, 0) : cv::Scalar(0, 0, 220),
         r.number.number.valid() ? "number " + r.number.number.canonical : "number (invalid)");
  for (const auto& e : r.magnesium.evidence) {
    if (e.role == EvidenceRole::kDose) draw(e.box, cv::Scalar(0, 0, 200), "dose");
    if (e.role == EvidenceRole::kSalt) draw(e.box, cv::Scalar(0, 140, 0), "salt");
    if (e.role == EvidenceRole::kUnitsPerDay) draw(e.box, cv::Scalar(0, 120, 220), "per day");
  }
  return out;
}

std::string ThumbnailDataUri(const cv::Mat& bgr, const ScanResult& r, int maxSide) {
  if (bgr.empty()) return "";
  cv::Mat annotated = Annotate(bgr, r);
  const double f = std::min(1.0, static_cast<double>(maxSide) / std::max(annotated.cols, annotated.rows));
  if (f < 1) cv::resize(annotated, annotated, {}, f, f, cv::INTER_AREA);
  std::vector<uchar> jpg;
  if (!codecs::Encode(".jpg", annotated, jpg, {cv::IMWRITE_JPEG_QUALITY, 72})) return "";
  return "data:image/jpeg;base64," + Base64(jpg);
}

}  // namespace suppcheck
