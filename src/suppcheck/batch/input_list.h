#pragma once
// The inputs of a batch: folders walked recursively in a stable order, images (read or not)
// recognised by content (and by extension, so that a broken "photo.jpg" still gets its error result),
// hidden entries skipped, links to folders not followed (no loops, no photo counted twice),
// unreadable folders reported instead of silently skipped.

#include <filesystem>
#include <string>
#include <vector>

#include "suppcheck/util/expected.h"

namespace suppcheck {

struct InputItem {
  std::string path;  ///< as it will appear in the result's "file"
  Error error;       ///< set for an entry that cannot even be listed (unreadable folder)
};

struct WalkStats {
  size_t skippedHidden = 0;
  size_t skippedNotImages = 0;
  size_t symlinkLoops = 0;  ///< links to folders (not followed) and folders met twice
};

/// Every input under `roots`, sorted by path within each root, roots in the order given.
/// A root that is a file is always an input (its result says if it is not an image). A root that
/// does not exist is an input with an io_error result, so that it is reported, not lost.
std::vector<InputItem> CollectInputs(const std::vector<std::string>& roots, WalkStats* stats = nullptr);

/// True when the first bytes are those of an image: one we read (JPEG, PNG, TIFF, WebP, BMP) or
/// one we recognise and refuse with unsupported_format (GIF, HEIC, ...), so that it gets a result.
bool LooksLikeImage(const std::filesystem::path& path);

/// The K-th (1-based) of N contiguous, deterministic slices of `items`; the slices of
/// K = 1..N concatenated are `items` in order.
std::vector<InputItem> Shard(const std::vector<InputItem>& items, size_t k, size_t n);

/// Parses "K/N" (1 <= K <= N); false when malformed.
bool ParseShard(const std::string& spec, size_t& k, size_t& n);

}  // namespace suppcheck
