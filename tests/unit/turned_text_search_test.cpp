// Text printed at 90 degrees to the rest of the label: where it is looked for, and how its boxes
// come back to the working image and the photo.

#include <catch2/catch.hpp>

#include <opencv2/imgproc.hpp>

#include "suppcheck/image/working_region.h"
#include "suppcheck/ocr/turned_text_search.h"

using namespace suppcheck;

namespace {

// A white page with text-like marks: rows of small dark blocks, across (upright) or down (turned).
cv::Mat Page(cv::Size size) { return cv::Mat(size, CV_8UC1, cv::Scalar(255)); }

void InkRow(cv::Mat& page, cv::Point from, int glyphs, bool down) {
  for (int i = 0; i < glyphs; ++i) {
    const cv::Point at = down ? cv::Point(from.x, from.y + i * 18) : cv::Point(from.x + i * 18, from.y);
    cv::rectangle(page, cv::Rect(at.x, at.y, down ? 20 : 12, down ? 12 : 20), cv::Scalar(0), cv::FILLED);
  }
}

}  // namespace

TEST_CASE("a cut-out turned a quarter maps its boxes back to the parent's pixels", "[ocr][turned]") {
  PreparedImage parent;
  parent.gray = Page({400, 300});
  parent.originalSize = parent.gray.size();
  const Box block{100, 50, 80, 200};  // 80 wide, 200 high
  for (int turn : {90, 270}) {
    const WorkingRegion r = CutWorkingRegion(parent, block, turn);
    REQUIRE(r.image.gray.cols == 200);  // turned: the block's height is now its width
    REQUIRE(r.image.gray.rows == 80);
    // The whole cut-out comes back as the block, in the parent and (identity transforms) in the photo.
    const Box whole{0, 0, 200, 80};
    const Box back = ToParent(r, whole);
    CHECK(back.x == block.x);
    CHECK(back.y == block.y);
    CHECK(back.w == block.w);
    CHECK(back.h == block.h);
    const Box photo = ToOriginal(r.image, whole);
    CHECK(photo.x == block.x);
    CHECK(photo.h == block.h);
  }
  // A corner box of the cut-out lands in the matching corner of the block for each turn.
  const WorkingRegion cw = CutWorkingRegion(parent, block, 90);
  const Box firstLineCw = ToParent(cw, {0, 0, 200, 10});  // the top row after a clockwise turn
  CHECK(firstLineCw.x == block.x);                        // came from the block's left column
  CHECK(firstLineCw.w == 10);
  const WorkingRegion ccw = CutWorkingRegion(parent, block, 270);
  const Box firstLineCcw = ToParent(ccw, {0, 0, 200, 10});
  CHECK(firstLineCcw.right() == block.right());  // came from the block's right column
}

TEST_CASE("ink that no read word covers is found when it runs down the page, not across", "[ocr][turned]") {
  cv::Mat page = Page({1200, 800});
  // Upright text, read: rows across the left part.
  std::vector<OcrWord> words;
  for (int y = 60; y < 600; y += 50) {
    InkRow(page, {40, y}, 30, /*down=*/false);
    words.push_back({"Magnesium", 90, {40, y, 30 * 18, 20}, -1});
  }
  // A turned panel, not read: three columns of ink down the right part.
  for (int x = 900; x < 1000; x += 40) InkRow(page, {x, 100}, 28, /*down=*/true);
  const auto regions = UnreadInkRegions(page, words);
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].x <= 900);
  CHECK(regions[0].right() >= 1000);
  CHECK(regions[0].y <= 100);
  CHECK(regions[0].bottom() >= 100 + 27 * 18);
  CHECK(regions[0].right() < 1200);
  CHECK(regions[0].x > 40 + 30 * 18);  // nothing of the read text

  // The same panel once read (words over it): nothing left to search.
  words.push_back({"Notificatienummer", 90, {890, 90, 130, 520}, -1});
  CHECK(UnreadInkRegions(page, words).empty());

  // Unread ink across the page (a row the upright pass could not read) is not a turned block.
  cv::Mat across = Page({1200, 800});
  InkRow(across, {100, 700}, 50, /*down=*/false);
  CHECK(UnreadInkRegions(across, {}).empty());
}

TEST_CASE("a tall block the upright pass mostly read is upright text, not a turned panel", "[ocr][turned]") {
  // A narrow column of table rows: every other row was read (two words each), the rows between
  // were not (too small, dotted). The unread rows join into one tall block around the read ones,
  // as on the real US bottle (150 read words in it).
  cv::Mat page = Page({900, 1000});
  std::vector<OcrWord> words;
  for (int y = 60; y < 60 + 13 * 56; y += 56) {
    InkRow(page, {100, y}, 16, /*down=*/false);       // read
    InkRow(page, {100, y + 28}, 16, /*down=*/false);  // not read
    words.push_back({"Riboflavin", 92, {100, y, 8 * 18, 20}, -1});
    words.push_back({"1,4mg", 88, {100 + 8 * 18, y, 8 * 18, 20}, -1});
  }
  // Not read at all, the same ink is one block worth reading turned ...
  CHECK(UnreadInkRegions(page, {}).size() == 1);
  // ... and its unread rows alone still make one ...
  CHECK(UnreadInkRegions(page, {words.begin(), words.begin() + 10}).size() == 1);
  // ... but with 26 words of it read upright there is no turned text to look for.
  CHECK(UnreadInkRegions(page, words).empty());
}

namespace {

void Write(cv::Mat& page, const std::string& text, cv::Point at) {
  cv::putText(page, text, at, cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(20), 2, cv::LINE_AA);
}

// Four lines of legal text, turned to read bottom to top, as a box's flank shows them.
cv::Mat TurnedLegalText() {
  cv::Mat patch(170, 560, CV_8UC1, cv::Scalar(255));
  Write(patch, "PharmaLine NV, Kerkstraat 124, Wavre", {10, 30});
  Write(patch, "Tel. 02/157 79 83", {10, 70});
  Write(patch, "N notif.: NUT/PL 14/2", {10, 110});
  Write(patch, "Lot 8387/336  best before 01/2030", {10, 150});
  cv::Mat turned;
  cv::rotate(patch, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  return turned;
}

}  // namespace

TEST_CASE("a turned panel is searched although the upright pass read confetti words in it", "[ocr][turned]") {
  cv::Mat page = Page({1200, 800});
  std::vector<OcrWord> words;
  for (int y = 60; y < 600; y += 50) {
    InkRow(page, {40, y}, 30, /*down=*/false);
    words.push_back({"Magnesium", 90, {40, y, 30 * 18, 20}, -1});
  }
  const cv::Mat panel = TurnedLegalText();
  const cv::Rect at(900, 120, panel.cols, panel.rows);
  panel.copyTo(page(at));
  // What the upright pass makes of lying letters: short "words" read with confidence across the
  // panel ("Noo" 93, "Or" 83), a band every 120 px, which cut its ink into pieces shorter than wide.
  for (int y = at.y + 60; y < at.br().y; y += 120) words.push_back({"Noo", 93, {at.x - 10, y, at.width + 20, 24}, -1});
  const auto regions = UnreadInkRegions(page, words);
  REQUIRE_FALSE(regions.empty());
  // The region holds the panel's ink: its four lines from end to end (a few letters' slack).
  const cv::Rect ink = cv::boundingRect(panel < 128) + at.tl();
  const Box& r = regions.front();
  CHECK(r.x <= ink.x);
  CHECK(r.right() >= ink.br().x);
  CHECK(r.y <= ink.y + 40);
  CHECK(r.bottom() >= ink.br().y);
  CHECK(r.x > 40 + 30 * 18);  // nothing of the upright text

  // Read over most of its area, the panel is not searched again.
  words.push_back({"Notificatienummer", 90, {at.x, at.y, at.width, at.height}, -1});
  CHECK(UnreadInkRegions(page, words).empty());
}

TEST_CASE("a cut-out whose lines run a few degrees off level is levelled, its boxes still map back", "[ocr][turned]") {
  // Lines at 8 degrees, as a flank photographed in perspective shows them once turned a quarter.
  cv::Mat text(300, 700, CV_8UC1, cv::Scalar(255));
  for (int y = 60; y < 280; y += 40) Write(text, "Lot 8387/336 NUT/PL 14/2 Wavre", {30, y});
  cv::Mat tilted;
  cv::warpAffine(text, tilted, cv::getRotationMatrix2D({350, 150}, 8, 1.0), text.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  PreparedImage parent;
  parent.gray = Page({1000, 600});
  parent.originalSize = parent.gray.size();
  parent.glyphHeight = 16;
  const Box block{150, 100, 700, 300};
  tilted.copyTo(parent.gray(cv::Rect(block.x, block.y, block.w, block.h)));

  WorkingRegion r = CutWorkingRegion(parent, block, 0);
  const double skew = LevelRegion(r);
  CHECK(std::abs(skew) == Approx(8).margin(1.5));
  // The levelled cut-out is larger (the turned canvas), and its middle is still the block's middle.
  CHECK(r.image.gray.cols >= block.w);
  const Box centre = ToParent(r, {r.image.gray.cols / 2 - 1, r.image.gray.rows / 2 - 1, 2, 2});
  CHECK(std::abs(centre.x + centre.w / 2 - (block.x + block.w / 2)) <= 3);
  CHECK(std::abs(centre.y + centre.h / 2 - (block.y + block.h / 2)) <= 3);
  // Level lines are left alone.
  PreparedImage flat = parent;
  flat.gray = Page({1000, 600});
  text.copyTo(flat.gray(cv::Rect(block.x, block.y, block.w, block.h)));
  WorkingRegion f = CutWorkingRegion(flat, block, 0);
  CHECK(LevelRegion(f) == 0);
  CHECK(f.image.gray.cols == block.w);
}

TEST_CASE("a turned panel photographed in perspective, running down at 50 degrees, is searched", "[ocr][turned]") {
  // Seed 47113 phone-0024: a flank turned a quarter, in perspective, its lines running down at
  // 60-70 degrees; the block of its ink about as wide as tall, which the box test (taller than
  // wide) refused. Three columns of ink, turned to run down at 50 degrees: the block's box is
  // barely taller than wide, the ink itself drawn out steeply.
  cv::Mat panel = Page({160, 640});
  for (int x = 20; x < 140; x += 40) InkRow(panel, {x, 20}, 33, /*down=*/true);
  cv::Mat page = Page({1400, 1000});
  const cv::Point2f centre(800, 500);
  cv::Mat placed = Page({1400, 1000});
  panel.copyTo(placed(cv::Rect(720, 180, panel.cols, panel.rows)));
  cv::warpAffine(placed, page, cv::getRotationMatrix2D(centre, 40, 1.0), page.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  const auto regions = UnreadInkRegions(page, {});
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].h < 1.2 * regions[0].w);  // refused by its box alone
  CHECK(regions[0].h > 400);

  // A patch of ink drawn out across the page at 20 degrees is not turned text.
  cv::Mat across = Page({1400, 1000});
  cv::warpAffine(placed.t(), across, cv::getRotationMatrix2D({500, 800}, -20, 1.0), cv::Size(1400, 1000),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  CHECK(UnreadInkRegions(across, {}).empty());
}

TEST_CASE("blocks of one turned panel are joined across a gap that unread ink fills", "[ocr][turned]") {
  // Seed 51827 phone-0020: the address and the lot each a block, the short lines between them
  // ("03/934 91 55", "345/91") in none, the gap wider than the closing bridges. Upright words
  // 22 px high set the text height; two columns of ink each side, 110 px (5 heights) apart.
  const auto panel = [](bool lineBetween) {
    cv::Mat page = Page({1200, 800});
    for (int x : {900, 930, 1060, 1090}) InkRow(page, {x, 100}, 28, /*down=*/true);
    // A short column of small glyphs between them: too short and too thin to be a block itself.
    if (lineBetween)
      for (int i = 0; i < 11; ++i)
        cv::rectangle(page, cv::Rect(1000, 250 + i * 14, 14, 10), cv::Scalar(0), cv::FILLED);
    return page;
  };
  std::vector<OcrWord> words;
  for (int y = 60; y < 600; y += 50) words.push_back({"Magnesium", 90, {40, y, 300, 22}, -1});
  CHECK(UnreadInkRegions(panel(false), words).size() == 2);
  const auto joined = UnreadInkRegions(panel(true), words);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0].x <= 900);
  CHECK(joined[0].right() >= 1110);
}
