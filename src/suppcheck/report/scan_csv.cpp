#include "suppcheck/report/scan_csv.h"

#include <algorithm>

#include "suppcheck/report/json_fields.h"
#include "suppcheck/report/scan_report.h"

namespace suppcheck {

namespace {

// "vitamin_b6 20 mg; zinc 30 mg": the nutrients that `keep` selects, with their amount a day.
template <class Keep>
std::string NutrientIds(const Json& r, Keep keep) {
  std::string s;
  const Json& list = r.contains("nutrients") ? r["nutrients"] : Json();
  if (!list.is_array()) return s;
  for (const auto& n : list) {
    if (!n.is_object() || !keep(n)) continue;
    std::string item = JsonText(n["id"]);
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on `" " + string + ...` here.
    if (n.contains("per_day") && !n["per_day"].is_null()) item.append(" ").append(JsonText(n["per_day"])).append(" ").append(JsonText(n["unit"]));
    s += (s.empty() ? "" : "; ") + item;
  }
  return s;
}

}  // namespace

ResultLayout ScanResultLayout() {
  ResultLayout layout;
  layout.csv = {
      {"file", [](const Json& r) { return JsonText(r["file"]); }},
      {"ok", [](const Json& r) { return JsonText(r["ok"]); }},
      {"number_status", [](const Json& r) { return JsonText(JsonAt(r, {"notification", "status"})); }},
      {"number", [](const Json& r) { return JsonText(JsonAt(r, {"notification", "number"})); }},
      {"number_text", [](const Json& r) { return JsonText(JsonAt(r, {"notification", "text"})); }},
      {"registry_status", [](const Json& r) { return JsonText(JsonAt(r, {"notification", "registry", "status"})); }},
      {"salts", [](const Json& r) { return JoinJsonArray(JsonAt(r, {"magnesium", "salts"}), "; "); }},
      {"mg_per_unit", [](const Json& r) { return JsonText(JsonAt(r, {"magnesium", "mg_per_unit"})); }},
      {"units_per_day", [](const Json& r) { return JsonText(JsonAt(r, {"magnesium", "units_per_day"})); }},
      {"mg_per_day", [](const Json& r) { return JsonText(JsonAt(r, {"magnesium", "mg_per_day"})); }},
      {"basis", [](const Json& r) { return JsonText(JsonAt(r, {"magnesium", "basis"})); }},
      {"level", [](const Json& r) { return JsonText(JsonAt(r, {"assessment", "level"})); }},
      {"flags", [](const Json& r) { return JoinJsonArray(JsonAt(r, {"assessment", "flags"}), "; "); }},
      {"error", [](const Json& r) { return JsonText(JsonAt(r, {"error", "message"})); }},
      // Added 2026-11-28 at the end, so that columns read by position keep their place.
      {"magnesium_present", [](const Json& r) { return JsonText(JsonAt(r, {"magnesium", "present"})); }},
      {"shows_ingredients", [](const Json& r) { return JsonText(JsonAt(r, {"coverage", "ingredients"})); }},
      {"shows_nutrient_table", [](const Json& r) { return JsonText(JsonAt(r, {"coverage", "nutrient_table"})); }},
      {"shows_dose", [](const Json& r) { return JsonText(JsonAt(r, {"coverage", "dose"})); }},
      {"shows_directions", [](const Json& r) { return JsonText(JsonAt(r, {"coverage", "directions"})); }},
      {"shows_legal_text", [](const Json& r) { return JsonText(JsonAt(r, {"coverage", "legal_text"})); }},
      {"to_photograph", [](const Json& r) { return JoinJsonArray(JsonAt(r, {"coverage", "to_photograph"}), "; "); }},
      {"files", [](const Json& r) { return JoinJsonArray(r.contains("files") ? r["files"] : Json(), "; "); }},
      // Every vitamin and mineral (added 2026-11-28): the worst level, and the nutrients above
      // their health limit or the Belgian legal maximum, as "vitamin_b6 20 mg" items.
      {"nutrients_worst", [](const Json& r) { return JsonText(JsonAt(r, {"assessment", "worst"})); }},
      {"nutrients_read", [](const Json& r) { return NutrientIds(r, [](const Json&) { return true; }); }},
      {"nutrients_above_upper_level",
       [](const Json& r) { return NutrientIds(r, [](const Json& n) { return n["level"] == "above_upper_level"; }); }},
      {"nutrients_above_legal_max", [](const Json& r) {
         return NutrientIds(r, [](const Json& n) {
           const Json& f = n["flags"];
           return f.is_array() && std::find(f.begin(), f.end(), Json("above_legal_max")) != f.end();
         });
       }},
  };
  layout.text = [](const Json& r) { return ScanResultText(r); };
  return layout;
}

}  // namespace suppcheck
