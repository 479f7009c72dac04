#include "cli/progress.h"

#include <cstdio>

namespace suppcheck::cli {

std::string FormatDuration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

Progress::Progress(size_t total, bool enabled) : total_(total), enabled_(enabled) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Done(const std::string& name) {
  std::lock_guard lock(mu_);
  ++done_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // At most ten redraws a second: a terminal is slow, and nobody reads faster.
  if (done_ < total_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  const double elapsed = Seconds();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0;
  std::string shown = name.size() > 40 ? "..." + name.substr(name.size() - 37) : name;
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  std::fprintf(stderr, "\r\033[K[%*zu/%zu] %.1f photos/s, %s left  %s", static_cast<int>(std::to_string(total_).size()),
               done_, total_, rate, FormatDuration(left).c_str(), shown.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  std::lock_guard lock(mu_);
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace suppcheck::cli
