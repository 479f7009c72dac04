#include "suppcheck/scanner_pool.h"

#include <thread>

namespace suppcheck {

Expected<std::unique_ptr<ScannerPool>> ScannerPool::Create(size_t size, std::shared_ptr<const Models> models,
                                                           const ScannerOptions& options, Registry* registry) {
  // Made side by side: loading the OCR models takes about a second per scanner, and a batch on
  // many cores would otherwise wait that many seconds before reading its first photo.
  std::vector<Expected<std::unique_ptr<Scanner>>> made;
  for (size_t i = 0; i < std::max<size_t>(1, size); ++i) made.emplace_back(MakeError("", ""));
  std::vector<std::thread> threads;
  for (auto& slot : made) threads.emplace_back([&] { slot = Scanner::Create(models, options, registry); });
  for (auto& t : threads) t.join();
  auto pool = std::make_unique<ScannerPool>();
  for (auto& s : made) {
    if (!s) return s.error();
    pool->free_.push_back(std::move(*s));
  }
  pool->size_ = pool->free_.size();
  pool->models_ = std::move(models);
  pool->profile_ = options.profile;
  return pool;
}

ScannerPool::Lease ScannerPool::Borrow(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, wait, [&] { return !free_.empty(); })) return {};
  auto s = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(s));
}

void ScannerPool::Return(std::unique_ptr<Scanner> s) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(s));
  }
  cv_.notify_one();
}

}  // namespace suppcheck
