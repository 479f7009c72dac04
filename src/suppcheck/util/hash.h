#pragma once
// The one text hash of the project: 64-bit FNV-1a. It indexes canonical numbers in the CSV and
// SQLite snapshots and names a registry's folder in the answer cache, so it must stay the same
// from one version to the next (cache folders on disk depend on it).

#include <cstdint>
#include <string_view>

namespace suppcheck {

/// 64-bit FNV-1a of the bytes of `s`.
uint64_t HashText(std::string_view s);

}  // namespace suppcheck
