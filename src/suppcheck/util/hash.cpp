#include "suppcheck/util/hash.h"

namespace suppcheck {

uint64_t HashText(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace suppcheck
