#pragma once
// Lines of text with the words (and their boxes and confidences) under every character, the
// common input of all extraction. OCR words are grouped into lines by geometry; text given
// with `scan --text` becomes lines without boxes.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "suppcheck/util/box.h"
#include "suppcheck/util/ocr_word.h"

namespace suppcheck {

struct LineWord {
  size_t begin = 0, end = 0;  ///< byte range in TextLine::text
  Box box;
  float confidence = 100;
};

struct TextLine {
  std::string text;
  std::vector<LineWord> words;
  Box box;  ///< empty for text without geometry

  /// Box of the words touching the byte range [begin, end); empty without geometry.
  Box BoxOf(size_t begin, size_t end) const;
  /// Lowest confidence (0-100) of the words touching [begin, end); 100 without OCR words.
  float MinConfidenceOf(size_t begin, size_t end) const;
  /// Mean confidence of the words touching [begin, end).
  float MeanConfidenceOf(size_t begin, size_t end) const;
};

/// Groups OCR words into reading-order lines: the engine's lines first, then lines that sit
/// side by side on the same row (a table row split into columns) are joined left to right.
std::vector<TextLine> BuildLines(const std::vector<OcrWord>& words);

/// The median height of the line's word boxes: the height of its print, where the line's own box
/// may span two rows (the page pass merged touching lines). The line's box height without words.
int MedianWordHeight(const TextLine& line);

/// A gap between two words of a line wider than this many word heights separates columns.
inline constexpr double kColumnGapInHeights = 2.5;

/// Byte ranges [begin, end) of the parts of a line between column gaps (two columns that the OCR
/// or BuildLines joined into one row: "Magnesium 250 mg 750 mg | Notification number NUT/AS
/// 5213/1031"). One range, the whole text, for a line without geometry or without such a gap.
std::vector<std::pair<size_t, size_t>> ColumnRanges(const TextLine& line);

/// The words of `line` in the byte range [begin, end) as a line of their own.
TextLine SubLine(const TextLine& line, size_t begin, size_t end);

/// `start`'s words, a space, then `line`'s, as one line: the start of something printed at the
/// end of the line above `line` (a number wrapped after its categories). Each word keeps its own
/// box, so the line's box spans both rows.
TextLine PrefixedLine(const TextLine& start, const TextLine& line);

/// The index of the line that continues line `i`'s paragraph: the first line after it (in
/// reading order) that stands under it (their spans across overlap), at most a line's height
/// below (a centred paragraph's lines start at different places). Two columns
/// interleave in reading order, so this is not always `i + 1`; for lines without geometry it
/// is. Nothing when there is none.
std::optional<size_t> NextLineOfParagraph(const std::vector<TextLine>& lines, size_t i);

/// The line next to line `i` in its own column, above it (`side` -1) or below it (+1): the
/// nearest line in the listed order, at most `lookaround` lines away, that shares columns with
/// it, when it stands on that side of it with a gap of at most `maxGap` times the taller line's
/// height. A label in two columns is listed row by row across both, so the line listed next to
/// one is often the other column's. Lines without geometry: the line listed next to it. npos
/// when there is none. Only the listed order is searched, not all lines by position: a
/// product's lines come from several photos, each in its own pixels. `own`, when given, stands
/// for line `i`'s box: the box of one of its words, where the line runs on across columns.
size_t NeighbourInColumn(const std::vector<TextLine>& lines, size_t i, int side, double maxGap,
                         size_t lookaround = static_cast<size_t>(-1), const Box* own = nullptr);

/// One TextLine per line of plain text (no boxes); blank lines are dropped.
std::vector<TextLine> LinesFromText(std::string_view text);

}  // namespace suppcheck
