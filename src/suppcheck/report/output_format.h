#pragma once
// The formats a command writes its results in (spec/cli.md --format).

namespace suppcheck {

enum class Format { Text, Json, Jsonl, Csv };

}  // namespace suppcheck
