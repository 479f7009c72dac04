// Loading: real files written by the test, every format by content, hostile headers refused
// before decoding.

#include <catch2/catch.hpp>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "support/temp_dir.h"
#include "support/test_paths.h"
#include "suppcheck/image/image_loader.h"
#include "suppcheck/image/label_image.h"

using namespace suppcheck;
using suppcheck::test::TempDir;

namespace {

std::string Encode(const cv::Mat& m, const std::string& ext, std::vector<int> params = {}) {
  std::vector<uchar> buf;
  REQUIRE(cv::imencode(ext, m, buf, params));
  return std::string(buf.begin(), buf.end());
}

cv::Mat Sample(int w, int h) {
  cv::Mat m(h, w, CV_8UC3, cv::Scalar(240, 240, 240));
  cv::putText(m, "NUT 12/34", {5, h / 2}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(0, 0, 0), 2);
  return m;
}

}  // namespace

TEST_CASE("every supported format is recognised by content, whatever its name", "[image]") {
  TempDir dir;
  const cv::Mat m = Sample(160, 90);
  for (const std::string ext : {".jpg", ".png", ".tiff", ".webp", ".bmp"}) {
    INFO(ext);
    const auto path = dir.Write("photo-without-extension" + ext.substr(1) + ".dat", Encode(m, ext));
    auto img = LoadImage(path);
    REQUIRE(img);
    CHECK(img->bgr.cols == 160);
    CHECK(img->bgr.rows == 90);
    CHECK(img->bgr.type() == CV_8UC3);
    CHECK(img->header.width == 160);
    CHECK(img->header.height == 90);
  }
}

TEST_CASE("grey, 16-bit and alpha images become 8-bit colour", "[image]") {
  TempDir dir;
  cv::Mat grey(50, 70, CV_8UC1, cv::Scalar(128));
  cv::Mat deep(50, 70, CV_16UC3, cv::Scalar(30000, 20000, 10000));
  cv::Mat alpha(50, 70, CV_8UC4, cv::Scalar(10, 20, 30, 128));
  for (const auto& [name, mat] : {std::pair("grey.png", grey), std::pair("deep.png", deep), std::pair("alpha.png", alpha)}) {
    INFO(name);
    auto img = LoadImage(dir.Write(name, Encode(mat, ".png")));
    REQUIRE(img);
    CHECK(img->bgr.type() == CV_8UC3);
  }
}

TEST_CASE("bad input gets a clear error code and message", "[image]") {
  TempDir dir;
  const std::string jpeg = Encode(Sample(300, 200), ".jpg");
  struct Case {
    std::string name, bytes, code, message;
  };
  const Case cases[] = {
      {"empty.jpg", "", "not_an_image", "the file is empty"},
      {"random.jpg", std::string(4096, '\x5A'), "not_an_image", "not an image"},
      {"doc.jpg", "%PDF-1.7\n1 0 obj\n", "not_an_image", "this is a PDF document"},
      {"cut.jpg", jpeg.substr(0, jpeg.size() / 3), "unreadable_image", "cut short"},
      {"header-only.jpg", jpeg.substr(0, 20), "unreadable_image", "header is damaged"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto img = LoadImage(dir.Write(c.name, c.bytes));
    REQUIRE_FALSE(img);
    CHECK(img.error().code == c.code);
    CHECK(img.error().message.find(c.name) != std::string::npos);  // names the input
    CHECK(img.error().message.find(c.message) != std::string::npos);
  }
  auto missing = LoadImage(dir / "nope.jpg");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == "io_error");
  auto folder = LoadImage(dir.path());
  REQUIRE_FALSE(folder);
  CHECK(folder.error().message.find("is a directory") != std::string::npos);
}

TEST_CASE("a decompression bomb is refused from its header, before decoding", "[image]") {
  // A valid PNG header claiming 100000 x 100000 pixels followed by nothing.
  std::string png = Encode(Sample(10, 10), ".png");
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) png[at + static_cast<size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
  };
  put32(16, 100000);
  put32(20, 100000);
  auto img = DecodeImage(png, "bomb.png");
  REQUIRE_FALSE(img);
  CHECK(img.error().code == "image_too_large");
  CHECK(img.error().message.find("100000x100000") != std::string::npos);
}

TEST_CASE("EXIF orientation is applied", "[image]") {
  // A 40x20 JPEG with an APP1 Exif segment saying "rotate 90 CW" (orientation 6).
  const std::string plain = Encode(Sample(40, 20), ".jpg");
  const std::string exif("\xFF\xE1\x00\x22" "Exif\x00\x00" "MM\x00\x2A\x00\x00\x00\x08" "\x00\x01"
                         "\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" "\x00\x00\x00\x00", 36);
  const std::string rotated = plain.substr(0, 2) + exif + plain.substr(2);
  auto img = DecodeImage(rotated, "exif.jpg");
  REQUIRE(img);
  CHECK(img->bgr.cols == 20);
  CHECK(img->bgr.rows == 40);
}

TEST_CASE("preparation scales small print up and big photos down, and maps boxes back", "[image]") {
  cv::Mat label(600, 900, CV_8UC3, cv::Scalar(250, 250, 250));
  for (int y = 40; y < 560; y += 22)
    cv::putText(label, "Magnesium 187,5 mg per tablet NUT 12/34", {20, y}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
                cv::Scalar(20, 20, 20), 1, cv::LINE_AA);
  const PreparedImage small = PrepareImage(label);
  CHECK(small.scale > 1.2);  // ~9 px glyphs: enlarged
  cv::Mat big;
  cv::resize(label, big, {}, 5, 5, cv::INTER_CUBIC);
  const PreparedImage large = PrepareImage(big);
  CHECK(large.scale < 0.8);  // ~45 px glyphs: reduced
  CHECK(static_cast<double>(large.gray.total()) <= 7.5e6);
  // A box in the working image maps back inside the photo.
  const Box b = ToOriginal(large, Box{10, 10, 100, 40});
  CHECK(b.x >= 0);
  CHECK(b.right() <= big.cols);
  CHECK(b.w > 100);
}

// A label warped flat by its outline whose crop to the text left its side panel out
// (samples/side-panel/side-panel-beyond-crop.jpg, label seed 13579 phone-0023): the preparation
// says so, gives the whole width back when asked, and photo points map to working pixels and back.
TEST_CASE("a label's strip left out by the crop comes back with its whole width", "[image]") {
  const cv::Mat photo = cv::imread(test::SourceDir() + "/samples/side-panel/side-panel-beyond-crop.jpg");
  REQUIRE(!photo.empty());
  const PreparedImage cropped = PrepareImage(photo);
  REQUIRE(cropped.perspective);
  CHECK(cropped.labelWidthLeftOut);
  PrepareOptions wide;
  wide.wholeLabelWidth = true;
  const PreparedImage whole = PrepareImage(photo, wide);
  CHECK(whole.gray.cols > cropped.gray.cols * 11 / 10);
  CHECK(whole.gray.rows == Approx(cropped.gray.rows).margin(2));
  // The number on the side panel (x 2350 of 3000) lies beyond the cropped image, inside the whole one.
  const auto inCropped = PhotoToWorking(cropped, 2360, 850);
  const auto inWhole = PhotoToWorking(whole, 2360, 850);
  REQUIRE(inCropped);
  REQUIRE(inWhole);
  CHECK(inCropped->x > cropped.gray.cols);
  CHECK(inWhole->x < whole.gray.cols);
  for (const auto& [x, y] : {std::pair(100.0, 200.0), std::pair(1200.5, 900.25), std::pair(2350.0, 805.0)}) {
    const auto w = PhotoToWorking(whole, x, y);
    REQUIRE(w);
    const cv::Point2d back = WorkingToPhoto(whole, w->x, w->y);
    CHECK(back.x == Approx(x).margin(1e-6));
    CHECK(back.y == Approx(y).margin(1e-6));
  }
}
