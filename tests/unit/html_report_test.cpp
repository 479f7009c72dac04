// The HTML report of a batch (report/html_report.h): real results (label text through ScanText,
// a real sample photo for the thumbnail) written to a real file; hostile file names and label text
// must come out as text, never as markup.

#include <catch2/catch.hpp>

#include <regex>

#include <opencv2/imgcodecs.hpp>

#include "support/models.h"
#include "suppcheck/conclude.h"
#include "support/temp_dir.h"
#include "suppcheck/report/annotated_image.h"
#include "suppcheck/report/html_report.h"
#include "suppcheck/report/scan_report.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

const char* kLabel =
    "Ingrediënten: magnesiumcitraat, vulstof: cellulose.\n"
    "Voedingswaarden per tablet: magnesium 300 mg\n"
    "Neem 1 tablet per dag.\n";

nlohmann::ordered_json ScanJson(const std::string& text, const std::string& name) {
  return ScanResultJson(ScanText(text, name, TestModels(), "adult", nullptr));
}

nlohmann::ordered_json FailedJson(const std::string& name, const std::string& message) {
  ScanResult r;
  r.file = name;
  r.error = MakeError("unreadable_image", message);
  return ScanResultJson(r);
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t p = text.find(part); p != std::string::npos; p = text.find(part, p + 1)) ++n;
  return n;
}

std::string Write(const HtmlReport& report, const test::TempDir& dir) {
  const auto path = dir / "report.html";
  REQUIRE(report.Write(path.string(), "survey <2026>"));
  return test::ReadFile(path);
}

}  // namespace

TEST_CASE("HtmlEscape: the five characters, control characters, broken UTF-8", "[report][html]") {
  CHECK(HtmlEscape("<a href=\"x\" title='y'>&amp;</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  CHECK(HtmlEscape("two\nlines\r\x01") == "two?lines??");
  CHECK(HtmlEscape("tab\tstays") == "tab\tstays");
  CHECK(HtmlEscape("Magnesiumcitraat ëüé µg") == "Magnesiumcitraat ëüé µg");
  const std::string broken = HtmlEscape("bad\xff<");
  CHECK(broken.find('\xff') == std::string::npos);
  CHECK(broken.find("&lt;") != std::string::npos);
}

TEST_CASE("hostile file names and label text stay text", "[report][html]") {
  test::TempDir dir;
  HtmlReport report;
  const std::string script = "<script>alert(1)</script>.jpg";
  const std::string attribute = "x\" onmouseover=\"alert(2).jpg";
  const std::string quote = "it's & <b>bold</b>\n.jpg";
  report.Add(0, ScanJson(kLabel, script));
  report.Add(1, ScanJson(std::string(kLabel) + "NUT <img src=x onerror=alert(3)>\n", attribute));
  report.Add(2, FailedJson(quote, quote + ": <iframe> cannot be decoded"));
  const std::string html = Write(report, dir);

  // The only markup is the report's own: one script element, no injected tags or attributes.
  CHECK(Count(html, "<script>") == 1);
  CHECK(Count(html, "<img") == 0);  // no thumbnails were given
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK(html.find("onmouseover=\"") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;.jpg") != std::string::npos);
  CHECK(html.find("x&quot; onmouseover=&quot;alert(2).jpg") != std::string::npos);
  CHECK(html.find("it&#39;s &amp; &lt;b&gt;bold&lt;/b&gt;?.jpg") != std::string::npos);
  CHECK(html.find("<title>survey &lt;2026&gt;</title>") != std::string::npos);
}

TEST_CASE("one row per result, in input order whatever order they finish in", "[report][html]") {
  test::TempDir dir;
  HtmlReport report;
  const size_t n = 7;
  for (size_t k = 0; k < n; ++k) {
    const size_t i = (k * 3) % n;  // 0 3 6 2 5 1 4
    report.Add(i, i == 5 ? FailedJson("photo-5.jpg", "cut short") : ScanJson(kLabel, "photo-" + std::to_string(i) + ".jpg"));
  }
  report.Add(2, ScanJson(kLabel, "photo-2.jpg"));  // the same input again replaces its row
  const std::string html = Write(report, dir);
  CHECK(Count(html, "<tr>") == n + 1);  // the header row and one per result
  size_t last = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t at = html.find("photo-" + std::to_string(i) + ".jpg");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(html.find("7 photos; 6 flagged; 1 could not be processed.") != std::string::npos);
  // 300 mg a day from each readable label: above the safe level, with the numbers in the row.
  CHECK(html.find("<div class=\"above_noael\"><b>6</b>above the safe level</div>") != std::string::npos);
  CHECK(html.find("<div class=\"failed\"><b>1</b>not processed</div>") != std::string::npos);
  CHECK(Count(html, "<td data-v=\"300\">300</td>") == 2 * 6);  // mg per unit and mg per day
  CHECK(html.find("cut short") != std::string::npos);
}

TEST_CASE("thumbnails: a small JPEG of the real photo, kept for the first inputs only", "[report][html]") {
  const cv::Mat photo = cv::imread(test::SourceDir() + "/samples/sample-clean-0001.jpg");
  REQUIRE_FALSE(photo.empty());
  const ScanResult r = ScanText(kLabel, "photo.jpg", TestModels(), "adult", nullptr);
  const std::string uri = ThumbnailDataUri(photo, r, 120);
  const std::string prefix = "data:image/jpeg;base64,";
  REQUIRE(uri.rfind(prefix, 0) == 0);
  CHECK(std::regex_match(uri.substr(prefix.size()), std::regex("[A-Za-z0-9+/]+=*")));
  CHECK(ThumbnailDataUri(cv::Mat(), r).empty());

  test::TempDir dir;
  HtmlReport report(/*maxThumbnails=*/2);
  CHECK(report.WantsThumbnail(1));
  CHECK_FALSE(report.WantsThumbnail(2));
  for (size_t i = 0; i < 4; ++i) report.Add(i, ScanResultJson(r), uri);
  const std::string html = Write(report, dir);
  CHECK(Count(html, "<img loading=\"lazy\" alt=\"\" src=\"" + uri + "\">") == 2);
  CHECK(Count(html, "<tr>") == 5);
}

TEST_CASE("the report is written whole or not at all", "[report][html]") {
  test::TempDir dir;
  HtmlReport report;
  report.Add(0, ScanJson(kLabel, "a.jpg"));
  const auto bad = report.Write((dir / "no/such/folder/report.html").string(), "t");
  REQUIRE_FALSE(bad);
  CHECK_FALSE(std::filesystem::exists(dir / "no"));
}
