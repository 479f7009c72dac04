#include "suppcheck/report/number_report.h"

#include "suppcheck/report/json_fields.h"
#include "suppcheck/report/notification_json.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

Json NumberResultJson(const std::string& input, const NotificationNumber& n, const RegistryAnswer& answer) {
  Json j;
  j["input"] = SanitizeUtf8(input);
  AddNotificationFields(j, n, answer);
  return j;
}

ResultLayout NumberResultLayout() {
  ResultLayout layout;
  layout.csv = {
      {"input", [](const Json& r) { return JsonText(r["input"]); }},
      {"status", [](const Json& r) { return JsonText(r["status"]); }},
      {"number", [](const Json& r) { return JsonText(r["number"]); }},
      {"categories", [](const Json& r) { return JoinJsonArray(r["categories"], "/"); }},
      {"producer", [](const Json& r) { return JsonText(r["producer"]); }},
      {"product", [](const Json& r) { return JsonText(r["product"]); }},
      {"problems", [](const Json& r) { return JoinJsonArray(r["problems"], "; "); }},
      {"registry_status", [](const Json& r) { return JsonText(r["registry"]["status"]); }},
      {"registry_error", [](const Json& r) { return r["registry"].contains("error") ? JsonText(r["registry"]["error"]) : ""; }},
      {"registry_detail",
       [](const Json& r) { return r["registry"].contains("detail") ? r["registry"]["detail"].dump() : ""; }},
  };
  layout.text = [](const Json& r) {
    std::string line = JsonText(r["input"]) + "\n  ";
    const std::string status = JsonText(r["status"]);
    if (status == "valid") {
      line += "valid: " + JsonText(r["number"]);
    } else {
      line += "INVALID: " + JoinJsonArray(r["problems"], "; ");
    }
    const Json& reg = r["registry"];
    const std::string rs = JsonText(reg["status"]);
    if (rs == "listed") line += "\n  registry: listed";
    if (rs == "not_listed") line += "\n  registry: not listed. " + std::string(kNotListedMeaning);
    if (rs == "error") line += "\n  registry: could not check (" + JsonText(reg["error"]) + ")";
    return line + "\n";
  };
  return layout;
}

}  // namespace suppcheck
