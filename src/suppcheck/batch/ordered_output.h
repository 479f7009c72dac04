#pragma once
// Results of parallel workers handed to one sink, one at a time. Documents a person or a
// spreadsheet reads top to bottom (CSV, JSON, text) get them in input order: a result waits here
// until every earlier one has been handed over (about one per worker waits at most). JSON Lines
// gets them as they finish, so a crash loses nothing already done.

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

namespace suppcheck {

class OrderedOutput {
 public:
  using Sink = std::function<void(const nlohmann::ordered_json&)>;

  /// `inputOrder` false: each result goes to `sink` at once.
  OrderedOutput(Sink sink, bool inputOrder) : sink_(std::move(sink)), inputOrder_(inputOrder) {}

  /// Thread-safe; `index` is the input's place (0, 1, 2, ...), each given once.
  void Put(size_t index, nlohmann::ordered_json result);

  /// Hands over what still waits for an earlier result that will never come (the run was
  /// cancelled), still in input order.
  void Flush();

 private:
  Sink sink_;
  bool inputOrder_;
  std::mutex mu_;
  std::map<size_t, nlohmann::ordered_json> pending_;
  size_t next_ = 0;
};

}  // namespace suppcheck
