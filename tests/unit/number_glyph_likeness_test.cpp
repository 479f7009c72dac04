// The glyph check on a number every read agreed on (ocr/number_glyph_likeness.h), on a line
// drawn here with known character boxes: a digit that one more reading saw otherwise is doubted
// only when its glyph looks like that other digit printed elsewhere on the line.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/number_glyph_likeness.h"

using namespace suppcheck;

namespace {

// `text` drawn black on white, one character at a time, and each character's box, as
// RecognizeGlyphs gives them.
struct DrawnLine {
  cv::Mat gray;
  std::vector<OcrWord> glyphs;
};

DrawnLine Draw(const std::string& text) {
  DrawnLine d;
  d.gray = cv::Mat(80, 40 + 50 * static_cast<int>(text.size()), CV_8UC1, cv::Scalar(255));
  int x = 20;
  for (char c : text) {
    const std::string s(1, c);
    int base = 0;
    const cv::Size size = cv::getTextSize(s, cv::FONT_HERSHEY_SIMPLEX, 1.6, 3, &base);
    cv::putText(d.gray, s, {x, 60}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0), 3, cv::LINE_AA);
    d.glyphs.push_back({s, 90, {x - 2, 60 - size.height - 3, size.width + 4, size.height + 6}, 0});
    x += size.width + 6;
  }
  cv::GaussianBlur(d.gray, d.gray, {3, 3}, 0);
  return d;
}

}  // namespace

TEST_CASE("a digit read otherwise that looks like that digit beside it is doubted", "[glyphs][number]") {
  const DrawnLine line = Draw("NUT/AS533/283");
  // The agreeing reads said 285; this reading's last glyph is a 3, the 3s' twin.
  const auto unlike = FindUnlikeReadingOfAlikeGlyphs(line.gray, line.glyphs, "533/285");
  REQUIRE(unlike);
  CHECK(unlike->readAs == "5");
  CHECK(unlike->looksLike == "3");
  CHECK(unlike->likeness > 0.95);
  CHECK(unlike->likeness > unlike->ownLikeness);
}

TEST_CASE("glyphs that say nothing against the agreed number leave it alone", "[glyphs][number]") {
  const DrawnLine line = Draw("NUT/AS533/283");
  // This reading spells the agreed number.
  CHECK_FALSE(FindUnlikeReadingOfAlikeGlyphs(line.gray, line.glyphs, "533/283"));
  // Two digits otherwise: another line, or another reading, not a glyph in doubt.
  CHECK_FALSE(FindUnlikeReadingOfAlikeGlyphs(line.gray, line.glyphs, "533/255"));
  // The other reading's digit is printed nowhere else on the line: nothing to compare with.
  const DrawnLine other = Draw("NUT 47/16");
  CHECK_FALSE(FindUnlikeReadingOfAlikeGlyphs(other.gray, other.glyphs, "47/18"));
  // Inside a longer run of digits: "1541/7006" does not spell "541/7006".
  const DrawnLine longer = Draw("NUT 1541/7006");
  CHECK_FALSE(FindUnlikeReadingOfAlikeGlyphs(longer.gray, longer.glyphs, "541/7006"));
}

TEST_CASE("a digit read otherwise whose glyph is its own digit's twin is not doubted", "[glyphs][number]") {
  // The reading saw 8 where the agreeing reads saw 3; the glyph is the 3 printed before it, not
  // the 8: the agreeing reads were right.
  DrawnLine line = Draw("NUT 38/363");
  line.glyphs[9].text[0] = '8';  // what the one reading spelled
  CHECK_FALSE(FindUnlikeReadingOfAlikeGlyphs(line.gray, line.glyphs, "38/363"));
}

// The one digit the second model reads otherwise (ocr/number_check_model.h): kept only when its
// glyph is the twin of the agreed digit printed elsewhere on the line.
TEST_CASE("a disputed digit whose glyph is the agreed digit's twin is backed", "[glyphs][number]") {
  const DrawnLine line = Draw("AS 4007/54");
  const auto d = FindDisputedDigitLikeness(line.gray, line.glyphs, "4007/54", "1007/54");
  REQUIRE(d);
  CHECK(d->agreed == "4");
  CHECK(d->other == "1");
  CHECK(d->toAgreed > 0.95);
  CHECK(d->toOther == -1);  // no 1 on the line
  CHECK(GlyphBacksAgreedDigit(*d));
}

TEST_CASE("a disputed digit without a twin of the agreed digit is not backed", "[glyphs][number]") {
  // The printed 68/33 read 68/35 by the agreeing reads (and by this glyph reading), 68/33 by the
  // second model: the doubted glyph's twin is the 3 before it, no 5 stands elsewhere.
  DrawnLine line = Draw("NUT/PL 68/33");
  line.glyphs.back().text[0] = '5';
  const auto d = FindDisputedDigitLikeness(line.gray, line.glyphs, "68/35", "68/33");
  REQUIRE(d);
  CHECK(d->toAgreed == -1);
  CHECK(d->toOther > 0.95);
  CHECK_FALSE(GlyphBacksAgreedDigit(*d));
  // The second model read two digits otherwise (781/891 read 701/001): not one glyph in doubt.
  const DrawnLine two = Draw("PL/AS 701/001");
  CHECK_FALSE(FindDisputedDigitLikeness(two.gray, two.glyphs, "701/001", "781/891"));
  // The glyph reading does not spell the agreed digits: its boxes are not the number's glyphs.
  CHECK_FALSE(FindDisputedDigitLikeness(line.gray, line.glyphs, "68/38", "68/33"));
}
