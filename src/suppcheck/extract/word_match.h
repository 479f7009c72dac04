#pragma once
// Whole-word matching in folded text (extract/folded_text.h): the small helpers every label
// reader needs to find a vocabulary word without matching inside another word ("per" in
// "pepper", "mg" in "magnesium").

#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

/// A word may start at f[p]: p is the start or the letter before it is not a letter.
bool IsWordStart(std::string_view f, size_t p);
/// A word may end at f[p]: p is the end or f[p] is not a letter.
bool IsWordEnd(std::string_view f, size_t p);

/// `word` as a whole word in f[from, to), npos if absent.
size_t FindWord(std::string_view f, std::string_view word, size_t from, size_t to);

/// The first position in f[from, to) where one of `words` stands as a word; a word that starts
/// or ends with a symbol ("/dag", "= ") needs no boundary on that side. npos if none.
size_t FindAnyWord(std::string_view f, const std::vector<std::string>& words, size_t from, size_t to);

/// Approximate occurrence of `name` starting at word start p, for OCR-damaged names
/// ("rnagnesiumcitraat", "magnesiurn"): the end of the closest match within one edit per nine
/// letters, or npos (names under nine letters must match exactly).
size_t FuzzyMatchAt(std::string_view f, size_t p, std::string_view name);

}  // namespace suppcheck
