#include "suppcheck/report/scan_report.h"

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

}  // namespace

const Json& JsonAt(const Json& j, std::initializer_list<const char*> path) {
  static const Json null;
  const Json* cur = &j;
  for (const char* k : path) {
    if (!cur->is_object() || !cur->contains(k)) return null;
    cur = &(*cur)[k];
  }
  return *cur;
}

Json ScanResultJson(const ScanResult& r) {
  Json j;
  j["file"] = SanitizeUtf8(r.file);
  j["ok"] = r.ok;
  if (!r.ok) {
    j["error"] = Json{{"code", r.error.code}, {"message", SanitizeUtf8(r.error.message)}};
    j["notification"] = nullptr;
    j["magnesium"] = nullptr;
    j["assessment"] = nullptr;
    j["ocr"] = nullptr;
    return j;
  }
  j["error"] = nullptr;

  const bool found = r.number.number.status != NumberStatus::Missing;
  Json n = NotificationJson(r.number.number, r.registry, found ? std::round(r.number.confidence * 100) / 100 : -1);
  if (!found) n["confidence"] = nullptr;
  if (found && !r.number.box.empty()) n["box"] = BoxJson(r.number.box);
  j["notification"] = n;

  const MagnesiumFacts& m = r.magnesium;
  Json mg;
  mg["present"] = m.present;
  mg["salts"] = m.salts;
  mg["mg_per_unit"] = Rounded(m.mgPerUnit);
  mg["units_per_day"] = Rounded(m.unitsPerDay, 2);
  mg["mg_per_day"] = Rounded(m.mgPerDay);
  mg["mg_per_day_range"] = m.mgPerDayRange ? Json::array({Rounded(m.mgPerDayRange->first), Rounded(m.mgPerDayRange->second)})
                                           : Json(nullptr);
  mg["basis"] = m.basis.empty() ? Json(nullptr) : Json(m.basis);
  mg["evidence"] = Json::array();
  for (const auto& e : m.evidence) {
    Json ev{{"text", SanitizeUtf8(e.text)}, {"role", e.role}};
    if (!e.box.empty()) ev["box"] = BoxJson(e.box);
    mg["evidence"].push_back(ev);
  }
  j["magnesium"] = mg;

  const Assessment& a = r.assessment;
  j["assessment"] = Json{{"level", LevelName(a.level)},
                         {"noael_mg_per_day", a.noaelMg ? Json(*a.noaelMg) : Json(nullptr)},
                         {"flags", a.flags},
                         {"messages", a.messages}};
  if (r.ocr) {
    j["ocr"] = Json{{"engine", r.ocr->engine},
                    {"languages", r.ocr->languages},
                    {"rotation", r.ocr->rotation},
                    {"mean_confidence", std::round(r.ocr->meanConfidence * 10) / 10},
                    {"ms", std::lround(r.ocr->ms)},
                    {"scale", std::round(r.ocr->scale * 1000) / 1000},
                    {"skew_degrees", std::round(r.ocr->skewDegrees * 10) / 10},
                    {"perspective", r.ocr->perspective},
                    {"unwrapped", r.ocr->unwrapped}};
  } else {
    j["ocr"] = nullptr;
  }
  return j;
}

std::string ScanResultText(const Json& j) {
  auto str = [](const Json& v) -> std::string {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "?";
    // "3" units and "360 mg" read better than "3.0" and "360.0".
    if (v.is_number_float() && std::abs(v.get<double>() - std::round(v.get<double>())) < 1e-9)
      return std::to_string(std::llround(v.get<double>()));
    return v.dump();
  };
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << str(j["file"]) << "\n";
  if (!j["ok"].get<bool>()) {
    out << "  could not be processed: " << str(j["error"]["message"]) << "\n";
    return out.str();
  }
  const Json& n = j["notification"];
  const std::string status = str(n["status"]);
  out << "  notification number: ";
  if (status == "valid")
    out << n["number"].get<std::string>() << " (format right)";
  else if (status == "invalid")
    out << "INVALID '" << str(n["text"]) << "'";
  else if (status == "unreadable")
    out << "not readable with confidence ('" << str(n["text"]) << "'): photograph that line closer";
  else
    out << "MISSING";
  const std::string reg = str(n["registry"]["status"]);
  if (reg == "listed") out << ", listed in the registry";
  if (reg == "not_listed") out << ", not in the registry (which lists only the last five years' notifications)";
  if (reg == "error") out << ", registry not reachable";
  out << "\n";
  const Json& m = j["magnesium"];
  if (m["present"].get<bool>()) {
    out << "  magnesium:";
    if (!m["salts"].empty()) {
      std::string salts;
      for (const auto& s : m["salts"]) salts += (salts.empty() ? " " : ", ") + s.get<std::string>();
      out << salts << ";";
    }
    out << " " << str(m["mg_per_unit"]) << " mg per unit x " << str(m["units_per_day"]) << " a day = "
        << str(m["mg_per_day"]) << " mg a day";
    if (m["basis"] == "from_salt_mass") out << " (computed from the salt mass)";
    out << "\n";
  }
  out << "  verdict: " << str(j["assessment"]["level"]) << "\n";
  for (const auto& msg : j["assessment"]["messages"]) out << "  - " << msg.get<std::string>() << "\n";
  return out.str();
}

}  // namespace suppcheck
