#pragma once
// Reads results written by an earlier run (scan or batch): JSON Lines, one result a line, or one
// JSON document (an object, or an array of results: scan --format json). Every problem names the
// file and the line; the lines that are fine are kept, so one bad line loses nothing else.

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suppcheck/util/expected.h"

namespace suppcheck {

struct ResultLine {
  std::string source;  ///< "results.jsonl:3", "results.json[2]" (for messages)
  nlohmann::ordered_json value;
};

struct ResultsRead {
  std::vector<ResultLine> results;
  std::vector<Error> problems;  ///< code "bad_input"; the message starts with the file (and line)
};

/// A results file is read whole; larger ones are refused (a person's products fit many times over).
inline constexpr size_t kMaxResultsFileBytes = size_t{256} << 20;

/// Reads `path` ("-": standard input).
ResultsRead ReadResultsFile(const std::string& path);

/// The same from a stream; `name` names it in the messages.
ResultsRead ReadResults(std::istream& in, const std::string& name);

}  // namespace suppcheck
