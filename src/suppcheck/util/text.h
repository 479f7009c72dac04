#pragma once
// Small text helpers shared by the parsers. Everything here is UTF-8 in, UTF-8 out, and
// locale-independent: a label read in Brussels must parse the same on any machine.

#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

/// ASCII upper-casing; bytes >= 0x80 (UTF-8 sequences) are left untouched.
std::string AsciiUpper(std::string_view s);
/// ASCII lower-casing; bytes >= 0x80 are left untouched.
std::string AsciiLower(std::string_view s);
/// Removes ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

/// Replaces the look-alike characters people and OCR produce for the ones our parsers
/// expect: Unicode spaces (NBSP, thin space…) become ' ', Unicode slashes (fraction slash,
/// division slash, full-width solidus) become '/', typographic dashes become '-'. It folds
/// spellings; it never changes a letter or a digit.
std::string FoldLookAlikes(std::string_view s);

/// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);
/// `s` with every ill-formed UTF-8 byte replaced by U+FFFD, so that it can go into JSON.
std::string SanitizeUtf8(std::string_view s);

/// Splits on a single character; empty pieces are kept.
std::vector<std::string_view> Split(std::string_view s, char sep);

/// Joins with a separator.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace suppcheck
