#pragma once
// `suppcheck serve --port 0 ...` as a real process for tests: learns its port from the banner
// on stderr, and reads its resident memory (VmRSS) from /proc.

#include "support/test_paths.h"
#include <catch2/catch.hpp>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace suppcheck::test {

class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> extra) {
    // A server may refuse an upload before it is all sent: the client sees an error, not a signal.
    signal(SIGPIPE, SIG_IGN);
    std::vector<std::string> args = {"serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    proc_ = StartProcess(suppcheck::test::SuppcheckBinary(), args, (dir_ / "out").string(), (dir_ / "err").string());
    const std::string banner = "serving on http://127.0.0.1:";
    const auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60)) {
      const std::string err = ReadFile(dir_ / "err");
      const size_t at = err.find(banner);
      if (at != std::string::npos && err.find('/', at + banner.size()) != std::string::npos) {
        port_ = std::stoi(err.substr(at + banner.size()));
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("the server did not start: " << ReadFile(dir_ / "err"));
  }
  ~ServeProcess() {
    if (proc_.pid > 0 && !stopped_) {
      kill(proc_.pid, SIGTERM);
      proc_.Wait();
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return proc_.pid; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(120, 0);
    return c;
  }
  /// Stops it with Ctrl-C; its exit status.
  int Stop() {
    stopped_ = true;
    kill(proc_.pid, SIGINT);
    return proc_.Wait();
  }
  /// Resident memory in MiB (0 when the process is gone).
  double RssMib() const {
    std::ifstream in("/proc/" + std::to_string(proc_.pid) + "/status");
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
  }
  /// What it wrote on stderr.
  std::string Err() const { return ReadFile(dir_ / "err"); }

 private:
  TempDir dir_;
  BackgroundProcess proc_;
  int port_ = 0;
  bool stopped_ = false;
};

/// The highest VmRSS of a server while `work` runs (sampled every 10 ms), in MiB.
template <class Work>
double PeakRssDuring(const ServeProcess& server, Work&& work) {
  std::atomic<bool> done{false};
  double peak = server.RssMib();
  std::thread sampler([&] {
    while (!done) {
      peak = std::max(peak, server.RssMib());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  work();
  done = true;
  sampler.join();
  return std::max(peak, server.RssMib());
}

}  // namespace suppcheck::test
