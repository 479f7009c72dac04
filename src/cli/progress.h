#pragma once
// The batch progress line on stderr: "[ 120/1000] 3.4 photos/s, 4:18 left  IMG_0042.jpg".
// Drawn only on a terminal (and not with --quiet); it overwrites itself in place.

#include <chrono>
#include <mutex>
#include <string>

namespace suppcheck::cli {

class Progress {
 public:
  Progress(size_t total, bool enabled);
  /// One input done (thread-safe).
  void Done(const std::string& name);
  /// Clears the line (before the summary or an error message).
  void Clear();
  double Seconds() const;

 private:
  size_t total_;
  size_t done_ = 0;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point lastDraw_{};
  std::mutex mu_;
};

/// "1:05" / "2:03:04".
std::string FormatDuration(double seconds);

}  // namespace suppcheck::cli
