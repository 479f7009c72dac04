#include "suppcheck/scan/nutrient_table_reread.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <utility>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "suppcheck/conclude.h"
#include "suppcheck/extract/basis_phrases.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/nutrient_rows.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/image/region_render.h"
#include "suppcheck/scan/letter_one_shape.h"
#include "suppcheck/scan/nutrient_header_reread.h"
#include "suppcheck/scan/table_tilt.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// Lines naming a nutrient next to a digit that make a table worth reading again as a block.
constexpr int kMinTableRows = 3;
// Two such lines are a table's neighbouring rows when no line of at least this many letters stands
// between them (a rule read as "——" does not part them) and they are at most this many line
// heights apart.
constexpr int kWordyLineLetters = 3;
constexpr double kNeighbourGapLines = 1.5;
// A line of those this many tenths of their median height or taller is a product name in large
// print, not a row: the header is looked for above the rows without it.
constexpr int kTitleHeightTenths = 15;
// How far right of the rows' amounts that second band runs, in row heights: a header wider than its
// column ("Par dose journalière (2 gélules)" over "56 µg", single-phone-0014 of tuning seed 28461)
// was cut at its first word.
constexpr int kHeaderWiderRows = 8;
// How far a row read apart may stand from the table's rows read whole and still continue them, in
// the table's pitches (row to row): one row between them read neither whole nor apart.
constexpr double kSplitRowReachPitches = 2;
// A word that starts within this many line heights of an amount's digits is its unit printed
// apart ("25 mcg"); a word further right belongs to another column.
constexpr int kUnitGapLines = 1;

// A table whose rows slope by this many degrees or more somewhere is levelled before it is read
// again (scan/table_tilt.h): multivitamin-phone-0037 of tuning seed 67403, 2.5 degrees at its top,
// lost thirteen rows between the rules crossing its lines. Below it Tesseract follows the slope
// itself, and the US bottle photo of ../shared/data/real (1.25 degrees on its curve, a panel of two
// columns) lost four rows levelled.
constexpr double kLevelFromDegrees = 1.5;
// The rows read whole may be the few where the slope is least (multivitamin-phone-0093 of tuning
// seed 54739: 1.25 degrees over its last rows, 6 over the whole table): from this slope on, the
// table's rows of names or amounts alone are added and the slope measured again.
constexpr double kGrowFromDegrees = 0.75;
// How far from a tilted table's region a line may stand and still be taken for one of its rows,
// in line heights: where the slope split each row in two, the first pass read the names and the
// amounts apart ("Thiamin", "80 mg"), or read neither ("s8v0 | i"), and the rows with both were
// only the middle of the table (multivitamin-phone-0067 of tuning seed 54739: its first seven and
// last six rows left out; multivitamin-phone-0047 of seed 67403: its first eleven).
constexpr double kTiltedRowReachLines = 4;
// A line taller than this many line heights is not a row of the table (a title in large print),
// though a sloping row read whole is two or three lines tall.
constexpr double kTiltedRowMaxLines = 3;

// Lines that name a nutrient.
int NutrientNameLines(const std::vector<TextLine>& lines, const Models& models) {
  int n = 0;
  for (const auto& line : lines) n += !models.nutrientNames.Find(FoldForMatching(line.text).text).empty();
  return n;
}

// The lines whose middle lies in `region`.
std::vector<TextLine> LinesIn(const std::vector<TextLine>& lines, const Box& region) {
  std::vector<TextLine> in;
  for (const auto& line : lines)
    if (!line.box.empty() && line.box.centerY() >= region.y && line.box.centerY() < region.bottom() &&
        line.box.x < region.right() && line.box.right() > region.x)
      in.push_back(line);
  return in;
}

// The nutrients `lines` give an amount.
int NutrientsWithAmount(const std::vector<TextLine>& lines, const Models& models) {
  const auto facts = ExtractNutrients(lines, models.nutrientNames, models.nutrients, models.vocabulary,
                                      models.rules.Limits());
  return static_cast<int>(std::count_if(facts.begin(), facts.end(), [](const NutrientFacts& n) { return n.perUnit || n.perDay; }));
}

// Lines that name a nutrient next to a digit: a table's rows.
int NutrientRowCount(const std::vector<TextLine>& lines, const Models& models) {
  int rows = 0;
  for (const auto& line : lines) {
    const FoldedText ft = FoldForMatching(line.text);
    if (std::any_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) && !models.nutrientNames.Find(ft.text).empty()) ++rows;
  }
  return rows;
}

// A tilted table's region grown to the lines above and below it that name a nutrient or hold a
// digit, each within kTiltedRowReachLines of the region and across from it.
Box GrowToTiltedRows(Box region, int lineH, const std::vector<TextLine>& lines, const Models& models) {
  const int reach = static_cast<int>(kTiltedRowReachLines * lineH);
  for (bool grown = true; grown;) {
    grown = false;
    for (const auto& line : lines) {
      if (line.box.empty() || line.box.h > kTiltedRowMaxLines * lineH) continue;
      if (line.box.right() <= region.x || line.box.x >= region.right()) continue;
      const bool above = line.box.bottom() <= region.y && region.y - line.box.bottom() <= reach;
      const bool below = line.box.y >= region.bottom() && line.box.y - region.bottom() <= reach;
      if (!above && !below) continue;
      const FoldedText ft = FoldForMatching(line.text);
      if (models.nutrientNames.Find(ft.text).empty() && std::none_of(ft.text.begin(), ft.text.end(), IsAsciiDigit))
        continue;
      region = region.United(line.box);
      grown = true;
    }
  }
  return region;
}

// A table's vertical rules, found where erasing the rules made paper of ink: an x whose column
// lost ink over this share of the crop's height at the least (the rows' span; the crop adds half a
// row above and a row below, and a phone photo's rule breaks where the paper bends or shines).
constexpr double kRuleShareOfHeight = 0.5;
// What erasing must change for a pixel to count as a rule's: a pale rule of a phone photo is some
// 40 grey levels below its paper.
constexpr int kRuleErasedContrast = 32;
// A column narrower than this many line heights is the gap between two rules drawn close (a
// double rule), not a cell.
constexpr double kMinColumnLineHeights = 1.5;

// The x ranges of the table's columns between its vertical rules (crop pixels; the rule and a few
// pixels beside it left out, where a rule tilted by the photo still runs): two columns at the
// least, else none.
std::vector<std::pair<int, int>> ColumnsBetweenRules(const cv::Mat& crop, const cv::Mat& erased, int lineH) {
  if (crop.size() != erased.size() || crop.type() != erased.type() || crop.rows == 0) return {};
  cv::Mat diff;
  cv::absdiff(crop, erased, diff);
  cv::Mat ruled = diff > kRuleErasedContrast;
  cv::Mat perColumn;
  cv::reduce(ruled / 255, perColumn, 0, cv::REDUCE_SUM, CV_32S);
  const int least = static_cast<int>(kRuleShareOfHeight * crop.rows);
  std::vector<std::pair<int, int>> rules;  // [first, last] x of each rule
  for (int x = 0; x < crop.cols; ++x) {
    if (perColumn.at<int>(0, x) < least) continue;
    if (!rules.empty() && x <= rules.back().second + 2)
      rules.back().second = x;
    else
      rules.push_back({x, x});
  }
  const int margin = 3;
  const int minWidth = static_cast<int>(kMinColumnLineHeights * lineH);
  std::vector<std::pair<int, int>> columns;
  int left = 0;
  for (size_t k = 0; k <= rules.size(); ++k) {
    const int right = k < rules.size() ? rules[k].first - margin : crop.cols;
    if (right - left >= minWidth) columns.push_back({left, right});
    if (k < rules.size()) left = rules[k].second + margin + 1;
  }
  if (rules.empty() || columns.size() < 2) return {};
  return columns;
}

// A block reading whose words OCR gives a mean confidence below this is read once more from the
// dark ink alone (DarkInkOnly): the rows of a table read well come at 80 to 95, the grey texture
// of an inverted label's noise read among them at 15 to 60 ("lVtaminE SS (t8mg (150%",
// multivitamin-phone-0035 of tuning seed 26813, mean 35).
constexpr float kDarkInkBelowConfidence = 60;
// Where between the ink (the crop's darkest percent) and the paper (its median) the dark ink ends:
// a light-on-dark label inverted turns its sensor noise and pale rules into grey between the two,
// which Tesseract's own threshold takes for print. On the two tuning tables (ink 88 and 96, paper
// 250 and 252) Tesseract read the rows whole from 130 to 150 and lost them again from 160 on.
constexpr double kDarkInkShare = 0.35;
// Ink and paper closer than this (grey levels) are no print on paper to separate.
constexpr int kDarkInkMinContrast = 64;

// Mean OCR confidence of the words of `lines`; 100 without words.
float MeanWordConfidence(const std::vector<TextLine>& lines) {
  double sum = 0;
  size_t n = 0;
  for (const auto& line : lines)
    for (const auto& w : line.words) sum += w.confidence, ++n;
  return n ? static_cast<float>(sum / static_cast<double>(n)) : 100.0F;
}

}  // namespace

cv::Mat DarkInkOnly(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return {};
  int histogram[256] = {};
  for (int y = 0; y < gray.rows; ++y) {
    const uchar* row = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x) ++histogram[row[x]];
  }
  const long total = static_cast<long>(gray.total());
  const auto level = [&](double share) {
    long seen = 0;
    for (int v = 0; v < 256; ++v)
      if ((seen += histogram[v]) > static_cast<long>(share * static_cast<double>(total))) return v;
    return 255;
  };
  const int ink = level(0.01), paper = level(0.5);
  if (paper - ink < kDarkInkMinContrast) return {};
  cv::Mat dark;
  cv::threshold(gray, dark, ink + kDarkInkShare * (paper - ink), 255, cv::THRESH_BINARY);
  return dark;
}

std::vector<std::pair<Box, int>> SplitTableRows(const std::vector<TextLine>& lines, const Models& models) {
  std::vector<const TextLine*> names, amounts;
  for (const auto& line : lines) {
    if (line.box.empty()) continue;
    const FoldedText ft = FoldForMatching(line.text);
    const bool named = !models.nutrientNames.Find(ft.text).empty();
    // A name's own digits ("Vitamine B6") are no amount.
    const bool amount = !FindQuantities(ft.text).empty() || !FindPercents(ft.text).empty();
    if (named && !amount) names.push_back(&line);
    if (!named && amount) amounts.push_back(&line);
  }
  std::vector<std::pair<Box, int>> rows;
  for (const TextLine* name : names) {
    const TextLine* best = nullptr;
    int bestD = 0;
    for (const TextLine* amount : amounts) {
      // Right of the name's middle, its middle within half the taller line's height of the name's.
      if (amount->box.x < name->box.x + name->box.w / 2) continue;
      const int d = std::abs(amount->box.centerY() - name->box.centerY());
      if (2 * d > std::max(name->box.h, amount->box.h)) continue;
      if (!best || d < bestD) best = amount, bestD = d;
    }
    if (best) rows.push_back({name->box.United(best->box), std::min(name->box.h, best->box.h)});
  }
  return rows;
}

namespace {

// Lines of amounts alone, no nutrient named: rows whose names the first pass lost. On a dim photo
// in a serif font it read the table's last six rows as "55 ng", "20 ng", "200 mg 10%", "1mg",
// "5 mg", "100 mg", names not at all; the table's region ended at the last row read with its name
// and those six nutrients were missed (multivitamin-phone-0021 of tuning seed 65203).
// A short line of digits is one of at most this many words and letters (a misread unit: "55 ng").
constexpr size_t kAmountOnlyMaxWords = 3;
constexpr long kAmountOnlyMaxLetters = 5;
// How many such rows must continue a table before they count.
constexpr size_t kMinAmountOnlyRun = 2;
std::vector<std::pair<Box, int>> AmountOnlyRows(const std::vector<TextLine>& lines, const Models& models) {
  std::vector<std::pair<Box, int>> rows;
  for (const auto& line : lines) {
    if (line.box.empty()) continue;
    const FoldedText ft = FoldForMatching(line.text);
    if (!models.nutrientNames.Find(ft.text).empty()) continue;
    // Amounts and percentages, and short lines of digits and a few letters: a unit misread ("55 ng").
    const long letters = std::count_if(ft.text.begin(), ft.text.end(), IsAsciiAlpha);
    const bool shortWithDigits = std::any_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) &&
                                 line.words.size() <= kAmountOnlyMaxWords && letters <= kAmountOnlyMaxLetters;
    if (shortWithDigits || !FindQuantities(ft.text).empty() || !FindPercents(ft.text).empty())
      rows.push_back({line.box, line.box.h});
  }
  return rows;
}

// The rows read apart (SplitTableRows) that continue the table's whole rows above or below them,
// each within kSplitRowReachPitches of the rows taken so far and across from them, added to
// `parts`. A phone photo's slope split the first rows of a table: "Vitamin A" and "[2670 Iu",
// "[vit D" and "0.75 pg 15%", "Vitamin E" and "3.6 mg 30%" read as lines of their own, "Vitamin
// Kl |75 wg 100%" with no name found, over the rows read whole from vitamin C on. The pale header
// "Per daily dose (3 capsules)" was then looked for above vitamin C, among the rows, and not
// found: twenty amounts a day taken for one capsule's, copper and selenium reported above their
// limits (multivitamin-phone-0035 of tuning seed 57163). The block reading lost those rows too.
void AddSplitRowsBeside(std::vector<std::pair<Box, int>>& parts, const std::vector<std::pair<Box, int>>& split) {
  // The table's pitch: the median distance between the middles of its rows read whole.
  std::vector<int> middles;
  for (const auto& [part, h] : parts) middles.push_back(part.centerY());
  std::sort(middles.begin(), middles.end());
  std::vector<int> steps;
  for (size_t k = 1; k < middles.size(); ++k) steps.push_back(middles[k] - middles[k - 1]);
  if (steps.empty()) return;
  std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
  const double reach = kSplitRowReachPitches * steps[steps.size() / 2];
  Box region;
  for (const auto& [part, h] : parts) region = region.United(part);
  std::vector<bool> taken(split.size(), false);
  for (bool grown = true; grown;) {
    grown = false;
    for (size_t k = 0; k < split.size(); ++k) {
      const Box& row = split[k].first;
      if (taken[k] || row.right() <= region.x || row.x >= region.right()) continue;
      const int gap = row.bottom() <= region.y ? region.y - row.bottom() : row.y >= region.bottom() ? row.y - region.bottom() : -1;
      if (gap < 0 || gap > reach) continue;
      parts.push_back(split[k]);
      region = region.United(row);
      taken[k] = grown = true;
    }
  }
}

// Whether some two of `rowLines` stand one under the other as a table's rows do: no other line
// of words between them, and no more than kNeighbourGapLines line heights apart.
bool SomeRowsNeighbour(std::vector<const TextLine*> rowLines, const std::vector<TextLine>& lines) {
  std::sort(rowLines.begin(), rowLines.end(), [](const TextLine* a, const TextLine* b) { return a->box.y < b->box.y; });
  const auto wordy = [](const TextLine& l) {
    return std::count_if(l.text.begin(), l.text.end(), IsAsciiAlpha) >= kWordyLineLetters;
  };
  for (size_t k = 1; k < rowLines.size(); ++k) {
    const Box& above = rowLines[k - 1]->box;
    const Box& below = rowLines[k]->box;
    if (below.y - above.bottom() > kNeighbourGapLines * std::max(above.h, below.h)) continue;
    const int left = std::min(above.x, below.x), right = std::max(above.right(), below.right());
    const bool between = std::any_of(lines.begin(), lines.end(), [&](const TextLine& l) {
      return &l != rowLines[k - 1] && &l != rowLines[k] && !l.box.empty() && l.box.centerY() > above.bottom() &&
             l.box.centerY() < below.y && l.box.x < right && l.box.right() > left && wordy(l);
    });
    if (!between) return true;
  }
  return false;
}

// Each row's part of the table's region (its names, percentages and amounts) and its height: the
// first pass's lines that name a nutrient next to a digit, or the rows it read apart. Empty when
// there are fewer than kMinTableRows, or when the lines name one nutrient only and none of them
// stands right under another: a product name and dose lines in running text ("Magnesium 270" over
// "Per tablet: Magnesium (magnesiumgluconaat) 90 mg" and its French twin, 13579 phone-0017 of the
// label benchmark), which took the table's reading, its header's four-language re-reads and its
// enlargements, two seconds for nothing.
std::vector<std::pair<Box, int>> NutrientTableRowParts(const std::vector<TextLine>& lines, const Models& models) {
  std::vector<std::pair<Box, int>> parts;
  std::vector<const TextLine*> rowLines;
  std::vector<std::string> named;
  for (const auto& line : lines) {
    if (line.box.empty()) continue;
    const FoldedText ft = FoldForMatching(line.text);
    const auto names = models.nutrientNames.Find(ft.text);
    if (std::none_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) || names.empty()) continue;
    for (const auto& m : names)
      if (std::find(named.begin(), named.end(), m.nutrientId) == named.end()) named.push_back(m.nutrientId);
    rowLines.push_back(&line);
    Box part;
    // The names and the percentages, not the whole line: OCR adds noise at a line's ends.
    std::vector<std::pair<size_t, size_t>> spans;
    for (const auto& m : names) spans.push_back({m.begin, m.end});
    for (const auto& p : FindPercents(ft.text)) spans.push_back({p.begin, p.end});
    for (const auto& [b, e] : spans) {
      const auto [ob, oe] = ft.OriginalRange(b, e);
      const Box box = line.BoxOf(ob, oe);
      if (!box.empty()) part = part.empty() ? box : part.United(box);
    }
    // And the amounts: a table without a % column ("Pro Kapsel" only) has its amounts right of
    // every name, and a region of names alone cut them off (clean-0005 of seed 61250).
    // With the word right after a word ending in a digit, its unit when printed apart ("25 mcg"):
    // the rightmost amounts' units were cut off at the crop's edge, and "Vitamin H 25 mc",
    // "Selenium 28 mc" gave no amount (multivitamin-phone-0037 of tuning seed 26813, whose first
    // pass read the names and the amounts as lines of their own). Not after OCR's noise at a
    // line's end ("3h wi" on the US bottle photo of ../shared/data/real): the crop widened by it
    // read the panel's last row worse.
    for (size_t k = 0; k < line.words.size(); ++k) {
      const LineWord& w = line.words[k];
      if (w.box.empty() || std::none_of(line.text.begin() + static_cast<long>(w.begin),
                                        line.text.begin() + static_cast<long>(w.end), IsAsciiDigit))
        continue;
      part = part.empty() ? w.box : part.United(w.box);
      if (w.end > w.begin && IsAsciiDigit(line.text[w.end - 1]) && k + 1 < line.words.size() &&
          !line.words[k + 1].box.empty() && line.words[k + 1].box.x - w.box.right() <= line.box.h * kUnitGapLines)
        part = part.United(line.words[k + 1].box);
    }
    if (!part.empty()) parts.push_back({part, line.box.h});
  }
  // Too few rows read whole: a table whose rows the first pass read apart, names and amounts as
  // lines of their own (SplitTableRows).
  const auto split = SplitTableRows(lines, models);
  if (static_cast<int>(parts.size()) < kMinTableRows) {
    if (static_cast<int>(parts.size() + split.size()) >= kMinTableRows) parts.insert(parts.end(), split.begin(), split.end());
  } else if (named.size() == 1 && split.empty() && !SomeRowsNeighbour(rowLines, lines)) {
    return {};
  } else {
    AddSplitRowsBeside(parts, split);
  }
  if (static_cast<int>(parts.size()) < kMinTableRows) return {};
  // Rows read without their names continue the table too, once it is one: a run of them, not one
  // line of amounts below it (the US bottle photo of ../shared/data/real: "tan 18 mg", a row of
  // its left column, grew the crop by a row, and the block reading lost five others).
  std::vector<std::pair<Box, int>> grown = parts;
  AddSplitRowsBeside(grown, AmountOnlyRows(lines, models));
  if (grown.size() >= parts.size() + kMinAmountOnlyRun) parts = std::move(grown);
  return parts;
}

// The words of `rows` whose middle lies between x0 and x1 (working pixels), each row cut to them.
std::vector<TextLine> CutToColumn(const std::vector<TextLine>& rows, int x0, int x1) {
  std::vector<TextLine> cut;
  for (const TextLine& row : rows) {
    TextLine part;
    for (const LineWord& w : row.words) {
      if (w.box.empty() || w.box.centerX() < x0 || w.box.centerX() >= x1) continue;
      if (!part.text.empty()) part.text += ' ';
      LineWord moved = w;
      moved.begin = part.text.size();
      part.text += row.text.substr(w.begin, w.end - w.begin);
      moved.end = part.text.size();
      part.words.push_back(moved);
      part.box = part.box.United(w.box);
    }
    if (!part.words.empty()) cut.push_back(std::move(part));
  }
  return cut;
}

// Whether the columns between a table's rules are tables printed side by side, every one with its
// own names (the two halves of a US "Supplement Facts" panel), and the block reading gave every
// name it read there an amount. Then the column read would only read each table again: no rule
// stands left of an amount to be read as a "1", and on the US panel of ../shared/data/real it took
// a third of the table pass's time for no row. `toWorking` takes a column's x range (crop pixels)
// to working pixels.
template <typename ToWorking>
bool TablesSideBySideRead(const std::vector<TextLine>& rows, const std::vector<std::pair<int, int>>& columns,
                          ToWorking toWorking, const Models& models) {
  if (columns.empty()) return false;
  int names = 0;
  for (const auto& [x0, x1] : columns) {
    const auto [left, right] = toWorking(x0, x1);
    const int n = NutrientNameLines(CutToColumn(rows, left, right), models);
    if (n < kMinTableRows) return false;
    names += n;
  }
  return NutrientsWithAmount(rows, models) >= names;
}

}  // namespace

bool NutrientTableFound(const std::vector<TextLine>& lines, const Models& models) {
  return !NutrientTableRowParts(lines, models).empty();
}

NutrientTableReading ReReadNutrientTable(const ScanContext& ctx, const PreparedImage& prep,
                                         const std::vector<TextLine>& lines) {
  const std::vector<std::pair<Box, int>> parts = NutrientTableRowParts(lines, ctx.models);
  const int rows = static_cast<int>(parts.size());
  if (rows < kMinTableRows) return {};
  Box region, rowsRegion;
  int lineH = 0, rowH = 0;
  std::vector<int> heights;
  for (const auto& [part, h] : parts) heights.push_back(h);
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  const int medianH = heights[heights.size() / 2];
  for (const auto& [part, h] : parts) {
    region = region.empty() ? part : region.United(part);
    lineH = std::max(lineH, h);
    // The header stands above the table's rows, not above a product name in large print that names
    // a nutrient and an amount ("Zinc 2,5 mg" over the table of single-phone-0014 of tuning seed
    // 28461: the band above the name was blank, the header "Par dose journalière (2 gélules)" lost).
    if (h * 10 > medianH * kTitleHeightTenths) continue;
    rowsRegion = rowsRegion.empty() ? part : rowsRegion.United(part);
    rowH = std::max(rowH, h);
  }
  NutrientTableReading out;
  // The header is looked for above the rows when the first pass did not read it there. First
  // above a product name in large print that stands over the rows, then above the rows alone,
  // wider to the right (on a curved bottle the rows' heights vary and the first band found the
  // header the second missed: multivitamin-hard-0035 of seed 58342). But where such a name does
  // stand over the rows, above the rows first: the band above the name is the top of the label,
  // and reading it (with the four languages, then enlarged) took longer than the table itself
  // (seed 60511 hard-0028, "Magnesium 750" over the table: most of the pass's time).
  if (!NutrientTableHeaderRead(ctx, prep, lines, rowsRegion, rowH, kHeaderWiderRows)) {
    const auto aboveAll = [&] { return ReReadNutrientTableHeader(ctx, prep, lines, region, lineH); };
    const auto aboveRows = [&] { return ReReadNutrientTableHeader(ctx, prep, lines, rowsRegion, rowH, kHeaderWiderRows); };
    const bool nameOverRows = rowsRegion.y > region.y;
    out.header = nameOverRows ? aboveRows() : aboveAll();
    if (out.header.empty()) out.header = nameOverRows ? aboveAll() : aboveRows();
  }
  // Table print is often the label's smallest: read it at the re-reads' detail.
  const double f = prep.detailFactor;
  const int renderedLineH = static_cast<int>(lineH * f);
  Box padded = PadBox(region, lineH / 2, lineH, prep.gray.size());
  if (padded.empty()) return out;
  const cv::Mat plain = RenderRegion(prep, padded, f);
  LevelledCrop level = LevelRows(plain, renderedLineH, kGrowFromDegrees);
  // A sloping table: the rows of names or amounts alone around it too, measured again (the rows
  // read whole may be a few where the slope is least), and levelled when they slope enough.
  if (level.Levelled()) {
    const Box grown = PadBox(GrowToTiltedRows(region, lineH, lines, ctx.models), lineH / 2, lineH, prep.gray.size());
    LevelledCrop again = grown.h > padded.h && !grown.empty()
                             ? LevelRows(RenderRegion(prep, grown, f), renderedLineH, kLevelFromDegrees)
                             : LevelledCrop{};
    if (again.Levelled()) {
      padded = grown;
      level = std::move(again);
    } else {
      level = LevelRows(plain, renderedLineH, kLevelFromDegrees);
    }
  }
  region = padded;
  const cv::Mat& crop = level.image;
  ctx.Debug("7-nutrient-table", crop);
  const auto read = [&](const cv::Mat& image) {
    std::vector<OcrWord> words = ctx.firstPass.Recognize(image, PageMode::SingleBlock);
    for (auto& w : words) w.box = FromRendered(level.ToCrop(w.box), region, f);
    return RowsOfTableReading(BuildLines(words), ctx.models);
  };
  // A boxed table's grid can make Tesseract's block segmentation lose the rows: the ten rows of
  // multivitamin-clean-0007 of tuning seed 52907 came back as "Beacrotne mg" alone. When the
  // block read fewer than half the rows the first pass did, it is read again with the table's
  // rules erased, and that reading kept when it has more rows. Not always: on the US panel of
  // ../shared/data/real, ruled between its rows, erasing cut digits touching the rules ("150 mcg"
  // of iodine read "15 mcg" on the bottle photo).
  // A levelled table is read with its rules erased first: levelling the rows slants its vertical
  // rules, read as "\" beside every amount ("\56 we" for "56 µg", multivitamin-phone-0093 of
  // tuning seed 54739), and it is measured against its lines that name a nutrient (the first
  // pass read few of its rows whole).
  const cv::Mat erased = EraseTableRules(crop, renderedLineH);
  const int expected = level.Levelled() ? std::max(rows, NutrientNameLines(LinesIn(lines, region), ctx.models)) : rows;
  const cv::Mat& first = level.Levelled() ? erased : crop;
  const cv::Mat& second = level.Levelled() ? crop : erased;
  out.rows = read(first);
  if (2 * NutrientRowCount(out.rows, ctx.models) < expected) {
    ctx.Debug("7-nutrient-table-erased", erased);
    std::vector<TextLine> again = read(second);
    if (NutrientRowCount(again, ctx.models) > NutrientRowCount(out.rows, ctx.models)) out.rows = std::move(again);
  }
  // A reading OCR is unsure of, read again from the dark ink alone (DarkInkOnly), kept where it
  // gives more nutrients an amount: the noise of an inverted light-on-dark label, grey between its
  // print and its paper, garbled most rows ("Vitamink «75. meg | 100%"), read level as "Vitamin K
  // 75 mcg 100%" (multivitamin-phone-0035 of tuning seed 26813, -0021 of seed 47291). Only
  // where that reading left some of the rows without an amount: the block reading of the US
  // bottle photo of ../shared/data/real, unsure (51) but giving 21 nutrients an amount for its 16
  // rows, was read again for 10 (a quarter of a second); where the dark ink won on the tuning
  // multivitamin sets, the block had given 1 to 19 amounts for 3 to 23 rows.
  if (MeanWordConfidence(out.rows) < kDarkInkBelowConfidence && NutrientsWithAmount(out.rows, ctx.models) < expected) {
    if (const cv::Mat dark = DarkInkOnly(first); !dark.empty()) {
      ctx.Debug("7-nutrient-table-dark", dark);
      std::vector<TextLine> again = read(dark);
      if (NutrientsWithAmount(again, ctx.models) > NutrientsWithAmount(out.rows, ctx.models)) out.rows = std::move(again);
    }
  }
  // A boxed table read once more column by column, its rules erased and left out of every column:
  // in the page and block readings a vertical rule just left of an amount becomes a digit ("| 50
  // µg" read "150 µg", "|20 mg" "120 mg": multivitamin-phone-0007 of tuning seed 28461), which no
  // % RI catches where the row prints none. A column alone, rule-free, reads its cells as they
  // are printed; the rows are put together again from the cells side by side. Not where the
  // columns are whole tables side by side that the block read already gave their amounts.
  std::vector<std::vector<TextLine>> columns;
  const std::vector<std::pair<int, int>> ruled = ColumnsBetweenRules(crop, erased, renderedLineH);
  const auto toWorking = [&](int x0, int x1) {
    const Box b = FromRendered(level.ToCrop(Box{x0, 0, x1 - x0, crop.rows}), region, f);
    return std::pair{b.x, b.right()};
  };
  if (!TablesSideBySideRead(out.rows, ruled, toWorking, ctx.models)) {
    for (const auto& [x0, x1] : ruled) {
      std::vector<OcrWord> words = ctx.firstPass.Recognize(erased(cv::Rect(x0, 0, x1 - x0, erased.rows)), PageMode::SingleBlock);
      for (auto& w : words) w.box.x += x0;
      columns.push_back(BuildLines(words));
    }
  }
  // The cells are paired into rows where the rows are level, then taken back to working pixels.
  out.byColumns = RowsFromColumns(columns, ctx.models);
  for (auto& row : out.byColumns) {
    row.box = {};
    for (auto& w : row.words) {
      w.box = FromRendered(level.ToCrop(w.box), region, f);
      row.box = row.box.United(w.box);
    }
  }
  out.byColumns = RowsOfTableReading(std::move(out.byColumns), ctx.models);
  RestoreOnesReadAsLetters(prep, ctx.models, out.rows);
  RestoreOnesReadAsLetters(prep, ctx.models, out.byColumns);
  // Rows sloping by half a line or more across the table: the first pass's lines of it are
  // replaced by the level reading (NutrientTableReading::replaced).
  double steepest = 0;
  for (const double t : level.slopes) steepest = std::max(steepest, std::abs(t));
  if (2 * steepest * region.w >= lineH) {
    std::vector<size_t> named;
    for (size_t i = 0; i < lines.size(); ++i) {
      const TextLine& line = lines[i];
      if (line.box.empty() || line.box.centerY() < region.y || line.box.centerY() >= region.bottom() ||
          line.box.x >= region.right() || line.box.right() <= region.x)
        continue;
      // The names and the amounts, read apart ("Vitamin B12 (cyanocob alamin)", "12 mg" between
      // two rows): an amount left alone is joined to the level reading's name beside it.
      const FoldedText ft = FoldForMatching(line.text);
      const bool names = !ctx.models.nutrientNames.Find(ft.text).empty();
      if (!names && FindQuantities(ft.text).empty()) continue;
      named.push_back(i);
    }
    // Only a reading that gives more nutrients an amount than those lines do: a bottle's curve
    // slopes its rows too, and there the level reading of a two-column panel was the worse (the
    // US bottle photo of ../shared/data/real).
    std::vector<TextLine> firstPassLines;
    for (const size_t i : named) firstPassLines.push_back(lines[i]);
    if (NutrientsWithAmount(out.rows, ctx.models) > NutrientsWithAmount(firstPassLines, ctx.models))
      out.replaced = std::move(named);
  }
  return out;
}

std::vector<TextLine> RowsFromColumns(const std::vector<std::vector<TextLine>>& columns, const Models& models) {
  size_t names = columns.size();
  int most = 0;
  for (size_t c = 0; c < columns.size(); ++c)
    if (const int n = NutrientNameLines(columns[c], models); n > most) most = n, names = c;
  if (names == columns.size()) return {};
  const std::vector<TextLine>& left = columns[names];
  std::vector<int> middles;
  for (const auto& line : left) middles.push_back(line.box.centerY());
  std::vector<int> steps;
  for (size_t k = 1; k < middles.size(); ++k) steps.push_back(middles[k] - middles[k - 1]);
  if (steps.empty()) return {};
  std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 2), steps.end());
  const int pitch = steps[steps.size() / 2];
  std::vector<TextLine> rows;
  for (const TextLine& name : left) {
    TextLine row = name;
    for (size_t c = names + 1; c < columns.size(); ++c) {
      const TextLine* best = nullptr;
      for (const TextLine& cell : columns[c]) {
        const int d = std::abs(cell.box.centerY() - name.box.centerY());
        if (2 * d <= pitch && (!best || d < std::abs(best->box.centerY() - name.box.centerY()))) best = &cell;
      }
      if (!best) continue;
      const size_t shift = row.text.size() + 1;
      row.text += ' ';
      row.text += best->text;
      for (LineWord w : best->words) {
        w.begin += shift;
        w.end += shift;
        row.words.push_back(w);
      }
      row.box = row.box.United(best->box);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TextLine> RowsOfTableReading(std::vector<TextLine> block, const Models& models) {
  const double maxUnits = models.rules.Limits().maxUnitsPerDay;
  std::erase_if(block, [&](const TextLine& line) {
    const FoldedText ft = FoldForMatching(line.text);
    return !FindBasisPhrases(ft.text, models.vocabulary, maxUnits).empty() && models.nutrientNames.Find(ft.text).empty();
  });
  // Nor a line of the label above the table that the block's crop took in (its padding of half a
  // row): it stands above the header on the photo, and the header search, walking up from a row
  // of the block through the lines above it on the photo, met it before the header and went no
  // further ("Voedingssupplement" over "Per dagdosis (2 capsules)": every amount of the table read
  // per capsule, zinc's 20 mg a day doubled to a false "above", multivitamin-phone-0071 of tuning
  // seed 54739).
  int firstRow = std::numeric_limits<int>::max();
  for (const TextLine& line : block)
    if (!line.box.empty() && !models.nutrientNames.Find(FoldForMatching(line.text).text).empty())
      firstRow = std::min(firstRow, line.box.centerY());
  std::erase_if(block, [&](const TextLine& line) {
    return !line.box.empty() && line.box.bottom() <= firstRow &&
           models.nutrientNames.Find(FoldForMatching(line.text).text).empty();
  });
  return block;
}

std::vector<TextLine> NutrientTableReading::All() const {
  std::vector<TextLine> all = header;
  all.insert(all.end(), rows.begin(), rows.end());
  all.insert(all.end(), byColumns.begin(), byColumns.end());
  return all;
}

std::vector<TextLine> WithTableReading(const std::vector<TextLine>& lines, const NutrientTableReading& table) {
  std::vector<TextLine> all;
  for (size_t i = 0; i < lines.size(); ++i)
    if (std::find(table.replaced.begin(), table.replaced.end(), i) == table.replaced.end()) all.push_back(lines[i]);
  for (const TextLine& h : table.header) {
    auto below = std::find_if(all.begin(), all.end(), [&](const TextLine& l) {
      return !l.box.empty() && l.box.centerY() > h.box.centerY();
    });
    all.insert(below, h);
  }
  all.insert(all.end(), table.rows.begin(), table.rows.end());
  all.insert(all.end(), table.byColumns.begin(), table.byColumns.end());
  return all;
}

bool ConcludeWithTableHeader(ScanResult& r, const std::vector<TextLine>& lines, const NutrientTableReading& table,
                             const Models& models, const std::string& profile, Registry* registry) {
  if (table.header.empty()) return false;
  NutrientTableReading headerOnly;
  headerOnly.header = table.header;
  const std::vector<TextLine> withHeader = WithTableReading(lines, headerOnly);
  const MagnesiumFacts m = ExtractMagnesium(withHeader, models.vocabulary, models.rules.Limits());
  if (m.mgPerUnit == r.magnesium.mgPerUnit && m.mgPerDay == r.magnesium.mgPerDay &&
      m.doseProblems == r.magnesium.doseProblems)
    return false;
  Conclude(r, withHeader, models, profile, registry, &r.number);
  return true;
}

bool ConcludeWithTableRows(ScanResult& r, const std::vector<TextLine>& lines, const NutrientTableReading& table,
                           const Models& models, const std::string& profile, Registry* registry) {
  if (table.rows.empty() && table.byColumns.empty()) return false;
  // A levelled table's first-pass rows paired names with the amounts of the row below or above:
  // magnesium, read from them, took 40 mg of iron for its own 188 mg (multivitamin-phone-0067 of
  // tuning seed 54739). Where the nutrients are read from the level rows, so is magnesium.
  // And where the lines and the table's readings together give magnesium another dose a day than
  // the lines alone: the first pass read "| Magnesium (marine magnesium) 194 mg 50 %", the rule
  // before 94 taken for a 1 and the day's column lost, 194 mg a capsule and 388 mg a day, a false
  // "above"; the block and column readings both read "94 mg 188 mg 50%" (multivitamin-phone-0023 of
  // nutrient seed 24680). Their votes join the lines' (extract/dose_choice).
  const bool levelled = !table.replaced.empty();
  const bool dosed = r.magnesium.mgPerUnit || r.magnesium.mgPerDay;
  const std::vector<TextLine> withTable = WithTableReading(lines, table);
  const MagnesiumFacts m = ExtractMagnesium(withTable, models.vocabulary, models.rules.Limits());
  if (!m.mgPerUnit && !m.mgPerDay) return false;
  if (dosed && !levelled && !(m.mgPerDay && r.magnesium.mgPerDay && *m.mgPerDay != *r.magnesium.mgPerDay)) return false;
  if (m.mgPerUnit == r.magnesium.mgPerUnit && m.mgPerDay == r.magnesium.mgPerDay &&
      m.doseProblems == r.magnesium.doseProblems)
    return false;
  Conclude(r, withTable, models, profile, registry, &r.number);
  return true;
}

}  // namespace suppcheck
