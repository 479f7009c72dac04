#pragma once
// What a file is, and how many pixels decoding it would make, read from its first bytes only.
// These bytes come from anyone (a batch folder, an upload), so every read is bounds-checked in
// 64 bits, every loop is bounded, and a header that could be read two ways is refused: the pixel
// check must see what the decoder will see (issue 13, D1 and D5).

#include <cstdint>
#include <string>
#include <string_view>

#include "suppcheck/util/expected.h"

namespace suppcheck {

struct ImageHeader {
  std::string format;  ///< "jpeg", "png", "tiff", "webp", "bmp"
  uint64_t width = 0, height = 0;  ///< of the image the decoder returns (the first page of a TIFF)
  /// The most pixels a decoder may allocate for this file: width x height, or for a TIFF the
  /// largest of its pages. This is what the pixel limit is checked against.
  uint64_t pixels = 0;
};

/// Recognises the format and reads the dimensions from the first bytes of a file. Error codes:
/// not_an_image (with what it looks like instead, e.g. a PDF), unsupported_format (an image
/// format suppcheck does not read: GIF, HEIC/AVIF, JPEG 2000, ...), unreadable_image (header
/// damaged, cut short or ambiguous).
Expected<ImageHeader> ReadImageHeader(std::string_view bytes);

/// What the first bytes of a file say about it (32 bytes are enough).
enum class ImageMagic {
  kNone,         ///< not an image we know of
  kSupported,    ///< JPEG, PNG, TIFF, WebP or BMP
  kUnsupported,  ///< an image format we recognise but do not read (GIF, HEIC, ...)
};
ImageMagic SniffImage(std::string_view firstBytes);

/// True for the file extensions of images, read or not (".jpg", ".gif", ".heic", ...), so that a
/// broken or unsupported photo in a folder still gets its result instead of being skipped.
bool HasImageExtension(std::string_view extension);

}  // namespace suppcheck
