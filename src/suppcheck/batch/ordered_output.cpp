#include "suppcheck/batch/ordered_output.h"

namespace suppcheck {

void OrderedOutput::Put(size_t index, nlohmann::ordered_json result) {
  std::lock_guard lock(mu_);
  if (!inputOrder_) {
    sink_(result);
    return;
  }
  pending_.emplace(index, std::move(result));
  while (!pending_.empty() && pending_.begin()->first == next_) {
    sink_(pending_.begin()->second);
    pending_.erase(pending_.begin());
    ++next_;
  }
}

void OrderedOutput::Flush() {
  std::lock_guard lock(mu_);
  for (const auto& [index, result] : pending_) sink_(result);
  pending_.clear();
}

}  // namespace suppcheck
