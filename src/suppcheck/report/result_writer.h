#pragma once
// Writes one result per input in the chosen format, to stdout or to a file (--out).
//
// Crash safety (spec/cli.md --out): jsonl goes straight to the file, one write() per line, so a
// crash loses at most the line being written; every other format is written to a temporary
// file beside the target and renamed over it by Finish(), so the target is never half-written.

#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suppcheck/report/output_format.h"
#include "suppcheck/report/result_layout.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

class ResultWriter {
 public:
  /// `singleInput`: with --format json, one input gives an object instead of an array.
  /// `append`: jsonl to --out keeps what the file already holds (batch --resume).
  static Expected<std::unique_ptr<ResultWriter>> Open(Format format, const std::string& outPath, ResultLayout layout,
                                                      bool singleInput, bool append = false);
  ~ResultWriter();

  /// Thread-safe; results are written in the order of the calls.
  void Write(const Json& result);
  /// Completes the document and, for --out, moves it into place. Returns an io_error on failure.
  Expected<bool> Finish();

  /// RFC 4180 quoting of one field.
  static std::string CsvField(const std::string& s);

 private:
  ResultWriter() = default;
  void Emit(const std::string& s);

  Format format_ = Format::Jsonl;
  ResultLayout layout_;
  bool single_ = false;
  std::string outPath_;
  std::string tmpPath_;
  FILE* file_ = nullptr;  // stdout, the temporary file, or the jsonl target
  int fd_ = -1;           // jsonl target (line-atomic writes)
  size_t count_ = 0;
  bool finished_ = false;
  bool failed_ = false;
  std::mutex mu_;
};

}  // namespace suppcheck
