// The number in a row of print beside the legal text that the page pass left unread
// (scan/unread_row_read.h), on real photos through the real first pass: the single-photo labels
// of products seed 46021 in samples/unread-number, whose bold blurred number the page pass read
// with the barcode or the address as one word two rows high, and the dropped-line bands missed.

#include <filesystem>
#include <utility>

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include "support/models.h"
#include "support/test_paths.h"
#include "suppcheck/extract/coverage.h"
#include "suppcheck/scan/unread_print_rows.h"
#include "suppcheck/scan/unread_row_read.h"
#include "suppcheck/scan/whole_label_read.h"

using namespace suppcheck;
namespace fs = std::filesystem;

namespace {

// The photo's lines after the whole-label pass, and the number read in its unread rows.
struct RowRead {
  size_t linesBefore = 0;
  std::vector<TextLine> lines;
  NumberFinding number;
};

// Reads `photo` through the whole-label pass and hands the context and the reading to `then`.
template <class Then>
auto WithWholeLabelRead(const fs::path& photo, Then then) {
  const Models& models = test::TestModels();
  static const ScannerOptions options;
  static auto engine = TesseractEngine::Create("", models.vocabulary.reReadLanguages);
  static auto firstPass = TesseractEngine::Create("", models.vocabulary.firstPassLanguages, /*retryInverted=*/false);
  REQUIRE(engine);
  REQUIRE(firstPass);
  const ScanContext ctx{models, options, nullptr, **engine, **firstPass, photo.filename().string()};
  PassTimer timer;
  const WholeLabelReading page = ReadWholeLabel(ctx, cv::imread(photo.string()), timer);
  return then(ctx, page);
}

RowRead ReadUnreadRows(const fs::path& photo) {
  return WithWholeLabelRead(photo, [](const ScanContext& ctx, const WholeLabelReading& page) {
    RowRead out;
    out.lines = BuildLines(page.words);
    out.linesBefore = out.lines.size();
    out.number = FindNotificationNumber(out.lines, ctx.models.vocabulary);
    ReadNumberInUnreadRows(ctx, page.prep, out.lines, out.number);
    return out;
  });
}

}  // namespace

TEST_CASE("a number in a row of print the page pass left unread is read on its own row", "[scan][number]") {
  const fs::path dir = fs::path(test::SourceDir()) / "samples" / "unread-number";
  for (const auto& [file, printed] : {std::pair{"bold-blurred-above-lot.jpg", "NUT 46/3"},
                                      std::pair{"labelled-under-address.jpg", "NUT 2/5"}}) {
    INFO(file);
    const RowRead r = ReadUnreadRows(dir / file);
    CHECK(r.number.number.canonical == printed);
    REQUIRE(r.lines.size() == r.linesBefore + 1);  // the number's line joins the lines
    CHECK(r.number.line == static_cast<int>(r.linesBefore));
  }
  // A back without a number: its rows beside the legal text hold none, and nothing is added.
  const RowRead back = ReadUnreadRows(fs::path(test::SourceDir()) / "samples" / "sample-hard-0009.jpg");
  CHECK(back.number.number.status == NumberStatus::Missing);
  CHECK(back.lines.size() == back.linesBefore);
}

// The rows of the address and the lot themselves, read in part, are no unread print: a phone photo
// of a label without a number (samples/legal-text/garbled-address-lot, products seed 68231
// phone-0026) whose page pass read most of the two rows as words two rows high ("ton cone vee",
// "tories") that cover neither, yet "Tel. 09/548 21 35" and "(504 THT 06." each on its own row.
// Both rows counted as unread print, and the label's honest `missing` became `unreadable`.
TEST_CASE("the address and lot rows read in part are not unread print", "[scan][number]") {
  const fs::path photo = fs::path(test::SourceDir()) / "samples" / "legal-text" / "garbled-address-lot.jpg";
  WithWholeLabelRead(photo, [](const ScanContext& ctx, const WholeLabelReading& page) {
    const std::vector<TextLine> lines = BuildLines(page.words);
    REQUIRE_FALSE(LegalTextLines(lines, ctx.models.vocabulary).empty());
    CHECK(UnreadPrintRowsNearLegalText(page.prep, lines, ctx.models.vocabulary).empty());
    return 0;
  });
}
