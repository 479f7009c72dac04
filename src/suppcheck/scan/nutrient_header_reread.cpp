#include "suppcheck/scan/nutrient_header_reread.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/extract/basis_phrases.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/image/region_render.h"

namespace suppcheck {

namespace {

// How far above the first row the header may stand, in row heights: a header of two lines
// ("Per dagdosis" over "(2 tabletten)") and the gap to the rule under it.
constexpr double kHeaderBandRows = 2.5;
// How far below the top of the table's first row the band reaches, in row heights: a phone photo's
// table slopes a degree or two, and the header over the amounts' column, some 700 pixels right of
// the row's name whose top bounds the band, stood 15-20 pixels lower; the band cut it through
// ("Per dagdosis (3 tabletten)" unread, nine amounts a day taken per tablet and tripled, iodine
// 300 µg reported 900 µg and above its limit: multivitamin-phone-0029 of tuning seed 61250).
constexpr double kHeaderBandBelowRows = 0.5;
// How much darker than the paper the pale header's ink is at the least, in grey levels: a header
// printed at a quarter of the ink's strength on the paper (tinted grey, ~60 levels on white)
// becomes black; darker print stays black.
constexpr int kPaleInkContrast = 96;
// A run of ink longer than this many rendered line heights (across) or line heights (down) is a
// table rule, not a glyph: the header cell's frame. Left in, the rules made Tesseract's block
// segmentation read "Per daily dose (2 capsules) | % RI" as "DNA ON OE EN" (multivitamin-clean-0009
// of tuning seed 52907: a boxed table, its per-day column taken for one capsule's).
constexpr double kRuleAcrossLineHeights = 3.0;
constexpr double kRuleDownLineHeights = 1.0;
// How far a rule may drift across its direction within the kernel, in pixels (each side: 2).
constexpr int kRuleTiltPixels = 5;
// Ink: darker by this many grey levels than the mean of its neighbourhood (a square two line
// heights wide), so that a shadow over part of a phone photo is not one block of "ink".
constexpr double kInkBelowLocalMean = 24;

// The header's readings, tried in turn until one says what per: its magnification beyond the
// re-reads' detail, and how much darker than the paper its ink is taken to be at the least (grey
// levels made black). Last, at the re-reads' detail, ink half as dark: a phone photo's blur left
// the strokes of a small pale "Per dagdosis (2 capsules)" some 40 levels below the paper, and
// stretched by kPaleInkContrast they stayed grey, unread at both magnifications
// (multivitamin-phone-0071 of tuning seed 54739: twenty-one amounts a day taken per capsule).
struct HeaderReading {
  double enlarge;
  int inkContrast;
};
constexpr HeaderReading kHeaderReadings[] = {{1, kPaleInkContrast}, {2, kPaleInkContrast}, {1, kPaleInkContrast / 2}};

// A band with less ink than this holds no header to read, in squares of the small print's glyph
// height at the reading's detail: a glyph's strokes cover some 0.15 of one, the shortest basis
// phrase ("per dose", "Pro Kapsel") has eight glyphs or more, and three glyphs' worth is asked.
// Not the band's line height: that may be a title's in large print over a header in small print.
// Ink is print darker than its neighbourhood (a square two glyph heights wide) by
// kHeaderInkBelowLocalMean grey levels: less than half the palest header measured (a blurred
// pale "Per dagdosis", some 40 levels below the paper; see kHeaderReadings). Below it, the band
// is blank paper whose faint texture Tesseract's own thresholding turned into dozens of "words",
// each tried in four languages: seed 40961 clean-0006, a label in two columns whose "Magnesium
// 200 mg" lines make a table, spent 25-30 s in six readings of the paper above it (9 ink pixels
// at the first reading's detail, 29 enlarged, against 200 and 800 asked; bands with a header had
// 10 000 and more).
constexpr double kMinHeaderInkGlyphSquares = 0.5;
constexpr double kHeaderInkBelowLocalMean = 16;

// Whether `crop`, a band whose small print is `glyphH` pixels high, has ink enough for a header.
bool HasHeaderInk(const cv::Mat& crop, double glyphH) {
  const int block = 2 * static_cast<int>(glyphH) + 1;
  if (block < 3) return true;
  cv::Mat ink;
  cv::adaptiveThreshold(crop, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        kHeaderInkBelowLocalMean);
  return cv::countNonZero(ink) >= kMinHeaderInkGlyphSquares * glyphH * glyphH;
}

bool SaysWhatPer(const std::string& text, const Vocabulary& vocab, double maxUnitsPerDay) {
  return !FindBasisPhrases(FoldForMatching(text).text, vocab, maxUnitsPerDay).empty();
}

// The paper (the band's median grey) white and everything `contrast` darker black.
cv::Mat StretchPaleInk(const cv::Mat& gray, int contrast) {
  cv::Mat flat = gray.reshape(1, 1).clone();
  const auto mid = flat.begin<uchar>() + static_cast<long>(flat.total() / 2);
  std::nth_element(flat.begin<uchar>(), mid, flat.end<uchar>());
  const int paper = *mid;
  const int lo = std::max(0, paper - contrast);
  if (paper - lo < 8) return gray;
  cv::Mat out;
  gray.convertTo(out, CV_8U, 255.0 / (paper - lo), -255.0 * lo / (paper - lo));
  return out;
}

// The band above the table's first row where its header stands, in working pixels (empty when
// there is none). `reachBelow`: down into the first row by kHeaderBandBelowRows, for the re-read's
// crop; not where the first pass's lines are looked for a header, where the first row's own line
// ("Per tablet: Zinc 10 mg") would stand in the band.
Box HeaderBand(const PreparedImage& prep, const Box& table, int lineH, int widerRows, bool reachBelow) {
  if (lineH <= 0) return {};
  const int bandH = static_cast<int>(kHeaderBandRows * lineH);
  const int belowH = reachBelow ? static_cast<int>(kHeaderBandBelowRows * lineH) : 0;
  const Box band{table.x - lineH, table.y - bandH, table.w + (1 + widerRows) * lineH, bandH + belowH};
  return PadBox(band, 0, 0, prep.gray.size());
}

}  // namespace

cv::Mat EraseTableRules(const cv::Mat& gray, int lineH) {
  if (gray.empty() || gray.type() != CV_8UC1 || lineH <= 0) return gray;
  cv::Mat ink;
  const int block = 2 * lineH + 1;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block, kInkBelowLocalMean);
  const int across = std::max(2, static_cast<int>(kRuleAcrossLineHeights * lineH));
  const int down = std::max(2, static_cast<int>(kRuleDownLineHeights * lineH));
  // The ink thickened across a rule's direction first: a rule tilted by a degree or two (a phone
  // photo's perspective left over) drifts by a pixel or two along the kernel and would break it.
  cv::Mat tallInk, wideInk, lines, vertical;
  cv::dilate(ink, tallInk, cv::getStructuringElement(cv::MORPH_RECT, {1, kRuleTiltPixels}));
  cv::dilate(ink, wideInk, cv::getStructuringElement(cv::MORPH_RECT, {kRuleTiltPixels, 1}));
  cv::morphologyEx(tallInk, lines, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {across, 1}));
  cv::morphologyEx(wideInk, vertical, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, down}));
  lines |= vertical;
  // The rule's anti-aliased edge too.
  cv::dilate(lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cv::Mat out = gray.clone();
  out.setTo(255, lines);
  return out;
}

bool NutrientTableHeaderRead(const ScanContext& ctx, const PreparedImage& prep, const std::vector<TextLine>& lines,
                             const Box& table, int lineH, int widerRows) {
  const Box band = HeaderBand(prep, table, lineH, widerRows, /*reachBelow=*/false);
  if (band.empty()) return false;
  const double maxUnits = ctx.models.rules.Limits().maxUnitsPerDay;
  for (const auto& line : lines) {
    if (line.box.empty()) continue;
    const int middle = line.box.y + line.box.h / 2;
    if (middle >= band.y && middle < band.y + band.h && SaysWhatPer(line.text, ctx.models.vocabulary, maxUnits))
      return true;
  }
  return false;
}

std::vector<TextLine> ReReadNutrientTableHeader(const ScanContext& ctx, const PreparedImage& prep,
                                                const std::vector<TextLine>& lines, const Box& table, int lineH,
                                                int widerRows) {
  const double maxUnits = ctx.models.rules.Limits().maxUnitsPerDay;
  const Box band = HeaderBand(prep, table, lineH, widerRows, /*reachBelow=*/true);
  if (band.empty() || NutrientTableHeaderRead(ctx, prep, lines, table, lineH, widerRows)) return {};
  // Read at the re-reads' detail first, then enlarged once more where that found nothing: the
  // header is printed smaller than the rows, and at the rows' detail a phone photo's pale "Pro
  // Tagesdosis (2 Tabletten)" came back "f Tw 2 Tabletten" (multivitamin-phone-0031 of seed 38206:
  // the per-day column taken per tablet, seventeen amounts doubled).
  std::vector<TextLine> out;
  for (const auto& [enlarge, contrast] : kHeaderReadings) {
    const double f = prep.detailFactor * enlarge;
    cv::Mat crop = RenderRegion(prep, band, f);
    if (crop.empty() || crop.type() != CV_8UC1) return {};
    if (!HasHeaderInk(crop, ctx.options.prepare.detailTextHeight * enlarge)) continue;
    crop = EraseTableRules(StretchPaleInk(crop, contrast), static_cast<int>(lineH * f));
    ctx.Debug(enlarge != 1 ? "7-nutrient-header-enlarged"
                           : contrast == kPaleInkContrast ? "7-nutrient-header" : "7-nutrient-header-paler",
              crop);
    std::vector<OcrWord> words = ctx.engine.Recognize(crop, PageMode::SingleBlock);
    for (auto& w : words) w.box = FromRendered(w.box, band, f);
    for (auto& line : BuildLines(words))
      if (SaysWhatPer(line.text, ctx.models.vocabulary, maxUnits)) out.push_back(std::move(line));
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace suppcheck
