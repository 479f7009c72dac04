#include "suppcheck/assess/nutrient_limits.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace suppcheck {

namespace {

using nlohmann::json;

const std::set<std::string, std::less<>> kBandKeys = {"1-3",   "4-6",   "7-10",      "11-14",
                                                       "15-17", "adult", "pregnancy", "lactation"};
const std::set<std::string, std::less<>> kAppliesTo = {"total_intake", "supplements_only", "added_forms"};
const std::set<std::string, std::less<>> kUnits = {"mg", "µg"};
const char* const kLanguages[] = {"nl", "fr", "de", "en"};

/// A malformed entry: the message says where ("nutrient 'zinc': legal_max: ...").
struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string Where(const std::string& ctx, const std::string& what) { return ctx.empty() ? what : ctx + ": " + what; }

const json& Need(const json& j, const char* key, const std::string& ctx) {
  if (!j.is_object() || !j.contains(key)) throw Bad(Where(ctx, std::string("'") + key + "' is missing"));
  return j.at(key);
}

std::string Str(const json& j, const char* key, const std::string& ctx) {
  const json& v = Need(j, key, ctx);
  if (!v.is_string() || v.get<std::string>().empty())
    throw Bad(Where(ctx, std::string("'") + key + "' must be a non-empty text"));
  return v.get<std::string>();
}

std::string OptStr(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : "";
}

double Num(const json& v, const std::string& ctx) {
  if (!v.is_number()) throw Bad(Where(ctx, "must be a number"));
  const double d = v.get<double>();
  if (!(d >= 0)) throw Bad(Where(ctx, "must not be negative"));
  return d;
}

bool Confirmed(const json& j) { return !(j.contains("confirmed") && j.at("confirmed").is_boolean()) || j.at("confirmed").get<bool>(); }

std::map<std::string, std::vector<std::string>> Names(const json& j, const std::string& ctx) {
  std::map<std::string, std::vector<std::string>> out;
  const json& names = Need(j, "names", ctx);
  for (const char* lang : kLanguages) {
    const std::string c = Where(ctx, std::string("names.") + lang);
    if (!names.contains(lang) || !names.at(lang).is_array() || names.at(lang).empty())
      throw Bad(Where(c, "needs at least one spelling"));
    for (const auto& n : names.at(lang)) {
      if (!n.is_string() || n.get<std::string>().empty()) throw Bad(Where(c, "spellings must be non-empty texts"));
      out[lang].push_back(n.get<std::string>());
    }
  }
  return out;
}

BandLimit ParseBand(const json& v, const std::string& ctx) {
  BandLimit b;
  if (v.is_number()) {
    b.value = Num(v, ctx);
    return b;
  }
  if (!v.is_object()) throw Bad(Where(ctx, "must be a number or an object with 'value', 'range' or 'none'"));
  b.confirmed = Confirmed(v);
  b.note = OptStr(v, "note");
  if (v.contains("none")) {
    b.type = BandLimit::Type::NoneSet;
    b.note = OptStr(v, "none");
    if (b.note.empty()) throw Bad(Where(ctx, "'none' must say why no limit is set"));
  } else if (v.contains("range")) {
    const json& r = v.at("range");
    if (!r.is_array() || r.size() != 2) throw Bad(Where(ctx, "'range' must be [low, high]"));
    b.type = BandLimit::Type::Range;
    b.low = Num(r[0], Where(ctx, "range low"));
    b.high = Num(r[1], Where(ctx, "range high"));
    if (b.low > b.high) throw Bad(Where(ctx, "range low is above range high"));
  } else if (v.contains("value")) {
    b.value = Num(v.at("value"), Where(ctx, "value"));
  } else {
    throw Bad(Where(ctx, "needs 'value', 'range' or 'none'"));
  }
  if (!b.confirmed && b.note.empty()) throw Bad(Where(ctx, "an unconfirmed value needs a 'note' saying why"));
  return b;
}

using Sources = std::map<std::string, LimitSource, std::less<>>;
using Masses = std::map<std::string, double, std::less<>>;

Sources ParseSources(const json& doc) {
  Sources out;
  for (const auto& [id, s] : doc.items()) {
    const std::string ctx = "source '" + id + "'";
    LimitSource src;
    src.id = id;
    src.title = Str(s, "title", ctx);
    src.ref = OptStr(s, "ref");
    src.doi = OptStr(s, "doi");
    src.checked = Str(s, "checked", ctx);
    if (s.contains("year")) src.year = s.at("year").get<int>();
    out[id] = src;
  }
  return out;
}

// Every value names its source, which must be one of `sources`.
struct SourceCheck {
  const Sources& sources;
  std::string operator()(const json& j, const std::string& ctx) const {
    const std::string id = Str(j, "source", ctx);
    if (!sources.count(id)) throw Bad(Where(ctx, "source '" + id + "' is not in 'sources'"));
    return id;
  }
};

Masses ParseAtomicMasses(const json& atomic, const SourceCheck& needSource) {
  Masses out;
  needSource(atomic, "atomic_masses");
  for (const auto& [el, m] : Need(atomic, "values", "atomic_masses").items()) out[el] = Num(m, "atomic_masses." + el);
  return out;
}

// "conversion/key" (or "conversion/key/sub" for a table of them) -> factor.
Masses ParseConversions(const json& conversions, const SourceCheck& needSource) {
  Masses out;
  for (const auto& [name, c] : conversions.items()) {
    const std::string ctx = "conversion '" + name + "'";
    needSource(c, ctx);
    for (const auto& [key, v] : c.items()) {
      if (v.is_number()) out[name + "/" + key] = Num(v, Where(ctx, key));
      if (v.is_object())
        for (const auto& [sub, f] : v.items()) out[name + "/" + key + "/" + sub] = Num(f, Where(ctx, key + "." + sub));
    }
  }
  return out;
}

// The EU reference intake (null: none set) and the US Daily Values, in the nutrient's unit.
void ParseReferenceValues(const json& j, const std::string& ctx, const SourceCheck& needSource, Nutrient& n) {
  const json& ri = Need(j, "reference_intake", ctx);
  if (!ri.is_null()) {
    const std::string c = Where(ctx, "reference_intake");
    needSource(ri, c);
    n.referenceIntake = Num(Need(ri, "value", c), Where(c, "value"));
    if (Str(ri, "unit", c) != n.unit) throw Bad(Where(c, "unit differs from the nutrient's unit " + n.unit));
  }
  if (j.contains("us_daily_values")) {
    const json& dv = j.at("us_daily_values");
    const std::string c = Where(ctx, "us_daily_values");
    needSource(dv, c);
    const json& values = Need(dv, "values", c);
    if (!values.is_array()) throw Bad(Where(c, "'values' must be a list"));
    for (const auto& v : values) n.usDailyValues.push_back(Num(v, Where(c, "value")));
    if (Str(dv, "unit", c) != n.unit) throw Bad(Where(c, "unit differs from the nutrient's unit " + n.unit));
  }
}

HealthLimit ParseUpperLevel(const json& u, const std::string& ctx, const SourceCheck& needSource) {
  const std::string c = Where(ctx, "upper level");
  HealthLimit h;
  const std::string kind = Str(u, "kind", c);
  if (kind == "UL")
    h.kind = HealthLimit::Kind::UpperLevel;
  else if (kind == "safe_level")
    h.kind = HealthLimit::Kind::SafeLevel;
  else if (kind == "none")
    h.kind = HealthLimit::Kind::None;
  else
    throw Bad(Where(c, "kind '" + kind + "' is not UL, safe_level or none"));
  h.sourceId = needSource(u, c);
  h.note = OptStr(u, "note");
  if (u.contains("forms"))
    for (const auto& f : u.at("forms")) h.forms.push_back(f.get<std::string>());
  if (h.kind == HealthLimit::Kind::None) {
    if (h.note.empty()) throw Bad(Where(c, "kind 'none' needs a 'note' saying why"));
    return h;
  }
  h.appliesTo = Str(u, "applies_to", c);
  if (!kAppliesTo.count(h.appliesTo)) throw Bad(Where(c, "applies_to '" + h.appliesTo + "' is unknown"));
  const json& bands = Need(u, "bands", c);
  if (!bands.is_object() || bands.empty()) throw Bad(Where(c, "'bands' must hold at least one age band"));
  for (const auto& [band, v] : bands.items()) {
    if (!kBandKeys.count(band)) throw Bad(Where(c, "band '" + band + "' is not an EFSA age band"));
    h.bands[band] = ParseBand(v, Where(c, "band '" + band + "'"));
  }
  return h;
}

LegalLimit ParseLegalMax(const json& legal, const std::string& ctx, const SourceCheck& needSource, const std::string& unit) {
  const std::string c = Where(ctx, "legal_max");
  LegalLimit m;
  m.sourceId = needSource(legal, c);
  m.country = OptStr(legal, "country");
  m.reason = OptStr(legal, "reason");
  m.confirmed = legal.contains("confirmed") && legal.at("confirmed").is_boolean() && legal.at("confirmed").get<bool>();
  const json& value = Need(legal, "value", c);
  if (!value.is_null()) {
    m.value = Num(value, Where(c, "value"));
    m.unit = Str(legal, "unit", c);
    if (m.unit != unit) throw Bad(Where(c, "unit differs from the nutrient's unit " + unit));
    if (!m.confirmed && m.reason.empty()) throw Bad(Where(c, "an unconfirmed value needs a 'reason'"));
  } else if (m.reason.empty()) {
    throw Bad(Where(c, "no value: 'reason' must say why there is no maximum"));
  }
  return m;
}

NutrientForm ParseForm(const json& f, const std::string& ctx, const SourceCheck& needSource, const Masses& atomicMasses) {
  NutrientForm form;
  form.id = Str(f, "id", Where(ctx, "a form"));
  const std::string c = Where(ctx, "form '" + form.id + "'");
  form.names = Names(f, c);
  form.iuForm = OptStr(f, "iu_form");
  if (!f.contains("formula")) return form;
  needSource(f, c);
  Compound comp;
  comp.formula = Str(f, "formula", c);
  comp.molarMass = Num(Need(f, "molar_mass", c), Where(c, "molar_mass"));
  comp.element = Str(f, "element", c);
  comp.elementAtoms = Need(f, "element_atoms", c).get<int>();
  if (comp.molarMass <= 0 || comp.elementAtoms < 1) throw Bad(Where(c, "molar_mass and element_atoms must be positive"));
  if (!atomicMasses.count(comp.element)) throw Bad(Where(c, "element '" + comp.element + "' has no atomic mass"));
  if (comp.elementAtoms * atomicMasses.at(comp.element) > comp.molarMass)
    throw Bad(Where(c, "the element weighs more than the compound"));
  form.compound = comp;
  return form;
}

MandatoryWarning ParseWarning(const json& w, const std::string& ctx, const SourceCheck& needSource, const std::string& unit) {
  MandatoryWarning m;
  m.id = Str(w, "id", Where(ctx, "a warning"));
  const std::string c = Where(ctx, "warning '" + m.id + "'");
  m.above = Num(Need(w, "above", c), Where(c, "above"));
  m.unit = Str(w, "unit", c);
  if (m.unit != unit) throw Bad(Where(c, "unit differs from the nutrient's unit " + unit));
  m.sourceId = needSource(w, c);
  m.confirmed = Confirmed(w);
  m.reason = OptStr(w, "reason");
  m.message = Str(w, "message", c);
  if (w.contains("forms"))
    for (const auto& f : w.at("forms")) m.forms.push_back(f.get<std::string>());
  return m;
}

// One entry of 'nutrients'; `seen`: the ids before it (each may be listed once).
Nutrient ParseNutrient(const json& j, const SourceCheck& needSource, const Masses& atomicMasses,
                       std::set<std::string>& seen) {
  Nutrient n;
  n.id = Str(j, "id", "a nutrient");
  const std::string ctx = "nutrient '" + n.id + "'";
  if (!seen.insert(n.id).second) throw Bad(Where(ctx, "listed twice"));
  n.name = Str(j, "name", ctx);
  n.unit = Str(j, "unit", ctx);
  if (!kUnits.count(n.unit)) throw Bad(Where(ctx, "unit '" + n.unit + "' is not mg or µg"));
  n.names = Names(j, ctx);
  ParseReferenceValues(j, ctx, needSource, n);
  const json& uls = Need(j, "upper_levels", ctx);
  if (!uls.is_array() || uls.empty()) throw Bad(Where(ctx, "'upper_levels' must list at least one entry (kind 'none' when EFSA set none)"));
  for (const auto& u : uls) n.upperLevels.push_back(ParseUpperLevel(u, ctx, needSource));
  n.legalMax = ParseLegalMax(Need(j, "legal_max", ctx), ctx, needSource, n.unit);
  if (j.contains("forms"))
    for (const auto& f : j.at("forms")) n.forms.push_back(ParseForm(f, ctx, needSource, atomicMasses));
  if (j.contains("warnings"))
    for (const auto& w : j.at("warnings")) n.warnings.push_back(ParseWarning(w, ctx, needSource, n.unit));
  return n;
}

}  // namespace

std::string LimitSource::Cite() const {
  std::string s = title;
  if (!ref.empty()) s += ", " + ref;
  if (!doi.empty()) s += ", doi " + doi;
  return s;
}

const NutrientForm* Nutrient::FindForm(std::string_view formId) const {
  for (const auto& f : forms)
    if (f.id == formId) return &f;
  return nullptr;
}

const Nutrient* NutrientLimits::Find(std::string_view id) const {
  for (const auto& n : nutrients_)
    if (n.id == id) return &n;
  return nullptr;
}

const LimitSource* NutrientLimits::Source(std::string_view id) const {
  const auto it = sources_.find(id);
  return it == sources_.end() ? nullptr : &it->second;
}

std::optional<double> NutrientLimits::AtomicMass(std::string_view element) const {
  const auto it = atomicMasses_.find(element);
  if (it == atomicMasses_.end()) return std::nullopt;
  return it->second;
}

std::optional<double> NutrientLimits::Factor(std::string_view conversion, std::string_view key) const {
  const auto it = factors_.find(std::string(conversion) + "/" + std::string(key));
  if (it == factors_.end()) return std::nullopt;
  return it->second;
}

Expected<NutrientLimits> NutrientLimits::Load(const std::filesystem::path& modelsDir) {
  const auto path = modelsDir / "nutrients.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("missing_models", "cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path.string());
}

Expected<NutrientLimits> NutrientLimits::Parse(const std::string& text, const std::string& file) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return MakeError("missing_models", file + " is not valid JSON");
  NutrientLimits out;
  try {
    // Sources first: every number below must name one of them.
    out.sources_ = ParseSources(Need(doc, "sources", ""));
    const SourceCheck sources{out.sources_};
    out.atomicMasses_ = ParseAtomicMasses(Need(doc, "atomic_masses", ""), sources);
    out.factors_ = ParseConversions(Need(doc, "conversions", ""), sources);
    const json& list = Need(doc, "nutrients", "");
    if (!list.is_array() || list.empty()) throw Bad("'nutrients' must be a non-empty list");
    std::set<std::string> seen;
    for (const auto& j : list) out.nutrients_.push_back(ParseNutrient(j, sources, out.atomicMasses_, seen));
  } catch (const Bad& e) {
    return MakeError("missing_models", file + ": " + e.what());
  } catch (const std::exception& e) {
    return MakeError("missing_models", file + " is malformed: " + e.what());
  }
  return out;
}

}  // namespace suppcheck
