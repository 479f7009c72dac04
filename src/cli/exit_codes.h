#pragma once
// Exit statuses: part of the stable interface (spec/cli.md). Mapped in one place.

namespace suppcheck::cli {

enum ExitStatus : int {
  kExitOk = 0,           ///< every input processed; nothing flagged
  kExitFlagged = 1,      ///< every input processed; at least one flag
  kExitUsage = 2,        ///< usage or configuration error; nothing processed
  kExitInputFailed = 3,  ///< at least one input could not be processed
  kExitInterrupted = 130,
};

/// The status for a run: failures beat flags.
inline int CombineExit(bool anyFailed, bool anyFlagged) {
  return anyFailed ? kExitInputFailed : anyFlagged ? kExitFlagged : kExitOk;
}

}  // namespace suppcheck::cli
