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
