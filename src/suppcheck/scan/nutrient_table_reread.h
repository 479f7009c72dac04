#pragma once
// The nutrient table read again as one block of text (Tesseract's "uniform block"): the
// whole-label pass reads sparse text and loses rows whose name, dot leaders and amount it takes
// for separate pieces.

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/label_image.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan_result.h"

namespace suppcheck {

struct NutrientTableReading {
  std::vector<TextLine> header;  ///< a pale header read again (scan/nutrient_header_reread.h)
  std::vector<TextLine> rows;    ///< the table's block reading
  std::vector<TextLine> byColumns;  ///< a boxed table read column by column, its rules erased
  /// Indexes of the first pass's lines the rows replace: the lines naming a nutrient or giving an
  /// amount over a table whose rows slope by half a line or more across it (scan/table_tilt.h),
  /// read level as at least as many rows. The first pass paired names there with the amounts of
  /// the row above ("Riboflavin 2.4 mg" for 0.42 mg: multivitamin-phone-0067 of tuning seed
  /// 54739) or read an amount alone between two rows, which then joined the level reading's name
  /// beside it; two readings of one nutrient that disagree leave it unknown at best. Magnesium is
  /// read without them too (ConcludeWithTableRows).
  std::vector<size_t> replaced;
  /// The header, then the rows.
  std::vector<TextLine> All() const;
};

/// Whether `lines` (a first pass's) hold a nutrient table worth reading again: at least three
/// lines naming a nutrient next to a digit, or rows read apart (SplitTableRows) to make three.
bool NutrientTableFound(const std::vector<TextLine>& lines, const Models& models);

/// The region: the lines that name a nutrient next to a digit, from the first to the last,
/// widened by a line. Its lines (in `prep`'s pixels) are read beside the first pass's (a row read
/// in both counts twice in the vote of extract/dose_choice), for the nutrients only: the
/// magnesium reading keeps to its own lines. Empty when there is no table of three rows.
NutrientTableReading ReReadNutrientTable(const ScanContext& ctx, const PreparedImage& prep,
                                         const std::vector<TextLine>& lines);

/// A table's rows that the first pass read apart, each as a line naming a nutrient with no amount
/// and a line right of it with an amount or a percentage but no name, their middles within half
/// the taller line's height: the row's box (both lines) and its height (the shorter line's). A
/// phone photo's slope puts the amount column of a table a third of a row above its names, and the
/// page pass then reads the columns as lines of their own ("Vitamine B6" and "2 mg 143%"):
/// multivitamin-phone-0047 of tuning seed 44903 had one row whole of seven, and the table was not
/// read again at all.
std::vector<std::pair<Box, int>> SplitTableRows(const std::vector<TextLine>& lines, const Models& models);

/// `gray` (8-bit) with everything paler than its dark ink made white: the ink is its darkest
/// percent, the paper its median, and the ink ends 35 % of the way from one to the other. Empty
/// when the two are too close to part. An inverted light-on-dark label's sensor noise and pale
/// rules are grey between its print and its paper, and Tesseract's own threshold read them as
/// print.
cv::Mat DarkInkOnly(const cv::Mat& gray);

/// The rows of the table's block reading: not a header line it read too (a line that says what the
/// amounts are per and names no nutrient), nor a line naming no nutrient that stands wholly above
/// the block's first line naming one (a line of the label over the table). The header has its own readings (the first pass's, the
/// re-read of a pale one); the block's, made for rows, misreads its count ("(3 comprimés)" read
/// "(5 comprimes)") and the largest count read becomes the units a day.
std::vector<TextLine> RowsOfTableReading(std::vector<TextLine> block, const Models& models);

/// The rows of a table read column by column (`columns`: each column's lines, left to right): each
/// line of the column that names the most nutrients, with the line of every column right of it
/// whose middle is nearest its own, within half the distance between two rows (an empty cell, a
/// "*" read as nothing, joins nothing). Empty without such a column.
std::vector<TextLine> RowsFromColumns(const std::vector<std::vector<TextLine>>& columns, const Models& models);

/// The lines the nutrients are read from: the first pass's (but the replaced ones) with the header
/// read again in reading order among them (above the rows it heads: the column search walks up the list from a row, and
/// the block reading of a boxed table may have no row at all), then the block's rows.
std::vector<TextLine> WithTableReading(const std::vector<TextLine>& lines, const NutrientTableReading& table);

/// The magnesium reading with the header read again among `lines` (as WithTableReading puts it):
/// when it changes the dose, `r` is concluded again on those lines. Without it magnesium took a
/// per-day column for one unit's (186 mg a day "per capsule": 558 mg a day) while the other
/// nutrients of the same table did not. True when `r` changed.
bool ConcludeWithTableHeader(ScanResult& r, const std::vector<TextLine>& lines, const NutrientTableReading& table,
                             const Models& models, const std::string& profile, Registry* registry);

/// Magnesium read from the table's readings too when the lines gave it no dose, when the table
/// was levelled (its first-pass rows `replaced`, whatever they gave magnesium), or when the lines
/// and the table's readings together give another dose a day than the lines alone: a row the
/// whole-label pass misread ("M ( carbonate) 750 mg 200 %", multivitamin-phone-0001 of tuning seed
/// 28461) that the block or column reading got whole ("Magnesium (magnesium carbonate) 750 mg
/// 200 %"). `r` is concluded again on all the lines when they give magnesium a dose; true then.
bool ConcludeWithTableRows(ScanResult& r, const std::vector<TextLine>& lines, const NutrientTableReading& table,
                           const Models& models, const std::string& profile, Registry* registry);

}  // namespace suppcheck
