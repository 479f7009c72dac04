#pragma once
// A typed notification number checked (`suppcheck number`, and GET /api/number/N of `serve`):
// its JSON object (spec/report.md: the `notification` fields with the `input`), its CSV row and
// its text for a person.

#include <string>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/report/result_layout.h"

namespace suppcheck {

/// {"input", then the fields of the `notification` object}.
Json NumberResultJson(const std::string& input, const NotificationNumber& n, const RegistryAnswer& answer);

/// The CSV columns and the text of a number result.
ResultLayout NumberResultLayout();

}  // namespace suppcheck
