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
#include "suppcheck/scan/nutrient_table_reread.h"

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

namespace {

// A working image of tests/unit/data (photo and working pixels the same) and the context of its
// re-reads, handed to `fn`.
template <class Fn>
void WithWorkingImage(const std::string& file, Fn fn) {
  const cv::Mat gray = cv::imread(test::SourceDir() + "/tests/unit/data/" + file, cv::IMREAD_GRAYSCALE);
  REQUIRE(!gray.empty());
  PreparedImage prep;
  prep.photo = gray;
  prep.gray = gray;
  prep.originalSize = gray.size();
  const Models& m = TestModels();
  auto engine = TesseractEngine::Create("", m.vocabulary.reReadLanguages);
  REQUIRE(engine);
  const ScannerOptions options;
  fn(ScanContext{m, options, nullptr, **engine, **engine, file}, prep);
}

TextLine LineOf(const std::string& text, std::vector<LineWord> words) {
  TextLine line;
  line.text = text;
  line.words = std::move(words);
  for (const auto& w : line.words) line.box = line.box.United(w.box);
  return line;
}

// The basis phrases of the one header line read again.
std::vector<BasisPhrase> PhrasesOfHeader(const std::vector<TextLine>& header) {
  REQUIRE(header.size() == 1);
  INFO(header.front().text);
  const Models& m = TestModels();
  return FindBasisPhrases(FoldForMatching(header.front().text).text, m.vocabulary, m.rules.Limits().maxUnitsPerDay);
}

}  // namespace

TEST_CASE("a pale header printed smaller than the rows is read again enlarged", "[scan][nutrients][ocr]") {
  // multivitamin-phone-0031 of seed 38206: the working image above the table's first row, "Pro
  // Tagesdosis (2 Tabletten) | % NRV" pale and smaller than the rows (row height 48 px). At the
  // re-reads' detail it came back "f Tw 2 Tabletten NR", which says no basis: the one column was
  // taken for one tablet's and seventeen amounts a day were doubled.
  WithWorkingImage("pale-header-38206-phone-0031.png", [](const ScanContext& ctx, const PreparedImage& prep) {
    const auto phrases = PhrasesOfHeader(ReReadNutrientTableHeader(ctx, prep, {}, Box{65, 128, 955, 48}, 48));
    REQUIRE(!phrases.empty());
    CHECK(phrases.back().units == 2);
  });
}

TEST_CASE("the pale header over a single row is read again as wide as the header runs", "[scan][nutrients][ocr]") {
  // single-clean-0008 of seed 38206: the working image around "Pro Tablette | Pro Tagesdosis (2
  // Tabletten) | % NRV", printed pale over the one row "Jod 22 µg 44 µg 29 %", which the first pass
  // read "Jod 22 \lg 44 ug" (the 29 % a line of its own). A table of one row was not read again at
  // all: the 44 µg a day was taken for one tablet's, 88 µg a day. Its band, as wide as the row,
  // ended at "Pro Tages".
  WithWorkingImage("single-row-pale-header-38206-clean-0008.png", [](const ScanContext& ctx, const PreparedImage& prep) {
    const TextLine row = LineOf("Jod 22 \\lg 44 ug", {{0, 3, Box{85, 118, 39, 37}, 95},
                                                      {4, 6, Box{173, 118, 27, 30}, 95},
                                                      {7, 10, Box{213, 118, 27, 37}, 60},
                                                      {11, 13, Box{327, 118, 28, 30}, 95},
                                                      {14, 16, Box{362, 118, 31, 37}, 90}});
    const NutrientTableReading table = ReReadNutrientTable(ctx, prep, {row});
    const auto phrases = PhrasesOfHeader(table.header);
    REQUIRE(phrases.size() >= 2);
    CHECK(phrases[0].basis == DoseBasis::PerUnit);
    CHECK(phrases[1].basis == DoseBasis::PerDay);
    CHECK(phrases[1].units == 2);
    CHECK(table.rows.empty());
  });
}

TEST_CASE("the header over a single row under a product name in large print is read again", "[scan][nutrients][ocr]") {
  // single-phone-0026 of tuning seed 71946: "Zink 0,75 mg" in large print, then "Per dagdosis (2
  // capsules) | % RI" pale over the one row "Zink 1,5 mg 15%". Of two heights the middle one taken
  // was the name's: the row was not told from the name, the band above both read nothing, and the
  // day's 1,5 mg was taken for one capsule's.
  WithWorkingImage("title-over-row-71946-phone-0026.png", [](const ScanContext& ctx, const PreparedImage& prep) {
    const TextLine title = LineOf("Zink 0,75 mg", {{0, 4, Box{89, 75, 80, 60}, 95},
                                                   {5, 9, Box{180, 75, 63, 60}, 95},
                                                   {10, 12, Box{270, 85, 110, 63}, 95}});
    const TextLine row = LineOf("Zink 1,5 mg 15%", {{0, 4, Box{81, 285, 60, 32}, 95},
                                                    {5, 8, Box{161, 285, 40, 32}, 95},
                                                    {9, 11, Box{210, 290, 51, 27}, 95},
                                                    {12, 15, Box{424, 285, 51, 32}, 95}});
    const auto phrases = PhrasesOfHeader(ReReadNutrientTable(ctx, prep, {title, row}).header);
    REQUIRE(!phrases.empty());
    CHECK(phrases.front().basis == DoseBasis::PerDay);
    CHECK(phrases.front().units == 2);
  });
}
