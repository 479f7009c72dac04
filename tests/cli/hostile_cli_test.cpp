// Issue 13: hostile files and hostile registries through the real binary. Each case crashed or
// exhausted suppcheck before (see the table); now each gets one clear result.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "support/run_process.h"
#include "support/temp_dir.h"
#include "support/test_http_server.h"
#include "support/tiff_builder.h"

using namespace suppcheck::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

ProcessResult Suppcheck(const std::vector<std::string>& args) {
  return RunProcess(SUPPCHECK_BINARY, args, "", {{"SUPPCHECK_REGISTRY", ""}});
}

// D1: 8 bytes whose first-directory offset, 0xFFFFFFFF, wrapped in 32-bit arithmetic.
const std::string kD1Tiff("II*\0\xff\xff\xff\xff", 8);

// D5: a 100 x 100 grey TIFF whose directory gives ImageWidth twice, 20000 first.
std::string D5Tiff() {
  auto entries = GreyPageEntries(100, 100, DataOffset({10}));
  entries.insert(entries.begin(), TiffEntry{256, 4, 1, 20000});
  return BuildTiff({{entries}}, std::string(100 * 100, '\x80'));
}

}  // namespace

TEST_CASE("D1: scan of an 8-byte TIFF is an unreadable_image result, not a crash", "[cli][hostile]") {
  TempDir dir;
  const auto t = dir.Write("t.tif", kD1Tiff);
  const auto r = Suppcheck({"scan", t.string(), "--format", "json"});
  CHECK(r.exitCode == 3);
  const json j = json::parse(r.out);
  CHECK(j["ok"] == false);
  CHECK(j["error"]["code"] == "unreadable_image");
  CHECK(r.err.find("t.tif: the TIFF header is damaged") != std::string::npos);
}

TEST_CASE("D5: a TIFF with two ImageWidth tags is refused before it is decoded", "[cli][hostile]") {
  TempDir dir;
  const auto t = dir.Write("twice.tif", D5Tiff());
  const auto r = Suppcheck({"scan", t.string(), "--format", "json"});
  CHECK(r.exitCode == 3);
  const json j = json::parse(r.out);
  CHECK(j["error"]["code"] == "unreadable_image");
  CHECK(j["error"]["message"].get<std::string>().find("ImageWidth given twice") != std::string::npos);
}

TEST_CASE("the binary gives OpenCV its pixel limit before OpenCV is loaded", "[cli][hostile]") {
  // OpenCV reads OPENCV_IO_MAX_IMAGE_PIXELS when it is loaded (tests/unit/decoder_limits_test.cpp
  // shows it then honours it); suppcheck re-executes itself with it. The environment of the
  // running process, held open by a registry that answers slowly, shows what it was started with.
  TestHttpServer registry;
  TempDir dir;
  const auto out = dir / "out.txt", err = dir / "err.txt";
  auto p = StartProcess(SUPPCHECK_BINARY,
                        {"number", "NUT 12/34", "--registry", registry.Url("slow"), "--registry-cache", "off",
                         "--registry-timeout", "3"},
                        out.string(), err.string());
  for (int i = 0; i < 400 && registry.hits == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(registry.hits > 0);
  std::ifstream envFile("/proc/" + std::to_string(p.pid) + "/environ", std::ios::binary);
  const std::string env((std::istreambuf_iterator<char>(envFile)), {});
  p.Wait();
  CHECK(env.find(std::string("\0OPENCV_IO_MAX_IMAGE_PIXELS=80000000\0", 37)) != std::string::npos);
}

TEST_CASE("D6: number against a registry answering 100000 nested arrays: an error, not a crash",
          "[cli][hostile]") {
  TestHttpServer registry;
  const auto r = Suppcheck({"number", "NUT 12/34", "--registry", registry.Url("deep"), "--registry-cache", "off",
                            "--format", "json"});
  CHECK(r.exitCode == 0);  // the number is well formed; the registry could not say
  const json j = json::parse(r.out);
  CHECK(j["status"] == "valid");
  CHECK(j["registry"]["status"] == "error");
  CHECK(j["registry"]["error"] == "the answer nests deeper than 64 levels (HTTP 200, application/json)");
}
