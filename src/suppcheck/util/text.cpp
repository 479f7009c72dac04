#include "suppcheck/util/text.h"

#include <array>
#include <cstdint>

namespace suppcheck {

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

struct Fold {
  std::string_view from;
  char to;
};

// UTF-8 encodings of characters that stand for a space, a slash or a dash on labels and in
// text pasted from web pages or PDFs.
constexpr std::array<Fold, 17> kFolds{{
    {"\xC2\xA0", ' '},      // U+00A0 no-break space
    {"\xE2\x80\x80", ' '},  // U+2000 en quad
    {"\xE2\x80\x82", ' '},  // U+2002 en space
    {"\xE2\x80\x83", ' '},  // U+2003 em space
    {"\xE2\x80\x87", ' '},  // U+2007 figure space
    {"\xE2\x80\x89", ' '},  // U+2009 thin space
    {"\xE2\x80\x8A", ' '},  // U+200A hair space
    {"\xE2\x80\xAF", ' '},  // U+202F narrow no-break space
    {"\xE3\x80\x80", ' '},  // U+3000 ideographic space
    {"\xE2\x81\x84", '/'},  // U+2044 fraction slash
    {"\xE2\x88\x95", '/'},  // U+2215 division slash
    {"\xEF\xBC\x8F", '/'},  // U+FF0F full-width solidus
    {"\xE2\x80\x90", '-'},  // U+2010 hyphen
    {"\xE2\x80\x91", '-'},  // U+2011 non-breaking hyphen
    {"\xE2\x80\x92", '-'},  // U+2012 figure dash
    {"\xE2\x80\x93", '-'},  // U+2013 en dash
    {"\xE2\x80\x94", '-'},  // U+2014 em dash
}};

// Length of the UTF-8 sequence starting at s[i], or 0 when it is ill-formed.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  size_t len = 0;
  uint32_t cp = 0;
  if (b0 < 0x80) return 1;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  // Reject overlong encodings, surrogates and code points beyond U+10FFFF.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string FoldLookAlikes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (static_cast<uint8_t>(s[i]) >= 0x80) {
      bool folded = false;
      for (const Fold& f : kFolds) {
        if (s.substr(i, f.from.size()) == f.from) {
          out.push_back(f.to);
          i += f.from.size();
          folded = true;
          break;
        }
      }
      if (folded) continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = Utf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD replacement character
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace suppcheck
