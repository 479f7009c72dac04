#pragma once
// The objects of a JSON Lines text (blank lines skipped), for the command-line tests.

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace suppcheck::test {

inline std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace suppcheck::test
