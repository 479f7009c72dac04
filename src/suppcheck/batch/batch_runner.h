#pragma once
// `batch` as a library: every photo (or product) of a list read by parallel workers, each with a
// warm scanner of a ScannerPool, the results handed over in input order (or as they finish for
// JSON Lines), resumable after an interruption or a crash, cancellable, with a callback per
// result for progress. The command line only parses options and wires this to its output.
//
// A run has two steps, because the output file is opened in between: Prepare() repairs and reads
// what an earlier run wrote (--resume) and handles the photos that were being decoded when it
// crashed; Run() reads the rest.

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suppcheck/batch/product_list.h"
#include "suppcheck/scanner.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class HtmlReport;
class InflightLog;

struct BatchOptions {
  size_t jobs = 0;        ///< worker threads, each with its own scanner; 0 = one per core; never more than inputs
  bool products = false;  ///< each item's photos are one product, merged into one result (scan --product)
  /// The JSON Lines file the results go to as they finish, or empty (another format, stdout).
  /// With it, the photos being decoded are listed in "<file>.inflight" (batch/inflight_log.h).
  std::string resultsFile;
  bool resume = false;    ///< skip the inputs `resultsFile` already holds (it is repaired first)
  /// Results in input order (CSV, JSON, text); false: as they finish (JSON Lines).
  bool inputOrder = true;
  HtmlReport* report = nullptr;  ///< when set, a row (and a thumbnail) per result is added to it
  /// Once true, no new input is started; those in flight finish and are handed over. Read only,
  /// so a signal handler may set it.
  const std::atomic<bool>* cancel = nullptr;
};

struct BatchSummary {
  size_t skipped = 0;    ///< already in the results file (resume)
  size_t processed = 0;  ///< results handed over by this run
  size_t failed = 0;     ///< results not ok, or products with a photo that could not be read
  size_t flagged = 0;    ///< results with a flag (exit status 1)
  bool cancelled = false;
};

class BatchRunner {
 public:
  BatchRunner(std::shared_ptr<const Models> models, ScannerOptions options, Registry* registry, BatchOptions batch);
  ~BatchRunner();

  /// Takes the inputs (photos as products of one photo, or products) and returns how many are
  /// left to read. With `resume`, the results file is cut back to its last complete line and what
  /// it holds is skipped; a photo listed as in flight by a crashed run is first decoded alone in
  /// a child process, and one that kills it again gets a crashed_decoder result instead of being
  /// read. Call while the process has one thread (fork). Errors: io_error.
  Expected<size_t> Prepare(std::vector<ProductItem> items);

  /// Called once per result, never two at a time.
  using ResultSink = std::function<void(const nlohmann::ordered_json& result)>;
  /// Called once per result after it was handed over, from the worker threads (two at a time).
  using Progress = std::function<void(const ScanResult& result, const ProductItem& item)>;

  /// Reads what Prepare() left. Fails (nothing read) when the scanners cannot be created.
  Expected<BatchSummary> Run(const ResultSink& write, const Progress& progress = {});

 private:
  /// One product (or photo) read; `photoFailed` when one of its photos could not be; `thumbnail`
  /// set when the report wants one for this input.
  ScanResult ReadItem(Scanner& scanner, const ProductItem& item, size_t index, bool* photoFailed,
                      std::string* thumbnail);

  std::shared_ptr<const Models> models_;
  ScannerOptions options_;
  Registry* registry_;
  BatchOptions batch_;
  std::vector<ProductItem> todo_;
  size_t skipped_ = 0;
  std::unique_ptr<InflightLog> inflight_;
};

}  // namespace suppcheck
