#include "suppcheck/image/decoder_limits.h"

#include <cstdlib>
#include <string>

namespace suppcheck {

bool DecoderPixelLimitInEnvironment(uint64_t maxPixels) {
  const char* value = std::getenv(kDecoderPixelLimitVariable);
  if (!value || !*value) return false;
  // OpenCV accepts a plain decimal number (no suffix is needed for our bound).
  char* end = nullptr;
  const unsigned long long limit = std::strtoull(value, &end, 10);
  return *end == '\0' && limit > 0 && limit <= maxPixels;
}

void SetDecoderPixelLimitInEnvironment(uint64_t maxPixels) {
  setenv(kDecoderPixelLimitVariable, std::to_string(maxPixels).c_str(), 1);
}

}  // namespace suppcheck
