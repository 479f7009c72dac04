#include "suppcheck/report/intake_total_report.h"

#include <cmath>
#include <cstdio>

#include "suppcheck/report/json_fields.h"

namespace suppcheck {

namespace {

using Json = nlohmann::ordered_json;

/// Sums of decimal amounts carry binary noise (0.1 + 0.2); a report shows what a label would.
double Tidy(double v) { return std::round(v * 1e6) / 1e6; }

Json UpperLevelJson(const NutrientAssessment& a) {
  if (!a.upperLevel) return nullptr;
  const AppliedUpperLevel& u = *a.upperLevel;
  Json j;
  j["value"] = u.value ? Json(*u.value) : Json();
  if (u.range) j["range"] = {u.range->first, u.range->second};
  j["unit"] = u.unit;
  j["kind"] = u.kind;
  j["applies_to"] = u.appliesTo;
  j["source"] = u.source;
  j["profile"] = u.profile;
  j["confirmed"] = u.confirmed;
  return j;
}

Json LegalMaxJson(const NutrientAssessment& a) {
  if (!a.legalMax) return nullptr;
  const AppliedLegalMax& l = *a.legalMax;
  return Json{{"value", l.value}, {"unit", l.unit}, {"country", l.country}, {"per", "daily portion of one product"},
              {"source", l.source}, {"confirmed", l.confirmed}};
}

std::string Number(const Json& v) {
  if (!v.is_number()) return "?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v.get<double>());
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string LevelWords(const std::string& level) {
  if (level == "above_upper_level") return "ABOVE the upper level";
  if (level == "within_upper_level") return "within the upper level";
  if (level == "no_upper_level") return "no upper level set";
  return "cannot be judged";
}

}  // namespace

Json IntakeTotalJson(const IntakeTotal& total, const AgeProfile& who) {
  Json j;
  j["profile"] = {{"id", who.rulesProfileId}, {"band", who.band}, {"label", who.Label()}};
  Json products = Json::array();
  for (const auto& p : total.products)
    products.push_back({{"file", p.file}, {"source", p.source}, {"read", p.read},
                        {"reason", p.notReadWhy.empty() ? Json() : Json(p.notReadWhy)}});
  j["products"] = std::move(products);
  Json nutrients = Json::array();
  for (const auto& n : total.nutrients) {
    Json e;
    e["id"] = n.id;
    e["name"] = n.name;
    e["per_day"] = n.anyKnown ? Json(Tidy(n.perDay)) : Json();
    e["unit"] = n.unit;
    e["per_day_range"] = n.perDayRange ? Json{Tidy(n.perDayRange->first), Tidy(n.perDayRange->second)} : Json();
    e["at_least"] = n.atLeast;
    e["form"] = n.formId.empty() ? Json() : Json(n.formId);
    Json from = Json::array();
    for (const auto& c : n.products) {
      Json p{{"file", c.file}, {"source", c.source}, {"per_day", c.perDay ? Json(Tidy(*c.perDay)) : Json()}};
      if (!c.perDay) p["why"] = c.why;
      if (c.aboveLegalMax) p["above_legal_max"] = true;
      from.push_back(std::move(p));
    }
    e["products"] = std::move(from);
    e["level"] = std::string(NutrientLevelName(n.assessment.level));
    e["upper_level"] = UpperLevelJson(n.assessment);
    e["legal_max"] = LegalMaxJson(n.assessment);
    e["flags"] = n.assessment.flags;
    e["messages"] = n.assessment.messages;
    nutrients.push_back(std::move(e));
  }
  j["nutrients"] = std::move(nutrients);
  j["assessment"] = {{"worst", total.worst ? Json(std::string(NutrientLevelName(*total.worst))) : Json()},
                     {"flags", total.flags},
                     {"messages", total.messages}};
  return j;
}

std::string IntakeTotalText(const Json& j) {
  const Json& products = j["products"];
  std::string s = "Total a day over " + std::to_string(products.size()) + " product" +
                  (products.size() == 1 ? "" : "s") + ", for " + JsonText(j["profile"]["label"]) + ":\n";
  for (const auto& n : j["nutrients"]) {
    const std::string unit = JsonText(n["unit"]);
    s += "  " + JsonText(n["name"]) + ": " +
         (n["per_day"].is_null() ? std::string("unknown") : (n["at_least"] == true ? "at least " : "") + Number(n["per_day"]) + " " + unit) +
         " a day, " + LevelWords(JsonText(n["level"])) + "\n    from ";
    std::string parts;
    for (const auto& c : n["products"])
      parts += (parts.empty() ? "" : ", ") + JsonText(c["file"]) + " " +
               (c["per_day"].is_null() ? "(not read)" : Number(c["per_day"]) + " " + unit);
    s += parts + "\n";
    for (const auto& m : n["messages"]) s += "    " + JsonText(m) + "\n";
  }
  if (j["nutrients"].empty()) s += "  no vitamin or mineral was read in these results\n";
  s += "Verdict: " + (j["assessment"]["worst"].is_null() ? std::string("nothing to judge")
                                                          : LevelWords(JsonText(j["assessment"]["worst"]))) + "\n";
  for (const auto& m : j["assessment"]["messages"]) s += "  " + JsonText(m) + "\n";
  return s;
}

ResultLayout IntakeTotalLayout() {
  ResultLayout layout;
  layout.csv = {
      {"id", [](const Json& n) { return JsonText(n["id"]); }},
      {"name", [](const Json& n) { return JsonText(n["name"]); }},
      {"per_day", [](const Json& n) { return JsonText(n["per_day"]); }},
      {"unit", [](const Json& n) { return JsonText(n["unit"]); }},
      {"at_least", [](const Json& n) { return JsonText(n["at_least"]); }},
      {"level", [](const Json& n) { return JsonText(n["level"]); }},
      {"upper_level", [](const Json& n) { return n["upper_level"].is_null() ? "" : JsonText(n["upper_level"]["value"]); }},
      {"legal_max", [](const Json& n) { return n["legal_max"].is_null() ? "" : JsonText(n["legal_max"]["value"]); }},
      {"flags", [](const Json& n) { return JoinJsonArray(n["flags"], "; "); }},
      {"products",
       [](const Json& n) {
         std::string s;
         for (const auto& c : n["products"])
           s += (s.empty() ? "" : "; ") + JsonText(c["file"]) + " " + (c["per_day"].is_null() ? "?" : JsonText(c["per_day"]));
         return s;
       }},
      {"messages", [](const Json& n) { return JoinJsonArray(n["messages"], " "); }},
  };
  layout.text = [](const Json& total) { return IntakeTotalText(total); };
  return layout;
}

}  // namespace suppcheck
