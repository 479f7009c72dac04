#include "suppcheck/batch/batch_runner.h"

#include <algorithm>
#include <set>
#include <thread>

#include "suppcheck/batch/inflight_log.h"
#include "suppcheck/batch/ordered_output.h"
#include "suppcheck/batch/resume.h"
#include "suppcheck/product/merge_results.h"
#include "suppcheck/report/annotated_image.h"
#include "suppcheck/report/html_report.h"
#include "suppcheck/report/scan_report.h"
#include "suppcheck/scanner_pool.h"

namespace suppcheck {

BatchRunner::BatchRunner(std::shared_ptr<const Models> models, ScannerOptions options, Registry* registry,
                         BatchOptions batch)
    : models_(std::move(models)), options_(std::move(options)), registry_(registry), batch_(std::move(batch)) {}

BatchRunner::~BatchRunner() = default;

Expected<size_t> BatchRunner::Prepare(std::vector<ProductItem> items) {
  std::set<std::string> done;
  if (batch_.resume && !batch_.resultsFile.empty()) {
    auto d = ReadDoneAndRepair(batch_.resultsFile);
    if (!d) return d.error();
    done = std::move(*d);
  }
  todo_.clear();
  for (auto& item : items)  // a product's result is named by its first photo
    if (!done.count(item.photos.front().path)) todo_.push_back(std::move(item));
  skipped_ = items.size() - todo_.size();

  // Photos being decoded are listed in <out>.inflight first (suppcheck/batch/inflight_log.h).
  // After a crash, resume decodes each one listed without a result alone in a child process
  // (still one thread here: fork() is safe); those that kill it are not read again.
  if (!batch_.resultsFile.empty() && batch_.resultsFile != "-") {
    const auto logPath = InflightLog::For(batch_.resultsFile);
    if (batch_.resume) {
      const auto listed = InflightLog::Read(logPath);
      const std::set<std::string> suspects(listed.begin(), listed.end());
      for (auto& product : todo_)
        for (auto& item : product.photos)
          if (item.error.code.empty() && suspects.count(item.path) && !DecodesWithoutCrashing(item.path, options_.limits))
            item.error = MakeError("crashed_decoder", item.path + ": the image decoder crashed on this file (it was " +
                                                          "being read when an earlier run stopped, and reading it " +
                                                          "alone crashed again); skipped");
    }
    auto log = InflightLog::Open(logPath, /*truncate=*/!batch_.resume);
    if (!log) return log.error();
    inflight_ = std::move(*log);
  }
  return todo_.size();
}

ScanResult BatchRunner::ReadItem(Scanner& scanner, const ProductItem& product, size_t index, bool* photoFailed,
                                 std::string* thumbnail) {
  // Each photo read as it is processed; only the first readable one is kept, for the thumbnail.
  HtmlReport* report = batch_.report;
  std::vector<ScanResult> photos;
  cv::Mat bgr;
  std::string thumbFile;
  for (const InputItem& item : product.photos) {
    ScanResult p;
    if (item.error.code.empty()) {
      if (inflight_) inflight_->Starting(item.path);
      auto image = LoadImage(item.path, options_.limits);
      if (image) {
        p = scanner.ScanImage(image->bgr, item.path);
        if (bgr.empty() && p.ok && report && report->WantsThumbnail(index)) {
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
  *photoFailed = std::any_of(photos.begin(), photos.end(), [](const ScanResult& p) { return !p.ok; });
  ScanResult r = batch_.products ? MergeProductResults(photos, *models_, options_.profile) : std::move(photos.front());
  if (!bgr.empty() && r.ok) *thumbnail = ThumbnailDataUri(bgr, batch_.products ? EvidenceOnFile(r, thumbFile) : r);
  return r;  // the photo itself goes now: images are read as they are processed, never held
}

Expected<BatchSummary> BatchRunner::Run(const ResultSink& write, const Progress& progress) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t jobs = std::min(batch_.jobs > 0 ? batch_.jobs : cores, std::max<size_t>(1, todo_.size()));
  if (jobs > 1) UseOneThreadPerScanner();
  auto pool = ScannerPool::Create(jobs, models_, options_, registry_);
  if (!pool) {
    if (inflight_) inflight_->Remove();
    return pool.error();
  }

  auto cancelled = [&] { return batch_.cancel && batch_.cancel->load(); };
  OrderedOutput output(write, batch_.inputOrder);
  std::atomic<size_t> next{0}, processed{0}, failed{0}, flagged{0};
  auto worker = [&] {
    // As many scanners as workers: each worker holds one for the whole run.
    ScannerPool::Lease scanner = (*pool)->Borrow(std::chrono::seconds(0));
    while (scanner && !cancelled()) {
      const size_t i = next.fetch_add(1);
      if (i >= todo_.size()) break;
      bool photoFailed = false;
      std::string thumbnail;
      const ScanResult r = ReadItem(*scanner, todo_[i], i, &photoFailed, &thumbnail);
      nlohmann::ordered_json j = ScanResultJson(r);
      if (batch_.report) batch_.report->Add(i, j, std::move(thumbnail));
      failed += !r.ok || photoFailed;
      flagged += r.flagged();
      ++processed;
      output.Put(i, std::move(j));
      if (progress) progress(r, todo_[i]);
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  // Every worker has finished its input (even when cancelled): nothing is in flight any more.
  if (inflight_) inflight_->Remove();
  // Cancelled with results still waiting for an earlier one: hand them over anyway (in order).
  output.Flush();

  BatchSummary s;
  s.skipped = skipped_;
  s.processed = processed;
  s.failed = failed;
  s.flagged = flagged;
  s.cancelled = cancelled();
  return s;
}

}  // namespace suppcheck
