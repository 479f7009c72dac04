#include "suppcheck/scanner.h"

#include <algorithm>
#include <fstream>

#include "suppcheck/conclude.h"
#include "suppcheck/extract/legal_text_legibility.h"
#include "suppcheck/extract/number_finder.h"
#include "suppcheck/image/codecs.h"
#include "suppcheck/ocr/number_check_model.h"
#include "suppcheck/ocr/readability.h"
#include "suppcheck/ocr/tesseract_engine.h"
#include "suppcheck/report/annotated_image.h"
#include "suppcheck/scan/letter_one_shape.h"
#include "suppcheck/scan/magnesium_rereads.h"
#include "suppcheck/scan/number_passes.h"
#include "suppcheck/scan/nutrient_table_reread.h"
#include "suppcheck/scan/scan_context.h"
#include "suppcheck/scan/side_panel_beyond_crop.h"
#include "suppcheck/scan/turned_composition.h"
#include "suppcheck/scan/unread_print_rows.h"
#include "suppcheck/scan/whole_label_read.h"

namespace suppcheck {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Scanner::Impl {
  std::shared_ptr<const Models> models;
  ScannerOptions options;
  Registry* registry = nullptr;
  std::unique_ptr<TesseractEngine> engine;     // targeted re-reads: all label languages
  std::unique_ptr<TesseractEngine> firstPass;  // whole-label pass: fast; may be `engine` itself
  // Loaded on first use (util/lazy_loaded.h); may stay null when not installed.
  std::unique_ptr<LazyLoaded<TesseractEngine>> numberChecker;  // second model for the number
  std::unique_ptr<LazyLoaded<PageOrientation>> orientation;    // OSD, for pages that may be upside down
  TesseractEngine& FirstPass() { return firstPass ? *firstPass : *engine; }

  ScanContext Context(const std::string& name) {
    return ScanContext{*models, options, registry, *engine, FirstPass(), name, numberChecker.get(), orientation.get()};
  }
};

namespace {

// No number beside legal text that was read only in part: the number may be one of the lines
// OCR could not read, stand in a box printed next to them whose inside gave no number (products
// seed 58111 phone-0014: a boxed 'NUT / AS 147/6' above the lot line, reported missing), or be
// print beside them that the OCR never turned into words (scan/unread_print_rows.h). Then the
// photo does not show that there is none. And whether the legal text was recognised or not
// (`not_seen`), a line shaped like the number, or the number's label word before garbled print,
// shows that the photo prints one: it was not read, and a closer photo is the advice, not the
// other side of the pack (label seed 60511 hard-0009, "Notificatie: NUTSISS420" on a blurred
// side panel turned a quarter, was "not on this photo").
void NoAbsenceBesideUnreadLegalText(const ScanContext& ctx, const PreparedImage& prep,
                                    const std::vector<TextLine>& lines, ScanResult& r) {
  const NumberStatus status = r.number.number.status;
  if (status != NumberStatus::Missing && status != NumberStatus::NotSeen) return;
  const auto anyLine = [&](bool (*shaped)(const std::string&, const Vocabulary&)) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const TextLine& l) { return shaped(l.text, ctx.models.vocabulary); });
  };
  std::string why;
  if (status == NumberStatus::Missing && !UnreadLinesNearLegalText(lines, ctx.models.vocabulary).empty())
    why = "lines next to the lot or the producer's address could not be read";
  else if (status == NumberStatus::Missing && !r.number.unreadFrame.empty())
    why = "a box printed next to the lot or the producer's address could not be read";
  else if (status == NumberStatus::Missing && UnreadPrintNearLegalText(prep, lines, ctx.models.vocabulary))
    why = "print next to the lot or the producer's address could not be read";
  else if (anyLine(NumberShapedLine))
    // "WT81/79" for "NUT81/79" at the squeezed edge of a curved, turned label (seed 38207
    // hard-0033): a number whose categories were lost, anywhere on the label.
    why = "a line that looks like the number was read without its categories";
  else if (anyLine(SlashLostNumberLine))
    // "= NUT49488" for a condensed "NUT494/88" squeezed at a curved label's edge (seed 17320
    // hard-0027): producer and product cannot be told apart.
    why = "a line that looks like the number was read without the slash between its two parts";
  else if (anyLine(NotificationWordLine))
    why = "the word that labels the number was read, but not the number after it";
  else
    return;
  r.number.number.status = NumberStatus::Unreadable;
  std::string problem = "no number was read, but ";
  problem.append(why).append(": photograph that side closer");
  r.number.number.SetProblem(NumberProblemKind::Uncertain, problem);
  r.assessment = Assess(r.number, r.registry, r.magnesium, r.coverage, ctx.models.rules, ctx.options.profile);
}

// The nutrient table once more as a block; its rows join the first pass's for the nutrients, its
// header read again heads the magnesium row too.
void ReadNutrientTableAgain(const ScanContext& ctx, const PreparedImage& prep, const std::vector<TextLine>& lines,
                            ScanResult& r) {
  const NutrientTableReading table = ReReadNutrientTable(ctx, prep, lines);
  r.tableLines = table.All();
  r.tableHeaderLines = table.header.size();
  if (r.tableLines.empty()) return;
  ConcludeWithTableHeader(r, lines, table, ctx.models, ctx.options.profile, ctx.registry);
  ConcludeWithTableRows(r, lines, table, ctx.models, ctx.options.profile, ctx.registry);
  r.nutrients = ReadAndAssessNutrients(WithTableReading(lines, table), r.magnesium, ctx.models, ctx.options.profile);
}

// Every box of the result, and the lines, from the working image's pixels to the photo's.
void BoxesToPhoto(const PreparedImage& prep, std::vector<TextLine>& lines, ScanResult& r) {
  r.number.box = ToOriginal(prep, r.number.box);
  for (auto& e : r.magnesium.evidence) e.box = ToOriginal(prep, e.box);
  for (auto& n : r.nutrients)
    for (auto& e : n.facts.evidence) e.box = ToOriginal(prep, e.box);
  for (auto* set : {&lines, &r.tableLines})
    for (auto& line : *set) {
      line.box = ToOriginal(prep, line.box);
      for (auto& w : line.words) w.box = ToOriginal(prep, w.box);
    }
}

OcrInfo DescribeOcr(const ScanContext& ctx, const WholeLabelReading& page) {
  OcrInfo info;
  info.engine = "tesseract " + TesseractEngine::Version();
  info.languages = ctx.firstPass.languages() +
                   (&ctx.firstPass != &ctx.engine ? " (re-reads " + ctx.engine.languages() + ")" : "");
  info.rotation = page.prep.rotation;
  info.meanConfidence = MeanConfidence(page.words);
  info.scale = page.prep.scale;
  info.perspective = page.prep.perspective;
  info.unwrapped = page.prep.unwrapped;
  info.textureRemoved = page.prep.paperOnly;
  info.lightPrintInverted = page.prep.lightPrintInverted;
  info.skewDegrees = page.prep.skewDegrees;
  return info;
}

// With --debug-dir: the lines read (one per line: its box in photo pixels and the mean OCR confidence
// of its words, "x,y,w,h,confidence", a tab, then the text), the nutrient table's second reading,
// and the annotated photo.
void DebugResult(const ScanContext& ctx, const cv::Mat& bgr, const ScanResult& r) {
  if (ctx.options.debugDir.empty()) return;
  const std::string stem = ScanContext::SafeStem(ctx.name);
  std::ofstream txt(ctx.options.debugDir / (stem + ".4-lines.txt"));
  auto write = [](std::ofstream& out, const TextLine& line) {
    out << line.box.x << "," << line.box.y << "," << line.box.w << "," << line.box.h << ","
        << static_cast<int>(line.MeanConfidenceOf(0, line.text.size())) << "\t" << line.text << "\n";
  };
  for (const auto& line : r.lines) write(txt, line);
  // The nutrient table's second reading (its header re-read, then its rows), in the same form.
  std::ofstream table(ctx.options.debugDir / (stem + ".4-table-lines.txt"));
  for (const auto& line : r.tableLines) write(table, line);
  codecs::Write((ctx.options.debugDir / (stem + ".5-annotated.png")).string(), Annotate(bgr, r));
}

}  // namespace

Scanner::~Scanner() = default;

Expected<std::unique_ptr<Scanner>> Scanner::Create(std::shared_ptr<const Models> models, ScannerOptions options,
                                                   Registry* registry) {
  if (options.languages.empty()) options.languages = models->vocabulary.reReadLanguages;
  if (options.firstPassLanguages.empty()) options.firstPassLanguages = models->vocabulary.firstPassLanguages;
  auto engine = TesseractEngine::Create(options.tessdataDir, options.languages);
  if (!engine) return engine.error();
  std::unique_ptr<TesseractEngine> firstPass;
  if (!options.firstPassLanguages.empty() && options.firstPassLanguages != options.languages) {
    auto fp = TesseractEngine::Create(options.tessdataDir, options.firstPassLanguages, /*retryInverted=*/false);
    if (!fp) return fp.error();
    firstPass = std::move(*fp);
  }
  auto checker = std::make_unique<LazyLoaded<TesseractEngine>>([dir = models->dir] { return LoadNumberCheckModel(dir); });
  std::unique_ptr<Scanner> s(new Scanner());
  s->impl_ = std::make_unique<Impl>();
  s->impl_->models = std::move(models);
  s->impl_->options = std::move(options);
  s->impl_->registry = registry;
  s->impl_->engine = std::move(*engine);
  s->impl_->firstPass = std::move(firstPass);
  s->impl_->numberChecker = std::move(checker);
  s->impl_->orientation = std::make_unique<LazyLoaded<PageOrientation>>(
      [dir = s->impl_->options.tessdataDir] { return PageOrientation::Load(dir); });
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
  const ScanContext ctx = impl_->Context(name);
  try {
    const WholeLabelReading page = ReadWholeLabel(ctx, bgr, timer);
    const PreparedImage& prep = page.prep;
    std::vector<TextLine> lines = BuildLines(page.words);
    timer.Mark("page");
    RestoreOnesReadAsLetters(prep, ctx.models, lines);
    timer.Mark("letter-ones");
    const NumberFinding upright = ReadNotificationNumber(ctx, prep, page.words, lines, timer);
    NumberFinding number = ReadSidePanelBeyondCrop(ctx, bgr, prep, page.words, lines, upright, timer);
    DoubtLeadingZero(number);
    Conclude(r, lines, ctx.models, ctx.options.profile, ctx.registry, &number);
    timer.Mark("extract");
    ReReadDoseLines(ctx, prep, lines, r, timer);
    ReReadSaltLines(ctx, prep, lines, r, timer);
    ReadTurnedComposition(ctx, prep, page.words, number, lines, r, timer);
    NoAbsenceBesideUnreadLegalText(ctx, prep, lines, r);
    timer.Mark("legal-text");
    ReadNutrientTableAgain(ctx, prep, lines, r);
    timer.Mark("nutrient-table");
    BoxesToPhoto(prep, lines, r);
    r.lines = std::move(lines);
    r.ocr = DescribeOcr(ctx, page);
    r.ocr->ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    timer.Mark("report");
    r.ocr->passes = timer.Times();
    DebugResult(ctx, bgr, r);
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
