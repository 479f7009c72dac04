#pragma once

#include <CLI/CLI.hpp>

namespace suppcheck::cli {

/// `suppcheck scan IMAGE...` and `suppcheck scan --text FILE|-`.
void RegisterScanCommand(CLI::App& app, int& exitCode);

}  // namespace suppcheck::cli
