#include "suppcheck/batch/inflight_log.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace suppcheck {

namespace fs = std::filesystem;

namespace {

// One photo per line; a file name may hold a line break or a backslash, so both are escaped.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      out += s[i + 1] == 'n' ? '\n' : s[i + 1];
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

fs::path InflightLog::For(const std::string& out) { return out + ".inflight"; }

std::vector<std::string> InflightLog::Read(const fs::path& log) {
  std::vector<std::string> photos;
  std::ifstream in(log, std::ios::binary);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) photos.push_back(Unescape(line));
  return photos;  // a last line cut short by the crash is a harmless wrong name
}

Expected<std::unique_ptr<InflightLog>> InflightLog::Open(const fs::path& log, bool truncate) {
  std::unique_ptr<InflightLog> l(new InflightLog());
  l->path_ = log;
  l->fd_ = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
  if (l->fd_ < 0) return MakeError("io_error", "cannot write '" + log.string() + "': " + std::strerror(errno));
  return l;
}

InflightLog::~InflightLog() {
  if (fd_ >= 0) ::close(fd_);
}

void InflightLog::Starting(const std::string& photo) {
  const std::string line = Escape(photo) + "\n";
  std::lock_guard lock(mu_);
  size_t done = 0;
  while (fd_ >= 0 && done < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the log is a safety net; the batch goes on without it
    done += static_cast<size_t>(n);
  }
}

void InflightLog::Remove() {
  std::lock_guard lock(mu_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ec;
  fs::remove(path_, ec);
}

bool DecodesWithoutCrashing(const std::string& photo, const LoadLimits& limits) {
  const pid_t pid = ::fork();
  if (pid < 0) return true;  // cannot tell: treat it as any other photo
  if (pid == 0) {
    (void)LoadImage(photo, limits);
    ::_exit(0);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace suppcheck
