#include "suppcheck/scan/number_passes.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "suppcheck/extract/coverage.h"
#include "suppcheck/extract/legal_text_legibility.h"
#include "suppcheck/extract/number_reads_agreement.h"
#include "suppcheck/image/text_frames.h"
#include "suppcheck/image/working_region.h"
#include "suppcheck/ocr/legal_line_search.h"
#include "suppcheck/ocr/number_check_model.h"
#include "suppcheck/ocr/number_glyph_likeness.h"
#include "suppcheck/ocr/number_line_reads.h"
#include "suppcheck/ocr/readability.h"
#include "suppcheck/ocr/turned_text_search.h"
#include "suppcheck/scan/levelled_number_band.h"
#include "suppcheck/scan/line_reread.h"
#include "suppcheck/scan/unread_row_read.h"

namespace suppcheck {

namespace {

// Re-reads of the number line at most, besides the page-level read (most photos settle after two).
constexpr int kMaxNumberReReads = 6;

// No clean number: re-reads, in all languages and enlarged, the short lines that may hold one
// whose category OCR lost ("84/2749"), and keeps a valid reading.
void ReReadNumberLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                       NumberFinding& number) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!MayHoldNumber(lines[i].text, ctx.models.vocabulary) && static_cast<int>(i) != number.line) continue;
    TextLine copy = lines[i];
    if (!ReReadLine(ctx, prep, copy, /*force=*/true)) continue;
    auto found = FindNumberCandidates({copy}, ctx.models.vocabulary);
    if (found.empty() || !found.front().number.valid()) continue;
    NumberFinding better = found.front();
    better.line = static_cast<int>(i);
    if (!number.number.valid() || BetterNumberFinding(better, number) ||
        better.number.categories.size() > number.number.categories.size()) {
      lines[i] = copy;
      number = better;
    }
  }
}

// Still nothing: the number line may sit tight under the address or by the lot line, dropped by
// the page-level pass. Reads the bands there; a line found joins `lines`.
void ReadDroppedNumberLine(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                           NumberFinding& number) {
  auto dropped = FindDroppedNumberLine(ctx.engine, prep, lines, ctx.models.vocabulary);
  if (!dropped) return;
  lines.push_back(std::move(*dropped));
  number = FindNumberCandidates({lines.back()}, ctx.models.vocabulary).front();
  number.line = static_cast<int>(lines.size() - 1);
}

// Still nothing: a number printed in a box, which the sparse page pass takes for a picture and
// skips (image/text_frames.h). Reads the inside of each frame as one line; a line found joins
// `lines`. None found: a frame next to the legal text is kept in `number.unreadFrame` (the
// number may stand in it, unread).
void ReadFramedNumberLine(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                          NumberFinding& number) {
  const int textHeight = prep.GlyphHeightOr20();
  const std::vector<Box> frames = FindTextFrames(prep.gray, textHeight);
  auto framed = ReadNumberLineInBands(ctx.engine, prep, frames, ctx.models.vocabulary);
  if (!framed) {
    for (const Box& f : frames)
      if (NearLegalText(lines, f, ctx.models.vocabulary)) {
        number.unreadFrame = f;
        break;
      }
    return;
  }
  lines.push_back(std::move(framed->line));
  number = FindNumberCandidates({lines.back()}, ctx.models.vocabulary).front();
  number.line = static_cast<int>(lines.size() - 1);
  number.frame = framed->band;
}

// The inside of a frame printed round `n` (`prep`'s pixels), when it has one: found by
// FindTextFrames or by the pass that read the number inside it.
std::optional<Box> EnclosingFrameInside(const PreparedImage& prep, const NumberFinding& n) {
  if (n.box.empty()) return std::nullopt;
  const int textHeight = prep.GlyphHeightOr20();
  const int slack = std::max(2, textHeight / 2);
  std::vector<Box> frames = FindTextFrames(prep.gray, textHeight);
  if (!n.frame.empty()) frames.push_back(n.frame);
  for (const Box& inside : frames) {
    const bool encloses = n.box.x >= inside.x - slack && n.box.right() <= inside.right() + slack &&
                          n.box.y >= inside.y - slack && n.box.bottom() <= inside.bottom() + slack;
    if (encloses) return inside;
  }
  return std::nullopt;
}

// Whether `n` stands at the start of the inside of a frame printed round it: then the slash read
// just before it is the frame's left edge ("/NUT607/1" for a boxed "NUT607/1"), and nothing of
// the number can stand before it.
bool FramedFromItsStart(const PreparedImage& prep, const NumberFinding& n) {
  const auto inside = EnclosingFrameInside(prep, n);
  return inside && n.box.x - inside->x <= prep.GlyphHeightOr20();
}

// A line the page pass read this unsure of (mean word confidence) says little about what is
// printed there: the number lines it garbled on the not_seen photos of the dev label sets read
// at 5-43 ("seas renin" for a small "NUT/AS 7442/697", 81234 hard-0028; "WAS 254" for
// "NUT/AS 25/4", 70701 hard-0036).
constexpr float kGarbledLineConfidence = 50;
// Garbled lines re-read at most (one single-line read each): a blurred photo garbles every line
// of its small print, and re-reading four of them took 1.3 s (25417 hard-0032) for nothing; the
// number found by this pass on the dev and extra label sets (session 23) was among the first two.
constexpr size_t kMaxGarbledReReads = 2;
// ... each as short as a number line with its label, and with a few letters or digits (specks
// and rules read as "a", "—").
constexpr size_t kMostGarbledChars = 40;
constexpr int kLeastGarbledAlnum = 3;
// How much the first garbled line is stretched across to read it once more when its re-read gave
// no number: the squeezed "NUT/NUT 930/23" of label seed 63389 hard-0031 read whole from 1.4 to
// 2.2 times its width.
constexpr double kGarbledLineWiden = 1.8;
// ... when it is as short as a number line with its label word: a longer line is prose, and its
// stretched re-read costs the most.
constexpr size_t kMostWidenedChars = 28;
// ... and whose box is shaped like a line of print: at least half a glyph high (rules and edges
// read as "a access accra eet" 1564 x 2 px, label seed 55291 phone-0023; "_ a on" 629 x 4 px,
// 70701 phone-0020), and at most this many glyph heights across: the longest number line with its
// label word ("N° de notification : NUT/PL/AS 1234/5678") runs about 25, while lines of 45-78
// glyph heights were the background's texture or several columns run together (70701 hard-0034,
// phone-0016, 81234 hard-0036), each re-read costing up to a second for nothing.
constexpr double kLeastGarbledHeightInGlyphs = 0.5;
constexpr double kMostGarbledWidthInGlyphs = 40;

bool ShapedLikeALineOfPrint(const Box& box, int glyphHeight) {
  return box.h >= kLeastGarbledHeightInGlyphs * glyphHeight && box.w <= kMostGarbledWidthInGlyphs * glyphHeight;
}

// Nothing found anywhere (upright passes and turned blocks): the number line may be among the
// upright lines the page pass read as gibberish, which no other pass re-reads (no digits and
// slash, no legal line next to it). Re-reads the most readable of them, enlarged from the photo
// in all languages, and keeps a valid reading. `upright` lines of `lines` are the page pass's
// (the turned blocks' lines after them run down the image: a single-line read across is no use).
void ReReadGarbledLines(const ScanContext& ctx, const PreparedImage& prep, std::vector<TextLine>& lines,
                        size_t upright, NumberFinding& number) {
  std::vector<std::pair<float, size_t>> garbled;  // (letters and digits x confidence, line)
  for (size_t i = 0; i < std::min(upright, lines.size()); ++i) {
    const TextLine& line = lines[i];
    if (line.box.empty() || line.text.size() > kMostGarbledChars) continue;
    if (!ShapedLikeALineOfPrint(line.box, prep.GlyphHeightOr20())) continue;
    const int alnum = static_cast<int>(std::count_if(line.text.begin(), line.text.end(),
                                                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
    if (alnum < kLeastGarbledAlnum) continue;
    const float confidence = line.MeanConfidenceOf(0, line.text.size());
    // Lines that may hold a number were re-read by ReReadNumberLines already.
    if (MayHoldNumber(line.text, ctx.models.vocabulary)) continue;
    // A line starting with a category in capitals ("NUTS]") is the number's start, however sure.
    if (confidence >= kGarbledLineConfidence && !MayStartNumber(line.text, ctx.models.vocabulary)) continue;
    garbled.emplace_back(static_cast<float>(alnum) * confidence, i);
  }
  // The most characters read with some confidence first (letters and digits times the line's
  // confidence): a garbled line of print keeps some of its many characters, a speck of the
  // background reads as two or three, the dotted leaders of a table as many at confidence 0.
  // Ranked by confidence alone, three specks below a label ("wed" 25, "ee et" 18, "3 SF" 18) came
  // before its number line ("a '8 MINIT says", 16; label seed 63389 hard-0031); by the characters
  // alone, the leaders of the US panel's table ("eeeereevane seaenee", 0) came first.
  std::stable_sort(garbled.begin(), garbled.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (garbled.size() > kMaxGarbledReReads) garbled.resize(kMaxGarbledReReads);
  // A number the finder takes from a re-read: a valid one, or one read whole with a category it
  // does not allow ("NUT/NUT 930/23" is invalid, as the `number` command says: no photo of it
  // may report the number `missing`).
  const auto numberIn = [&](const TextLine& line) -> std::optional<NumberFinding> {
    auto found = FindNumberCandidates({line}, ctx.models.vocabulary);
    if (found.empty()) return std::nullopt;
    const NotificationNumber& n = found.front().number;
    if (n.valid() || (n.status == NumberStatus::Invalid && n.product)) return found.front();
    return std::nullopt;
  };
  // A re-read that shows the number's shape without a number the finder takes ("= NUT49488",
  // the slash lost) replaces the garbled line: the scan must not then say the label has none
  // (scanner.cpp, NoAbsenceBesideUnreadLegalText).
  const auto keepIfNumberShaped = [&](size_t i, const TextLine& reread) {
    if (SlashLostNumberLine(reread.text, ctx.models.vocabulary) || NumberShapedLine(reread.text, ctx.models.vocabulary))
      lines[i] = reread;
  };
  for (const auto& [score, i] : garbled) {
    // The page pass's line: a number-shaped re-read may replace it below, the widened re-read
    // starts from the page's reading all the same.
    const TextLine pageLine = lines[i];
    TextLine copy = pageLine;
    if (!ReReadLine(ctx, prep, copy, /*force=*/true)) continue;
    auto found = numberIn(copy);
    if (!found) keepIfNumberShaped(i, copy);
    // Nothing read from the line with the most characters: a condensed font squeezed at a
    // bottle's edge runs its characters together ("N° notif.: NUT/NUT 930/23" read "Fa NUT sn",
    // label seed 63389 hard-0031), and stretched they stand apart again.
    if (!found && i == garbled.front().second && pageLine.text.size() <= kMostWidenedChars) {
      copy = pageLine;
      if (ReReadLineWidened(ctx, prep, copy, kGarbledLineWiden)) found = numberIn(copy);
      if (!found) keepIfNumberShaped(i, copy);
    }
    if (!found) continue;
    lines[i] = std::move(copy);
    number = *found;
    number.line = static_cast<int>(i);
    return;
  }
}

// `n` becomes unreadable: the number could not be read with confidence, for the reason `why`.
void MarkUncertain(NumberFinding& n, const std::string& why) {
  n.number.status = NumberStatus::Unreadable;
  n.number.canonical.clear();
  n.number.SetProblem(NumberProblemKind::Uncertain, "the number could not be read with confidence: " + why);
  n.confidence = 0;
}


// Whether the second model, reading only the inside of the frame printed round the number, reads
// what the first model's reads agreed on. The frame's stroke beside the last digit reads as part of
// it to that model: "NUT 7215/77]" read 7215/71 at every size, a sharp boxed number a person reads
// at once (label seed 52790 phone-0020). Asked only once that model read the band otherwise, and
// not on a levelled band (its pixels are not the page's, where the frame is found).
bool CheckerAgreesInsideFrame(const ScanContext& ctx, TesseractEngine& checker, const PreparedImage& prep,
                              const Box& band, const NumberFinding& first, const NumberFinding& agreed,
                              bool levelled) {
  if (levelled) return false;
  const auto inside = EnclosingFrameInside(prep, agreed);
  if (!inside) return false;
  const Box clipped = band.Intersected(*inside);
  if (clipped.empty() || clipped.w >= band.w) return false;  // the frame's sides were not in the band
  const auto other = SecondModelReadsOtherwise(
      checker, prep, clipped, ctx.models.vocabulary, first, agreed.number.canonical,
      [&](const std::string& how, const cv::Mat& crop) { ctx.Debug("3-inside-" + how, crop); });
  return !other;
}

// Reads the number line again in several independent ways and keeps what the reads agree on:
// valid or invalid only when they agree, unreadable when they do not (number_reads_agreement.h).
NumberFinding VerifyNumber(const ScanContext& ctx, const PreparedImage& pagePrep, const std::vector<TextLine>& lines,
                           const NumberFinding& first) {
  Box band = NumberLineBand(lines, first, pagePrep.gray);
  const auto readsOfBand = [&](TesseractEngine& engine, const PreparedImage& image, const Box& where,
                                const std::vector<NumberFinding>& previous, const std::string& debugName) {
    return ReReadNumberBand(
        engine, image, where, ctx.models.vocabulary, previous, kMaxNumberReReads,
        [](const std::vector<NumberFinding>& sofar) { return AgreementSettled(AgreeOnNumber(sofar)); },
        [&](const std::string& how, const cv::Mat& crop) { ctx.Debug(debugName + how, crop); });
  };
  const auto reReadBand = [&](const PreparedImage& image, const Box& where, const std::string& debugName) {
    return AgreeOnNumber(readsOfBand(ctx.engine, image, where, {first}, debugName));
  };
  const std::vector<NumberFinding> bandReads = readsOfBand(ctx.engine, pagePrep, band, {first}, "3-number-");
  NumberFinding out = AgreeOnNumber(bandReads).finding;
  // The reads disagreed: the band may slope through the ends of its neighbouring lines (a turned
  // side panel photographed in perspective). Read again cut level, when it slopes; the checks
  // below then look at the levelled band too. Only then: a band read alike at once pays nothing.
  std::optional<LevelledBand> levelled;
  if (out.number.status == NumberStatus::Unreadable) levelled = LevelNumberBand(pagePrep, band);
  if (levelled) {
    NumberFinding again = reReadBand(levelled->region.image, levelled->band, "3-levelled-").finding;
    if (again.number.status == NumberStatus::Valid || again.number.status == NumberStatus::Invalid) {
      // Where the page-level read saw it: the re-reads' boxes are in the levelled cut-out's pixels.
      again.box = first.box;
      out = again;
      band = levelled->band;
    } else {
      levelled.reset();
    }
  }
  // Still unsure: the reads in all label languages may split over a condensed or light-on-colour
  // print, or find the number only once, where the English model alone reads it steadily. Label
  // seed 55291 clean-0005, "NUT 3390/573" condensed white on green: the four-language reads gave
  // 3390/573, 3390/3573, 3590/5735 and 3590/5753, the English model 3390/573 in every read;
  // 70833 phone-0023, "PL 8237/532" in a narrow font on a blurred side panel: only the page-level
  // read found it, the English model's re-reads all did. Its reads count only when they settle by
  // themselves (three alike, none other) on a number one of the first reads gave too (the
  // page-level read included); the glyph and second-model checks below then apply as to any.
  if (!levelled && out.number.status == NumberStatus::Unreadable && &ctx.firstPass != &ctx.engine) {
    const NumberAgreement english = AgreeOnNumber(readsOfBand(ctx.firstPass, pagePrep, band, {}, "3-english-"));
    const std::string key = AgreementKey(english.finding);
    const bool readBefore = std::any_of(bandReads.begin(), bandReads.end(), [&](const NumberFinding& r) {
      return !r.startCut && r.digitsAfter.empty() && !r.endGarbled && AgreementKey(r) == key;
    });
    if (english.finding.number.valid() && AgreementSettled(english) && readBefore) {
      const int line = out.line;
      out = english.finding;
      out.line = line;
      out.box = first.box;
    }
  }
  const PreparedImage& prep = levelled ? levelled->region.image : pagePrep;
  if (out.line < 0) out.line = first.line;
  if (out.box.empty()) out.box = first.box;
  out.labelled |= first.labelled;
  // All reads agreeing on a number whose categories were cut at the start ("/ AS 455/12") is
  // agreement on a part: the category may be incomplete, so the number is not certain. Unless
  // the reads found more categories than the cut read had: they saw the start it missed
  // ("SUT PL739534" on the page, "NUT/PL 739/534" in every re-read).
  if (out.number.status != NumberStatus::Unreadable && out.number.status != NumberStatus::Missing &&
      first.startCut && out.number.categories.size() <= first.number.categories.size() &&
      !FramedFromItsStart(pagePrep, first)) {
    MarkUncertain(out, "the text before it looks cut off (a category may be missing)");
  }
  // Every read agreed; one more, with character boxes, may see a digit otherwise, and the glyph
  // there may look like that other digit printed elsewhere on the line (number_glyph_likeness.h).
  // The band's glyphs are read once, for this check and the second model's below.
  NumberBandGlyphs glyphs;
  if (out.number.valid()) {
    glyphs = ReadNumberBandGlyphs(ctx.engine, prep, band);
    if (const auto unlike = CheckNumberGlyphs(glyphs, out.number)) {
      MarkUncertain(out, "a digit read as " + unlike->readAs + " looks like the " + unlike->looksLike +
                             " printed beside it");
    }
  }
  // The fast model can misread a blurred digit the same way in every read (confidences 96-100,
  // label seed 33517: "68/33" read 68/35, "781/891" read 701/001). The second model reads the
  // band: a number it clearly reads otherwise is not certain (ocr/number_check_model.h). Unless
  // the one digit it reads otherwise is, glyph for glyph, the agreed digit printed elsewhere on
  // the line: then the second model misreads (60493 phone-0022, a serif "AS 4007/54" it reads
  // 1007/54 at every size, its first 4 the twin of the 4 in "54"; ocr/number_glyph_likeness.h).
  TesseractEngine* checker = out.number.valid() && ctx.numberChecker ? ctx.numberChecker->Get() : nullptr;
  if (checker) {
    const auto other = SecondModelReadsOtherwise(
        *checker, prep, band, ctx.models.vocabulary, first, out.number.canonical,
        [&](const std::string& how, const cv::Mat& crop) { ctx.Debug("3-" + how, crop); });
    if (other && !GlyphsBackAgreedNumber(glyphs, out.number, *other) &&
        !CheckerAgreesInsideFrame(ctx, *checker, prep, band, first, out, levelled.has_value()))
      MarkUncertain(out, "two recognition models read it differently ('" + out.number.canonical + "', '" + *other + "')");
  }
  return out;
}

// The number on the lines of a turned reading (set in `turned`), and as on the upright text,
// tight under the address or the lot line, or in a box.
NumberFinding FindInTurnedReading(const ScanContext& ctx, const TurnedReading& reading, std::vector<TextLine>& turned) {
  turned = BuildLines(reading.words);
  NumberFinding found = FindNotificationNumber(turned, ctx.models.vocabulary);
  // As on the upright page: a number read but not valid ("NUT 7677", its slash read as a 7)
  // gets its line re-read (seed 81234 phone-0030).
  if (found.number.status != NumberStatus::Missing && (!found.number.valid() || found.repaired))
    ReReadNumberLines(ctx, reading.region.image, turned, found);
  if (found.number.status == NumberStatus::Missing) ReadDroppedNumberLine(ctx, reading.region.image, turned, found);
  if (found.number.status == NumberStatus::Missing) ReadFramedNumberLine(ctx, reading.region.image, turned, found);
  found.unreadFrame = {};  // in the turned block's pixels: the upright pass's own frames decide
  return found;
}

}  // namespace

// Still nothing: the legal text may run at 90 degrees to the rest (a box's flank beside the
// front). Reads the blocks of ink that the page-level pass left unread, each turned a quarter
// either way; appends their lines (in `prep`'s pixels) to `lines` and returns the number found
// there, verified by re-reads in the turned block, or `none` when there is none.
NumberFinding ReadTurnedBlocks(const ScanContext& ctx, const PreparedImage& prep, const std::vector<OcrWord>& words,
                               std::vector<TextLine>& lines, const NumberFinding& none) {
  for (const Box& block : UnreadInkRegions(prep.gray, words)) {
    if (CoversThePhoto(block, prep.gray.size())) continue;
    std::vector<TextLine> turned;
    NumberFinding found;
    double sparseReadability = 0;
    auto reading = ReadTurnedBlock(ctx.firstPass, prep, block, {}, &sparseReadability);
    if (reading) found = FindInTurnedReading(ctx, *reading, turned);
    // Another reading of the block, kept when it finds a number where there was none, or a valid
    // one where the number was not; or, with `keepAnyway`, when there was no reading at all.
    const auto tryAgainIn = [&](const Box& where, const TurnedReadOptions& options, bool keepAnyway) {
      if (reading && found.number.valid()) return;
      auto again = ReadTurnedBlock(ctx.firstPass, prep, where, options);
      if (!again) return;
      std::vector<TextLine> againLines;
      const NumberFinding second = FindInTurnedReading(ctx, *again, againLines);
      const bool better = found.number.status == NumberStatus::Missing ? second.number.status != NumberStatus::Missing
                                                                       : second.number.valid();
      // Neither finds a number: the reading with more words and no fewer lines of legal text, for
      // that text. A side panel seen in perspective, its lines 8 degrees off once turned, read "78
      // THT 05/2027" sparse and "Lot 3646/478 THT 05/2027" as one block: the lot and the date that
      // let the report say `missing` rather than `not_seen` (label seed 31415 phone-0014).
      const bool readsMore = reading && found.number.status == NumberStatus::Missing &&
                             second.number.status == NumberStatus::Missing &&
                             Readability(again->words) > Readability(reading->words) &&
                             LegalTextLines(againLines, ctx.models.vocabulary).size() >=
                                 LegalTextLines(turned, ctx.models.vocabulary).size();
      if ((!reading && keepAnyway) || better || readsMore) {
        reading = std::move(again);
        turned = std::move(againLines);
        found = second;
      }
    };
    const auto tryAgain = [&](const TurnedReadOptions& options, bool keepAnyway) { tryAgainIn(block, options, keepAnyway); };
    // A flank photographed in perspective runs down at 80 degrees, not 90: its lines, turned a
    // quarter, are 10 degrees off level and read as confetti (seed 40961 phone-0014). Levelled
    // and read again, but only then: the sparse pass's layout analysis is not steadier on a
    // levelled block in general (a barcode beside the lines made it lose them, 93001 phone-0016).
    // A number read but not valid ("NUT/PL7AS G51") may be the skew's doing too.
    tryAgain({.level = true}, /*keepAnyway=*/true);
    // The following readings replace a sparse one only for a number (the sparse reading's lines
    // are the ones measured for the rest of the scan), and are made only where the sparse pass
    // read some words (a readability of 5: a word of five letters, or two short ones): blocks of
    // glare or texture read as a speck or nothing either way, and a large one (readability 3)
    // took 3 s to read again (36527 hard-0035).
    constexpr double kSomeWords = 5;
    if (sparseReadability >= kSomeWords) {
      // A short panel's few words: "N° de notification : NUT 7677" (76/7, its slash read as a 7)
      // is a readability of 7, under the bar for a block of text, yet its number line is there
      // for the re-reads (seed 81234 phone-0030).
      if (!reading) tryAgain({.minReadability = 1}, /*keepAnyway=*/false);
      // Sparse layout analysis can lose a short panel's lines beside a barcode, and then the
      // barcode's digits read upside down ("ESTCEE 7986 HL9", readability 13) outscore the right
      // turn (7). Read as one block, the right turn wins by 30 to 6, and its lot line leads the
      // framed pass to the boxed "NUT 1/131" (seed 36527 phone-0023).
      // Where no other reading was kept, this one is kept even without a number: its lot and
      // best-before line is the legal text that lets the report say `missing` rather than
      // `not_seen` (seed 60511 clean-0001: "LOT 7516/956 EXP 08/2030" beside a barcode, 24 to
      // 17 sparse, too close to call; 24 to 9 as one block).
      tryAgain({.mode = PageMode::SingleBlock}, /*keepAnyway=*/true);
    }
    // A number cut after its start at the block's edge: "Notification number: NUT 3 /" whose
    // next line, "18", the closing left outside the block (seed 93001 clean-0010). The block
    // widened across its lines, by two of the start's line heights each way, read again.
    if (reading && found.number.status != NumberStatus::Missing && !found.number.product && !found.box.empty()) {
      const Box start = ToParent(reading->region, found.box);
      const int pad = 2 * std::min(start.w, start.h);
      const int x0 = std::max(0, block.x - pad);
      tryAgainIn({x0, block.y, std::min(prep.gray.cols, block.right() + pad) - x0, block.h}, {}, /*keepAnyway=*/false);
    }
    if (!reading) continue;
    ctx.Debug("2-turned-block", reading->region.image.gray);
    if (found.number.status != NumberStatus::Missing) found = VerifyNumber(ctx, reading->region.image, turned, found);
    const int offset = static_cast<int>(lines.size());
    for (auto& line : turned) {
      line.box = ToParent(reading->region, line.box);
      for (auto& w : line.words) w.box = ToParent(reading->region, w.box);
      lines.push_back(std::move(line));
    }
    if (found.number.status == NumberStatus::Missing) continue;
    found.box = ToParent(reading->region, found.box);
    // The frame is in the turned block's pixels, which nothing after this pass works in: dropped,
    // so that no later re-read looks for it in the upright image.
    found.frame = {};
    if (found.line >= 0) found.line += offset;
    return found;
  }
  return none;
}

void DoubtLeadingZero(NumberFinding& n) {
  if (n.number.status != NumberStatus::Valid) return;
  for (const auto& part : {n.number.producer, n.number.product})
    if (part && part->size() > 1 && (*part)[0] == '0') {
      MarkUncertain(n, "'" + *part + "' starts with a 0, which no notification number does; a digit was probably misread");
      return;
    }
}

NumberFinding ReadNotificationNumber(const ScanContext& ctx, const PreparedImage& prep,
                                     const std::vector<OcrWord>& words, std::vector<TextLine>& lines,
                                     PassTimer& timer) {
  const auto candidates = FindNumberCandidates(lines, ctx.models.vocabulary);
  NumberFinding number;
  if (!candidates.empty()) number = candidates.front();
  if (!number.number.valid() || number.repaired) {
    ReReadNumberLines(ctx, prep, lines, number);
    timer.Mark("number-lines");
  }
  if (number.number.status == NumberStatus::Missing) {
    ReadDroppedNumberLine(ctx, prep, lines, number);
    timer.Mark("dropped-line");
  }
  if (number.number.status == NumberStatus::Missing) {
    ReadFramedNumberLine(ctx, prep, lines, number);
    timer.Mark("framed-line");
  }
  if (number.number.status == NumberStatus::Missing) {
    ReadNumberInUnreadRows(ctx, prep, lines, number);
    timer.Mark("unread-rows");
  }
  if (number.number.status != NumberStatus::Missing) {
    number = VerifyNumber(ctx, prep, lines, number);
    timer.Mark("verify-number");
  }
  if (number.number.status == NumberStatus::Missing) {
    const size_t upright = lines.size();
    number = ReadTurnedBlocks(ctx, prep, words, lines, number);
    timer.Mark("turned-blocks");
    if (number.number.status == NumberStatus::Missing) {
      ReReadGarbledLines(ctx, prep, lines, upright, number);
      if (number.number.status != NumberStatus::Missing) number = VerifyNumber(ctx, prep, lines, number);
      timer.Mark("garbled-lines");
    }
  }
  return number;
}

}  // namespace suppcheck
