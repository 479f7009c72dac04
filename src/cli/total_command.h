#pragma once

#include <CLI/CLI.hpp>

namespace suppcheck::cli {

/// `suppcheck total RESULTS.jsonl...` — the total a day of every nutrient over the products in
/// results of scan or batch, checked against the limits. Sets `exitCode` when the command runs.
void RegisterTotalCommand(CLI::App& app, int& exitCode);

}  // namespace suppcheck::cli
