#pragma once
// A model loaded the first time a scan needs it, not when the scanner starts. Some models serve
// only a few photos (the second OCR model checks a number the reads agreed on; the orientation
// detector a page that may stand upside down): loading them at start cost every process
// ~0.2 s of CPU, 5-7 % of a single photo's scan (the real US panel needs neither).
// One per scanner, like the engines: not shared between threads.

#include <functional>
#include <memory>
#include <utility>

namespace suppcheck {

template <typename T>
class LazyLoaded {
 public:
  /// `load` returns the model, or null when it is not installed or does not load.
  explicit LazyLoaded(std::function<std::unique_ptr<T>()> load) : load_(std::move(load)) {}

  /// The model, loaded on the first call (tried once); null when it could not be loaded.
  T* Get() {
    if (load_) {
      value_ = load_();
      load_ = nullptr;
    }
    return value_.get();
  }

 private:
  std::function<std::unique_ptr<T>()> load_;
  std::unique_ptr<T> value_;
};

}  // namespace suppcheck
