#include "cli/batch_command.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "suppcheck/util/output_path.h"
#include "cli/progress.h"
#include "suppcheck/report/result_writer.h"
#include "cli/scan_layout.h"
#include "suppcheck/batch/inflight_log.h"
#include "suppcheck/batch/input_list.h"
#include "suppcheck/batch/product_list.h"
#include "suppcheck/product/merge_results.h"
#include "suppcheck/report/html_report.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/scanner.h"
#include "suppcheck/util/bounded_json.h"
#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

namespace fs = std::filesystem;

namespace {

// Ctrl-C: the first one lets the photos in flight finish and everything be flushed; a second
// one leaves at once (what is written stays written: jsonl lines are whole).
std::atomic<int> gInterrupts{0};

extern "C" void OnInterrupt(int) {
  if (gInterrupts.fetch_add(1) >= 1) _exit(kExitInterrupted);
}

struct BatchArgs {
  std::vector<std::string> inputs;
  int jobs = 0;
  bool resume = false;
  bool products = false;
  std::string shard;
  std::string report;
  size_t reportThumbnails = 2000;
  CommonOptions common;
  ScannerSetup setup;
};

// The files already in a jsonl --out, and the file cut back to its last complete line (a
// crash can leave half a line; that input is then done again).
Expected<std::set<std::string>> ReadDone(const std::string& out) {
  std::set<std::string> done;
  std::ifstream in(out, std::ios::binary);
  if (!in) return done;  // nothing yet
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t good = 0;
  for (size_t pos = 0; pos < data.size();) {
    const size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) break;
    auto j = ParseBoundedJson(std::string_view(data).substr(pos, nl - pos));
    if (j && j->is_object() && j->contains("file") && (*j)["file"].is_string()) {
      done.insert((*j)["file"].get<std::string>());
      good = nl + 1;
    } else {
      break;  // damaged from here on: redo the rest
    }
    pos = nl + 1;
  }
  if (good < data.size()) {
    std::error_code ec;
    fs::resize_file(out, good, ec);
    if (ec) return MakeError("io_error", "--resume: cannot repair '" + out + "': " + ec.message());
  }
  return done;
}

int RunBatch(const BatchArgs& args) {
  const Format format = args.common.ResolvedFormat();
  if (args.resume && (args.common.out.empty() || format != Format::Jsonl)) {
    PrintError("--resume needs --out FILE with --format jsonl (the results already there are skipped)");
    return kExitUsage;
  }
  // Where the results go is checked before any work, so that a typo does not cost a whole run.
  for (const auto& [path, option, how] :
       {std::tuple(args.common.out, "--out", format == Format::Jsonl ? OutWrite::kInPlace : OutWrite::kReplace),
        std::tuple(args.report, "--report", OutWrite::kReplace)}) {
    if (auto ok = CheckOutputPath(path, how, option); !ok) {
      PrintError(ok.error().message);
      return kExitUsage;
    }
  }
  size_t shardK = 1, shardN = 1;
  if (!args.shard.empty() && !ParseShard(args.shard, shardK, shardN)) {
    PrintError("--shard " + args.shard + ": expected K/N with 1 <= K <= N, e.g. 2/8");
    return kExitUsage;
  }
  auto setup = SetUp(args.setup, args.common);
  if (!setup) {
    PrintError(setup.error().message);
    return kExitUsage;
  }
  auto& [models, registry] = *setup;

  // The inputs: walked, sharded, minus what a previous run already did. With --products a unit
  // of work is a product (a folder of photos); otherwise every photo is one.
  WalkStats walk;
  std::vector<ProductItem> all;
  if (args.products) {
    all = ShardProducts(CollectProducts(args.inputs, &walk), shardK, shardN);
  } else {
    for (auto& item : Shard(CollectInputs(args.inputs, &walk), shardK, shardN)) all.push_back({item.path, {item}});
  }
  std::set<std::string> done;
  if (args.resume) {
    auto d = ReadDone(args.common.out);
    if (!d) {
      PrintError(d.error().message);
      return kExitUsage;
    }
    done = std::move(*d);
  }
  std::vector<ProductItem> todo;  // a product's result is named by its first photo
  for (auto& item : all)
    if (!done.count(item.photos.front().path)) todo.push_back(std::move(item));
  const size_t skipped = all.size() - todo.size();

  // Photos being decoded are listed in <out>.inflight first (suppcheck/batch/inflight_log.h).
  // After a crash, --resume decodes each one listed without a result alone in a child process
  // (still one thread here: fork() is safe); those that kill it are not read again.
  ScannerOptions options = args.setup.ToScannerOptions(args.common.profile);
  std::unique_ptr<InflightLog> inflight;
  if (format == Format::Jsonl && !args.common.out.empty() && args.common.out != "-") {
    const auto logPath = InflightLog::For(args.common.out);
    if (args.resume) {
      const auto listed = InflightLog::Read(logPath);
      const std::set<std::string> suspects(listed.begin(), listed.end());
      for (auto& product : todo)
        for (auto& item : product.photos)
          if (item.error.code.empty() && suspects.count(item.path) && !DecodesWithoutCrashing(item.path, options.limits))
            item.error = MakeError("crashed_decoder", item.path + ": the image decoder crashed on this file (it was " +
                                                          "being read when an earlier run stopped, and reading it " +
                                                          "alone crashed again); skipped");
    }
    auto log = InflightLog::Open(logPath, /*truncate=*/!args.resume);
    if (!log) {
      PrintError(log.error().message);
      return kExitUsage;
    }
    inflight = std::move(*log);
  }

  auto writer = ResultWriter::Open(format, args.common.out, ScanLayout(), /*singleInput=*/false, args.resume);
  if (!writer) {
    PrintError(writer.error().message);
    return kExitUsage;
  }
  HtmlReport report(args.reportThumbnails);

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t jobs = std::min<size_t>(args.jobs > 0 ? static_cast<size_t>(args.jobs) : cores, std::max<size_t>(1, todo.size()));
  Progress progress(todo.size(), isatty(STDERR_FILENO) && !args.common.quiet);

  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  std::atomic<size_t> next{0};
  std::atomic<size_t> failed{0}, flagged{0}, processed{0};
  std::atomic<bool> setupFailed{false};
  std::mutex errMu, orderMu;
  std::string setupError;
  // Formats other than jsonl come out in input order: results wait here until all earlier
  // ones are written (at most about one per worker waits).
  std::map<size_t, Json> pending;
  size_t nextToWrite = 0;
  auto emit = [&](size_t index, Json result) {
    if (format == Format::Jsonl) {
      (*writer)->Write(result);
      return;
    }
    std::lock_guard lock(orderMu);
    pending.emplace(index, std::move(result));
    while (!pending.empty() && pending.begin()->first == nextToWrite) {
      (*writer)->Write(pending.begin()->second);
      pending.erase(pending.begin());
      ++nextToWrite;
    }
  };

  auto worker = [&]() {
    auto scanner = Scanner::Create(models, options, registry.get());
    if (!scanner) {
      std::lock_guard lock(errMu);
      setupError = scanner.error().message;
      setupFailed = true;
      return;
    }
    while (!gInterrupts && !setupFailed) {
      const size_t i = next.fetch_add(1);
      if (i >= todo.size()) break;
      const ProductItem& product = todo[i];
      // Each photo read as it is processed; only the first readable one is kept, for the thumbnail.
      std::vector<ScanResult> photos;
      cv::Mat bgr;
      std::string thumbFile;
      for (const InputItem& item : product.photos) {
        ScanResult p;
        if (item.error.code.empty()) {
          if (inflight) inflight->Starting(item.path);
          auto image = LoadImage(item.path, options.limits);
          if (image) {
            p = (*scanner)->ScanImage(image->bgr, item.path);
            if (bgr.empty() && p.ok && !args.report.empty() && report.WantsThumbnail(i)) {
              bgr = std::move(image->bgr);
              thumbFile = item.path;
            }
          } else {
            p.file = item.path;
            p.error = image.error();
          }
        } else {
          p.file = item.path;
          p.error = item.error;
        }
        photos.push_back(std::move(p));
      }
      ScanResult r = args.products ? MergeProductResults(photos, *models, args.common.profile) : std::move(photos.front());
      Json j = ScanResultJson(r);
      if (!args.report.empty())
        report.Add(i, j, !bgr.empty() && r.ok ? ThumbnailDataUri(bgr, args.products ? EvidenceOnFile(r, thumbFile) : r) : std::string());
      bgr.release();  // images are read as they are processed, never held
      if (args.common.verbose && r.ocr) {
        progress.Clear();
        PrintScanDetail(r.file, r.ocr->ms, r.ocr->rotation, r.ocr->scale, r.ocr->perspective, r.ocr->unwrapped,
                        r.ocr->meanConfidence);
      }
      const bool photoFailed = std::any_of(photos.begin(), photos.end(), [](const ScanResult& p) { return !p.ok; });
      failed += !r.ok || photoFailed;
      flagged += r.flagged();
      ++processed;
      emit(i, std::move(j));
      progress.Done(product.folder);
    }
  };
  if (jobs > 1) UseOneThreadPerScanner();
  std::vector<std::thread> threads;
  for (size_t t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  progress.Clear();
  // Every worker has finished its photo (even after Ctrl-C): nothing is in flight any more.
  if (inflight) inflight->Remove();

  if (setupFailed) {
    PrintError(setupError);
    return kExitUsage;
  }
  // Interrupted with results still waiting for an earlier one: write them anyway (in order).
  for (auto& [i, j] : pending) (*writer)->Write(j);
  if (auto ok = (*writer)->Finish(); !ok) {
    PrintError(ok.error().message);
    return kExitInputFailed;
  }
  if (!args.report.empty()) {
    if (auto ok = report.Write(args.report, "suppcheck batch report"); !ok) PrintError(ok.error().message);
  }
  if (!args.common.quiet) {
    const double secs = progress.Seconds();
    std::fprintf(stderr, "suppcheck: %zu %sprocessed%s, %zu flagged, %zu failed in %s (%.1f %s/s)%s\n",
                 processed.load(), args.products ? "products " : "", skipped ? (" (" + std::to_string(skipped) + " already done)").c_str() : "",
                 flagged.load(), failed.load(), FormatDuration(secs).c_str(),
                 secs > 0 ? static_cast<double>(processed) / secs : 0.0, args.products ? "products" : "photos",
                 gInterrupts ? "; interrupted: run again with --resume to finish" : "");
  }
  if (gInterrupts) return kExitInterrupted;
  return CombineExit(failed > 0, flagged > 0);
}

}  // namespace

void RegisterBatchCommand(CLI::App& app, int& exitCode) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand("batch", "every image under the folders (recursively), in parallel");
  cmd->add_option("inputs", args->inputs, "folders (walked recursively) and files")->required();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  cmd->add_option("-j,--jobs", args->jobs,
                  "photos read in parallel, each worker with its own OCR engine [default=" + std::to_string(cores) +
                      " on this system]")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--resume", args->resume, "skip the inputs already in --out (jsonl); redo a line cut short by a crash");
  cmd->add_flag("--products", args->products,
                "each sub-folder of an input folder is ONE product (its photos merged into one result, as\n"
                "scan --product); a photo directly in an input folder is a product of one photo; --resume and\n"
                "--shard count products");
  cmd->add_option("--shard", args->shard,
                  "K/N: process only the K-th of N contiguous slices of the sorted input list (N machines, one folder)");
  cmd->add_option("--report", args->report, "also write a self-contained HTML report a person can open");
  cmd->add_option("--report-thumbnails", args->reportThumbnails,
                  "photos shown as thumbnails in the report; the rest are listed without [default: 2000]");
  AddScannerSetup(*cmd, args->setup);
  AddCommonOptions(*cmd, args->common);
  cmd->footer("Folders are walked in a stable order; images are recognised by content and extension; hidden\n"
              "files are skipped. With --format jsonl each result is written and flushed as it finishes;\n"
              "Ctrl-C finishes the photos in flight and exits 130; --resume then continues. Photos being\n"
              "decoded are listed in OUT.inflight: after a crash, --resume gives one that crashes the decoder\n"
              "again a crashed_decoder result instead of reading it. --out and --report are checked first.\n"
              "Exit status: 0 nothing flagged, 1 something flagged, 2 usage error, 3 an input could not be read.");
  cmd->callback([args, &exitCode] { exitCode = RunBatch(*args); });
}

}  // namespace suppcheck::cli
