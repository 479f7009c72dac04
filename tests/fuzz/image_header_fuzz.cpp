// libFuzzer target: the image header check of every format (issue 13: D1, D5), on any bytes.
// It must never read outside them (ASan), and what it accepts must be self-consistent.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "suppcheck/image/image_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto h = suppcheck::ReadImageHeader(bytes);
  const auto magic = suppcheck::SniffImage(bytes);
  if (h) {
    // The pixel count held to the limit covers the image the decoder returns.
    if (h->pixels < h->width * h->height) std::abort();
    if (h->width > 0xFFFFFFFFu || h->height > 0xFFFFFFFFu) std::abort();
    if (magic != suppcheck::ImageMagic::kSupported) std::abort();
  } else {
    if (h.error().code.empty() || h.error().message.empty()) std::abort();
    if (h.error().code == "unsupported_format" && magic != suppcheck::ImageMagic::kUnsupported) std::abort();
  }
  return 0;
}
