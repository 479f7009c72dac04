#include "cli/scan_command.h"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "suppcheck/report/result_writer.h"
#include "cli/scanner_setup.h"
#include "suppcheck/image/codecs.h"
#include "suppcheck/report/scan_csv.h"
#include "suppcheck/product/merge_results.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/conclude.h"
#include "suppcheck/report/annotated_image.h"
#include "suppcheck/scanner.h"
#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

namespace fs = std::filesystem;

namespace {

struct ScanArgs {
  std::vector<std::string> images;
  std::string text;
  std::string annotate;
  std::string debugDir;
  bool product = false;
  CommonOptions common;
  ScannerSetup setup;
};

// The text of `--text FILE` (stdin for "-"); nothing, the error printed, when it cannot be read.
std::optional<std::string> ReadTextArg(const std::string& path) {
  std::stringstream buf;
  if (path == "-") {
    buf << std::cin.rdbuf();
    return buf.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    PrintError("--text " + path + ": cannot read the file");
    return std::nullopt;
  }
  buf << in.rdbuf();
  return buf.str();
}

// `scan --product`: every photo of the pack scanned (`failed` set when one cannot be read), then
// merged into one result.
ScanResult ScanProduct(Scanner& scanner, const Models& models, const ScanArgs& args, bool& failed) {
  std::vector<ScanResult> photos;
  for (const auto& image : args.images) {
    photos.push_back(scanner.ScanFile(image));
    const ScanResult& p = photos.back();
    if (!p.ok) {
      failed = true;
      if (!args.common.quiet) PrintError(p.error.message);
    }
    if (args.common.verbose && p.ocr)
      PrintScanDetail(p.file, *p.ocr);
  }
  return MergeProductResults(photos, models, args.common.profile);
}

// --annotate: the photo `image` with the evidence of `r` drawn, written to OUT.png (one photo)
// or DIR/NAME.annotated.png (several).
void WriteAnnotated(const ScanArgs& args, const std::string& image, const ScanResult& r) {
  if (args.annotate.empty() || !r.ok) return;
  const fs::path out = args.images.size() > 1 ? fs::path(args.annotate) / (fs::path(image).stem().string() + ".annotated.png")
                                              : fs::path(args.annotate);
  auto loaded = LoadImage(image);
  if (loaded && !suppcheck::codecs::Write(out.string(), Annotate(loaded->bgr, r)))
    PrintWarning("--annotate: cannot write " + out.string());
}

int RunScan(const ScanArgs& args) {
  if (args.images.empty() == args.text.empty()) {
    PrintError(args.text.empty() ? "scan: give one or more images, or --text FILE"
                                 : "scan: give either images or --text, not both");
    return kExitUsage;
  }
  auto setup = SetUp(args.setup, args.common);
  if (!setup) {
    PrintError(setup.error().message);
    return kExitUsage;
  }
  if (args.product && !args.text.empty()) {
    PrintError("scan: --product takes the photos of one pack, not --text");
    return kExitUsage;
  }
  auto& [models, registry] = *setup;
  const bool single = !args.text.empty() || args.images.size() == 1 || args.product;
  auto writer = ResultWriter::Open(args.common.ResolvedFormat(), args.common.out, ScanResultLayout(), single);
  if (!writer) {
    PrintError(writer.error().message);
    return kExitUsage;
  }
  if (!args.annotate.empty() && args.images.size() > 1) {
    std::error_code ec;
    fs::create_directories(args.annotate, ec);
    if (ec) {
      PrintError("--annotate " + args.annotate + ": " + ec.message());
      return kExitUsage;
    }
  }

  bool failed = false, flagged = false;
  auto emit = [&](const ScanResult& r) {
    if (!r.ok) {
      failed = true;
      if (!args.common.quiet) PrintError(r.error.message);
    }
    flagged |= r.flagged();
    if (args.common.verbose && r.ocr) {
      PrintScanDetail(r.file, *r.ocr);
      PrintPassTimes(r.file, r.ocr->passes);
    }
    (*writer)->Write(ScanResultJson(r));
  };

  if (!args.text.empty()) {
    const std::optional<std::string> text = ReadTextArg(args.text);
    if (!text) return kExitUsage;
    emit(ScanText(*text, args.text == "-" ? "<stdin>" : args.text, *models, args.common.profile, registry.get()));
  } else {
    ScannerOptions options = args.setup.ToScannerOptions(args.common.profile);
    options.debugDir = args.debugDir;
    auto scanner = Scanner::Create(models, options, registry.get());
    if (!scanner) {
      PrintError(scanner.error().message);
      return kExitUsage;
    }
    if (args.product) {
      // One pack, several photos: one merged result; an annotated image per photo with the
      // evidence that lies on it.
      ScanResult merged = ScanProduct(**scanner, *models, args, failed);
      for (const auto& image : args.images) WriteAnnotated(args, image, EvidenceOnFile(merged, image));
      flagged |= merged.flagged();
      failed |= !merged.ok;
      (*writer)->Write(ScanResultJson(merged));
    } else {
      for (const auto& image : args.images) {
        ScanResult r = (*scanner)->ScanFile(image);
        WriteAnnotated(args, image, r);
        emit(r);
      }
    }
  }
  if (auto done = (*writer)->Finish(); !done) {
    PrintError(done.error().message);
    return kExitInputFailed;
  }
  return CombineExit(failed, flagged);
}

}  // namespace

void RegisterScanCommand(CLI::App& app, int& exitCode) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand("scan", "read label photos; one result per image");
  cmd->add_option("images", args->images, "label photos (JPEG, PNG, TIFF, WebP, BMP)");
  cmd->add_option("--text", args->text, "run extraction and assessment on text that is already OCR'd (FILE or -)");
  cmd->add_option("--annotate", args->annotate,
                  "write the photo with the evidence boxes drawn: OUT.png, or a folder for several images");
  cmd->add_option("--debug-dir", args->debugDir, "keep every intermediate image and the OCR text in DIR");
  cmd->add_flag("--product", args->product,
                "the images are several photos of ONE pack (front, back, side): one merged result; --annotate\n"
                "then takes a folder and writes NAME.annotated.png per photo");
  AddScannerSetup(*cmd, args->setup);
  AddCommonOptions(*cmd, args->common);
  cmd->footer("A number or ingredient list the photo does not show is 'not_seen' / 'unknown', with what to photograph\n"
              "next; that is not a flag.\n"
              "Exit status: 0 nothing flagged, 1 something flagged (number missing/invalid/not listed, dose\n"
              "above the safe upper level, photos of one product that disagree...), 2 usage or configuration error,\n"
              "3 an image could not be read.");
  cmd->callback([args, &exitCode] { exitCode = RunScan(*args); });
}

}  // namespace suppcheck::cli
