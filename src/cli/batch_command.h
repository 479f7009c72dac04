#pragma once

#include <CLI/CLI.hpp>

namespace suppcheck::cli {

/// `suppcheck batch DIR|FILE...` — every image under the folders, in parallel, resumable,
/// shardable, with a JSONL/CSV/JSON output and an HTML report.
void RegisterBatchCommand(CLI::App& app, int& exitCode);

}  // namespace suppcheck::cli
