#include "suppcheck/report/result_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "suppcheck/util/output_path.h"

namespace suppcheck {

std::string ResultWriter::CsvField(const std::string& s) {
  const bool needsQuotes = s.find_first_of(",\";\r\n") != std::string::npos ||
                           (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!needsQuotes) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Expected<std::unique_ptr<ResultWriter>> ResultWriter::Open(Format format, const std::string& outPath,
                                                           ResultLayout layout, bool singleInput, bool append) {
  if (auto ok = CheckOutputPath(outPath, format == Format::Jsonl ? OutWrite::kInPlace : OutWrite::kReplace); !ok)
    return ok.error();
  std::unique_ptr<ResultWriter> w(new ResultWriter());
  w->format_ = format;
  w->layout_ = std::move(layout);
  w->single_ = singleInput;
  w->outPath_ = outPath == "-" ? "" : outPath;
  auto ioError = [&](const std::string& path) {
    return MakeError("io_error", "cannot write '" + path + "': " + std::strerror(errno));
  };
  if (w->outPath_.empty()) {
    w->file_ = stdout;
  } else if (format == Format::Jsonl) {
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
    w->fd_ = ::open(w->outPath_.c_str(), flags, 0644);
    if (w->fd_ < 0) return ioError(w->outPath_);
  } else {
    w->tmpPath_ = w->outPath_ + ".tmp-" + std::to_string(::getpid());
    w->file_ = std::fopen(w->tmpPath_.c_str(), "wb");
    if (!w->file_) return ioError(w->tmpPath_);
  }
  if (format == Format::Csv) {
    std::string header;
    for (size_t i = 0; i < w->layout_.csv.size(); ++i) header += (i ? "," : "") + w->layout_.csv[i].header;
    w->Emit(header + "\n");
  }
  return w;
}

ResultWriter::~ResultWriter() {
  if (!finished_) {
    // Interrupted before Finish(): keep jsonl (complete lines are valid), drop partial documents.
    if (!tmpPath_.empty() && file_) {
      std::fclose(file_);
      std::remove(tmpPath_.c_str());
    }
  }
  if (fd_ >= 0) ::close(fd_);
}

void ResultWriter::Emit(const std::string& s) {
  if (fd_ >= 0) {
    // One write() per line: a crash can only cut the line being written.
    size_t done = 0;
    while (done < s.size()) {
      const ssize_t n = ::write(fd_, s.data() + done, s.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        failed_ = true;
        return;
      }
      done += static_cast<size_t>(n);
    }
    return;
  }
  if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) failed_ = true;
  if (file_ == stdout) std::fflush(stdout);
}

void ResultWriter::Write(const Json& result) {
  std::lock_guard lock(mu_);
  switch (format_) {
    case Format::Jsonl: Emit(result.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n"); break;
    case Format::Json: {
      // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on the assignments of
      // a literal followed by +=, once this is compiled in the library.
      std::string s(single_ ? "" : count_ == 0 ? "[\n" : ",\n");
      s.append(result.dump(2, ' ', false, Json::error_handler_t::replace));
      if (single_) s.append("\n");
      Emit(s);
      break;
    }
    case Format::Csv: {
      std::string row;
      for (size_t i = 0; i < layout_.csv.size(); ++i) {
        if (i) row.append(",");
        row.append(CsvField(layout_.csv[i].value(result)));
      }
      row.append("\n");
      Emit(row);
      break;
    }
    case Format::Text: Emit(layout_.text(result)); break;
  }
  ++count_;
}

Expected<bool> ResultWriter::Finish() {
  std::lock_guard lock(mu_);
  if (finished_) return true;
  finished_ = true;
  if (format_ == Format::Json && !single_) Emit(count_ == 0 ? "[]\n" : "\n]\n");
  if (fd_ >= 0) {
    const bool ok = ::close(fd_) == 0 && !failed_;
    fd_ = -1;
    if (!ok) return MakeError("io_error", "cannot write '" + outPath_ + "'");
    return true;
  }
  if (file_ == stdout) {
    std::fflush(stdout);
    return !failed_;
  }
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!closed || failed_) {
    std::remove(tmpPath_.c_str());
    return MakeError("io_error", "cannot write '" + outPath_ + "' (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmpPath_, outPath_, ec);
  if (ec) {
    std::remove(tmpPath_.c_str());
    return MakeError("io_error", "cannot write '" + outPath_ + "': " + ec.message());
  }
  return true;
}

}  // namespace suppcheck
