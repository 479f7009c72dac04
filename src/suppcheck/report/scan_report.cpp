#include "suppcheck/report/scan_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "suppcheck/report/notification_json.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

using Json = nlohmann::ordered_json;

// Report numbers are rounded for people; doubles like 187.49999 would only confuse.
Json Rounded(std::optional<double> v, int decimals = 1) {
  if (!v) return nullptr;
  const double f = std::pow(10.0, decimals);
  return std::round(*v * f) / f;
}

Json BoxJson(const Box& b) { return Json::array({b.x, b.y, b.w, b.h}); }

// The parts of the label the photo(s) showed, and what to photograph next (an extra key).
Json CoverageJson(const ScanResult& r) {
  const Coverage& c = r.coverage;
  Json j{{"ingredients", c.ingredients},
         {"nutrient_table", c.nutrientTable},
         {"dose", c.dose},
         {"directions", c.directions},
         {"legal_text", c.legalText}};
  j["to_photograph"] = StillToPhotograph(c, r.number, r.magnesium);
  return j;
}

Json EvidenceJson(const Evidence& e, const ScanResult& r) {
  Json ev{{"text", SanitizeUtf8(e.text)}, {"role", std::string(EvidenceRoleName(e.role))}, {"file", SanitizeUtf8(e.file.empty() ? r.file : e.file)}};
  if (!e.box.empty()) ev["box"] = BoxJson(e.box);
  return ev;
}

// One entry of `nutrients` (spec/report.md).
Json NutrientJson(const NutrientResult& nr, const ScanResult& r) {
  const NutrientFacts& f = nr.facts;
  const NutrientAssessment& a = nr.assessment;
  Json j;
  j["id"] = f.id;
  j["name"] = nr.name;
  j["forms"] = Json::array();
  for (const auto& form : nr.formNames) j["forms"].push_back(SanitizeUtf8(form));
  j["per_unit"] = Rounded(f.perUnit, 3);
  j["per_day"] = Rounded(f.perDay, 3);
  j["unit"] = f.unit.empty() ? Json(nullptr) : Json(f.unit);
  j["per_day_range"] = f.perDayRange ? Json::array({Rounded(f.perDayRange->first, 3), Rounded(f.perDayRange->second, 3)})
                                     : Json(nullptr);
  j["units_per_day"] = Rounded(f.unitsPerDay, 2);
  j["ri_percent_printed"] = Rounded(f.riPercentPrinted, 1);
  if (f.id == "folate") j["folic_acid_ug"] = Rounded(f.folicAcidUg, 1);
  j["basis"] = f.basis == DoseSource::kUnknown ? Json(nullptr) : Json(std::string(DoseSourceName(f.basis)));
  if (a.upperLevel) {
    const AppliedUpperLevel& u = *a.upperLevel;
    j["upper_level"] = Json{{"value", u.value ? Json(*u.value) : Json(nullptr)},
                            {"range", u.range ? Json::array({u.range->first, u.range->second}) : Json(nullptr)},
                            {"unit", u.unit},
                            {"kind", u.kind},
                            {"applies_to", u.appliesTo},
                            {"source", u.source},
                            {"profile", u.profile},
                            {"confirmed", u.confirmed}};
  } else {
    j["upper_level"] = nullptr;
  }
  if (a.legalMax) {
    const AppliedLegalMax& l = *a.legalMax;
    j["legal_max"] = Json{{"value", l.value}, {"unit", l.unit}, {"country", l.country}, {"source", l.source},
                          {"confirmed", l.confirmed}};
  } else {
    j["legal_max"] = nullptr;
  }
  j["level"] = std::string(NutrientLevelName(a.level));
  j["flags"] = a.flags;
  j["messages"] = Json::array();
  for (const auto& m : a.messages) j["messages"].push_back(SanitizeUtf8(m));
  j["evidence"] = Json::array();
  for (const auto& e : f.evidence) j["evidence"].push_back(EvidenceJson(e, r));
  return j;
}

}  // namespace

Json ScanResultJson(const ScanResult& r) {
  Json j;
  j["file"] = SanitizeUtf8(r.file);
  if (!r.files.empty()) {
    j["files"] = Json::array();
    for (const auto& f : r.files) j["files"].push_back(SanitizeUtf8(f));
  }
  j["ok"] = r.ok;
  if (!r.ok) {
    j["error"] = Json{{"code", r.error.code}, {"message", SanitizeUtf8(r.error.message)}};
    j["notification"] = nullptr;
    j["magnesium"] = nullptr;
    j["assessment"] = nullptr;
    j["nutrients"] = nullptr;
    j["coverage"] = nullptr;
    j["ocr"] = nullptr;
    return j;
  }
  j["error"] = nullptr;

  const bool found = !r.number.number.absent();
  Json n = NotificationJson(r.number.number, r.registry, found ? std::round(r.number.confidence * 100) / 100 : -1);
  if (!found) n["confidence"] = nullptr;
  if (found && !r.number.box.empty()) n["box"] = BoxJson(r.number.box);
  if (found && !r.number.file.empty()) n["file"] = SanitizeUtf8(r.number.file);
  j["notification"] = n;

  const MagnesiumFacts& m = r.magnesium;
  Json mg;
  const std::optional<bool> present = MagnesiumPresence(m, r.coverage);
  mg["present"] = present ? Json(*present) : Json(nullptr);
  mg["salts"] = m.salts;
  mg["mg_per_unit"] = Rounded(m.mgPerUnit);
  mg["units_per_day"] = Rounded(m.unitsPerDay, 2);
  mg["mg_per_day"] = Rounded(m.mgPerDay);
  mg["mg_per_day_range"] = m.mgPerDayRange ? Json::array({Rounded(m.mgPerDayRange->first), Rounded(m.mgPerDayRange->second)})
                                           : Json(nullptr);
  mg["basis"] = m.basis == DoseSource::kUnknown ? Json(nullptr) : Json(std::string(DoseSourceName(m.basis)));
  mg["evidence"] = Json::array();
  for (const auto& e : m.evidence) mg["evidence"].push_back(EvidenceJson(e, r));
  j["magnesium"] = mg;

  const Assessment& a = r.assessment;
  j["assessment"] = Json{{"level", LevelName(a.level)},
                         {"noael_mg_per_day", a.noaelMg ? Json(*a.noaelMg) : Json(nullptr)},
                         {"flags", a.flags},
                         {"messages", a.messages}};
  const auto worst = WorstNutrientLevel(r.nutrients);
  j["assessment"]["worst"] = worst ? Json(std::string(NutrientLevelName(*worst))) : Json(nullptr);
  j["nutrients"] = Json::array();
  for (const auto& nutrient : r.nutrients) j["nutrients"].push_back(NutrientJson(nutrient, r));
  j["coverage"] = CoverageJson(r);
  if (r.ocr) {
    j["ocr"] = Json{{"engine", r.ocr->engine},
                    {"languages", r.ocr->languages},
                    {"rotation", r.ocr->rotation},
                    {"mean_confidence", std::round(r.ocr->meanConfidence * 10) / 10},
                    {"ms", std::lround(r.ocr->ms)},
                    {"scale", std::round(r.ocr->scale * 1000) / 1000},
                    {"skew_degrees", std::round(r.ocr->skewDegrees * 10) / 10},
                    {"perspective", r.ocr->perspective},
                    {"unwrapped", r.ocr->unwrapped},
                    {"texture_removed", r.ocr->textureRemoved}};
  } else {
    j["ocr"] = nullptr;
  }
  return j;
}

namespace {

// A value as the text report shows it: "?" for null; "3" units and "360 mg" read better than
// "3.0" and "360.0".
std::string Str(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "?";
  if (v.is_number_float() && std::abs(v.get<double>() - std::round(v.get<double>())) < 1e-9)
    return std::to_string(std::llround(v.get<double>()));
  return v.dump();
}

void WriteNumberText(std::ostream& out, const Json& j) {
  const Json& n = j["notification"];
  const std::string status = Str(n["status"]);
  out << "  notification number: ";
  if (status == "valid")
    out << n["number"].get<std::string>() << " (format right)";
  else if (status == "invalid")
    out << "INVALID '" << Str(n["text"]) << "'";
  else if (status == "unreadable" && Str(n["text"]).empty())
    out << "printed, not readable with confidence: photograph that side closer";
  else if (status == "unreadable")
    out << "not readable with confidence ('" << Str(n["text"]) << "'): photograph that line closer";
  else if (status == "missing")
    out << "MISSING";
  else if (status == "not_seen")
    out << "not on this photo (the side with the lot and the address was not shown)";
  else
    out << status;
  const std::string reg = Str(n["registry"]["status"]);
  if (reg == "listed") out << ", listed in the registry";
  if (reg == "not_listed") out << ", not in the registry (which lists only the last five years' notifications)";
  if (reg == "error") out << ", registry not reachable";
  out << "\n";
}

void WriteMagnesiumText(std::ostream& out, const Json& j) {
  const Json& m = j["magnesium"];
  if (m["present"].is_null()) out << "  magnesium: cannot tell (no ingredient list or nutrient table on this photo)\n";
  if (m["present"].is_boolean() && m["present"].get<bool>()) {
    out << "  magnesium:";
    if (!m["salts"].empty()) {
      std::string salts;
      for (const auto& s : m["salts"]) salts += (salts.empty() ? " " : ", ") + s.get<std::string>();
      out << salts << ";";
    }
    out << " " << Str(m["mg_per_unit"]) << " mg per unit x " << Str(m["units_per_day"]) << " a day = "
        << Str(m["mg_per_day"]) << " mg a day";
    if (m["basis"] == "from_salt_mass") out << " (computed from the salt mass)";
    out << "\n";
  }
}

// Every vitamin and mineral: a count, then one line per nutrient above a limit.
void WriteNutrientsText(std::ostream& out, const Json& j) {
  const Json& nutrients = j.contains("nutrients") ? j["nutrients"] : Json();
  if (nutrients.is_array() && !nutrients.empty()) {
    size_t withDose = 0;
    for (const auto& item : nutrients) withDose += item["per_day"].is_null() ? 0 : 1;
    out << "  vitamins and minerals: " << nutrients.size() << " read, " << withDose << " with an amount a day; worst: "
        << Str(j["assessment"]["worst"]) << "\n";
    for (const auto& item : nutrients) {
      const bool aboveHealth = item["level"] == "above_upper_level";
      const Json& flags = item["flags"];
      const bool aboveLegal = std::find(flags.begin(), flags.end(), Json("above_legal_max")) != flags.end();
      if (!aboveHealth && !aboveLegal) continue;
      const std::string unit = Str(item["unit"]);
      out << "  ! " << Str(item["name"]) << ": " << Str(item["per_day"]) << " " << unit << " a day, above ";
      if (aboveHealth) out << "the " << Str(item["upper_level"]["value"]) << " " << unit << " health limit (EFSA)";
      if (aboveHealth && aboveLegal) out << " and ";
      if (aboveLegal) out << "the " << Str(item["legal_max"]["value"]) << " " << unit << " Belgian legal maximum";
      out << "\n";
    }
  }
}

void WriteCoverageText(std::ostream& out, const Json& j) {
  const Json& c = j["coverage"];
  if (c.is_object()) {
    std::string shown;
    for (const auto& [key, label] : {std::pair{"ingredients", "ingredients"}, {"nutrient_table", "nutrient table"},
                                     {"dose", "dose"}, {"directions", "directions"}, {"legal_text", "lot/address"}})
      if (c[key].is_boolean() && c[key].get<bool>()) shown += (shown.empty() ? "" : ", ") + std::string(label);
    out << "  the photo showed: " << (shown.empty() ? "none of the label's information panels" : shown) << "\n";
    for (const auto& next : c["to_photograph"]) out << "  next, photograph " << next.get<std::string>() << "\n";
  }
}

}  // namespace

std::string ScanResultText(const Json& j) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << Str(j["file"]) << "\n";
  if (!j["ok"].get<bool>()) {
    out << "  could not be processed: " << Str(j["error"]["message"]) << "\n";
    return out.str();
  }
  WriteNumberText(out, j);
  WriteMagnesiumText(out, j);
  out << "  verdict: " << Str(j["assessment"]["level"]) << "\n";
  for (const auto& msg : j["assessment"]["messages"]) out << "  - " << msg.get<std::string>() << "\n";
  WriteNutrientsText(out, j);
  WriteCoverageText(out, j);
  return out.str();
}

}  // namespace suppcheck
