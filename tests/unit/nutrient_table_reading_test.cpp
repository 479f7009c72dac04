// The nutrient table read again: a pale header read again goes among the first pass's lines in
// reading order, so that the rows under it take its column ("Per dagdosis (2 tabletten)") even
// when the block reading of the table gave no row.

#include <catch2/catch.hpp>

#include <opencv2/core.hpp>

#include <string>
#include <vector>

#include "support/models.h"
#include "suppcheck/conclude.h"
#include "suppcheck/extract/nutrient_rows.h"
#include "suppcheck/scan/nutrient_table_reread.h"

using namespace suppcheck;
using suppcheck::test::TestModels;

namespace {

// A line at height `y` with one word per token, 12 px a character, from x = 60.
TextLine At(int y, const std::string& text) {
  TextLine line;
  line.text = text;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    LineWord w;
    w.begin = b;
    w.end = e;
    w.box = {60 + static_cast<int>(b) * 12, y, static_cast<int>(e - b) * 12, 24};
    line.words.push_back(w);
    line.box = line.box.United(w.box);
    b = e + 1;
  }
  return line;
}

const NutrientFacts* Get(const std::vector<NutrientFacts>& all, const std::string& id) {
  for (const auto& n : all)
    if (n.id == id) return &n;
  return nullptr;
}

}  // namespace

TEST_CASE("a header read again stands above the rows it heads", "[scan][nutrients]") {
  const std::vector<TextLine> firstPass = {At(100, "Multivitamine Complex"), At(400, "Vitamine C 120 mg 150 %"),
                                           At(450, "Zink 50 mg 500 %"), At(700, "Gebruik: 2 tabletten per dag.")};
  NutrientTableReading table;
  table.header = {At(350, "Per dagdosis (2 tabletten) % RI")};
  const std::vector<TextLine> all = WithTableReading(firstPass, table);
  REQUIRE(all.size() == 5);
  CHECK(all[1].text == table.header[0].text);
  CHECK(table.All().size() == 1);

  const Models& m = TestModels();
  auto read = [&](const std::vector<TextLine>& lines) {
    return ExtractNutrients(lines, m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
  };
  // With the header the column is a day's (2 tablets); without it each amount is one tablet's.
  const auto withHeader = read(all);
  const auto* zinc = Get(withHeader, "zinc");
  REQUIRE(zinc);
  REQUIRE(zinc->perUnit);
  CHECK(*zinc->perUnit == Approx(25));
  CHECK(*zinc->perDay == Approx(50));
  const auto withoutHeader = read(firstPass);  // kept alive: zincAlone points into it
  const auto* zincAlone = Get(withoutHeader, "zinc");
  REQUIRE(zincAlone);
  REQUIRE(zincAlone->perUnit);
  CHECK(*zincAlone->perUnit == Approx(50));
}

TEST_CASE("a garbled block reading of the header does not hide the first pass reading of it", "[scan][nutrients]") {
  // Phone photo of seed 62417 (phone-0008): the first pass split the vitamin K row ("75 ug" a line
  // of its own, no name), so only the block reading owns the amount; its way up to the header met
  // the block's own, garbled reading of the header line first, and the first pass's reading at the
  // same height was skipped as not above it: 75 µg a day were read as one tablet's, 225 µg a day.
  const std::vector<TextLine> firstPass = {At(100, "Complexe multivitaminé"),
                                           At(350, "Par dose journalière (3 comprimés) % AR"),
                                           At(400, "Vitamine C 60 mg 75 %"), At(440, "Vitamine K1 (phylloquinone) 100 %"),
                                           At(441, "75 µg"), At(700, "Trois comprimés par jour.")};
  NutrientTableReading table;
  table.rows = {At(352, "POR GOSe OUMNGReTS (ov COMpPnes; 6 6© AK"), At(401, "Vitamine C 60 mg 75 %"),
                At(442, "Vitamine K1 (phylloquinone) 75 µg 100 %")};
  const Models& m = TestModels();
  const auto facts =
      ExtractNutrients(WithTableReading(firstPass, table), m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
  const auto* k = Get(facts, "vitamin_k");
  REQUIRE(k);
  REQUIRE(k->perDay);
  CHECK(*k->perDay == Approx(75));
  REQUIRE(k->perUnit);
  CHECK(*k->perUnit == Approx(25));
}

TEST_CASE("the magnesium reading takes the header read again as the other nutrients do", "[scan][nutrients]") {
  // Clean photo of seed 62417 (clean-0003): the pale "Per daily dose (3 capsules)" was read only by
  // the header re-read; the nutrients took it, magnesium did not: 186 mg a day were one capsule's,
  // 558 mg a day, above 250 mg where the label says 186.
  const std::vector<TextLine> firstPass = {At(100, "Vitamins & Minerals"), At(400, "Calcium 81 mg 10 %"),
                                           At(450, "Magnesium (magnesium citrate) 186 mg 50%"),
                                           At(500, "Zinc (zinc citrate) 15 mg 150 %"),
                                           At(700, "Adults: 3 capsules a day.")};
  const Models& m = TestModels();
  ScanResult r;
  Conclude(r, firstPass, m, "adult", nullptr, nullptr);
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == Approx(558));  // what the lines without their header say
  NutrientTableReading none;
  CHECK_FALSE(ConcludeWithTableHeader(r, firstPass, none, m, "adult", nullptr));

  NutrientTableReading table;
  table.header = {At(350, "Per daily dose (3 capsules) % RI")};
  CHECK(ConcludeWithTableHeader(r, firstPass, table, m, "adult", nullptr));
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == Approx(186));
  REQUIRE(r.magnesium.mgPerUnit);
  CHECK(*r.magnesium.mgPerUnit == Approx(62));
  CHECK(r.assessment.level == Level::WithinNoael);
  // Nothing changes a second time.
  CHECK_FALSE(ConcludeWithTableHeader(r, firstPass, table, m, "adult", nullptr));
}

TEST_CASE("the header the block reading misreads does not set the units a day", "[scan][nutrients]") {
  // Phone photo of seed 62417 (phone-0008), once the block reached the amounts: it read the header
  // too, "(3 comprimés)" as "(5 comprimes)", and the largest count read was taken: every amount of
  // the per-day column was divided by 5 for one tablet's.
  const std::vector<TextLine> firstPass = {At(350, "Par dose journalière (3 comprimés) % AR"),
                                           At(400, "Vitamine C 60 mg 75 %"), At(440, "Vitamine K1 (phylloquinone) 100 %"),
                                           At(441, "75 µg"), At(700, "Trois comprimés par jour.")};
  NutrientTableReading table;
  table.rows = RowsOfTableReading({At(351, "Par Gose journaliere (5 comprimes) 9% AR"), At(401, "Vitamine C 60 mg 75 %"),
                                   At(442, "Vitamine K1 (phylloquinone) 75 µg 100 %")},
                                  TestModels());
  CHECK(table.rows.size() == 2);
  const Models& m = TestModels();
  const auto facts =
      ExtractNutrients(WithTableReading(firstPass, table), m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
  for (const auto& [id, day] : {std::pair{"vitamin_k", 75.0}, {"vitamin_c", 60.0}}) {
    const auto* n = Get(facts, id);
    REQUIRE(n);
    REQUIRE(n->perDay);
    CHECK(*n->perDay == Approx(day));
    REQUIRE(n->perUnit);
    CHECK(*n->perUnit == Approx(day / 3));
  }
}

TEST_CASE("A table read column by column: each name row with the cells beside it", "[scan][nutrients]") {
  // multivitamin-phone-0007 of tuning seed 28461: the rule left of the amounts was read as "1" in
  // the page and block readings ("Molybdene 150 yg" for 50 µg); each column alone, rules left out,
  // read the cells as printed. An empty cell joins nothing; a cell half a row off joins its row.
  const auto cell = [](int x, int y, const std::string& text) {
    TextLine line = At(y, text);
    for (auto& w : line.words) w.box.x += x;
    line.box.x += x;
    return line;
  };
  const std::vector<std::vector<TextLine>> columns = {
      {cell(0, 100, "Zinc"), cell(0, 140, "Molybdene (molybdate de sodium)"), cell(0, 180, "Choline")},
      {cell(400, 104, "20 mg"), cell(400, 138, "50 pg"), cell(400, 183, "25 mg")},
      {cell(520, 101, "200 %"), cell(520, 141, "100%")},
  };
  const std::vector<TextLine> rows = RowsFromColumns(columns, TestModels());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].text == "Zinc 20 mg 200 %");
  CHECK(rows[1].text == "Molybdene (molybdate de sodium) 50 pg 100%");
  CHECK(rows[2].text == "Choline 25 mg");
  // Every word keeps its box, under its own bytes.
  const TextLine& r = rows[2];
  REQUIRE(r.words.size() == 3);
  CHECK(r.text.substr(r.words[1].begin, r.words[1].end - r.words[1].begin) == "25");
  CHECK(r.words[1].box.x == 460);
  CHECK(RowsFromColumns({{cell(0, 100, "Per tablet")}, {cell(400, 100, "20 mg")}}, TestModels()).empty());
}

TEST_CASE("the first pass's lines of a sloping table give way to its level reading", "[scan][nutrients]") {
  // multivitamin-phone-0067 of tuning seed 54739: the rows slope 2 to 9 degrees, the first pass
  // paired "Riboflavin" with the row above's amount ("Riboflavin 2.4 mg" for 0.42 mg) and read
  // "12 mg" alone between two rows; the levelled block reading has every row right.
  const std::vector<TextLine> firstPass = {At(100, "Multivitamin Complex"), At(350, "Per tablet"),
                                           At(400, "Riboflavin 2.4 mg"), At(440, "Vitamin B12 (cyanocob alamin)"),
                                           At(455, "12 mg"), At(700, "Adults: 1 tablet a day.")};
  NutrientTableReading table;
  table.rows = {At(380, "Riboflavin 0.42 mg"), At(420, "Niacinamide (nicotinamide) 2.4 mg"),
                At(440, "Vitamin B12 (cyanocobalamin) 7.5 µg"), At(470, "Pantothenic acid 12 mg")};
  table.replaced = {2, 3, 4};
  const std::vector<TextLine> all = WithTableReading(firstPass, table);
  REQUIRE(all.size() == 7);
  CHECK(all[1].text == "Per tablet");
  const Models& m = TestModels();
  const auto facts = ExtractNutrients(all, m.nutrientNames, m.nutrients, m.vocabulary, m.rules.Limits());
  const auto* b2 = Get(facts, "riboflavin");
  REQUIRE(b2);
  REQUIRE(b2->perUnit);
  CHECK(*b2->perUnit == Approx(0.42));
  const auto* b12 = Get(facts, "vitamin_b12");
  REQUIRE(b12);
  REQUIRE(b12->perUnit);
  CHECK(*b12->perUnit == Approx(7.5));
}

TEST_CASE("magnesium is read from a levelled table's rows as the other nutrients are", "[scan][nutrients]") {
  // multivitamin-phone-0067 of tuning seed 54739: the first pass read "agnesium (m agnesium
  // citrate)" between "188 mg" and "40 mg" (iron's) and magnesium took 40 mg (here the two read
  // as one line); the level reading
  // has "Magnesium (magnesium citrate) 188 mg".
  const std::vector<TextLine> firstPass = {At(100, "Multivitamin Complex"),
                                           At(310, "Magnesium (magnesium citrate) 40 mg"), At(340, "Zinc 10 mg"),
                                           At(700, "Adults: 1 tablet a day.")};
  const Models& m = TestModels();
  ScanResult r;
  Conclude(r, firstPass, m, "adult", nullptr, nullptr);
  REQUIRE(r.magnesium.mgPerUnit);
  CHECK(*r.magnesium.mgPerUnit == Approx(40));
  NutrientTableReading table;
  // Not levelled, and the table's rows agree with the first pass's dose: it stands.
  table.rows = {At(310, "Magnesium (magnesium citrate) 40 mg"), At(340, "Zinc 10 mg")};
  CHECK_FALSE(ConcludeWithTableRows(r, firstPass, table, m, "adult", nullptr));
  CHECK(*r.magnesium.mgPerUnit == Approx(40));
  // Not levelled, but the lines with the table's rows give another dose than the lines alone:
  // magnesium is concluded on them all (multivitamin-phone-0023 of nutrient seed 24680, where the
  // first pass took a rule for a 1).
  table.rows = {At(290, "Magnesium (magnesium citrate) 188 mg"), At(320, "Iron (ferrous sulfate) 40 mg"),
                At(340, "Zinc 10 mg")};
  ScanResult unlevelled = r;
  CHECK(ConcludeWithTableRows(unlevelled, firstPass, table, m, "adult", nullptr));
  REQUIRE(unlevelled.magnesium.mgPerUnit);
  CHECK(*unlevelled.magnesium.mgPerUnit == Approx(188));
  // Levelled: the first pass's rows give way, for magnesium too.
  table.replaced = {1, 2};
  CHECK(ConcludeWithTableRows(r, firstPass, table, m, "adult", nullptr));
  REQUIRE(r.magnesium.mgPerUnit);
  CHECK(*r.magnesium.mgPerUnit == Approx(188));
  REQUIRE(r.magnesium.mgPerDay);
  CHECK(*r.magnesium.mgPerDay == Approx(188));
  // Nothing changes a second time.
  CHECK_FALSE(ConcludeWithTableRows(r, firstPass, table, m, "adult", nullptr));
}

TEST_CASE("a table whose rows the first pass read apart is found by its names beside amounts", "[scan][nutrients]") {
  // multivitamin-phone-0047 of tuning seed 44903 (photo pixels of its first pass): the slope put
  // the amount column up to a third of a row above the names, and the names and the amounts came
  // as lines of their own; only the magnesium row was read whole, and the table was never read
  // again (six of seven rows missed).
  const auto box = [](int x, int y, int w, int h, const std::string& text) {
    TextLine line;
    line.text = text;
    line.box = {x, y, w, h};
    return line;
  };
  const std::vector<TextLine> firstPass = {
      box(683, 406, 1260, 227, "Vitamines & Minéraux"),
      box(1496, 673, 703, 97, "Par dose journaliére (2comprimés) % AR"),
      box(709, 782, 254, 58, "Vitamine B6"), box(1499, 783, 95, 50, "2 mg"), box(2119, 777, 89, 41, "143%"),
      box(716, 867, 128, 45, "Folate"), box(1504, 826, 696, 109, "150 pg 75 %"),
      box(723, 940, 214, 58, "Phosphore"), box(1506, 902, 677, 89, "104 mg 15%"),
      box(729, 951, 1481, 152, "Magnésium (chlorure de magnésium) 375 mg 100 %"),
      box(734, 1100, 66, 39, "Fer"), box(1504, 1049, 689, 97, "4,2 mg 30 %"),
      box(740, 1174, 88, 40, "Zinc"), box(1507, 1120, 670, 80, "7,6 mg 76%"),
      box(746, 1242, 185, 46, "Sélénium"), box(1508, 1190, 697, 92, "82 pg 149 %"),
      box(756, 1345, 492, 69, "Deux comprimeés par jour."),
      box(762, 1366, 1609, 130, "Ingrédients: cellulose microcristalline, phosphate de pyridoxal, L-méthylfolate de calcium,"),
      box(778, 1642, 541, 64, "Notification: NUT/PL 80/91")};
  const auto rows = SplitTableRows(firstPass, TestModels());
  REQUIRE(rows.size() == 6);
  // Vitamine B6 with "2 mg" (not "143%" further right: the nearer middle), Sélénium with "82 pg".
  CHECK(rows[0].first.x == 709);
  CHECK(rows[0].first.right() == 1594);
  CHECK(rows[0].second == 50);
  CHECK(rows[5].first.y == 1190);
  CHECK(rows[5].first.bottom() == 1288);
  // Names with nothing beside them, or an amount left of a name's middle, make no row.
  CHECK(SplitTableRows({box(100, 100, 300, 40, "Zinc"), box(120, 100, 80, 40, "10 mg"),
                        box(100, 300, 300, 40, "Vitamine C"), box(500, 380, 80, 40, "80 mg")},
                       TestModels())
            .empty());
}

TEST_CASE("one nutrient named in running text is no table, its rows one under the other are one", "[scan][nutrients]") {
  // 13579 phone-0017 of the label benchmark (photo pixels of its first pass): a product name and
  // two dose lines, Dutch and French, name magnesium beside a digit, but with the label's other
  // lines between them; reading them again as a table took two seconds and gave nothing.
  // A line with one word per token, the box's width shared out by their lengths.
  const auto box = [](int x, int y, int w, int h, const std::string& text) {
    TextLine line;
    line.text = text;
    line.box = {x, y, w, h};
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find(' ', b);
      if (e == std::string::npos) e = text.size();
      LineWord word;
      word.begin = b;
      word.end = e;
      const auto at = [&](size_t i) { return x + static_cast<int>(static_cast<long>(w) * static_cast<long>(i) / static_cast<long>(text.size())); };
      word.box = {at(b), y, at(e) - at(b), h};
      line.words.push_back(word);
      b = e + 1;
    }
    return line;
  };
  const std::vector<TextLine> running = {
      box(807, 810, 652, 92, "Magnesium 270"), box(803, 913, 354, 46, "Voedingssupplement"),
      box(806, 960, 893, 63, "Per tablet: Magnesium (magnesiumgluconaat) 90 mg"),
      box(807, 1032, 538, 61, "Neem 1 tot 3 tabletten per dag."),
      box(811, 1285, 428, 53, "Complément alimentaire"),
      box(813, 1329, 1049, 76, "Par comprimé: Magnésium (gluconate de magnésium) 90 mg"),
      box(815, 1408, 586, 69, "Prendre 1 a 3 comprimés par jour.")};
  CHECK_FALSE(NutrientTableFound(running, TestModels()));
  // The same nutrient in a table: its rows stand one under the other, a rule read as "——" between
  // them does not part them.
  const std::vector<TextLine> table = {
      box(807, 810, 652, 92, "Magnesium 300"), box(803, 913, 354, 46, "Voedingssupplement"),
      box(806, 980, 900, 50, "Magnesium (magnesiumcitraat) 1000 mg 2000 mg"), box(806, 1032, 900, 12, "——"),
      box(806, 1050, 900, 50, "waarvan magnesium 150 mg 300 mg 80 %")};
  CHECK(NutrientTableFound(table, TestModels()));
  // Two nutrients in running text are read again as before: a multivitamin's table may be read
  // with a garbled row between every two.
  std::vector<TextLine> two = running;
  two[5].text = "Par comprimé: Zinc (gluconate de zinc) 10 mg";
  CHECK(NutrientTableFound(two, TestModels()));
}

TEST_CASE("the block reading keeps no line of the label above the table", "[scan][nutrients]") {
  // multivitamin-phone-0071 of tuning seed 54739: the block's crop took in "Voedingssupplement"
  // over the header "Per dagdosis (2 capsules)"; walking up from the block's rows the header search
  // met it first and stopped, and every amount of the day column was read per capsule (zinc's
  // 20 mg a day doubled to a false "above").
  const std::vector<TextLine> block = {At(707, "Voedingssupplement"), At(748, "Per dagdosis (2 capsules) % RI"),
                                       At(779, "Vitamine A 800 µg 100 %"), At(1291, "Zink 20 mg 200 %"),
                                       At(1330, "Boor 0,5 mg *")};
  const std::vector<TextLine> rows = RowsOfTableReading(block, TestModels());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].text == "Vitamine A 800 µg 100 %");
  CHECK(rows[2].text == "Boor 0,5 mg *");

  // Read after the first pass, whose header stands above the rows, the day column is the day's.
  const std::vector<TextLine> firstPass = {At(600, "Multi A-Z"), At(707, "Voedingssupplement"),
                                           At(748, "Per dagdosis (2 capsules) % RI"), At(761, "Vitamine A 1100 %"),
                                           At(1645, "* Geen referentie-inname vastgesteld."),
                                           At(1700, "2x per dag een capsule.")};
  NutrientTableReading table;
  table.rows = rows;
  const Models& m = TestModels();
  const auto facts = ExtractNutrients(WithTableReading(firstPass, table), m.nutrientNames, m.nutrients, m.vocabulary,
                                      m.rules.Limits());
  const auto* zinc = Get(facts, "zinc");
  REQUIRE(zinc);
  REQUIRE(zinc->perDay);
  CHECK(*zinc->perDay == Approx(20));
  CHECK(*zinc->perUnit == Approx(10));
}

TEST_CASE("the dark ink of an inverted label's table is kept, its grey noise made paper", "[scan][nutrients]") {
  // multivitamin-phone-0035 of tuning seed 26813, light print on dark red: inverted, its print
  // reads 96, its paper 250, and its sensor noise and pale rules grey between (here 170 to 210).
  cv::Mat gray(100, 200, CV_8UC1, cv::Scalar(250));
  cv::RNG rng(7);
  for (int y = 0; y < gray.rows; ++y)
    for (int x = 0; x < gray.cols; ++x)
      if (rng.uniform(0, 4) == 0) gray.at<uchar>(y, x) = static_cast<uchar>(rng.uniform(170, 211));
  gray(cv::Rect(20, 30, 60, 20)).setTo(96);   // a word
  gray(cv::Rect(0, 70, 200, 2)).setTo(180);   // a pale rule
  const cv::Mat dark = DarkInkOnly(gray);
  REQUIRE(dark.size() == gray.size());
  CHECK(cv::countNonZero(dark(cv::Rect(20, 30, 60, 20))) == 0);  // the word stays ink
  CHECK(cv::countNonZero(dark) == dark.rows * dark.cols - 60 * 20);  // all else is paper
  // Print and paper too close to part: nothing to keep.
  CHECK(DarkInkOnly(cv::Mat(50, 50, CV_8UC1, cv::Scalar(200))).empty());
}
