// The inputs of a batch (batch/input_list.h): a real folder tree in a temp dir with real photos,
// broken and foreign files, hidden entries and links, walked as `batch` walks it.

#include <catch2/catch.hpp>

#include <filesystem>

#include "support/temp_dir.h"
#include "support/test_paths.h"
#include "suppcheck/batch/input_list.h"

using namespace suppcheck;
namespace fs = std::filesystem;

namespace {

std::string SamplePhoto() { return test::SourceDir() + "/samples/sample-clean-0001.jpg"; }

std::vector<std::string> Paths(const std::vector<InputItem>& items, const fs::path& under) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(fs::path(i.path).lexically_relative(under).string());
  return out;
}

}  // namespace

TEST_CASE("a folder is walked recursively in sorted order, images by content or by extension", "[batch][inputs]") {
  test::TempDir dir;
  fs::create_directories(dir / "b/inner");
  fs::copy_file(SamplePhoto(), dir / "b/inner/z.jpg");
  fs::copy_file(SamplePhoto(), dir / "a.jpg");
  fs::copy_file(SamplePhoto(), dir / "photo-without-extension");  // a JPEG by its bytes
  dir.Write("broken.png", "not really a png");                    // by its name: it gets its error result
  dir.Write("anim.GIF", "GIF89a....");                            // read or not, an image gets a result
  dir.Write("notes.txt", "magnesium 250 mg");
  dir.Write("scan.pdf", "%PDF-1.7");
  dir.Write(".hidden.jpg", "x");
  fs::create_directories(dir / ".thumbnails");
  fs::copy_file(SamplePhoto(), dir / ".thumbnails/a.jpg");
  fs::create_directories(dir / "photos.jpg");  // a folder named like an image is still walked
  fs::copy_file(SamplePhoto(), dir / "photos.jpg/in.jpg");

  WalkStats stats;
  const auto items = CollectInputs({dir.path().string()}, &stats);
  CHECK(Paths(items, dir.path()) == std::vector<std::string>{"a.jpg", "anim.GIF", "b/inner/z.jpg", "broken.png",
                                                             "photo-without-extension", "photos.jpg/in.jpg"});
  for (const auto& i : items) CHECK(i.error.code.empty());
  CHECK(stats.skippedHidden == 2);
  CHECK(stats.skippedNotImages == 2);
  CHECK(stats.symlinkLoops == 0);
}

TEST_CASE("roots keep their order, a file root is always an input, a missing root is reported", "[batch][inputs]") {
  test::TempDir dir;
  fs::create_directories(dir / "z");
  fs::copy_file(SamplePhoto(), dir / "z/1.jpg");
  const auto notes = dir.Write("notes.txt", "not an image, but named on the command line");
  const std::string missing = (dir / "gone").string();
  const auto items = CollectInputs({(dir / "z").string(), notes.string(), missing});
  REQUIRE(items.size() == 3);
  CHECK(items[0].path == (dir / "z/1.jpg").string());
  CHECK(items[1].path == notes.string());
  CHECK(items[1].error.code.empty());  // its result will say it is not an image
  CHECK(items[2].path == missing);
  CHECK(items[2].error.code == "io_error");
  CHECK_THAT(items[2].error.message, Catch::Contains("no such file or folder"));
}

TEST_CASE("links: to a file followed, to a folder not (no loop, no photo twice), dangling reported", "[batch][inputs]") {
  test::TempDir dir;
  fs::create_directories(dir / "real");
  fs::copy_file(SamplePhoto(), dir / "real/p.jpg");
  fs::create_directory_symlink(dir / "real", dir / "real/loop");
  fs::create_directory_symlink(dir / "real", dir / "alias");
  fs::create_symlink(dir / "real/p.jpg", dir / "link.jpg");
  fs::create_symlink(dir / "nowhere.jpg", dir / "dangling.jpg");
  fs::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");

  WalkStats stats;
  const auto items = CollectInputs({dir.path().string()}, &stats);
  CHECK(Paths(items, dir.path()) == std::vector<std::string>{"dangling.jpg", "link.jpg", "real/p.jpg"});
  CHECK(items[0].error.code == "io_error");
  CHECK(items[1].error.code.empty());
  CHECK(stats.symlinkLoops == 2);  // alias and real/loop
}

TEST_CASE("LooksLikeImage reads the first bytes, whatever the name", "[batch][inputs]") {
  test::TempDir dir;
  fs::copy_file(SamplePhoto(), dir / "renamed.txt");
  CHECK(LooksLikeImage(dir / "renamed.txt"));
  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.append(24, '\0');  // not `+`: GCC 12 at -O3 warns falsely (-Wrestrict) on it
  CHECK(LooksLikeImage(dir.Write("x.bin", png)));
  std::string gif("GIF89a");
  gif.append(26, '\0');
  CHECK(LooksLikeImage(dir.Write("g.dat", gif)));  // recognised, refused later
  CHECK_FALSE(LooksLikeImage(dir.Write("doc.jpg", "%PDF-1.7 a document")));
  CHECK_FALSE(LooksLikeImage(dir.Write("empty.jpg", "")));
  CHECK_FALSE(LooksLikeImage(dir / "absent.jpg"));
}

TEST_CASE("shards are contiguous slices that add up to the whole list in order", "[batch][inputs]") {
  std::vector<InputItem> items;
  for (char c = 'a'; c < 'k'; ++c) items.push_back({std::string(1, c), {}});
  for (size_t n : {1, 3, 4, 10, 13}) {
    INFO("N = " << n);
    std::vector<std::string> joined;
    size_t largest = 0, smallest = items.size();
    for (size_t k = 1; k <= n; ++k) {
      const auto part = Shard(items, k, n);
      largest = std::max(largest, part.size());
      smallest = std::min(smallest, part.size());
      for (const auto& i : part) joined.push_back(i.path);
    }
    REQUIRE(joined.size() == items.size());
    for (size_t i = 0; i < items.size(); ++i) CHECK(joined[i] == items[i].path);
    CHECK(largest - smallest <= 1);  // balanced
  }
  CHECK(Shard(items, 0, 3).empty());
  CHECK(Shard(items, 4, 3).empty());
  CHECK(Shard(items, 1, 0).empty());
}

TEST_CASE("a shard given as K/N is parsed strictly", "[batch][inputs]") {
  size_t k = 0, n = 0;
  REQUIRE(ParseShard("2/8", k, n));
  CHECK(k == 2);
  CHECK(n == 8);
  REQUIRE(ParseShard("1/1", k, n));
  for (const char* bad : {"", "2", "/8", "2/", "0/8", "9/8", "2/0", "a/b", "-1/8", "2/8/1", " 2/8", "2 /8",
                          "1234567890/1234567890"}) {
    INFO("'" << bad << "'");
    CHECK_FALSE(ParseShard(bad, k, n));
  }
}
