#pragma once
// Stage 1 of the pipeline: a file on disk -> an 8-bit BGR image, EXIF orientation applied.
// The format is recognised by content, not by name, and the pixel count is read from the
// header and checked before anything is decoded, so a decompression bomb is refused cheaply.

#include <cstdint>
#include <filesystem>
#include <string>

#include <opencv2/core.hpp>

#include "suppcheck/image/image_header.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

struct LoadLimits {
  uint64_t maxPixels = 80'000'000;   ///< larger images get image_too_large
  uint64_t maxFileBytes = 200u << 20;  ///< larger files get image_too_large
};

struct LoadedImage {
  cv::Mat bgr;        ///< 8-bit, 3 channels, EXIF orientation applied
  ImageHeader header;
};

/// Error codes: io_error, not_an_image, unsupported_format, unreadable_image, image_too_large.
Expected<LoadedImage> LoadImage(const std::filesystem::path& path, const LoadLimits& limits = {});

/// Same, from bytes already in memory (uploads); `name` is used in messages.
Expected<LoadedImage> DecodeImage(const std::string& bytes, const std::string& name, const LoadLimits& limits = {});

}  // namespace suppcheck
