#include "suppcheck/extract/table_columns.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "suppcheck/extract/word_match.h"

namespace suppcheck {

namespace {

// Where header phrase `phrase` of `header` stands on the photo (empty without word boxes).
Box PhraseBox(const AnalysedLine& header, const BasisPhrase& phrase, const TextLine& headerLine) {
  const auto [begin, end] = header.ft.OriginalRange(phrase.begin, phrase.end);
  return headerLine.BoxOf(begin, end);
}

// The header phrase over the amount's box: the one its box overlaps most horizontally (columns
// may be aligned left, right or centred under their headers, and a long header such as "Par dose
// journalière (2 comprimés)" has its centre far from a left-aligned amount); else the one whose
// cell holds the amount's centre, a cell reaching from the end of the phrase to its left to the
// end of its own (OCR's phrase leaves out the "Per" before it: "3g" under "Per daily dose (2
// tablets)" overlapped neither "tablet" nor "daily dose (2 tablets", and the nearer centre, one
// tablet's, made 3 g of calcium a tablet, 6 g a day; nutrient seed 65203 phone-0023); else the
// one whose centre is nearest.
const BasisPhrase* ColumnOver(const AnalysedLine& header, const std::vector<BasisPhrase>& columns,
                              const TextLine& headerLine, const Box& amountBox) {
  const BasisPhrase* nearest = nullptr;
  const BasisPhrase* overlapping = nullptr;
  int bestDx = 1 << 30, bestOverlap = 0;
  std::vector<std::pair<Box, const BasisPhrase*>> cells;
  for (const auto& hp : columns) {
    const Box pb = PhraseBox(header, hp, headerLine);
    if (pb.empty()) continue;
    cells.push_back({pb, &hp});
    const int overlap = std::min(pb.right(), amountBox.right()) - std::max(pb.x, amountBox.x);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      overlapping = &hp;
    }
    const int dx = std::abs((pb.x + pb.w / 2) - (amountBox.x + amountBox.w / 2));
    if (dx < bestDx) {
      bestDx = dx;
      nearest = &hp;
    }
  }
  if (overlapping) return overlapping;
  std::sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) { return a.first.x < b.first.x; });
  const int centre = amountBox.x + amountBox.w / 2;
  for (size_t k = 1; k < cells.size(); ++k)
    if (centre > cells[k - 1].first.right() && centre <= cells[k].first.right()) return cells[k].second;
  return nearest;
}

int HorizontalOverlap(const Box& a, const Box& b) { return std::min(a.right(), b.right()) - std::max(a.x, b.x); }

// A gap between two words of a header that parts two cells, in the header's word heights (the
// median of its words: OCR's box of a word it read badly may be a few pixels high, or start after
// a capital it lost). Cells stand several heights apart; words of one cell a space apart, or a
// letter and a space where OCR's box lost the letter: "Pro Tagesdosis (2 Tabletten)" read
// enlarged as "Pro Tapesdosis (2 Tabletten", the box of "Tapesdosis" 5 pixels high and 14 right
// of "Pro" (12 high), parted the cell's "Pro Tapesdosis" from its "(2 Tabletten": the per-day
// amounts under it had no column (multivitamin-phone-0031 of seed 38206).
constexpr int kCellGapWordHeights = 2;

// The one basis phrase read on a header line does not head an amount that stands under another
// cell of that header: a word of the header over the amount, apart from the phrase by a column
// rule ('|') or a gap between cells (kCellGapWordHeights), while the phrase itself is not over it.
// OCR lost that cell's phrase ("Per Atablet | Per daily dose (2 tablets)": the 20 mg under "Per
// Atablet" was taken for the day's dose of 2 tablets, half the iron printed a tablet).
bool UnderAnotherCell(const AnalysedLine& header, const BasisPhrase& phrase, const TextLine& headerLine,
                      const Box& amountBox) {
  const auto [pb, pe] = header.ft.OriginalRange(phrase.begin, phrase.end);
  const Box phraseBox = headerLine.BoxOf(pb, pe);
  if (phraseBox.empty() || amountBox.empty() || HorizontalOverlap(phraseBox, amountBox) > 0) return false;
  const auto& words = headerLine.words;
  const int wordH = MedianWordHeight(headerLine);
  for (size_t k = 0; k < words.size(); ++k) {
    const LineWord& w = words[k];
    if ((w.end > pb && w.begin < pe) || HorizontalOverlap(w.box, amountBox) <= 0) continue;
    // A rule is no word of a cell: it parts cells, and the rule that opens the phrase's own cell
    // stands over an amount of a tilted photo's lower rows, shifted left under it ("[ | Pro
    // Tagesdosis (3 Tabletten) |%NRV": the '|' before "Pro" over the iron's "2,1mg" twenty rows
    // down, which then had no column; tuning seed 19384 phone-0047).
    const std::string own = headerLine.text.substr(w.begin, w.end - w.begin);
    if (own.find_first_not_of("|[]{}") == std::string::npos) continue;
    // The words from this one to the phrase: a rule or a wide gap between them parts the cells.
    const bool before = w.end <= pb;
    for (size_t j = k; before ? j + 1 < words.size() && words[j].end <= pb : j > 0 && words[j].begin >= pe;
         before ? ++j : --j) {
      const LineWord& a = words[j];
      const LineWord& b = before ? words[j + 1] : words[j - 1];
      const std::string text = headerLine.text.substr(a.begin, a.end - a.begin);
      const int gap = before ? b.box.x - a.box.right() : a.box.x - b.box.right();
      if (text == "|" || gap >= kCellGapWordHeights * wordH) return true;
    }
  }
  return false;
}

// A header stands above its rows on the photo. A table read a second time comes after the whole
// first pass in the list of lines: the lines listed right above its rows are the foot of the label
// (directions, "Ne pas dépasser la dose journalière"), below them on the photo, and the first
// reading of the row itself, beside it. Centres, not edges, so that the tall boxes of a tilted
// photo's lines still order; a quarter of the lines' height apart at least (two readings of one row
// differ by a few pixels, two rows by a line's height). Text without geometry keeps its order.
bool StandsAbove(const TextLine& header, const TextLine& row) {
  if (header.box.empty() || row.box.empty()) return true;
  const int headerCentre2 = 2 * header.box.y + header.box.h, rowCentre2 = 2 * row.box.y + row.box.h;
  return headerCentre2 <= rowCentre2 - std::min(header.box.h, row.box.h) / 2;
}

// Mean OCR confidence (0-100) below which a line is OCR's confetti, not text: the rules and shading
// between a phone photo's table rows read as "a a ae eg", "I en a ea eee", "fa" (confidences 0 to
// 35), where the table's own lines read 60 and more (multivitamin-phone-0029 of tuning seed 47291).
constexpr float kConfettiConfidence = 40;

// A line that does not count towards the lines looked up: a row of the table (an amount of another
// nutrient: a table of thirty rows has its header thirty lines up, not eight), a speck line (a cell
// border read as letters, under half a row's height) or confetti: sixteen such lines between the
// header "Pro Tagesdosis (3 Tabletten)" and the magnesium row 22 rows below it made magnesium's
// 186 mg a day one tablet's, 558 mg a day, above 250 mg (multivitamin-phone-0029 of tuning seed
// 47291). Text lines, headers and the directions count, so that a header is not taken from an
// unrelated part of the label.
bool PartOfTable(const AnalysedLine& h, const TextLine& line, const TextLine& row) {
  if (!h.quantities.empty()) return true;
  if (!line.words.empty() && line.MeanConfidenceOf(0, line.text.size()) < kConfettiConfidence) return true;
  return !line.box.empty() && !row.box.empty() && 2 * line.box.h < row.box.h;
}

// A line listed out of reading order, standing above `last` (the line last looked at) with a line
// listed before it between the two on the photo, that line in the row's columns: the walk up the
// list reaches that nearer line later, and the farther one must not step over it. Passes after the
// page pass append their lines at the end of the first pass: the notification number read inside
// its frame ("AS 4418/150", printed above the table) stood, listed last, between the table's second
// reading and the first pass; taken for the line above the rows, it put the header "Pro
// Tagesdosis (2 Tabletten)" below the walk, and the per-day amounts of the rows only the second
// reading read (vitamin D, B12, copper, boron) were one tablet's, doubled (nutrient seed 44903
// clean-0007). Only a line that jumps up the photo from the line listed before it, which stands no
// higher than the row: a product's photos are listed one after the other, each in its own pixels,
// and a line of the first photo standing between the second photo's header and row must not make
// that header, listed in its photo's order, out of order. Lines without geometry keep their order.
bool SkipsANearerLine(const std::vector<TextLine>& lines, size_t j, const TextLine& last, const TextLine& row) {
  const TextLine& line = lines[j];
  if (j == 0 || line.box.empty() || last.box.empty() || row.box.empty() || lines[j - 1].box.empty() ||
      StandsAbove(lines[j - 1], row))
    return false;
  for (size_t k = 0; k < j; ++k) {
    const TextLine& between = lines[k];
    if (between.box.empty() || HorizontalOverlap(between.box, row.box) <= 0) continue;
    if (StandsAbove(between, last) && StandsAbove(line, between)) return true;
  }
  return false;
}

// Whether a line right below header line `k` (its middle at most two of the header's heights
// lower) holds a word not to exceed the dose under the phrase's part of the header (from one
// phrase width left of the phrase to its end): the phrase is the warning's, continued there.
bool WarningGoesOnBelow(const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines, size_t k,
                        const AnalysedLine& header, const BasisPhrase& phrase, const Vocabulary& vocab) {
  const TextLine& line = lines[k];
  const Box phraseBox = PhraseBox(header, phrase, line);
  if (phraseBox.empty() || line.box.empty()) return false;
  const Box under{phraseBox.x - phraseBox.w, phraseBox.y, 2 * phraseBox.w, phraseBox.h};
  for (size_t j = 0; j < lines.size(); ++j) {
    const Box& b = lines[j].box;
    const int drop = (2 * b.y + b.h) - (2 * line.box.y + line.box.h);  // twice the middles' distance
    if (j == k || b.empty() || drop <= 0 || drop > 4 * line.box.h) continue;
    const std::string& f = info[j].ft.text;
    for (size_t at = FindAnyWord(f, vocab.exceedWords, 0, f.size()); at != std::string::npos;
         at = FindAnyWord(f, vocab.exceedWords, at + 1, f.size())) {
      size_t end = at;
      while (end < f.size() && f[end] != ' ') ++end;
      const auto [ob, oe] = info[j].ft.OriginalRange(at, end);
      const Box word = lines[j].BoxOf(ob, oe);
      if (!word.empty() && HorizontalOverlap(word, under) > 0) return true;
    }
  }
  return false;
}

// Words of running text at least, in a line that ends a sentence: a table's rows and headers are
// cells, and a sentence stands outside them.
constexpr size_t kLeastSentenceWords = 4;

// A line of running text ending a sentence ("Niet geschikt voor kinderen. Buiten bereik van
// kinderen bewaren."): a header above it heads no row below it. The directions "2 tabletten per
// dag." lost their 2 at a curved label's squeezed edge; the rest, "Tabletten per dag.", four
// lines above the French dose line with the warning and an ingredient line between, was taken for
// that line's per-day column header: 90 mg a day for two tablets of 90 mg (label seed 86420
// hard-0020). The mechanism could as well halve a dose above the limit.
bool EndsASentence(const std::string& text) {
  size_t end = text.find_last_not_of(" ");
  if (end == std::string::npos || text[end] != '.') return false;
  size_t words = 0;
  for (size_t p = 0; p < text.size(); ++p)
    if (text[p] != ' ' && (p == 0 || text[p - 1] == ' ')) ++words;
  return words >= kLeastSentenceWords;
}

}  // namespace

std::optional<BasisPhrase> HeaderPhraseOver(const NutrientAmount& a, size_t rank, const std::vector<AnalysedLine>& info,
                                            const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                            double maxUnitsPerDay, size_t maxLinesUp) {
  const size_t i = static_cast<size_t>(a.line);
  const AnalysedLine& row = info[i];
  // Up the photo: each line looked at stands above the one looked at before, so that a row read
  // twice counts once towards maxLinesUp; the table's other rows do not count.
  size_t looked = 0;
  const TextLine* last = &lines[i];
  for (size_t up = 1; looked < maxLinesUp && up <= i; ++up) {
    const AnalysedLine& h = info[i - up];
    if (!StandsAbove(lines[i - up], *last)) {
      // Another reading of a line already looked at, not of the row itself: a table read twice
      // reads its header twice, and a garbled block reading of it ("POR GOSe OUMNGReTS") must not
      // hide the first pass's "Par dose journalière (3 comprimés)" at the same height.
      if (last == &lines[i] || StandsAbove(*last, lines[i - up]) || !h.ownedQuantities.empty()) continue;
    } else {
      if (SkipsANearerLine(lines, i - up, *last, lines[i])) continue;
      last = &lines[i - up];
      if (!h.ownedQuantities.empty()) break;
      if (!PartOfTable(h, lines[i - up], lines[i])) {
        if (EndsASentence(lines[i - up].text)) break;
        ++looked;
      }
    }
    // A pack count ("60 tabletten") is no column header.
    std::vector<BasisPhrase> columns;
    for (const auto& ph : h.phrases)
      if (!ph.bare) columns.push_back(ph);
    if (columns.empty() || !h.quantities.empty() || LooksLikeDirections(h.ft.text, vocab, maxUnitsPerDay)) continue;
    // "Aanbevolen dagelijkse dosis niet overschrijden": the warning names the daily dose, and
    // heads no column (label seed 64829 hard-0030: it stood above the French dose line, which
    // became one sachet's per-day amount, one sachet a day where two were printed).
    if (FindAnyWord(h.ft.text, vocab.exceedWords, 0, h.ft.text.size()) != std::string::npos) continue;
    const bool geometry = !lines[i].box.empty() && !lines[i - up].box.empty();
    // The warning not to exceed the daily dose, split over two lines: "De aanbevolen dagelijkse
    // dosis niet" over "overschrijden" (label seed 16180 hard-0029, two columns merged by OCR
    // with the left column's "Voedingssupplement" and "Per tab"). Its "daily dose" made
    // "Magnesium 10 mmol (243,1 mg)" one day's where it is one tablet's, 3 a day: 243 mg a day
    // "within" for 729 mg, a false all-clear.
    if (geometry && columns.size() == 1 && WarningGoesOnBelow(info, lines, i - up, h, columns.front(), vocab)) continue;
    if (geometry && columns.size() >= 2) {
      if (const BasisPhrase* over = ColumnOver(h, columns, lines[i - up], lines[i].BoxOf(a.begin, a.end)))
        return *over;
    } else if (columns.size() >= 2 && row.ownedQuantities.size() >= 2) {
      return columns[std::min(rank, columns.size() - 1)];
    } else {
      if (geometry && columns.size() == 1 &&
          UnderAnotherCell(h, columns.front(), lines[i - up], lines[i].BoxOf(a.begin, a.end))) {
        // Beside a per-unit column, the other amount column of a supplement's table is the day's
        // (Directive 2002/46/EC Art. 8(2): the amounts declared are those of the daily portion):
        // "Per tablet | Per daity dose (3 tobiets}", its phrase misread, left "5.1mg" without a
        // column; the vote took it per tablet, 15.3 mg of nicotinic acid a day (nutrient seed 65203
        // phone-0027). Its count of units is not known (0); where it is per N units after all, one
        // unit times the directions disagrees with it and the dose is unknown, not smaller.
        if (columns.front().basis == DoseBasis::PerUnit) {
          BasisPhrase day = columns.front();
          day.basis = DoseBasis::PerDay;
          day.units = 0;
          return day;
        }
        return std::nullopt;
      }
      return columns.back();
    }
  }
  return std::nullopt;
}

}  // namespace suppcheck
