#include "cli/batch_command.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <tuple>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "cli/scanner_setup.h"
#include "suppcheck/report/scan_csv.h"
#include "suppcheck/batch/batch_runner.h"
#include "suppcheck/batch/input_list.h"
#include "suppcheck/batch/product_list.h"
#include "suppcheck/report/html_report.h"
#include "suppcheck/report/result_writer.h"
#include "suppcheck/util/output_path.h"

namespace suppcheck::cli {

namespace {

// Ctrl-C: the first one cancels the run (the photos in flight finish and everything is
// flushed); a second one leaves at once (what is written stays written: jsonl lines are whole).
std::atomic<bool> gCancel{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void OnInterrupt(int) {
  if (gCancel.exchange(true)) _exit(kExitInterrupted);
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

// "suppcheck: 12 processed (3 already done), 2 flagged, 1 failed in 0:41 (0.3 photos/s)".
void PrintSummary(const BatchSummary& s, bool products, double secs) {
  std::fprintf(stderr, "suppcheck: %zu %sprocessed%s, %zu flagged, %zu failed in %s (%.1f %s/s)%s\n", s.processed,
               products ? "products " : "",
               s.skipped ? (" (" + std::to_string(s.skipped) + " already done)").c_str() : "", s.flagged, s.failed,
               FormatDuration(secs).c_str(), secs > 0 ? static_cast<double>(s.processed) / secs : 0.0,
               products ? "products" : "photos", s.cancelled ? "; interrupted: run again with --resume to finish" : "");
}

// The options that need no file read: --resume's needs, where the results and the report go
// (checked before any work, so that a typo does not cost a whole run), --shard. False after
// printing the error.
bool CheckOptions(const BatchArgs& args, Format format, size_t& shardK, size_t& shardN) {
  if (args.resume && (args.common.out.empty() || format != Format::Jsonl)) {
    PrintError("--resume needs --out FILE with --format jsonl (the results already there are skipped)");
    return false;
  }
  for (const auto& [path, option, how] :
       {std::tuple(args.common.out, "--out", format == Format::Jsonl ? OutWrite::kInPlace : OutWrite::kReplace),
        std::tuple(args.report, "--report", OutWrite::kReplace)}) {
    if (auto ok = CheckOutputPath(path, how, option); !ok) {
      PrintError(ok.error().message);
      return false;
    }
  }
  if (!args.shard.empty() && !ParseShard(args.shard, shardK, shardN)) {
    PrintError("--shard " + args.shard + ": expected K/N with 1 <= K <= N, e.g. 2/8");
    return false;
  }
  return true;
}

// The inputs: walked and sharded. With --products a unit of work is a product (a folder of
// photos); otherwise every photo is one.
std::vector<ProductItem> CollectWork(const BatchArgs& args, size_t shardK, size_t shardN) {
  WalkStats walk;
  if (args.products) return ShardProducts(CollectProducts(args.inputs, &walk), shardK, shardN);
  std::vector<ProductItem> all;
  for (auto& item : Shard(CollectInputs(args.inputs, &walk), shardK, shardN)) all.push_back({item.path, {item}});
  return all;
}

BatchOptions ToBatchOptions(const BatchArgs& args, Format format, HtmlReport* report) {
  BatchOptions batch;
  batch.jobs = args.jobs > 0 ? static_cast<size_t>(args.jobs) : 0;
  batch.products = args.products;
  batch.resume = args.resume;
  // JSON Lines to a file: written as each result finishes, resumable, crash-safe (inflight log).
  if (format == Format::Jsonl) batch.resultsFile = args.common.out;
  batch.inputOrder = format != Format::Jsonl;
  batch.report = args.report.empty() ? nullptr : report;
  batch.cancel = &gCancel;
  return batch;
}

void CancelOnInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int RunBatch(const BatchArgs& args) {
  const Format format = args.common.ResolvedFormat();
  size_t shardK = 1, shardN = 1;
  if (!CheckOptions(args, format, shardK, shardN)) return kExitUsage;
  auto setup = SetUp(args.setup, args.common);
  if (!setup) {
    PrintError(setup.error().message);
    return kExitUsage;
  }
  auto& [models, registry] = *setup;
  HtmlReport report(args.reportThumbnails);
  BatchRunner runner(models, args.setup.ToScannerOptions(args.common.profile), registry.get(),
                     ToBatchOptions(args, format, &report));
  // Before the output is opened: --resume first repairs and reads what it holds.
  auto todo = runner.Prepare(CollectWork(args, shardK, shardN));
  if (!todo) {
    PrintError(todo.error().message);
    return kExitUsage;
  }
  auto writer = ResultWriter::Open(format, args.common.out, ScanResultLayout(), /*singleInput=*/false, args.resume);
  if (!writer) {
    PrintError(writer.error().message);
    return kExitUsage;
  }

  Progress progress(*todo, isatty(STDERR_FILENO) && !args.common.quiet);
  CancelOnInterrupt();
  auto summary = runner.Run([&](const Json& result) { (*writer)->Write(result); },
                            [&](const ScanResult& r, const ProductItem& item) {
                              if (args.common.verbose && r.ocr) {
                                progress.Clear();
                                PrintScanDetail(r.file, *r.ocr);
                                PrintPassTimes(r.file, r.ocr->passes);
                              }
                              progress.Done(item.folder);
                            });
  progress.Clear();
  if (!summary) {
    PrintError(summary.error().message);
    return kExitUsage;
  }
  if (auto ok = (*writer)->Finish(); !ok) {
    PrintError(ok.error().message);
    return kExitInputFailed;
  }
  if (!args.report.empty()) {
    if (auto ok = report.Write(args.report, "suppcheck batch report"); !ok) PrintError(ok.error().message);
  }
  if (!args.common.quiet) PrintSummary(*summary, args.products, progress.Seconds());
  if (summary->cancelled) return kExitInterrupted;
  return CombineExit(summary->failed > 0, summary->flagged > 0);
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
