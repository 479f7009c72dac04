// OCR words grouped into reading-order lines (extract/text_lines.h): the input of all extraction.
// The words are laid out as Tesseract returns them for a label: its own line ids, a table row it
// splits into columns, words without a line id.

#include <catch2/catch.hpp>

#include "suppcheck/extract/text_lines.h"

using namespace suppcheck;

namespace {

OcrWord Word(const std::string& text, int x, int y, int w, int h, float conf = 90, int lineId = -1) {
  OcrWord o;
  o.text = text;
  o.confidence = conf;
  o.box = {x, y, w, h};
  o.lineId = lineId;
  return o;
}

std::vector<std::string> Texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

}  // namespace

TEST_CASE("the engine's lines come out top to bottom, words left to right", "[extract][lines]") {
  // Given in a scrambled order, as an engine may report blocks.
  const std::vector<OcrWord> words = {
      Word("per", 200, 100, 40, 20, 90, 2), Word("dag", 250, 100, 40, 20, 90, 2),
      Word("Neem", 10, 100, 60, 20, 90, 2), Word("1", 80, 100, 10, 20, 90, 2),
      Word("tablet", 100, 100, 80, 20, 90, 2), Word("Magnesium", 10, 10, 120, 24, 95, 1),
      Word("forte", 140, 10, 60, 24, 95, 1),
  };
  const auto lines = BuildLines(words);
  CHECK(Texts(lines) == std::vector<std::string>{"Magnesium forte", "Neem 1 tablet per dag"});
  const TextLine& second = lines[1];
  REQUIRE(second.words.size() == 5);
  // Each word's byte range names its text inside the line, with its own box.
  CHECK(second.text.substr(second.words[2].begin, second.words[2].end - second.words[2].begin) == "tablet");
  CHECK(second.words[2].box.x == 100);
  CHECK(second.box.x == 10);
  CHECK(second.box.right() == 290);
}

TEST_CASE("a table row split into columns by the engine is joined into one line", "[extract][lines]") {
  const std::vector<OcrWord> words = {
      Word("Magnesium", 10, 200, 110, 22, 90, 7),                                   // first column
      Word("375", 400, 202, 40, 20, 88, 8), Word("mg", 445, 202, 30, 20, 88, 8),   // second column, same row
      Word("100%", 600, 201, 50, 21, 80, 9),                                        // third column
      Word("Vitamine", 10, 240, 100, 22, 90, 10), Word("C", 115, 240, 15, 22, 90, 10),
      Word("80", 400, 242, 30, 20, 90, 11), Word("mg", 435, 242, 30, 20, 90, 11),
  };
  CHECK(Texts(BuildLines(words)) == std::vector<std::string>{"Magnesium 375 mg 100%", "Vitamine C 80 mg"});
}

TEST_CASE("text of very different size on one height is not joined (a title beside small print)", "[extract][lines]") {
  const std::vector<OcrWord> words = {
      Word("MAGNESIUM", 10, 10, 400, 80, 95, 1),
      Word("small", 450, 40, 50, 12, 90, 2),
  };
  CHECK(BuildLines(words).size() == 2);
}

TEST_CASE("words without a line id, blank words and words without a box", "[extract][lines]") {
  const std::vector<OcrWord> words = {
      Word("NUT", 10, 300, 40, 20),  Word("123/45", 60, 300, 70, 20),
      Word("  ", 140, 300, 20, 20),  // blank: dropped
      Word("ghost", 0, 0, 0, 0),     // no box: dropped
      Word(" Lot ", 10, 340, 40, 20),  // trimmed
  };
  const auto lines = BuildLines(words);
  CHECK(Texts(lines) == std::vector<std::string>{"NUT 123/45", "Lot"});
  CHECK(BuildLines({}).empty());
}

TEST_CASE("box and confidence of a byte range: the words it touches", "[extract][lines]") {
  const auto lines = BuildLines({Word("Magnesium", 10, 10, 100, 20, 95, 1), Word("250", 120, 10, 40, 20, 40, 1),
                                 Word("mg", 170, 12, 30, 18, 70, 1)});
  REQUIRE(lines.size() == 1);
  const TextLine& l = lines[0];
  REQUIRE(l.text == "Magnesium 250 mg");
  const size_t amount = l.text.find("250");
  const Box b = l.BoxOf(amount, l.text.size());  // "250 mg"
  CHECK(b.x == 120);
  CHECK(b.right() == 200);
  CHECK(b.y == 10);
  CHECK(b.bottom() == 30);
  CHECK(l.MinConfidenceOf(amount, l.text.size()) == 40);
  CHECK(l.MeanConfidenceOf(amount, l.text.size()) == Approx(55));
  CHECK(l.MinConfidenceOf(0, 3) == 95);  // a part of "Magnesium" touches only that word
  CHECK(l.BoxOf(9, 10).empty());         // the space between two words touches none
  CHECK(l.MeanConfidenceOf(9, 10) == 100);
}

TEST_CASE("plain text: one line per non-blank line, trimmed, no geometry", "[extract][lines]") {
  const auto lines = LinesFromText("  Magnesium 250 mg  \n\n\t\nNeem 1 tablet per dag.\r\nlast");
  CHECK(Texts(lines) == std::vector<std::string>{"Magnesium 250 mg", "Neem 1 tablet per dag.", "last"});
  for (const auto& l : lines) {
    CHECK(l.words.empty());
    CHECK(l.box.empty());
    CHECK(l.BoxOf(0, l.text.size()).empty());
    CHECK(l.MinConfidenceOf(0, l.text.size()) == 100);  // no OCR: nothing doubtful
  }
  CHECK(LinesFromText("").empty());
  CHECK(LinesFromText("\n \n").empty());
}

TEST_CASE("a line is cut into its columns at wide gaps, and a part is a line of its own", "[extract][lines]") {
  // A table row joined to the legal text beside it: the gap between them is many glyphs wide.
  const auto lines = BuildLines({Word("Zinc", 0, 100, 40, 20, 50, 1), Word("10", 50, 100, 20, 20, 90, 1),
                                 Word("mg", 80, 100, 30, 20, 60, 1), Word("Notification", 400, 100, 120, 20, 40, 1),
                                 Word("number", 530, 100, 80, 20, 40, 1)});
  REQUIRE(lines.size() == 1);
  const auto ranges = ColumnRanges(lines[0]);
  REQUIRE(ranges.size() == 2);
  const TextLine left = SubLine(lines[0], ranges[0].first, ranges[0].second);
  const TextLine right = SubLine(lines[0], ranges[1].first, ranges[1].second);
  CHECK(left.text == "Zinc 10 mg");
  CHECK(right.text == "Notification number");
  CHECK(right.box.x == 400);
  CHECK(right.words.size() == 2);
  CHECK(right.MeanConfidenceOf(0, right.text.size()) == Approx(40));
  // Without a wide gap, or without geometry, the line is one part.
  CHECK(ColumnRanges(LinesFromText("Zinc 10 mg Notification number")[0]).size() == 1);
}

TEST_CASE("a unit wrapped to the start of the next line goes back to its amount", "[extract][lines]") {
  // "Par sachet: bisglycinate de magnésium 1151" over "mg": the paragraph's line wrapped before
  // the unit (seed 40961 clean-0003); the right column beside it is another text.
  const std::vector<OcrWord> words = {
      Word("Par", 66, 498, 40, 34, 93, 1), Word("sachet:", 112, 498, 90, 34, 93, 1),
      Word("magnésium", 400, 498, 200, 34, 93, 1), Word("1151", 610, 498, 79, 34, 93, 1),
      Word("enfants.", 866, 531, 112, 25, 96, 2),
      Word("mg", 66, 557, 43, 24, 89, 3),
      Word("NUT", 66, 617, 60, 25, 96, 4), Word("244/381", 130, 617, 130, 25, 96, 4),
  };
  const auto lines = BuildLines(words);
  CHECK(Texts(lines) == std::vector<std::string>{"Par sachet: magnésium 1151 mg", "enfants.", "NUT 244/381"});
  // The unit keeps its own box: the evidence shows where it stands.
  CHECK(lines[0].BoxOf(lines[0].text.size() - 2, lines[0].text.size()).y == 557);

  // A unit that starts a line elsewhere (another column, or far below) stays where it is.
  const std::vector<OcrWord> apart = {
      Word("Magnesium", 66, 498, 200, 34, 93, 1), Word("1151", 280, 498, 79, 34, 93, 1),
      Word("mg", 400, 557, 43, 24, 89, 2),
      Word("Zinc", 66, 700, 80, 34, 93, 3), Word("10", 160, 700, 40, 34, 93, 3),
      Word("mg", 66, 800, 43, 34, 89, 4),
  };
  CHECK(Texts(BuildLines(apart)) == std::vector<std::string>{"Magnesium 1151", "mg", "Zinc 10", "mg"});
}
