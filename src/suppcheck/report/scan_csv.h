#pragma once
// A scan result (the JSON of report/scan_report) as one CSV row, shared by `scan` and `batch`:
// the columns of spec/cli.md, in their order (new columns only ever go at the end).

#include "suppcheck/report/result_layout.h"

namespace suppcheck {

/// The scan result's CSV columns, and its text (ScanResultText).
ResultLayout ScanResultLayout();

}  // namespace suppcheck
