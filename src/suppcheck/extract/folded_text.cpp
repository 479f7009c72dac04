#include "suppcheck/extract/folded_text.h"

#include <cstdint>

namespace suppcheck {

namespace {

// Decodes one UTF-8 code point; returns its length (1 for an ill-formed byte, read as U+FFFD).
size_t Decode(std::string_view s, size_t i, uint32_t& cp) {
  const auto b = static_cast<uint8_t>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  cp = b & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (size_t k = 1; k < len; ++k) {
    const auto c = static_cast<uint8_t>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (c & 0x3Fu);
  }
  return len;
}

// ASCII replacement for a code point, or nullptr to keep it as '?'.
const char* Fold(uint32_t cp) {
  switch (cp) {
    case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4: case 0xC5:
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: return "a";
    case 0xC6: case 0xE6: return "ae";
    case 0xC7: case 0xE7: return "c";
    case 0xC8: case 0xC9: case 0xCA: case 0xCB:
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: return "e";
    case 0xCC: case 0xCD: case 0xCE: case 0xCF:
    case 0xEC: case 0xED: case 0xEE: case 0xEF: return "i";
    case 0xD1: case 0xF1: return "n";
    case 0xD2: case 0xD3: case 0xD4: case 0xD5: case 0xD6: case 0xD8:
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: return "o";
    case 0x152: case 0x153: return "oe";
    case 0xD9: case 0xDA: case 0xDB: case 0xDC:
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: return "u";
    case 0xDD: case 0xFD: case 0xFF: return "y";
    case 0xDF: return "ss";
    case 0xB5: case 0x3BC: return "u";  // micro sign and Greek mu: µg -> ug
    case 0xB0: case 0xBA: return "o";   // degree / ordinal in "N°", "Nº"
    case 0xA0: case 0x2000: case 0x2002: case 0x2003: case 0x2007: case 0x2009: case 0x200A: case 0x202F:
    case 0x3000: return " ";
    case 0x2044: case 0x2215: case 0xFF0F: return "/";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    case 0x2018: case 0x2019: case 0x201A: case 0x2032: case 0xB4: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB: return "\"";
    case 0xB7: case 0x2022: case 0x2219: return ".";
    case 0x2026: return "...";
    case 0xD7: return "x";
    case 0xA7: return "s";
    default: return nullptr;
  }
}

}  // namespace

FoldedText FoldForMatching(std::string_view s) {
  FoldedText out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    const size_t len = Decode(s, i, cp);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') c = ' ';
      out.text.push_back(c);
      out.origin.push_back(i);
    } else if (const char* f = Fold(cp)) {
      for (const char* p = f; *p; ++p) {
        out.text.push_back(*p);
        out.origin.push_back(i);
      }
    } else {
      out.text.push_back('?');
      out.origin.push_back(i);
    }
    i += len;
  }
  out.origin.push_back(s.size());
  return out;
}

}  // namespace suppcheck
