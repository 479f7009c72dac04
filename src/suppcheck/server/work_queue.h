#pragma once
// A few threads that run blocking jobs (reading a photo, asking the registry) in order, so that
// the HTTP poll thread never waits for them. How many jobs may queue is bounded by admission.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace suppcheck::server {

class WorkQueue {
 public:
  explicit WorkQueue(size_t threads);
  /// Finish().
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  /// Queues a job; false (and nothing queued) once Finish() has begun.
  bool Submit(std::function<void()> job);
  /// Runs every job already submitted, then joins the threads.
  void Finish();

 private:
  void Run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace suppcheck::server
