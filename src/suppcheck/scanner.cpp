#include "suppcheck/scanner.h"

#include <algorithm>
#include <fstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "suppcheck/conclude.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/legal_text_legibility.h"
#include "suppcheck/extract/number_reads_agreement.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/extract/text_lines.h"
#include "suppcheck/image/region_render.h"
#include "suppcheck/ocr/legal_line_search.h"
#include "suppcheck/ocr/number_line_reads.h"
#include "suppcheck/ocr/readability.h"
#include "suppcheck/ocr/turned_text_search.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/report/annotated_image.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Re-reads of the number line at most, besides the page-level read (most photos settle after two).
constexpr int kMaxNumberReReads = 6;
// A first pass this unreadable (confident letters and digits) is retried on the inverted photo.
constexpr double kInvertBelowReadability = 60;
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
// So little read that the photo may be sideways (a tube, a layout test that missed): the
// quarter turns too.
constexpr double kQuarterTurnsBelowReadability = 40;
// Words at least this confident are drawn green in the debug image, the others red.
constexpr float kDebugConfidentWord = 60;
// A dose or directions line read at least this confidently is not read again for the dose.
constexpr float kDoseLineSureConfidence = 93;
// Lines naming a nutrient next to a digit that make a table worth reading again as a block.
constexpr int kMinTableRows = 3;

namespace {

std::string SafeStem(const std::string& name) {
  std::string stem = fs::path(name).stem().string();
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return stem.empty() ? "input" : stem;
}

Box Pad(const Box& b, int px, int py, const cv::Size& limit) {
  const int x0 = std::max(0, b.x - px), y0 = std::max(0, b.y - py);
  const int x1 = std::min(limit.width, b.right() + px), y1 = std::min(limit.height, b.bottom() + py);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

}  // namespace

struct Scanner::Impl {
  std::shared_ptr<const Models> models;
  ScannerOptions options;
  Registry* registry = nullptr;
  std::unique_ptr<TesseractEngine> engine;     // targeted re-reads: all label languages
  std::unique_ptr<TesseractEngine> firstPass;  // whole-label pass: fast; may be `engine` itself
  TesseractEngine& FirstPass() { return firstPass ? *firstPass : *engine; }

  void Debug(const std::string& name, const std::string& step, const cv::Mat& image) const {
    if (options.debugDir.empty() || image.empty()) return;
    std::error_code ec;
    fs::create_directories(options.debugDir, ec);
    cv::imwrite((options.debugDir / (SafeStem(name) + "." + step + ".png")).string(), image);
  }

  // Re-reads one text line enlarged, as a single line; replaces its words when the new reading
  // is more confident (or always, with `force`, for a caller that judges the result itself). Used on the lines a dose or the directions come from.
  bool ReReadLine(const PreparedImage& prep, TextLine& line, bool force = false) {
    if (line.box.empty()) return false;
    const int h = std::max(8, line.box.h);
    // A forced re-read looks for characters the first pass lost at the ends of the line (a
    // category squeezed at the edge of a bottle): take more room on both sides.
    const Box region = Pad(line.box, force ? 3 * h : h / 2, h / 3, prep.gray.size());
    if (region.empty()) return false;
    const double f = std::clamp(56.0 / h, 1.0, 3.0);
    cv::Mat crop = RenderRegion(prep, region, f);
    cv::copyMakeBorder(crop, crop, 12, 12, 12, 12, cv::BORDER_REPLICATE);
    if (force) Debug("line", "6-reread-" + std::to_string(line.box.y), crop);
    std::vector<OcrWord> words = engine->Recognize(crop, PageMode::SingleLine);
    if (words.empty()) return false;
    double before = 0, after = 0;
    for (const auto& w : line.words) before += w.confidence;
    before /= static_cast<double>(std::max<size_t>(1, line.words.size()));
    for (auto& w : words) {
      after += w.confidence;
      w.box = {static_cast<int>((w.box.x - 12) / f) + region.x, static_cast<int>((w.box.y - 12) / f) + region.y,
               std::max(1, static_cast<int>(w.box.w / f)), std::max(1, static_cast<int>(w.box.h / f))};
      w.lineId = 0;
    }
    after /= static_cast<double>(words.size());
    if (!force && after <= before + 2) return false;
    auto rebuilt = BuildLines(words);
    if (rebuilt.size() != 1) return false;
    line = std::move(rebuilt.front());
    return true;
  }

  // The nutrient table read again as one block of text (Tesseract's "uniform block"): the
  // whole-label pass reads sparse text and loses rows whose name, dot leaders and amount it
  // takes for separate pieces. The region: the lines that name a nutrient next to a digit, from
  // the first to the last, widened by a line. Its lines are read beside the first pass's (a
  // row read in both counts twice in the vote of extract/dose_choice), for the nutrients only:
  // the magnesium reading keeps to its own lines. Empty when there is no table of three rows.
  std::vector<TextLine> ReReadNutrientTable(const PreparedImage& prep, const std::vector<TextLine>& lines,
                                            const std::string& name) {
    Box region;
    int rows = 0, lineH = 0;
    for (const auto& line : lines) {
      if (line.box.empty()) continue;
      const FoldedText ft = FoldForMatching(line.text);
      const auto names = models->nutrientNames.Find(ft.text);
      if (std::none_of(ft.text.begin(), ft.text.end(), IsAsciiDigit) || names.empty()) continue;
      // The names and the percentages, not the whole line: OCR adds noise at a line's ends.
      std::vector<std::pair<size_t, size_t>> spans;
      for (const auto& m : names) spans.push_back({m.begin, m.end});
      for (const auto& p : FindPercents(ft.text)) spans.push_back({p.begin, p.end});
      for (const auto& [b, e] : spans) {
        const auto [ob, oe] = ft.OriginalRange(b, e);
        const Box box = line.BoxOf(ob, oe);
        if (!box.empty()) region = region.empty() ? box : region.United(box);
      }
      lineH = std::max(lineH, line.box.h);
      ++rows;
    }
    if (rows < kMinTableRows || region.empty()) return {};
    region = Pad(region, lineH / 2, lineH, prep.gray.size());
    if (region.empty()) return {};
    // Table print is often the label's smallest: read it at the re-reads' detail.
    const double f = prep.detailFactor;
    const cv::Mat crop = RenderRegion(prep, region, f);
    Debug(name, "7-nutrient-table", crop);
    std::vector<OcrWord> words = FirstPass().Recognize(crop, PageMode::SingleBlock);
    for (auto& w : words)
      w.box = {static_cast<int>(w.box.x / f) + region.x, static_cast<int>(w.box.y / f) + region.y,
               std::max(1, static_cast<int>(w.box.w / f)), std::max(1, static_cast<int>(w.box.h / f))};
    return BuildLines(words);
  }

  // Reads the number line again in several independent ways and keeps what the reads agree on:
  // valid or invalid only when they agree, unreadable when they do not (number_reads_agreement.h).
  NumberFinding VerifyNumber(const PreparedImage& prep, const std::vector<TextLine>& lines, const NumberFinding& first,
                             const std::string& name) {
    const Box band = NumberLineBand(lines, first, prep.gray);
    auto reads = ReReadNumberBand(
        *engine, prep, band, models->vocabulary, {first}, kMaxNumberReReads,
        [](const std::vector<NumberFinding>& sofar) { return AgreementSettled(AgreeOnNumber(sofar)); },
        [&](const std::string& how, const cv::Mat& crop) { Debug(name, "3-number-" + how, crop); });
    NumberFinding out = AgreeOnNumber(reads).finding;
    if (out.line < 0) out.line = first.line;
    if (out.box.empty()) out.box = first.box;
    out.labelled |= first.labelled;
    // All reads agreeing on a number whose categories were cut at the start ("/ AS 455/12") is
    // agreement on a part: the category may be incomplete, so the number is not certain.
    if (out.number.status != NumberStatus::Unreadable && out.number.status != NumberStatus::Missing &&
        first.startCut) {
      out.number.status = NumberStatus::Unreadable;
      out.number.canonical.clear();
      out.number.problems = {"the number could not be read with confidence: the text before it looks cut off (a category may be missing)"};
      out.confidence = 0;
    }
    return out;
  }

  // Reads the blocks of ink that the page-level pass left unread, each turned a quarter either
  // way; appends their lines (in `prep`'s pixels) to `lines` and returns the number found there,
  // verified by re-reads in the turned block, or `none` when there is none.
  NumberFinding ReadTurnedBlocks(const PreparedImage& prep, const std::vector<OcrWord>& words, std::vector<TextLine>& lines,
                                 const NumberFinding& none, const std::string& name) {
    for (const Box& block : UnreadInkRegions(prep.gray, words)) {
      auto reading = ReadTurnedBlock(FirstPass(), prep, block);
      if (!reading) continue;
      Debug(name, "2-turned-block", reading->region.image.gray);
      std::vector<TextLine> turned = BuildLines(reading->words);
      NumberFinding found = FindNotificationNumber(turned, models->vocabulary);
      // As on the upright text: the number line may hide tight under the address or the lot line.
      if (found.number.status == NumberStatus::Missing) {
        if (auto dropped = FindDroppedNumberLine(*engine, reading->region.image, turned, models->vocabulary)) {
          turned.push_back(std::move(*dropped));
          found = FindNotificationNumber({turned.back()}, models->vocabulary);
          found.line = static_cast<int>(turned.size() - 1);
        }
      }
      if (found.number.status != NumberStatus::Missing) found = VerifyNumber(reading->region.image, turned, found, name);
      const int offset = static_cast<int>(lines.size());
      for (auto& line : turned) {
        line.box = ToParent(reading->region, line.box);
        for (auto& w : line.words) w.box = ToParent(reading->region, w.box);
        lines.push_back(std::move(line));
      }
      if (found.number.status == NumberStatus::Missing) continue;
      found.box = ToParent(reading->region, found.box);
      if (found.line >= 0) found.line += offset;
      return found;
    }
    return none;
  }
};

Scanner::~Scanner() = default;

Expected<std::unique_ptr<Scanner>> Scanner::Create(std::shared_ptr<const Models> models, ScannerOptions options,
                                                   Registry* registry) {
  auto engine = TesseractEngine::Create(options.tessdataDir, options.languages);
  if (!engine) return engine.error();
  std::unique_ptr<TesseractEngine> firstPass;
  if (!options.firstPassLanguages.empty() && options.firstPassLanguages != options.languages) {
    auto fp = TesseractEngine::Create(options.tessdataDir, options.firstPassLanguages, /*retryInverted=*/false);
    if (!fp) return fp.error();
    firstPass = std::move(*fp);
  }
  std::unique_ptr<Scanner> s(new Scanner());
  s->impl_ = std::make_unique<Impl>();
  s->impl_->models = std::move(models);
  s->impl_->options = std::move(options);
  s->impl_->registry = registry;
  s->impl_->engine = std::move(*engine);
  s->impl_->firstPass = std::move(firstPass);
  return s;
}

ScanResult Scanner::ScanFile(const fs::path& path) {
  auto image = LoadImage(path, impl_->options.limits);
  if (!image) {
    ScanResult r;
    r.file = path.string();
    r.error = image.error();
    return r;
  }
  return ScanImage(image->bgr, path.string());
}

ScanResult Scanner::ScanBytes(const std::string& bytes, const std::string& name) {
  auto image = DecodeImage(bytes, name, impl_->options.limits);
  if (!image) {
    ScanResult r;
    r.file = name;
    r.error = image.error();
    return r;
  }
  return ScanImage(image->bgr, name);
}

ScanResult Scanner::ScanImage(const cv::Mat& bgr, const std::string& name) {
  ScanResult r;
  r.file = name;
  const auto t0 = Clock::now();
  PassTimer timer;
  try {
    PreparedImage prep = PrepareImage(bgr, impl_->options.prepare);
    impl_->Debug(name, "1-working", prep.gray);
    timer.Mark("prepare");
    std::vector<OcrWord> words = impl_->FirstPass().Recognize(prep.gray, PageMode::Sparse);
    timer.Mark("page");
    // Almost nothing read: perhaps light text on a dark label (white on colour), which the
    // whole-label pass does not retry inverted. Read the inverted photo; keep the better.
    if (Readability(words) < kInvertBelowReadability) {
      cv::Mat inverted;
      cv::bitwise_not(bgr, inverted);
      PreparedImage other = PrepareImage(inverted, impl_->options.prepare);
      std::vector<OcrWord> otherWords = impl_->FirstPass().Recognize(other.gray, PageMode::Sparse);
      if (Readability(otherWords) > kClearlyMoreReadable * Readability(words) + kInvertedMargin) {
        prep = std::move(other);
        words = std::move(otherWords);
      }
      timer.Mark("inverted");
    }

    // The wrong way round? Text read upside down gives few confident words: try the half
    // turn and keep the better reading. When almost nothing was read (a word printed along
    // a tube, a photo taken sideways that the layout test missed), try the quarter turns too.
    if (impl_->options.prepare.fixRotation) {
      double best = Readability(words);
      const double confident = words.empty() ? 0 : best / static_cast<double>(words.size());
      std::vector<int> turns;
      if ((MeanConfidence(words) < kHalfTurnBelowConfidence || confident < kHalfTurnBelowReadabilityPerWord) &&
          !ClearlyUpright(words))
        turns.push_back(180);
      if (best < kQuarterTurnsBelowReadability) turns.insert(turns.end(), {90, 270});
      std::vector<int> tried;
      for (int turn : turns) {
        if (std::find(tried.begin(), tried.end(), turn) != tried.end()) continue;
        tried.push_back(turn);
        PreparedImage turned = prep;
        turned.gray = prep.gray.clone();
        RotateWorking(turned, turn);
        std::vector<OcrWord> other = impl_->FirstPass().Recognize(turned.gray, PageMode::Sparse);
        const double score = Readability(other);
        if (score > kClearlyMoreReadable * best && score > 0) {
          best = score;
          prep = std::move(turned);
          words = std::move(other);
          // Later turns are relative to the image we keep.
          for (int& t : turns) t = (t - turn + 360) % 360;
        }
      }
      timer.Mark("turns");
    }
    if (!impl_->options.debugDir.empty()) {
      cv::Mat boxes;
      cv::cvtColor(prep.gray, boxes, cv::COLOR_GRAY2BGR);
      for (const auto& w : words)
        cv::rectangle(boxes, cv::Rect(w.box.x, w.box.y, w.box.w, w.box.h),
                      w.confidence >= kDebugConfidentWord ? cv::Scalar(0, 160, 0) : cv::Scalar(0, 0, 255), 1);
      impl_->Debug(name, "2-ocr-words", boxes);
    }

    std::vector<TextLine> lines = BuildLines(words);
    timer.Mark("page");
    const auto candidates = FindNumberCandidates(lines, impl_->models->vocabulary);
    NumberFinding number;
    if (!candidates.empty()) number = candidates.front();
    // No clean number: re-read, in all languages and enlarged, the short lines that may hold
    // one whose category OCR lost ("84/2749"), and keep a valid reading.
    if (!number.number.valid() || number.repaired) {
      for (size_t i = 0; i < lines.size(); ++i) {
        if (!MayHoldNumber(lines[i].text) && static_cast<int>(i) != number.line) continue;
        TextLine copy = lines[i];
        if (!impl_->ReReadLine(prep, copy, /*force=*/true)) continue;
        auto found = FindNumberCandidates({copy}, impl_->models->vocabulary);
        if (found.empty() || !found.front().number.valid()) continue;
        NumberFinding better = found.front();
        better.line = static_cast<int>(i);
        if (!number.number.valid() || BetterNumberFinding(better, number) ||
            better.number.categories.size() > number.number.categories.size()) {
          lines[i] = copy;
          number = better;
        }
      }
      timer.Mark("number-lines");
    }
    // Still nothing: the number line may sit tight under the address or by the lot line, dropped
    // by the page-level pass. Read the bands there.
    if (number.number.status == NumberStatus::Missing) {
      if (auto dropped = FindDroppedNumberLine(*impl_->engine, prep, lines, impl_->models->vocabulary)) {
        lines.push_back(std::move(*dropped));
        number = FindNumberCandidates({lines.back()}, impl_->models->vocabulary).front();
        number.line = static_cast<int>(lines.size() - 1);
      }
      timer.Mark("dropped-line");
    }
    if (number.number.status != NumberStatus::Missing) {
      number = impl_->VerifyNumber(prep, lines, number, name);
      timer.Mark("verify-number");
    }
    // Still nothing: the legal text may run at 90 degrees to the rest (a box's flank beside the
    // front). Read the blocks of ink no word covers, turned; their lines join the label's.
    if (number.number.status == NumberStatus::Missing) {
      number = impl_->ReadTurnedBlocks(prep, words, lines, number, name);
      timer.Mark("turned-blocks");
    }
    Conclude(r, lines, *impl_->models, impl_->options.profile, impl_->registry, &number);
    timer.Mark("extract");
    // Magnesium without a complete daily dose: the lines that matter may have been misread
    // (a garbled "per capsule", "drie" read as "dre"). Re-read them enlarged and try again.
    if (r.magnesium.present && (!r.magnesium.mgPerDay || !r.magnesium.unitsPerDay)) {
      bool changed = false;
      for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].MeanConfidenceOf(0, lines[i].text.size()) >= kDoseLineSureConfidence) continue;
        if (!IsDoseOrDirectionsLine(lines[i].text, impl_->models->vocabulary)) continue;
        changed |= impl_->ReReadLine(prep, lines[i]);
      }
      if (changed) Conclude(r, lines, *impl_->models, impl_->options.profile, impl_->registry, &r.number);
      timer.Mark("dose-lines");
    }
    // Magnesium named but no salt: the salt often follows on a curved ingredients line that
    // the first pass split or dropped ("Calcium Carbonate, Magnesium | Oxide, ..."). Re-read
    // the lines naming magnesium with room at both ends; keep the reading only if it names one.
    if (r.magnesium.present && r.magnesium.salts.empty()) {
      for (size_t i = 0; i < lines.size(); ++i) {
        if (!MayNameMagnesiumSalt(lines[i].text, impl_->models->vocabulary)) continue;
        TextLine copy = lines[i];
        if (!impl_->ReReadLine(prep, copy, /*force=*/true)) continue;
        std::vector<TextLine> trial = lines;
        trial[i] = copy;
        const MagnesiumFacts facts = ExtractMagnesium(trial, impl_->models->vocabulary, impl_->models->rules.Limits());
        if (facts.salts.empty()) continue;
        lines = std::move(trial);
        Conclude(r, lines, *impl_->models, impl_->options.profile, impl_->registry, &r.number);
        break;
      }
      timer.Mark("salt-lines");
    }

    // No number beside legal text that was read only in part: the number may be one of the lines
    // OCR could not read, so the photo does not show that there is none.
    if (r.number.number.status == NumberStatus::Missing &&
        !UnreadLinesNearLegalText(lines, impl_->models->vocabulary).empty()) {
      r.number.number.status = NumberStatus::Unreadable;
      r.number.number.problems = {"no number was read, but lines next to the lot or the producer's address could not be read: photograph that side closer"};
      r.assessment = Assess(r.number, r.registry, r.magnesium, r.coverage, impl_->models->rules, impl_->options.profile);
    }
    timer.Mark("legal-text");

    // The nutrient table once more as a block; its rows join the first pass's for the nutrients.
    r.tableLines = impl_->ReReadNutrientTable(prep, lines, name);
    if (!r.tableLines.empty()) {
      std::vector<TextLine> all = lines;
      all.insert(all.end(), r.tableLines.begin(), r.tableLines.end());
      r.nutrients = ReadAndAssessNutrients(all, r.magnesium, *impl_->models, impl_->options.profile);
    }
    timer.Mark("nutrient-table");

    // Boxes back to the photo's pixels.
    r.number.box = ToOriginal(prep, r.number.box);
    for (auto& e : r.magnesium.evidence) e.box = ToOriginal(prep, e.box);
    for (auto& n : r.nutrients)
      for (auto& e : n.facts.evidence) e.box = ToOriginal(prep, e.box);
    for (auto* set : {&lines, &r.tableLines})
      for (auto& line : *set) {
        line.box = ToOriginal(prep, line.box);
        for (auto& w : line.words) w.box = ToOriginal(prep, w.box);
      }
    r.lines = std::move(lines);

    OcrInfo info;
    info.engine = "tesseract " + TesseractEngine::Version();
    info.languages = impl_->FirstPass().languages() + (impl_->firstPass ? " (re-reads " + impl_->engine->languages() + ")" : "");
    info.rotation = prep.rotation;
    info.meanConfidence = MeanConfidence(words);
    info.scale = prep.scale;
    info.perspective = prep.perspective;
    info.unwrapped = prep.unwrapped;
    info.skewDegrees = prep.skewDegrees;
    info.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    timer.Mark("report");
    info.passes = timer.Times();
    r.ocr = info;
    if (!impl_->options.debugDir.empty()) {
      std::ofstream txt(impl_->options.debugDir / (SafeStem(name) + ".4-lines.txt"));
      // One line per text line: its box in photo pixels, then the text.
      for (const auto& line : r.lines)
        txt << line.box.x << "," << line.box.y << "," << line.box.w << "," << line.box.h << "\t" << line.text << "\n";
      cv::imwrite((impl_->options.debugDir / (SafeStem(name) + ".5-annotated.png")).string(), Annotate(bgr, r));
    }
  } catch (const cv::Exception& e) {
    r = ScanResult();
    r.file = name;
    r.error = MakeError("processing_error", name + ": image processing failed (" + e.err + ")");
  } catch (const std::bad_alloc&) {
    r = ScanResult();
    r.file = name;
    r.error = MakeError("image_too_large", name + ": not enough memory to process this image");
  }
  return r;
}

void UseOneThreadPerScanner() { cv::setNumThreads(1); }

}  // namespace suppcheck
