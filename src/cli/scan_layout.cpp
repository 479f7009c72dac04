#include "cli/scan_layout.h"

#include <algorithm>

#include "suppcheck/report/scan_report.h"
#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

namespace {

std::string Str(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

std::string JoinArray(const Json& a, const char* sep) {
  std::string s;
  if (!a.is_array()) return s;
  for (const auto& v : a) s += (s.empty() ? "" : sep) + Str(v);
  return s;
}

const Json& At(const Json& j, std::initializer_list<const char*> path) { return JsonAt(j, path); }

// "vitamin_b6 20 mg; zinc 30 mg": the nutrients that `keep` selects, with their amount a day.
template <class Keep>
std::string NutrientIds(const Json& r, Keep keep) {
  std::string s;
  const Json& list = r.contains("nutrients") ? r["nutrients"] : Json();
  if (!list.is_array()) return s;
  for (const auto& n : list) {
    if (!n.is_object() || !keep(n)) continue;
    std::string item = Str(n["id"]);
    if (n.contains("per_day") && !n["per_day"].is_null()) item += " " + Str(n["per_day"]) + " " + Str(n["unit"]);
    s += (s.empty() ? "" : "; ") + item;
  }
  return s;
}

}  // namespace

ResultLayout ScanLayout() {
  ResultLayout layout;
  layout.csv = {
      {"file", [](const Json& r) { return Str(r["file"]); }},
      {"ok", [](const Json& r) { return Str(r["ok"]); }},
      {"number_status", [](const Json& r) { return Str(At(r, {"notification", "status"})); }},
      {"number", [](const Json& r) { return Str(At(r, {"notification", "number"})); }},
      {"number_text", [](const Json& r) { return Str(At(r, {"notification", "text"})); }},
      {"registry_status", [](const Json& r) { return Str(At(r, {"notification", "registry", "status"})); }},
      {"salts", [](const Json& r) { return JoinArray(At(r, {"magnesium", "salts"}), "; "); }},
      {"mg_per_unit", [](const Json& r) { return Str(At(r, {"magnesium", "mg_per_unit"})); }},
      {"units_per_day", [](const Json& r) { return Str(At(r, {"magnesium", "units_per_day"})); }},
      {"mg_per_day", [](const Json& r) { return Str(At(r, {"magnesium", "mg_per_day"})); }},
      {"basis", [](const Json& r) { return Str(At(r, {"magnesium", "basis"})); }},
      {"level", [](const Json& r) { return Str(At(r, {"assessment", "level"})); }},
      {"flags", [](const Json& r) { return JoinArray(At(r, {"assessment", "flags"}), "; "); }},
      {"error", [](const Json& r) { return Str(At(r, {"error", "message"})); }},
      // Added 2026-11-28 at the end, so that columns read by position keep their place.
      {"magnesium_present", [](const Json& r) { return Str(At(r, {"magnesium", "present"})); }},
      {"shows_ingredients", [](const Json& r) { return Str(At(r, {"coverage", "ingredients"})); }},
      {"shows_nutrient_table", [](const Json& r) { return Str(At(r, {"coverage", "nutrient_table"})); }},
      {"shows_dose", [](const Json& r) { return Str(At(r, {"coverage", "dose"})); }},
      {"shows_directions", [](const Json& r) { return Str(At(r, {"coverage", "directions"})); }},
      {"shows_legal_text", [](const Json& r) { return Str(At(r, {"coverage", "legal_text"})); }},
      {"to_photograph", [](const Json& r) { return JoinArray(At(r, {"coverage", "to_photograph"}), "; "); }},
      {"files", [](const Json& r) { return JoinArray(r.contains("files") ? r["files"] : Json(), "; "); }},
      // Every vitamin and mineral (added 2026-11-28): the worst level, and the nutrients above
      // their health limit or the Belgian legal maximum, as "vitamin_b6 20 mg" items.
      {"nutrients_worst", [](const Json& r) { return Str(At(r, {"assessment", "worst"})); }},
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

ScannerOptions ScannerSetup::ToScannerOptions(const std::string& profile) const {
  ScannerOptions o;
  o.tessdataDir = tessdata;
  o.languages = languages;
  o.firstPassLanguages = firstPass;
  o.profile = profile;
  return o;
}

void AddScannerSetup(CLI::App& cmd, ScannerSetup& s) {
  cmd.add_option("--models", s.models, "folder with rules.json, salts.json, vocabulary.json, nutrients.json, nutrient_words.json [default: found next to the program]");
  cmd.add_option("--tessdata", s.tessdata, "Tesseract language data folder [default: Tesseract's own]");
  cmd.add_option("--languages", s.languages, "Tesseract languages for re-reading the lines that matter [default: nld+fra+deu+eng]");
  cmd.add_option("--first-pass-languages", s.firstPass,
                 "Tesseract languages for the first pass over the whole label [default: eng, the fastest]");
}

Expected<Setup> SetUp(const ScannerSetup& s, const CommonOptions& common) {
  auto dir = ResolveModelsDir(s.models);
  if (!dir) return dir.error();
  auto models = Models::Load(*dir);
  if (!models) return models.error();
  auto registry = OpenRegistryFromOptions(common);
  if (!registry) return registry.error();
  return Setup{std::move(*models), std::move(*registry)};
}

}  // namespace suppcheck::cli
