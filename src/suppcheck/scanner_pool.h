#pragma once
// Warm scanners shared by the threads of a server: a thread borrows one, scans, gives it back.
// Creating a scanner loads the OCR models (~1 s), so they are made once, up front.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "suppcheck/scanner.h"

namespace suppcheck {

class ScannerPool {
 public:
  static Expected<std::unique_ptr<ScannerPool>> Create(size_t size, std::shared_ptr<const Models> models,
                                                       const ScannerOptions& options, Registry* registry);

  /// A scanner, returned to the pool when the handle goes; empty when none came free in time.
  class Lease {
   public:
    Lease() = default;
    Lease(ScannerPool* pool, std::unique_ptr<Scanner> s) : pool_(pool), scanner_(std::move(s)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease() {
      if (scanner_) pool_->Return(std::move(scanner_));
    }
    explicit operator bool() const { return scanner_ != nullptr; }
    Scanner* operator->() { return scanner_.get(); }
    Scanner& operator*() { return *scanner_; }

   private:
    ScannerPool* pool_ = nullptr;
    std::unique_ptr<Scanner> scanner_;
  };

  Lease Borrow(std::chrono::milliseconds wait);
  size_t size() const { return size_; }
  /// What the scanners read with: to merge the photos of one product as they would.
  const Models& models() const { return *models_; }
  const std::string& profile() const { return profile_; }

 private:
  void Return(std::unique_ptr<Scanner> s);
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Scanner>> free_;
  size_t size_ = 0;
  std::shared_ptr<const Models> models_;
  std::string profile_;
};

}  // namespace suppcheck
