#include "suppcheck/image/image_loader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace suppcheck {

namespace {

uint32_t Be16(const std::string& b, size_t p) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(b[p])) << 8) | static_cast<uint8_t>(b[p + 1]);
}
uint32_t Be32(const std::string& b, size_t p) { return (Be16(b, p) << 16) | Be16(b, p + 2); }
uint32_t Le16(const std::string& b, size_t p) {
  return static_cast<uint8_t>(b[p]) | (static_cast<uint32_t>(static_cast<uint8_t>(b[p + 1])) << 8);
}
uint32_t Le32(const std::string& b, size_t p) { return Le16(b, p) | (Le16(b, p + 2) << 16); }
uint32_t Le24(const std::string& b, size_t p) {
  return Le16(b, p) | (static_cast<uint32_t>(static_cast<uint8_t>(b[p + 2])) << 16);
}

bool StartsWith(const std::string& b, std::string_view magic) { return b.compare(0, magic.size(), magic) == 0; }

Error Damaged(const std::string& format) {
  return MakeError("unreadable_image", "the " + format + " header is damaged or cut short");
}

Expected<ImageHeader> JpegHeader(const std::string& b) {
  // Walk the markers to the first start-of-frame; skip every segment by its length.
  size_t p = 2;
  while (p + 4 <= b.size()) {
    if (static_cast<uint8_t>(b[p]) != 0xFF) return Damaged("JPEG");
    const uint8_t marker = static_cast<uint8_t>(b[p + 1]);
    if (marker == 0xFF) {
      ++p;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      p += 2;
      continue;
    }
    const uint32_t len = Be16(b, p + 2);
    if (len < 2) return Damaged("JPEG");
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (p + 9 > b.size()) return Damaged("JPEG");
      return ImageHeader{"jpeg", Be16(b, p + 7), Be16(b, p + 5)};
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image / scan before any frame
    p += 2 + len;
  }
  return Damaged("JPEG");
}

Expected<ImageHeader> TiffHeader(const std::string& b) {
  const bool le = b[0] == 'I';
  auto u16 = [&](size_t p) { return le ? Le16(b, p) : Be16(b, p); };
  auto u32 = [&](size_t p) { return le ? Le32(b, p) : Be32(b, p); };
  if (b.size() < 8) return Damaged("TIFF");
  const uint32_t ifd = u32(4);
  if (ifd + 2 > b.size()) return Damaged("TIFF");
  const uint32_t n = u16(ifd);
  ImageHeader h{"tiff", 0, 0};
  for (uint32_t i = 0; i < n; ++i) {
    const size_t e = ifd + 2 + 12 * i;
    if (e + 12 > b.size()) return Damaged("TIFF");
    const uint32_t tag = u16(e), type = u16(e + 2);
    const uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
    if (tag == 256) h.width = value;
    if (tag == 257) h.height = value;
  }
  if (!h.width || !h.height) return Damaged("TIFF");
  return h;
}

Expected<ImageHeader> WebpHeader(const std::string& b) {
  if (b.size() < 30) return Damaged("WebP");
  const std::string chunk = b.substr(12, 4);
  if (chunk == "VP8 ") return ImageHeader{"webp", Le16(b, 26) & 0x3FFF, Le16(b, 28) & 0x3FFF};
  if (chunk == "VP8L") {
    const uint32_t bits = Le32(b, 21);
    return ImageHeader{"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
  }
  if (chunk == "VP8X") return ImageHeader{"webp", Le24(b, 24) + 1, Le24(b, 27) + 1};
  return Damaged("WebP");
}

}  // namespace

Expected<ImageHeader> ReadImageHeader(const std::string& b) {
  if (b.empty()) return MakeError("not_an_image", "the file is empty");
  if (StartsWith(b, "\xFF\xD8\xFF")) return JpegHeader(b);
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) {
    if (b.size() < 24) return Damaged("PNG");
    return ImageHeader{"png", Be32(b, 16), Be32(b, 20)};
  }
  if (StartsWith(b, "II*") || StartsWith(b, "MM\0*")) return TiffHeader(b);
  if (StartsWith(b, "RIFF") && b.size() >= 12 && b.compare(8, 4, "WEBP") == 0) return WebpHeader(b);
  if (StartsWith(b, "BM")) {
    if (b.size() < 26) return Damaged("BMP");
    const auto h = static_cast<int32_t>(Le32(b, 22));
    return ImageHeader{"bmp", Le32(b, 18), static_cast<uint64_t>(h < 0 ? -static_cast<int64_t>(h) : h)};
  }
  // Say what it is instead, when we can tell.
  if (StartsWith(b, "%PDF")) return MakeError("not_an_image", "this is a PDF document, not an image");
  if (StartsWith(b, "GIF8")) return MakeError("not_an_image", "GIF is not supported; use JPEG, PNG, TIFF, WebP or BMP");
  if (b.size() >= 12 && b.compare(4, 4, "ftyp") == 0)
    return MakeError("not_an_image", "HEIC/AVIF/MP4 is not supported; export the photo as JPEG");
  if (StartsWith(b, "PK\x03\x04")) return MakeError("not_an_image", "this is a ZIP archive, not an image");
  return MakeError("not_an_image", "not an image (JPEG, PNG, TIFF, WebP or BMP expected)");
}

Expected<LoadedImage> DecodeImage(const std::string& bytes, const std::string& name, const LoadLimits& limits) {
  auto header = ReadImageHeader(bytes);
  if (!header) return MakeError(header.error().code, name + ": " + header.error().message);
  const ImageHeader h = *header;
  if (h.width == 0 || h.height == 0) return MakeError("unreadable_image", name + ": the image has no pixels");
  if (h.width * h.height > limits.maxPixels)
    return MakeError("image_too_large", name + ": " + std::to_string(h.width) + "x" + std::to_string(h.height) +
                                            " pixels is more than the limit of " +
                                            std::to_string(limits.maxPixels / 1'000'000) + " megapixels");
  // A file cut short (an interrupted copy or upload) decodes into a half-grey image without
  // complaint; refuse it instead of reading half a label.
  if (h.format == "jpeg" && bytes.rfind("\xFF\xD9", std::string::npos) == std::string::npos)
    return MakeError("unreadable_image", name + ": the JPEG data is cut short (no end-of-image marker)");
  if (h.format == "png" && bytes.find("IEND", bytes.size() > 64 ? bytes.size() - 64 : 0) == std::string::npos)
    return MakeError("unreadable_image", name + ": the PNG data is cut short (no IEND chunk)");
  LoadedImage out;
  out.header = h;
  try {
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    // IMREAD_COLOR: 8-bit BGR whatever the source (16-bit, grey, alpha, palette, CMYK), with the
    // EXIF orientation applied.
    out.bgr = cv::imdecode(raw, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    return MakeError("unreadable_image", name + ": cannot decode the " + h.format + " data (" + e.err + ")");
  }
  if (out.bgr.empty())
    return MakeError("unreadable_image", name + ": cannot decode the " + h.format + " data (truncated or damaged)");
  return out;
}

Expected<LoadedImage> LoadImage(const std::filesystem::path& path, const LoadLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return MakeError("io_error", name + ": no such file");
  if (std::filesystem::is_directory(status)) return MakeError("not_an_image", name + ": is a directory");
  if (!std::filesystem::is_regular_file(status)) return MakeError("not_an_image", name + ": is not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.maxFileBytes)
    return MakeError("image_too_large", name + ": the file is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                            std::to_string(limits.maxFileBytes >> 20) + " MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("io_error", name + ": " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError("io_error", name + ": read error");
  return DecodeImage(bytes, name, limits);
}

}  // namespace suppcheck
