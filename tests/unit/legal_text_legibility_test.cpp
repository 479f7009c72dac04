// When a photo's legal text was read only in part (extract/legal_text_legibility.h): the lines
// OCR could not read next to the lot and the address, which may hold the number.

#include <catch2/catch.hpp>

#include "support/models.h"
#include "suppcheck/extract/legal_text_legibility.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// One OCR'd line: its words side by side from (x, y), each `h` pixels high, at `confidence`.
std::vector<OcrWord> Line(const std::string& text, int x, int y, int h, float confidence, int lineId) {
  std::vector<OcrWord> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const int w = static_cast<int>(end - start) * h * 6 / 10;
    out.push_back({text.substr(start, end - start), confidence, {x, y, w, h}, lineId});
    x += w + h / 2;
    start = end + 1;
  }
  return out;
}

std::vector<TextLine> Panel(const std::string& third, int thirdY, float thirdConfidence) {
  std::vector<OcrWord> words;
  for (auto part : {Line("Herbalis NV, Kerkstraat 33, 1300 Wavre", 100, 500, 20, 91, 0),
                    Line("Lot 4328/203 EXP 08/2027", 100, 530, 20, 88, 1), Line(third, 100, thirdY, 20, thirdConfidence, 2)})
    words.insert(words.end(), part.begin(), part.end());
  return BuildLines(words);
}

size_t IndexOf(const std::vector<TextLine>& lines, const std::string& start) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].text.rfind(start, 0) == 0) return i;
  return lines.size();
}

}  // namespace

TEST_CASE("a garbled line with digits under the lot line may be the number", "[legal-text]") {
  const auto lines = Panel("armen IN ay 7 me 200 &", 560, 31);
  const auto unread = UnreadLinesNearLegalText(lines, TestModels().vocabulary);
  REQUIRE(unread.size() == 1);
  CHECK(lines[unread.front()].text == "armen IN ay 7 me 200 &");
}

TEST_CASE("the same line read with confidence leaves the legal text legible", "[legal-text]") {
  CHECK(UnreadLinesNearLegalText(Panel("Best before 12 2027", 560, 86), TestModels().vocabulary).empty());
}

TEST_CASE("unsure specks without digits (barcode bars, texture) do not count", "[legal-text]") {
  CHECK(UnreadLinesNearLegalText(Panel("MM I lll", 560, 22), TestModels().vocabulary).empty());
}

TEST_CASE("two unsure digits alone are too short to be the number", "[legal-text]") {
  // Label seed 27183 clean-0016: the end of the telephone number wrapped, "73" read at 47.
  CHECK(UnreadLinesNearLegalText(Panel("73", 560, 47), TestModels().vocabulary).empty());
  // As long as the shortest number line, the same digits count.
  CHECK(UnreadLinesNearLegalText(Panel("73 11/2", 560, 47), TestModels().vocabulary).size() == 1);
}

TEST_CASE("a garbled line far from the legal text does not count", "[legal-text]") {
  const auto lines = Panel("armen IN ay 7 me 200 &", 1400, 31);
  REQUIRE(IndexOf(lines, "armen") < lines.size());
  CHECK(UnreadLinesNearLegalText(lines, TestModels().vocabulary).empty());
}

TEST_CASE("text without OCR confidences is never doubted", "[legal-text]") {
  const auto lines = LinesFromText("Herbalis NV, Kerkstraat 33, 1300 Wavre\nLot 4328/203 EXP 08/2027\narmen IN ay 7 me 200 &");
  CHECK(UnreadLinesNearLegalText(lines, TestModels().vocabulary).empty());
}

TEST_CASE("a garbled line of letters between the address and the lot may be the number", "[legal-text]") {
  // Seed 70701 hard-0021, motion blur: "N° notif. : AS 2/5" read "NN' nti. «AB VS" between the
  // address and the lot line; with no digit left it was not doubted, and the report said 'missing'.
  std::vector<OcrWord> words;
  for (auto part : {Line("Natura NV, Kerkstraat 127, 1000 Brussel", 100, 500, 20, 80, 0),
                    Line("NN' nti. «AB VS", 100, 530, 20, 30, 1), Line("Lot 1065/129 THT 11/2029", 100, 560, 20, 70, 2)})
    words.insert(words.end(), part.begin(), part.end());
  const auto lines = BuildLines(words);
  const auto unread = UnreadLinesNearLegalText(lines, TestModels().vocabulary);
  REQUIRE(unread.size() == 1);
  CHECK(lines[unread.front()].text == "NN' nti. «AB VS");
  // Below both legal lines it is not between them: specks under the lot line still do not count
  // (the barcode case above).
  CHECK(UnreadLinesNearLegalText(Panel("NN' nti. «AB VS", 560, 30), TestModels().vocabulary).empty());
}

TEST_CASE("a legal line itself read as guesswork may hide the number merged into it", "[legal-text]") {
  // Seed 81234 phone-0022: tight small print on a tilted pack, the number line and the lot line read
  // as one line, "co eaves SV7 THT cae", at confidence 23. Its "THT" makes it legal text; the
  // number in it was not read.
  std::vector<OcrWord> words;
  for (auto part : {Line("VitaPlus NV, Kerkstraat 136, 1000 Brussel", 100, 500, 20, 80, 0),
                    Line("co eaves SV7 THT cae", 100, 530, 20, 23, 1)})
    words.insert(words.end(), part.begin(), part.end());
  const auto lines = BuildLines(words);
  const auto unread = UnreadLinesNearLegalText(lines, TestModels().vocabulary);
  REQUIRE(unread.size() == 1);
  CHECK(lines[unread.front()].text == "co eaves SV7 THT cae");
  // The same lot line read with some confidence is read text, not doubt.
  words.clear();
  for (auto part : {Line("VitaPlus NV, Kerkstraat 136, 1000 Brussel", 100, 500, 20, 80, 0),
                    Line("Lot 7553/517 THT 10/2026", 100, 530, 20, 45, 1)})
    words.insert(words.end(), part.begin(), part.end());
  CHECK(UnreadLinesNearLegalText(BuildLines(words), TestModels().vocabulary).empty());
}
