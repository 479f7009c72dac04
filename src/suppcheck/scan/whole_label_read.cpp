#include "suppcheck/scan/whole_label_read.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "suppcheck/ocr/barcode_bars.h"
#include "suppcheck/ocr/readability.h"
#include "suppcheck/scan/nutrient_header_reread.h"
#include "suppcheck/scan/nutrient_table_reread.h"

namespace suppcheck {

namespace {

// A first pass this unreadable (confident letters and digits) is retried on the inverted photo.
// Light print on a dark label reads 0 to 13 so (nine tuning sets, 3 label, 3 hard, 3
// multivitamin: every inverted reading kept came from there); from 15 to 57 the inverted reading
// was never kept, in 20 photos of 300 whose second preparation and page read cost 0.4 s each.
constexpr double kInvertBelowReadability = 20;
// Another whole-label reading (inverted, turned) replaces the first only when it is clearly
// better: this many times as readable (OCR reads a few confident words in any noise) ...
constexpr double kClearlyMoreReadable = 1.3;
// ... and, for the inverted photo, this much more besides: inverting a dark-on-light label turns
// its background into specks that read as a little text.
constexpr double kInvertedMargin = 10;
// The half turn is tried when the first pass is unsure (mean word confidence below this; upside
// down text still gives words, but doubtful ones) ...
constexpr double kHalfTurnBelowConfidence = 70;
// ... or reads fewer confident characters per word than this (specks and fragments).
constexpr double kHalfTurnBelowReadabilityPerWord = 2.5;
// A page upright only by its words' confidence is read turned half round when Tesseract's
// orientation detection finds it upside down with at least this confidence: 6.1 for the upside-down
// label of seed 60493 hard-0026 (read upright at mean word confidence 53); upright working images
// gave 0 degrees (1.6-17.9).
constexpr double kUpsideDownOrientationConfidence = 4;
// So little read that the photo may be sideways (a tube, a layout test that missed): the
// quarter turns too.
constexpr double kQuarterTurnsBelowReadability = 40;
// So little read (confident letters and digits) that a barcode may have spoiled the page layout:
// the page is read again without its bars ...
constexpr double kBarcodeBelowReadability = 40;
// ... and that reading kept when it is clearly better: as for the inverted photo, this many
// times as readable and this much more besides (the bars' digits alone must not decide).
constexpr double kBarcodeMargin = 10;
// A line of small print is this many glyph heights from the next (the rules are measured in lines).
constexpr double kLineGlyphHeights = 1.6;
// Words at least this confident are drawn green in the debug image, the others red.
constexpr float kDebugConfidentWord = 60;

// Almost nothing read: perhaps light text on a dark label (white on colour), which the
// whole-label pass does not retry inverted. Reads the inverted photo; keeps the better.
void TryInverted(const ScanContext& ctx, const cv::Mat& bgr, WholeLabelReading& page, PassTimer& timer) {
  if (Readability(page.words) >= kInvertBelowReadability) return;
  cv::Mat inverted;
  cv::bitwise_not(bgr, inverted);
  PreparedImage other = PrepareImage(inverted, ctx.options.prepare);
  std::vector<OcrWord> otherWords = ctx.firstPass.Recognize(other.gray, PageMode::Sparse);
  if (Readability(otherWords) > kClearlyMoreReadable * Readability(page.words) + kInvertedMargin) {
    page.prep = std::move(other);
    page.words = std::move(otherWords);
  }
  timer.Mark("inverted");
}

// Almost nothing read, and a barcode on the photo: its bars, printed tight under the lot line,
// make the sparse pass take the lines above them for part of a picture (products seed 48213
// phone-0015: "2" and "Mt" read on a side panel whose lines read cleanly one by one). Reads the
// photo again with the bars painted over; keeps the better reading. The working image keeps its
// bars: the later passes crop lines, which the bars do not spoil.
void TryWithoutBarcodes(const ScanContext& ctx, WholeLabelReading& page, PassTimer& timer) {
  const double before = Readability(page.words);
  if (before >= kBarcodeBelowReadability) return;
  const int textHeight = page.prep.GlyphHeightOr20();
  const std::vector<Box> barcodes = FindBarcodes(page.prep.gray, textHeight);
  if (barcodes.empty()) return;
  const cv::Mat clean = WithoutBoxes(page.prep.gray, barcodes);
  ctx.Debug("2-without-barcodes", clean);
  std::vector<OcrWord> other = ctx.firstPass.Recognize(clean, PageMode::Sparse);
  if (Readability(other) > kClearlyMoreReadable * before + kBarcodeMargin) page.words = std::move(other);
  timer.Mark("barcodes");
}

// A page whose first reading found no nutrient table, read as confetti (fewer confident characters
// a word than this) while table rules cover this share of it or more, is read again with its rules
// erased: a boxed grid table in a thin light font (seed 53381 phone-0025, rules on 9 % of the
// page) made the sparse pass read its cells as confetti (225 confident characters, 1.1 a word)
// and 0 of its 21 rows; with the rules erased it read 546 (3.2 a word) and every row. Labels
// without a table read 4 to 5 a word (label seed 25417) though rules, bands and borders cover 4
// to 5 % of them: without the confetti test each was read twice for nothing.
constexpr double kRulesBelowReadabilityPerWord = 2.5;
constexpr double kRulesFromPageShare = 0.03;
// But not a page that reads under this many a word: the photo itself is illegible (blur, a curved
// bottle), and erasing its rules reads nothing more. The hard photos of label seed 25417 on which
// the pass fired read 0.1 to 0.7 a word, read worse without their rules and found no table; each
// cost a second whole-page OCR, as long as the first.
constexpr double kRulesFromReadabilityPerWord = 1.0;
// A pixel that erasing the rules lightened by this many grey levels was rule ink.
constexpr int kErasedRuleGreys = 32;

// The table rules' share of the page: what erasing them changed.
double RuleShare(const cv::Mat& gray, const cv::Mat& withoutRules) {
  if (gray.empty()) return 0;
  cv::Mat diff;
  cv::absdiff(withoutRules, gray, diff);
  return cv::countNonZero(diff > kErasedRuleGreys) / static_cast<double>(diff.total());
}

// No nutrient table read on a page ruled like one: its rules may have spoiled the sparse page
// layout. Reads the page again with the rules erased; keeps that reading when it is clearly better
// (as for the barcodes). The working image keeps its rules: the table's own re-read erases them
// in its crop (scan/nutrient_table_reread.h).
void TryWithoutRules(const ScanContext& ctx, WholeLabelReading& page, PassTimer& timer) {
  const double before = Readability(page.words);
  const double perWord = page.words.empty() ? 0 : before / static_cast<double>(page.words.size());
  if (perWord < kRulesFromReadabilityPerWord || perWord >= kRulesBelowReadabilityPerWord) return;
  if (NutrientTableFound(BuildLines(page.words), ctx.models)) return;
  const int lineH = static_cast<int>(kLineGlyphHeights * (page.prep.glyphHeight > 0 ? page.prep.glyphHeight : 20));
  const cv::Mat clean = EraseTableRules(page.prep.gray, lineH);
  const double share = RuleShare(page.prep.gray, clean);
  if (share < kRulesFromPageShare) return;
  ctx.Debug("2-without-rules", clean);
  std::vector<OcrWord> other = ctx.firstPass.Recognize(clean, PageMode::Sparse);
  const double after = Readability(other);
  const bool table = NutrientTableFound(BuildLines(other), ctx.models);
  // Only a reading that finds the table: the pass is for it, and the number's passes were tuned
  // on the first reading.
  if (table && after > kClearlyMoreReadable * before + kBarcodeMargin) page.words = std::move(other);
  timer.Mark("rules");
}

// The wrong way round? Text read upside down gives few confident words: tries the half turn and
// keeps the better reading. When almost nothing was read (a word printed along a tube, a photo
// taken sideways that the layout test missed), tries the quarter turns too.
void TryTurns(const ScanContext& ctx, WholeLabelReading& page, PassTimer& timer) {
  if (!ctx.options.prepare.fixRotation) return;
  double best = Readability(page.words);
  const double confident = page.words.empty() ? 0 : best / static_cast<double>(page.words.size());
  std::vector<int> turns;
  const bool unsure = MeanConfidence(page.words) < kHalfTurnBelowConfidence || confident < kHalfTurnBelowReadabilityPerWord;
  if (unsure && !ClearlyUpright(page.words)) {
    turns.push_back(180);
  } else if (unsure && !UprightByReadability(best) && ctx.orientation) {
    // Upright only by its words' confidence, which upside-down text can reach too: the glyphs'
    // shapes decide whether the half turn is worth a reading. Asked only here, so that a page
    // read upright beyond doubt pays nothing (not even the detector's loading).
    if (PageOrientation* detector = ctx.orientation->Get()) {
      const auto o = detector->Detect(page.prep.gray);
      timer.Mark("orientation");
      if (o && o->degrees == 180 && o->confidence >= kUpsideDownOrientationConfidence) turns.push_back(180);
    }
  }
  if (best < kQuarterTurnsBelowReadability) turns.insert(turns.end(), {90, 270});
  std::vector<int> tried;
  for (int turn : turns) {
    if (std::find(tried.begin(), tried.end(), turn) != tried.end()) continue;
    tried.push_back(turn);
    PreparedImage turned = page.prep;
    turned.gray = page.prep.gray.clone();
    RotateWorking(turned, turn);
    std::vector<OcrWord> other = ctx.firstPass.Recognize(turned.gray, PageMode::Sparse);
    const double score = Readability(other);
    if (score > kClearlyMoreReadable * best && score > 0) {
      best = score;
      page.prep = std::move(turned);
      page.words = std::move(other);
      // Later turns are relative to the image we keep.
      for (int& t : turns) t = (t - turn + 360) % 360;
      // A turn that made the label read as only upright text does (ocr/readability.h: sideways
      // or upside-down readings gave at most 64, upright ones at least 93) leaves the other turns
      // nothing to win: they would have to read 1.3 times as much again. On the dev label sets
      // each upside-down label read 192-530 after the half turn and the quarter turns tried
      // after it read 0: two whole-label OCRs of 0.5-1.5 s each for nothing.
      if (UprightByReadability(best)) break;
    }
  }
  timer.Mark("turns");
}

// With --debug-dir: the words' boxes on the working image, confident ones green.
void DebugWordBoxes(const ScanContext& ctx, const WholeLabelReading& page) {
  if (ctx.options.debugDir.empty()) return;
  cv::Mat boxes;
  cv::cvtColor(page.prep.gray, boxes, cv::COLOR_GRAY2BGR);
  for (const auto& w : page.words)
    cv::rectangle(boxes, cv::Rect(w.box.x, w.box.y, w.box.w, w.box.h),
                  w.confidence >= kDebugConfidentWord ? cv::Scalar(0, 160, 0) : cv::Scalar(0, 0, 255), 1);
  ctx.Debug("2-ocr-words", boxes);
}

}  // namespace

WholeLabelReading ReadWholeLabel(const ScanContext& ctx, const cv::Mat& bgr, PassTimer& timer) {
  WholeLabelReading page;
  page.prep = PrepareImage(bgr, ctx.options.prepare);
  ctx.Debug("1-working", page.prep.gray);
  timer.Mark("prepare");
  page.words = ctx.firstPass.Recognize(page.prep.gray, PageMode::Sparse);
  timer.Mark("page");
  TryWithoutBarcodes(ctx, page, timer);
  TryInverted(ctx, bgr, page, timer);
  TryTurns(ctx, page, timer);
  TryWithoutRules(ctx, page, timer);
  DebugWordBoxes(ctx, page);
  return page;
}

}  // namespace suppcheck
