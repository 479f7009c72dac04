#pragma once
// A photo that crashes the decoder must not take a batch down for good (issue 13). With a jsonl
// --out, every photo is written to "<out>.inflight" (one line, one write) before it is decoded;
// its result goes to <out> once it is read. After a crash, the photos listed there without a
// result are the suspects: `--resume` decodes each of them alone in a child process first
// (DecodesWithoutCrashing); one whose decoding kills the child gets a crashed_decoder result and
// is skipped, the others are read again normally. The file is removed when a run ends.

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "suppcheck/image/image_loader.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class InflightLog {
 public:
  /// "<out>.inflight".
  static std::filesystem::path For(const std::string& out);

  /// The photos listed in `log` (none when it does not exist), in the order they were started.
  static std::vector<std::string> Read(const std::filesystem::path& log);

  /// Opens `log` for appending (a new run truncates it; --resume keeps it). Error code: io_error.
  static Expected<std::unique_ptr<InflightLog>> Open(const std::filesystem::path& log, bool truncate);
  ~InflightLog();

  /// Records that `photo` is about to be decoded. Thread-safe; one write() per line, so a crash
  /// leaves whole lines.
  void Starting(const std::string& photo);

  /// Removes the file: the run ended with nothing left in flight.
  void Remove();

 private:
  InflightLog() = default;
  std::filesystem::path path_;
  int fd_ = -1;
  std::mutex mu_;
};

/// Decodes `photo` in a child process and says whether the child survived (a decode error is
/// survival; a signal or an abnormal exit is not). Only call while the process has one thread:
/// fork() copies only the calling thread.
bool DecodesWithoutCrashing(const std::string& photo, const LoadLimits& limits);

}  // namespace suppcheck
