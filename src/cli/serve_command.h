#pragma once

#include <CLI/CLI.hpp>

namespace suppcheck::cli {

/// `suppcheck serve` — a page for phones and a JSON API (spec/cli.md "Web API").
void RegisterServeCommand(CLI::App& app, int& exitCode);

}  // namespace suppcheck::cli
