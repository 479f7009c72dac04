#pragma once
// Builds small uncompressed greyscale TIFF files byte by byte, with any directory entries a test
// wants (repeated tags, several pages, offsets pointing anywhere): the hostile headers of issue 13.

#include <cstdint>
#include <string>
#include <vector>

namespace suppcheck::test {

struct TiffEntry {
  uint16_t tag, type;  // type 3 = SHORT, 4 = LONG
  uint32_t count, value;
};

struct TiffPage {
  std::vector<TiffEntry> entries;  ///< written as given (no sorting, no deduplication)
};

inline void PutLe(std::string& s, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

/// The usual tags of an 8-bit grey page of width x height whose one strip starts at `data`.
inline std::vector<TiffEntry> GreyPageEntries(uint32_t width, uint32_t height, uint32_t data) {
  return {{256, 4, 1, width},  {257, 4, 1, height}, {258, 3, 1, 8},          {259, 3, 1, 1},
          {262, 3, 1, 1},      {273, 4, 1, data},   {277, 3, 1, 1},          {278, 4, 1, height},
          {279, 4, 1, width * height}};
}

/// "II*\0", then the pages' directories one after the other (each linked to the next), then
/// `pixels`. The offset of `pixels` is what DataOffset() returns for the same page shapes.
inline std::string BuildTiff(const std::vector<TiffPage>& pages, const std::string& pixels) {
  std::string s = "II*";
  s += '\0';
  PutLe(s, 8, 4);
  for (size_t p = 0; p < pages.size(); ++p) {
    const auto& entries = pages[p].entries;
    PutLe(s, entries.size(), 2);
    for (const auto& e : entries) {
      PutLe(s, e.tag, 2);
      PutLe(s, e.type, 2);
      PutLe(s, e.count, 4);
      PutLe(s, e.value, 4);  // little-endian: a SHORT sits in the first two bytes
    }
    const uint64_t next = p + 1 < pages.size() ? s.size() + 4 : 0;
    PutLe(s, next, 4);
  }
  return s + pixels;
}

/// Where BuildTiff puts the pixels for pages with these entry counts.
inline uint32_t DataOffset(const std::vector<size_t>& entryCounts) {
  uint32_t at = 8;
  for (size_t n : entryCounts) at += static_cast<uint32_t>(2 + 12 * n + 4);
  return at;
}

}  // namespace suppcheck::test
