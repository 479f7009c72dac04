// The legacy engine's universal ambiguities left unloaded for the LSTM engines only
// (ocr/tesseract_universal_ambigs.h): this program's LoadUniversal is the one Tesseract calls, an
// LSTM engine skips the table and still reads, the orientation detector (a legacy model) loads it.

#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/page_orientation.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/ocr/tesseract_universal_ambigs.h"

using namespace suppcheck;

TEST_CASE("the program's LoadUniversal is the one Tesseract resolves", "[ocr]") {
  CHECK(UniversalAmbigsInterposed());
}

TEST_CASE("an LSTM engine starts without the universal ambiguities and reads as before", "[ocr]") {
  const long before = UniversalAmbigsSkipped();
  auto engine = TesseractEngine::Create("", "eng");
  REQUIRE(engine);
  CHECK(UniversalAmbigsSkipped() == before + 1);  // one language, one table skipped
  cv::Mat page(120, 900, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Magnesium 375 mg", {30, 80}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0), 3);
  std::string text;
  for (const auto& w : (*engine)->Recognize(page, PageMode::SingleLine)) text += w.text + " ";
  CHECK(text == "Magnesium 375 mg ");
}

TEST_CASE("the orientation detector, a legacy model, still loads its ambiguities", "[ocr]") {
  const long before = UniversalAmbigsSkipped();
  auto detector = PageOrientation::Load("");
  if (!detector) {
    WARN("osd.traineddata is not installed (tesseract-ocr-osd): skipped");
    return;
  }
  CHECK(UniversalAmbigsSkipped() == before);
}
