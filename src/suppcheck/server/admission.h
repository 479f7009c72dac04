#pragma once
// Admission control: at most `limit` requests of one kind in flight; a slot is held for the
// whole request (upload, wait, work) and given back when the slot object goes.

#include <atomic>

namespace suppcheck::server {

class Admission {
 public:
  explicit Admission(int limit) : limit_(limit) {}

  class Slot {
   public:
    Slot() = default;
    explicit Slot(std::atomic<int>* count) : count_(count) {}
    Slot(Slot&& o) noexcept : count_(o.count_) { o.count_ = nullptr; }
    Slot& operator=(Slot&& o) noexcept {
      if (this != &o) {
        Release();
        count_ = o.count_;
        o.count_ = nullptr;
      }
      return *this;
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { Release(); }
    explicit operator bool() const { return count_ != nullptr; }

   private:
    void Release() {
      if (count_) count_->fetch_sub(1);
      count_ = nullptr;
    }
    std::atomic<int>* count_ = nullptr;
  };

  /// A slot, or an empty one when `limit` requests already hold one.
  Slot TryEnter() {
    if (count_.fetch_add(1) >= limit_) {
      count_.fetch_sub(1);
      return Slot();
    }
    return Slot(&count_);
  }
  int inFlight() const { return count_.load(); }
  int limit() const { return limit_; }

 private:
  const int limit_;
  std::atomic<int> count_{0};
};

}  // namespace suppcheck::server
