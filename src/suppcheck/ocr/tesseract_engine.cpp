#include "suppcheck/ocr/tesseract_engine.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "suppcheck/ocr/tesseract_line_images.h"
#include "suppcheck/ocr/tesseract_universal_ambigs.h"

namespace suppcheck {

struct TesseractEngine::Impl {
  tesseract::TessBaseAPI api;
  std::string currentWhitelist;
  ~Impl() { api.End(); }
};

TesseractEngine::~TesseractEngine() = default;

std::string TesseractEngine::Version() { return tesseract::TessBaseAPI::Version(); }

Expected<std::unique_ptr<TesseractEngine>> TesseractEngine::Create(const std::string& tessdataDir,
                                                                   const std::string& languages, bool retryInverted) {
  // Leptonica reports harmless clipping of boxes at the image border on stderr; our stderr is
  // for the user.
  setMsgSeverity(L_SEVERITY_NONE);
  // Tesseract's line images uncompressed (ocr/tesseract_line_images.h); the call also links it in.
  [[maybe_unused]] static const bool uncompressed = LineImagesStayUncompressed();
  // The legacy engine's ambiguity table, which the LSTM engine never reads, left unloaded
  // (ocr/tesseract_universal_ambigs.h); the call also links it in.
  [[maybe_unused]] static const bool ambigsSkipped = UniversalAmbigsInterposed();
  std::unique_ptr<TesseractEngine> e(new TesseractEngine());
  e->impl_ = std::make_unique<Impl>();
  e->languages_ = languages;
  // Init-only parameters must go through Init(); SetVariable would accept them and change nothing.
  std::vector<std::string> names = {"debug_file"};
  std::vector<std::string> values = {"/dev/null"};  // Tesseract's chatter ("Estimating resolution…")
  const SkipUniversalAmbigs lstmOnly;
  if (e->impl_->api.Init(tessdataDir.empty() ? nullptr : tessdataDir.c_str(), languages.c_str(),
                         tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0) {
    return MakeError("missing_models", "cannot load the Tesseract language data '" + languages + "'" +
                                           (tessdataDir.empty() ? "" : " from " + tessdataDir) +
                                           "; install tesseract-ocr-nld, -fra, -deu and -eng");
  }
  // A per-instance parameter (not one of the shared classify/textord ones).
  if (!retryInverted) e->impl_->api.SetVariable("invert_threshold", "0");
  return e;
}

bool TesseractEngine::Run(const cv::Mat& gray, PageMode mode, const std::string& whitelist) {
  if (gray.empty() || gray.type() != CV_8UC1) return false;
  auto& api = impl_->api;
  if (whitelist != impl_->currentWhitelist) {
    api.SetVariable("tessedit_char_whitelist", whitelist.c_str());
    impl_->currentWhitelist = whitelist;
  }
  api.SetPageSegMode(static_cast<tesseract::PageSegMode>(static_cast<int>(mode)));
  api.SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
  // The image was scaled so that text has the x-height Tesseract reads best; say so, or it
  // guesses a resolution and sizes its thresholding windows wrongly.
  api.SetSourceResolution(300);
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return false;
  }
  return true;
}

std::vector<OcrWord> TesseractEngine::Collect(bool glyphs) {
  std::vector<OcrWord> out;
  auto& api = impl_->api;
  const auto level = glyphs ? tesseract::RIL_SYMBOL : tesseract::RIL_WORD;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  int line = -1;
  if (it) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
      if (glyphs && !out.empty() && it->IsAtBeginningOf(tesseract::RIL_WORD)) out.push_back({" ", 0, {}, line});
      std::unique_ptr<char[]> text(it->GetUTF8Text(level));
      if (!text) continue;
      int x1, y1, x2, y2;
      if (!it->BoundingBox(level, &x1, &y1, &x2, &y2)) continue;
      OcrWord w;
      w.text = text.get();
      w.confidence = it->Confidence(level);
      w.box = {x1, y1, x2 - x1, y2 - y1};
      w.lineId = line;
      out.push_back(std::move(w));
    } while (it->Next(level));
  }
  it.reset();  // the iterator points into the API's results: gone before Clear()
  api.Clear();
  return out;
}

std::vector<OcrWord> TesseractEngine::Recognize(const cv::Mat& gray, PageMode mode, const std::string& whitelist) {
  if (!Run(gray, mode, whitelist)) return {};
  return Collect(/*glyphs=*/false);
}

std::vector<OcrWord> TesseractEngine::RecognizeGlyphs(const cv::Mat& gray, PageMode mode, const std::string& whitelist) {
  if (!Run(gray, mode, whitelist)) return {};
  return Collect(/*glyphs=*/true);
}

}  // namespace suppcheck
