#include "suppcheck/image/image_header.h"

#include <algorithm>
#include <array>
#include <set>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// Reads integers at absolute offsets. A read outside the bytes gives 0 and marks the reader
// failed, so a parser can read a whole structure and check ok() once; all offsets are 64-bit,
// so "offset + length" cannot wrap for any 32-bit value taken from a file.
class ByteReader {
 public:
  ByteReader(std::string_view bytes, bool littleEndian) : b_(bytes), le_(littleEndian) {}

  bool Has(uint64_t pos, uint64_t n) const { return pos <= b_.size() && n <= b_.size() - pos; }
  bool ok() const { return ok_; }
  uint64_t size() const { return b_.size(); }

  uint64_t U8(uint64_t pos) { return Uint(pos, 1); }
  uint64_t U16(uint64_t pos) { return Uint(pos, 2); }
  uint64_t U24(uint64_t pos) { return Uint(pos, 3); }
  uint64_t U32(uint64_t pos) { return Uint(pos, 4); }
  bool Equals(uint64_t pos, std::string_view s) {
    if (!Has(pos, s.size())) return ok_ = false;
    return b_.compare(pos, s.size(), s) == 0;
  }

 private:
  uint64_t Uint(uint64_t pos, unsigned n) {
    if (!Has(pos, n)) {
      ok_ = false;
      return 0;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < n; ++i) {
      const uint64_t byte = static_cast<uint8_t>(b_[pos + (le_ ? n - 1 - i : i)]);
      v = (v << 8) | byte;
    }
    return v;
  }

  std::string_view b_;
  bool le_;
  bool ok_ = true;
};

bool StartsWith(std::string_view b, std::string_view magic) { return b.substr(0, magic.size()) == magic; }

Error Damaged(const std::string& format, const std::string& why = "damaged or cut short") {
  return MakeError("unreadable_image", "the " + format + " header is " + why);
}

ImageHeader Header(std::string format, uint64_t width, uint64_t height) {
  return ImageHeader{std::move(format), width, height, width * height};  // both < 2^32: no overflow
}

Expected<ImageHeader> JpegHeader(std::string_view bytes) {
  // Walk the markers to the first start-of-frame; skip every segment by its length. Each step
  // moves forward by at least one byte, so the walk ends within the file.
  ByteReader r(bytes, /*littleEndian=*/false);
  uint64_t p = 2;
  while (r.Has(p, 4)) {
    if (r.U8(p) != 0xFF) return Damaged("JPEG");
    const uint64_t marker = r.U8(p + 1);
    if (marker == 0xFF) {  // fill byte
      ++p;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // no length
      p += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image / scan before any frame
    const uint64_t len = r.U16(p + 2);
    if (len < 2) return Damaged("JPEG");
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      // The decoder refuses a second frame header, so the first one is the image.
      const uint64_t height = r.U16(p + 5), width = r.U16(p + 7);
      if (!r.ok() || len < 8) return Damaged("JPEG");
      return Header("jpeg", width, height);
    }
    p += 2 + len;
  }
  return Damaged("JPEG");
}

Expected<ImageHeader> PngHeader(std::string_view bytes) {
  // Signature, then the IHDR chunk: length 13, "IHDR", width, height (31-bit by the standard).
  ByteReader r(bytes, /*littleEndian=*/false);
  const uint64_t length = r.U32(8);
  const bool ihdr = r.Equals(12, "IHDR");
  const uint64_t width = r.U32(16), height = r.U32(20);
  if (!r.ok() || !r.Has(0, 33) || length != 13 || !ihdr) return Damaged("PNG");
  if (width > 0x7FFFFFFF || height > 0x7FFFFFFF) return Damaged("PNG", "damaged (a size above 2^31)");
  return Header("png", width, height);
}

// TIFF: the chain of image file directories (IFDs), each a count and 12-byte entries. libtiff
// keeps the first of two ImageWidth entries where a "last one wins" reader sees the other (D5),
// so a repeated size tag is refused; every page is measured because a TIFF decoder may be asked
// for any of them. The offsets are 32-bit values from the file and are added in 64 bits (D1).
Expected<ImageHeader> TiffHeader(std::string_view bytes) {
  constexpr unsigned kMaxPages = 64;
  ByteReader r(bytes, /*littleEndian=*/bytes[0] == 'I');
  uint64_t ifd = r.U32(4);
  if (!r.ok()) return Damaged("TIFF");
  ImageHeader h{"tiff", 0, 0, 0};
  std::set<uint64_t> seen;
  for (unsigned page = 0; ifd != 0; ++page) {
    if (page == kMaxPages) return Damaged("TIFF", "refused: more than " + std::to_string(kMaxPages) + " pages");
    if (!seen.insert(ifd).second) return Damaged("TIFF", "damaged (its pages form a loop)");
    const uint64_t entries = r.U16(ifd);
    // The entries and the 4-byte offset of the next page must all be in the file.
    if (!r.ok() || !r.Has(ifd + 2, 12 * entries + 4)) return Damaged("TIFF");
    uint64_t width = 0, height = 0;
    for (uint64_t i = 0; i < entries; ++i) {
      const uint64_t e = ifd + 2 + 12 * i;
      const uint64_t tag = r.U16(e);
      if (tag != 256 && tag != 257) continue;
      const uint64_t type = r.U16(e + 2), count = r.U32(e + 4);
      // SHORT or LONG, one value, stored in the entry itself (left-justified).
      if ((type != 3 && type != 4) || count != 1)
        return Damaged("TIFF", "damaged (an image size that is not one SHORT or LONG)");
      const uint64_t value = type == 3 ? r.U16(e + 8) : r.U32(e + 8);
      uint64_t& slot = tag == 256 ? width : height;
      if (slot != 0) return Damaged("TIFF", std::string("ambiguous (") + (tag == 256 ? "ImageWidth" : "ImageLength") +
                                                " given twice); refused");
      if (value == 0) return Damaged("TIFF", "damaged (a page with no pixels)");
      slot = value;
    }
    if (!width || !height) return Damaged("TIFF", "damaged (a page without its size)");
    if (page == 0) h.width = width, h.height = height;
    h.pixels = std::max(h.pixels, width * height);
    ifd = r.U32(ifd + 2 + 12 * entries);
  }
  if (!r.ok() || h.width == 0) return Damaged("TIFF");
  return h;
}

Expected<ImageHeader> WebpHeader(std::string_view bytes) {
  // RIFF....WEBP, then the first chunk: a lossy frame, a lossless one, or the extended header.
  ByteReader r(bytes, /*littleEndian=*/true);
  if (r.Equals(12, "VP8 ")) {
    // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
    const bool start = r.Equals(23, "\x9D\x01\x2A");
    const uint64_t width = r.U16(26) & 0x3FFF, height = r.U16(28) & 0x3FFF;
    if (!r.ok() || !start) return Damaged("WebP");
    return Header("webp", width, height);
  }
  if (r.Equals(12, "VP8L")) {
    // Signature 0x2F, then 14-bit width-1 and height-1.
    const uint64_t signature = r.U8(20), bits = r.U32(21);
    if (!r.ok() || signature != 0x2F) return Damaged("WebP");
    return Header("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (r.Equals(12, "VP8X")) {
    // The canvas, 24-bit width-1 and height-1; libwebp refuses a still image of another size.
    const uint64_t width = r.U24(24) + 1, height = r.U24(27) + 1;
    if (!r.ok()) return Damaged("WebP");
    return Header("webp", width, height);
  }
  return Damaged("WebP");
}

Expected<ImageHeader> BmpHeader(std::string_view bytes) {
  // File header (14 bytes), then the DIB header whose size says its layout: the old OS/2 one has
  // 16-bit unsigned sizes, all others signed 32-bit ones (a negative height is top-down).
  ByteReader r(bytes, /*littleEndian=*/true);
  const uint64_t dibSize = r.U32(14);
  if (!r.ok()) return Damaged("BMP");
  if (dibSize == 12) {
    const uint64_t width = r.U16(18), height = r.U16(20);
    if (!r.ok()) return Damaged("BMP");
    return Header("bmp", width, height);
  }
  if (dibSize < 40 || dibSize > 1024) return Damaged("BMP");
  const auto width = static_cast<int32_t>(static_cast<uint32_t>(r.U32(18)));
  const auto height = static_cast<int32_t>(static_cast<uint32_t>(r.U32(22)));
  if (!r.ok() || width < 0) return Damaged("BMP");
  const uint64_t rows = height < 0 ? static_cast<uint64_t>(-static_cast<int64_t>(height)) : static_cast<uint64_t>(height);
  return Header("bmp", static_cast<uint64_t>(width), rows);
}

// Image formats recognised by their first bytes but not read, with what to say about them.
struct UnsupportedFormat {
  size_t offset;
  std::string_view magic;
  const char* name;
};
constexpr std::string_view kSv(const char* s, size_t n) { return std::string_view(s, n); }
const std::array<UnsupportedFormat, 12> kUnsupported{{
    {0, "GIF87a", "GIF"},
    {0, "GIF89a", "GIF"},
    {0, kSv("\0\0\0\x0CjP  \r\n\x87\n", 12), "JPEG 2000"},
    {0, "\xFF\x4F\xFF\x51", "JPEG 2000"},
    {0, kSv("\0\0\0\x0CJXL \r\n\x87\n", 12), "JPEG XL"},
    {0, "\xFF\x0A", "JPEG XL"},
    {0, "8BPS", "Photoshop (PSD)"},
    {0, kSv("II+\0", 4), "BigTIFF"},
    {0, kSv("MM\0+", 4), "BigTIFF"},
    {0, "\x76\x2F\x31\x01", "OpenEXR"},
    {0, "#?RADIANCE", "Radiance HDR"},
    {0, "DDS ", "DirectDraw Surface (DDS)"},
}};

// HEIF/AVIF: an ISO media file ("....ftyp") whose brand is a still image.
const char* IsoMediaImage(std::string_view b) {
  if (b.size() < 12 || b.substr(4, 4) != "ftyp") return nullptr;
  const std::string_view brand = b.substr(8, 4);
  for (std::string_view heif : {"heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"})
    if (brand == heif) return "HEIC/HEIF";
  if (brand == "avif" || brand == "avis") return "AVIF";
  return nullptr;
}

// A Windows icon: reserved 0, type 1 (icon) or 2 (cursor), at least one image, reserved byte 0.
bool IsIcon(std::string_view b) {
  return b.size() >= 22 && (StartsWith(b, kSv("\0\0\1\0", 4)) || StartsWith(b, kSv("\0\0\2\0", 4))) &&
         (b[4] != 0 || b[5] != 0) && b[9] == 0;
}

const char* UnsupportedName(std::string_view b) {
  for (const auto& f : kUnsupported)
    if (b.size() >= f.offset + f.magic.size() && b.substr(f.offset, f.magic.size()) == f.magic) return f.name;
  if (const char* iso = IsoMediaImage(b)) return iso;
  if (IsIcon(b)) return "Windows icon (ICO)";
  return nullptr;
}

bool IsSupported(std::string_view b) {
  return StartsWith(b, "\xFF\xD8\xFF") || StartsWith(b, "\x89PNG\r\n\x1A\n") || StartsWith(b, kSv("II*\0", 4)) ||
         StartsWith(b, kSv("MM\0*", 4)) || (StartsWith(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") ||
         StartsWith(b, "BM");
}

}  // namespace

Expected<ImageHeader> ReadImageHeader(std::string_view b) {
  if (b.empty()) return MakeError("not_an_image", "the file is empty");
  if (StartsWith(b, "\xFF\xD8\xFF")) return JpegHeader(b);
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return PngHeader(b);
  if (StartsWith(b, kSv("II*\0", 4)) || StartsWith(b, kSv("MM\0*", 4))) return TiffHeader(b);
  if (StartsWith(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return WebpHeader(b);
  if (StartsWith(b, "BM")) return BmpHeader(b);
  if (const char* name = UnsupportedName(b))
    return MakeError("unsupported_format",
                     std::string(name) + " is not supported; export the photo as JPEG or PNG (JPEG, PNG, TIFF, WebP "
                                         "and BMP are read)");
  // Say what it is instead, when we can tell.
  if (StartsWith(b, "%PDF")) return MakeError("not_an_image", "this is a PDF document, not an image");
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp")
    return MakeError("not_an_image", "this is a video or another ISO media file, not a photo");
  if (StartsWith(b, "PK\x03\x04")) return MakeError("not_an_image", "this is a ZIP archive, not an image");
  return MakeError("not_an_image", "not an image (JPEG, PNG, TIFF, WebP or BMP expected)");
}

ImageMagic SniffImage(std::string_view b) {
  if (IsSupported(b)) return ImageMagic::kSupported;
  if (UnsupportedName(b)) return ImageMagic::kUnsupported;
  return ImageMagic::kNone;
}

bool HasImageExtension(std::string_view extension) {
  const std::string ext = AsciiLower(std::string(extension));
  for (const char* e : {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".webp", ".bmp",  // read
                        ".gif", ".heic", ".heif", ".avif", ".jp2", ".j2k", ".jpf", ".jpx", ".jxl", ".psd", ".ico"})
    if (ext == e) return true;
  return false;
}

}  // namespace suppcheck
