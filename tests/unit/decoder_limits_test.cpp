// OpenCV's own pixel limit (suppcheck/image/decoder_limits.h) really takes effect in the OpenCV
// we link: this test binary runs itself (a fresh process, so the variable is in place before
// libopencv_imgcodecs loads) with and without OPENCV_IO_MAX_IMAGE_PIXELS, and the probe below
// says whether OpenCV decoded a 100 x 100 PNG. That suppcheck sets the variable before OpenCV
// loads is checked through the real binary in tests/cli/hostile_cli_test.cpp.

#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include <opencv2/imgcodecs.hpp>

#include "support/run_process.h"
#include "suppcheck/image/codecs.h"
#include "suppcheck/image/decoder_limits.h"

using namespace suppcheck;

TEST_CASE("decoder probe: decode a 100 x 100 PNG with OpenCV directly", "[.][decoder-probe]") {
  std::vector<uchar> png;
  REQUIRE(cv::imencode(".png", cv::Mat(100, 100, CV_8UC3, cv::Scalar(1, 2, 3)), png));
  try {
    const cv::Mat m = cv::imdecode(png, cv::IMREAD_COLOR);
    std::cout << (m.empty() ? "empty" : "decoded") << std::endl;
  } catch (const cv::Exception& e) {
    std::cout << "refused: " << e.err << std::endl;
  }
}

TEST_CASE("OpenCV honours OPENCV_IO_MAX_IMAGE_PIXELS set before it is loaded", "[image][hostile]") {
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  auto probe = [&](const std::string& limit) {
    return test::RunProcess(self, {"[decoder-probe]"}, "", {{kDecoderPixelLimitVariable, limit}}).out;
  };
  CHECK(probe("").find("decoded") != std::string::npos);        // OpenCV's default: 2^30 pixels
  CHECK(probe("10000").find("decoded") != std::string::npos);   // exactly at the limit
  const std::string refused = probe("9999");
  CHECK(refused.find("refused") != std::string::npos);
  CHECK(refused.find("CV_IO_MAX_IMAGE_PIXELS") != std::string::npos);
}

TEST_CASE("the decoder limit in the environment is recognised only when it is at most ours", "[image]") {
  const char* saved = std::getenv(kDecoderPixelLimitVariable);
  const std::string keep = saved ? saved : "";
  SetDecoderPixelLimitInEnvironment(80'000'000);
  CHECK(DecoderPixelLimitInEnvironment(80'000'000));
  CHECK_FALSE(DecoderPixelLimitInEnvironment(79'999'999));
  setenv(kDecoderPixelLimitVariable, "80M", 1);
  CHECK_FALSE(DecoderPixelLimitInEnvironment(80'000'000));
  if (saved)
    setenv(kDecoderPixelLimitVariable, keep.c_str(), 1);
  else
    unsetenv(kDecoderPixelLimitVariable);
}

TEST_CASE("OpenCV's codecs loaded on first use are OpenCV's own", "[image]") {
  // suppcheck::codecs loads libopencv_imgcodecs when first used instead of linking it (it brings
  // GDAL and GDCM, 170 ms at every start); what it calls must be what cv:: calls.
  cv::Mat image(37, 53, CV_8UC3);
  cv::randu(image, 0, 256);
  std::vector<uchar> ours, theirs;
  REQUIRE(codecs::Encode(".jpg", image, ours, {cv::IMWRITE_JPEG_QUALITY, 72}));
  REQUIRE(cv::imencode(".jpg", image, theirs, {cv::IMWRITE_JPEG_QUALITY, 72}));
  CHECK(ours == theirs);
  const cv::Mat a = codecs::Decode(cv::Mat(ours), cv::IMREAD_COLOR), b = cv::imdecode(theirs, cv::IMREAD_COLOR);
  REQUIRE(a.size() == image.size());
  CHECK(cv::norm(a, b, cv::NORM_INF) == 0);
  const auto png = std::filesystem::temp_directory_path() / "suppcheck-codecs-test.png";
  REQUIRE(codecs::Write(png.string(), image));
  CHECK(cv::norm(cv::imread(png.string(), cv::IMREAD_COLOR), image, cv::NORM_INF) == 0);
  std::filesystem::remove(png);
}
