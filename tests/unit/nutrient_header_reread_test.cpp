// The pale header of a boxed nutrient table read again: the table's rules are erased before
// Tesseract reads the band, or its block segmentation reads the frame and not the words.

#include <catch2/catch.hpp>

#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "support/models.h"
#include "support/test_paths.h"
#include "suppcheck/extract/basis_phrases.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/scan/nutrient_header_reread.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

TEST_CASE("table rules are erased and the glyphs between them stay", "[scan][nutrients]") {
  cv::Mat band(120, 800, CV_8UC1, cv::Scalar(255));
  cv::line(band, {0, 20}, {799, 20}, cv::Scalar(0), 2);    // the rule over the header
  cv::line(band, {0, 100}, {799, 100}, cv::Scalar(0), 2);  // the rule under it
  cv::line(band, {300, 20}, {300, 119}, cv::Scalar(0), 2);  // a column's rule
  cv::putText(band, "Per daily dose (2 capsules)", {320, 70}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0), 2);
  const int lineH = 40;
  const cv::Mat out = EraseTableRules(band, lineH);
  CHECK(cv::countNonZero(out.row(20) < 128) == 0);
  CHECK(cv::countNonZero(out.row(100) < 128) == 0);
  CHECK(cv::countNonZero(out.col(300).rowRange(25, 95) < 128) == 0);
  const cv::Rect text{310, 40, 480, 45};
  CHECK(cv::countNonZero(out(text) < 128) == cv::countNonZero(band(text) < 128));
}

TEST_CASE("the boxed pale header of a generated multivitamin is read once its rules are erased",
          "[scan][nutrients][ocr]") {
  // multivitamin-clean-0009 of tuning seed 52907: "Per daily dose (2 capsules) | % RI" printed pale
  // and small in a boxed table, the band above the first row as the re-read renders and stretches
  // it (row height 43 px there). Read with its rules, the header was "DNA ON OE EN", the column
  // was taken for one capsule's and every amount a day was doubled.
  const cv::Mat band =
      cv::imread(test::SourceDir() + "/tests/unit/data/boxed-pale-header-52907-clean-0009.png", cv::IMREAD_GRAYSCALE);
  REQUIRE(!band.empty());
  const Models& m = TestModels();
  auto engine = TesseractEngine::Create("", m.vocabulary.reReadLanguages);
  REQUIRE(engine);
  const auto words = (*engine)->Recognize(EraseTableRules(band, 43), PageMode::SingleBlock);
  std::string text;
  for (const auto& w : words) text += w.text + " ";
  INFO(text);
  const auto phrases = FindBasisPhrases(FoldForMatching(text).text, m.vocabulary, m.rules.Limits().maxUnitsPerDay);
  REQUIRE(phrases.size() >= 1);
  CHECK(phrases.front().basis == DoseBasis::PerDay);
  CHECK(phrases.front().units == 2);
}

TEST_CASE("a boxed nutrient table read as one block once its rules are erased", "[scan][nutrients][ocr]") {
  // multivitamin-clean-0007 of tuning seed 52907: the table's ten rows as the block re-read renders
  // them (row height 42 px there; grey levels quantised to keep the file small). With its grid the
  // block was read as "Beacrotne mg" and nothing else, and the row whose amount the whole-label
  // pass had lost ("Vitamine B12 100 %") stayed without one.
  const cv::Mat table =
      cv::imread(test::SourceDir() + "/tests/unit/data/boxed-table-52907-clean-0007.png", cv::IMREAD_GRAYSCALE);
  REQUIRE(!table.empty());
  auto engine = TesseractEngine::Create("", TestModels().vocabulary.firstPassLanguages);
  REQUIRE(engine);
  const auto words = (*engine)->Recognize(EraseTableRules(table, 42), PageMode::SingleBlock);
  std::string text;
  for (const auto& w : words) text += w.text + " ";
  INFO(text);
  CHECK(text.find("B12 2,5") != std::string::npos);
  CHECK(text.find("Molybd") != std::string::npos);
  CHECK(text.find("3,5 mg") != std::string::npos);
}

TEST_CASE("a pale header printed smaller than the rows is read again enlarged", "[scan][nutrients][ocr]") {
  // multivitamin-phone-0031 of seed 38206: the working image above the table's first row, "Pro
  // Tagesdosis (2 Tabletten) | % NRV" pale and smaller than the rows (row height 48 px). At the
  // re-reads' detail it came back "f Tw 2 Tabletten NR", which says no basis: the one column was
  // taken for one tablet's and seventeen amounts a day were doubled.
  const cv::Mat gray =
      cv::imread(test::SourceDir() + "/tests/unit/data/pale-header-38206-phone-0031.png", cv::IMREAD_GRAYSCALE);
  REQUIRE(!gray.empty());
  PreparedImage prep;
  prep.photo = gray;
  prep.gray = gray;
  prep.originalSize = gray.size();
  const Models& m = TestModels();
  auto engine = TesseractEngine::Create("", m.vocabulary.reReadLanguages);
  REQUIRE(engine);
  const ScannerOptions options;
  const ScanContext ctx{m, options, nullptr, **engine, **engine, "pale-header"};
  const Box firstRow{65, 128, 955, 48};
  const auto header = ReReadNutrientTableHeader(ctx, prep, {}, firstRow, 48);
  REQUIRE(header.size() == 1);
  INFO(header.front().text);
  const auto phrases =
      FindBasisPhrases(FoldForMatching(header.front().text).text, m.vocabulary, m.rules.Limits().maxUnitsPerDay);
  REQUIRE(!phrases.empty());
  CHECK(phrases.back().units == 2);
}
