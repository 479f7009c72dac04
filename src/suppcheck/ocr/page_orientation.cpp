#include "suppcheck/ocr/page_orientation.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

namespace suppcheck {

struct PageOrientation::Impl {
  tesseract::TessBaseAPI api;
  ~Impl() { api.End(); }
};

PageOrientation::~PageOrientation() = default;

std::unique_ptr<PageOrientation> PageOrientation::Load(const std::string& tessdataDir) {
  setMsgSeverity(L_SEVERITY_NONE);
  std::unique_ptr<PageOrientation> d(new PageOrientation());
  d->impl_ = std::make_unique<Impl>();
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};  // "Too few characters. Skipping this page"
  // The OSD model is a legacy-engine model: it loads with that engine only.
  if (d->impl_->api.Init(tessdataDir.empty() ? nullptr : tessdataDir.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY,
                         nullptr, 0, &names, &values, false) != 0)
    return nullptr;
  return d;
}

std::optional<DetectedOrientation> PageOrientation::Detect(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return std::nullopt;
  auto& api = impl_->api;
  api.SetPageSegMode(tesseract::PSM_OSD_ONLY);
  api.SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
  api.SetSourceResolution(300);
  int degrees = 0;
  float confidence = 0, scriptConfidence = 0;
  const char* script = nullptr;
  const bool found = api.DetectOrientationScript(&degrees, &confidence, &script, &scriptConfidence);
  api.Clear();
  if (!found) return std::nullopt;
  return DetectedOrientation{degrees, confidence};
}

}  // namespace suppcheck
