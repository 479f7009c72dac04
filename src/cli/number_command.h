#pragma once

#include <CLI/CLI.hpp>

namespace suppcheck::cli {

/// `suppcheck number NUMBER...` — checks notification numbers typed by a person.
/// Sets `exitCode` when the command runs.
void RegisterNumberCommand(CLI::App& app, int& exitCode);

}  // namespace suppcheck::cli
