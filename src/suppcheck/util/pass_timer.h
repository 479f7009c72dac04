#pragma once
// Where the time of one scan goes: the passes of the scanner, each with the milliseconds it
// took (a pass that runs several times is summed). Printed by `--verbose`; read by the speed
// work (scripts/bench/bench_scan.py --passes) to know which pass to make cheaper.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace suppcheck {

struct PassTime {
  std::string pass;
  double ms = 0;
};

class PassTimer {
 public:
  PassTimer() : last_(Clock::now()) {}
  /// Books the time since the previous mark (or the start) to `pass`.
  void Mark(const std::string& pass) {
    const auto now = Clock::now();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    for (auto& p : times_)
      if (p.pass == pass) {
        p.ms += ms;
        return;
      }
    times_.push_back({pass, ms});
  }
  const std::vector<PassTime>& Times() const { return times_; }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point last_;
  std::vector<PassTime> times_;
};

}  // namespace suppcheck
