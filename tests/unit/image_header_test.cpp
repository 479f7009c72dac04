// The header check of every format against the hostile headers of issue 13: offsets near 2^32,
// repeated size tags, several pages, every prefix of a real file. Under ASan (CI) an out-of-bounds
// read fails these tests even when it does not crash.

#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "support/tiff_builder.h"
#include "suppcheck/image/image_header.h"
#include "suppcheck/image/image_loader.h"

using namespace suppcheck;
using namespace suppcheck::test;

namespace {

std::string Encode(const cv::Mat& m, const std::string& ext) {
  std::vector<uchar> buf;
  REQUIRE(cv::imencode(ext, m, buf));
  return std::string(buf.begin(), buf.end());
}

std::string Grey(uint32_t w, uint32_t h) { return std::string(static_cast<size_t>(w) * h, '\x80'); }

// A one-page grey TIFF of w x h with its pixels.
std::string OnePage(uint32_t w, uint32_t h) {
  const auto entries = GreyPageEntries(w, h, DataOffset({9}));
  return BuildTiff({{entries}}, Grey(w, h));
}

}  // namespace

TEST_CASE("D1: a TIFF whose first directory is at 0xFFFFFFFF is damaged, not a crash", "[image][hostile]") {
  const std::string d1("II*\0\xff\xff\xff\xff", 8);
  auto h = ReadImageHeader(d1);
  REQUIRE_FALSE(h);
  CHECK(h.error().code == "unreadable_image");
  // Every offset near the top of the 32-bit range, both byte orders.
  for (uint32_t off : {0xFFFFFFFFu, 0xFFFFFFFEu, 0xFFFFFFF4u, 0x80000000u, 9u, 7u}) {
    std::string le("II*\0", 4), be("MM\0*", 4);
    PutLe(le, off, 4);
    for (int i = 3; i >= 0; --i) be += static_cast<char>((off >> (8 * i)) & 0xFF);
    CHECK_FALSE(ReadImageHeader(le + std::string(20, '\0')));
    CHECK_FALSE(ReadImageHeader(be + std::string(20, '\0')));
  }
  // A directory whose entry count runs past the end of the file.
  std::string many("II*\0\x08\0\0\0\xff\xff", 10);
  CHECK(ReadImageHeader(many).error().code == "unreadable_image");
}

TEST_CASE("a valid hand-built TIFF is read and decoded", "[image]") {
  const std::string tiff = OnePage(120, 80);
  auto h = ReadImageHeader(tiff);
  REQUIRE(h);
  CHECK(h->width == 120);
  CHECK(h->height == 80);
  CHECK(h->pixels == 9600);
  auto img = DecodeImage(tiff, "hand.tif");
  REQUIRE(img);
  CHECK(img->bgr.cols == 120);
  CHECK(img->bgr.rows == 80);
}

TEST_CASE("D5: a TIFF giving ImageWidth twice is refused, whichever comes first", "[image][hostile]") {
  for (bool bigFirst : {true, false}) {
    INFO("the 20000 first: " << bigFirst);
    auto entries = GreyPageEntries(100, 100, DataOffset({10}));
    const TiffEntry big{256, 4, 1, 20000};
    entries.insert(bigFirst ? entries.begin() : entries.begin() + 1, big);
    const std::string tiff = BuildTiff({{entries}}, Grey(100, 100));
    auto img = DecodeImage(tiff, "twice.tif");
    REQUIRE_FALSE(img);
    CHECK(img.error().code == "unreadable_image");
    CHECK(img.error().message.find("ImageWidth given twice") != std::string::npos);
  }
}

TEST_CASE("every page of a TIFF is held to the pixel limit", "[image][hostile]") {
  // A small first page, then a 20000 x 20000 one (no pixel data needed: it is never decoded).
  const auto first = GreyPageEntries(100, 100, DataOffset({9, 9}));
  const auto second = GreyPageEntries(20000, 20000, DataOffset({9, 9}));
  const std::string tiff = BuildTiff({{first}, {second}}, Grey(100, 100));
  auto h = ReadImageHeader(tiff);
  REQUIRE(h);
  CHECK(h->width == 100);
  CHECK(h->pixels == 400'000'000);
  auto img = DecodeImage(tiff, "pages.tif");
  REQUIRE_FALSE(img);
  CHECK(img.error().code == "image_too_large");
  CHECK(img.error().message.find("400000000 pixels") != std::string::npos);
}

TEST_CASE("TIFF pages that loop, too many pages, odd size entries: refused", "[image][hostile]") {
  // The next-page offset of the only page points back at itself.
  std::string loop = OnePage(10, 10);
  const size_t next = 8 + 2 + 12 * 9;
  loop[next] = 8;
  CHECK(ReadImageHeader(loop).error().message.find("loop") != std::string::npos);
  // 65 pages.
  std::vector<TiffPage> pages(65, TiffPage{GreyPageEntries(10, 10, 8)});
  CHECK(ReadImageHeader(BuildTiff(pages, "")).error().message.find("more than 64 pages") != std::string::npos);
  // ImageWidth as a RATIONAL, or with two values.
  for (TiffEntry odd : {TiffEntry{256, 5, 1, 10}, TiffEntry{256, 4, 2, 10}}) {
    auto entries = GreyPageEntries(10, 10, DataOffset({9}));
    entries[0] = odd;
    CHECK(ReadImageHeader(BuildTiff({{entries}}, Grey(10, 10))).error().code == "unreadable_image");
  }
}

TEST_CASE("every prefix of a real file of each format is read without going past its end", "[image][hostile]") {
  cv::Mat m(37, 53, CV_8UC3, cv::Scalar(200, 100, 50));
  for (const std::string ext : {".jpg", ".png", ".tiff", ".webp", ".bmp"}) {
    INFO(ext);
    const std::string full = Encode(m, ext);
    auto whole = ReadImageHeader(full);
    REQUIRE(whole);
    CHECK(whole->width == 53);
    CHECK(whole->height == 37);
    for (size_t n = 0; n < std::min<size_t>(full.size(), 600); ++n) {
      // A copy of exactly n bytes, so that ASan sees any read past it.
      const std::string prefix = full.substr(0, n);
      auto h = ReadImageHeader(prefix);
      if (h) CHECK(h->pixels == 53 * 37);
    }
  }
}

TEST_CASE("BMP, PNG and WebP headers that cannot be right are refused", "[image][hostile]") {
  std::string bmp = Encode(cv::Mat(10, 20, CV_8UC3, cv::Scalar(1, 2, 3)), ".bmp");
  bmp[21] = '\x80';  // width negative
  CHECK(ReadImageHeader(bmp).error().code == "unreadable_image");
  std::string png = Encode(cv::Mat(10, 20, CV_8UC3, cv::Scalar(1, 2, 3)), ".png");
  png[16] = '\x80';  // width above 2^31
  CHECK(ReadImageHeader(png).error().code == "unreadable_image");
  png[16] = 0;
  png[12] = 'X';  // not IHDR
  CHECK(ReadImageHeader(png).error().code == "unreadable_image");
  std::string webp = Encode(cv::Mat(10, 20, CV_8UC3, cv::Scalar(1, 2, 3)), ".webp");
  webp[15] = 'Q';  // an unknown first chunk
  CHECK(ReadImageHeader(webp).error().code == "unreadable_image");
}

TEST_CASE("image formats we do not read are named, with unsupported_format", "[image]") {
  struct Case {
    std::string bytes, name;
  };
  const Case cases[] = {
      {"GIF89a\x10\x00\x10\x00\x80\x00\x00", "GIF"},
      {std::string("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24), "HEIC"},
      {std::string("\0\0\0\x1C" "ftypavif\0\0\0\0avifmif1miaf", 28), "AVIF"},
      {std::string("\0\0\0\x0CjP  \r\n\x87\n\0\0\0\x14" "ftypjp2 ", 24), "JPEG 2000"},
      {"8BPS\0\x01" + std::string(20, '\0'), "Photoshop"},
      {std::string("\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\x04\0\0\x16\0\0\0", 22), "icon"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto h = ReadImageHeader(c.bytes);
    REQUIRE_FALSE(h);
    CHECK(h.error().code == "unsupported_format");
    CHECK(h.error().message.find(c.name) != std::string::npos);
    CHECK(SniffImage(c.bytes) == ImageMagic::kUnsupported);
  }
  // An MP4 video is not an image at all.
  const std::string mp4("\0\0\0\x18" "ftypisom\0\0\0\0isomavc1", 24);
  CHECK(ReadImageHeader(mp4).error().code == "not_an_image");
  CHECK(SniffImage(mp4) == ImageMagic::kNone);
  CHECK(SniffImage(Encode(cv::Mat(4, 4, CV_8UC3), ".png")) == ImageMagic::kSupported);
  CHECK(HasImageExtension(".GIF"));
  CHECK(HasImageExtension(".jpeg"));
  CHECK_FALSE(HasImageExtension(".txt"));
}
