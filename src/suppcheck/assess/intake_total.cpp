#include "suppcheck/assess/intake_total.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "suppcheck/assess/nutrient_units.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

using Json = nlohmann::ordered_json;

// As nutrient_assessment: an amount equal to a limit is within it, up to the arithmetic's rounding.
constexpr double kRelativeTolerance = 1e-9;

const char* TypeName(const Json& j) {
  if (j.is_array()) return "list";
  if (j.is_string()) return "string";
  if (j.is_number()) return "number";
  if (j.is_boolean()) return "boolean";
  if (j.is_null()) return "null";
  return "object";
}

std::string Amount(double v, const std::string& unit) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + " " + unit;
}

/// A number a result may hold: finite and not negative. Null and absent are "not read".
Expected<std::optional<double>> OptionalAmount(const Json& parent, const char* key, const std::string& path) {
  if (!parent.contains(key) || parent[key].is_null()) return std::optional<double>();
  const Json& v = parent[key];
  const std::string name = "\"" + path + "." + key + "\"";
  if (!v.is_number()) return MakeError("not_a_result", name + " is a " + TypeName(v) + ", not a number");
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < 0) return MakeError("not_a_result", name + " is not an amount (negative or not finite)");
  return std::optional<double>(d);
}

std::optional<std::pair<double, double>> RangeOf(const Json& parent, const char* key) {
  if (!parent.contains(key)) return std::nullopt;
  const Json& r = parent[key];
  if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number()) return std::nullopt;
  const double lo = r[0].get<double>(), hi = r[1].get<double>();
  if (!std::isfinite(lo) || !std::isfinite(hi) || lo < 0 || hi < lo) return std::nullopt;
  return std::pair{lo, hi};
}

/// The form id of models/nutrients.json a result's "forms" names ("pyridoxine hydrochloride",
/// "Zinkgluconat" or the id itself); empty when none or several different ones.
std::string FormIdOf(const Nutrient* n, const Json& forms) {
  if (!n || !forms.is_array()) return {};
  std::set<std::string> ids;
  for (const Json& f : forms) {
    if (!f.is_string()) continue;
    const std::string want = AsciiLower(Trim(f.get<std::string>()));
    for (const NutrientForm& form : n->forms) {
      bool match = AsciiLower(form.id) == want;
      for (const auto& language : form.names)
        for (const auto& name : language.second) match = match || AsciiLower(name) == want;
      if (match) ids.insert(form.id);
    }
  }
  return ids.size() == 1 ? *ids.begin() : std::string();
}

/// The magnesium object's amount a day (present true).
ProductAmount MagnesiumAmount(const Json& mg, std::optional<double> mgPerDay) {
  ProductAmount a;
  a.id = "magnesium";
  a.perDay = mgPerDay;
  a.perDayRange = RangeOf(mg, "mg_per_day_range");
  a.unit = "mg";
  if (!mgPerDay) a.unknownWhy = "the magnesium dose was not read";
  return a;
}

Expected<ProductAmount> NutrientAmount(const Json& item, const NutrientLimits& limits, const std::string& path) {
  ProductAmount a;
  a.id = item["id"].get<std::string>();
  auto perDay = OptionalAmount(item, "per_day", path);
  if (!perDay) return perDay.error();
  if (item.contains("unit") && !item["unit"].is_null() && !item["unit"].is_string())
    return MakeError("not_a_result", "\"" + path + ".unit\" is not a string");
  const std::string unit = item.contains("unit") && item["unit"].is_string() ? item["unit"].get<std::string>() : "";
  a.formId = FormIdOf(limits.Find(a.id), item.contains("forms") ? item["forms"] : Json());
  if (!*perDay) {
    auto perUnit = OptionalAmount(item, "per_unit", path);
    a.unknownWhy = perUnit && perUnit->has_value() ? "the amount per unit was read, not how many units a day"
                                        : "the amount a day was not read";
    return a;
  }
  a.unit = CanonicalMassUnit(unit);
  if (a.unit.empty()) {
    a.unknownWhy = "the amount is in '" + SanitizeUtf8(unit) + "', not a mass";
    return a;
  }
  a.perDay = *perDay;
  a.perDayRange = RangeOf(item, "per_day_range");
  return a;
}

void AddFlag(std::vector<std::string>& flags, const std::string& f) {
  if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(f);
}

bool HasFlag(const std::vector<std::string>& flags, const std::string& f) {
  return std::find(flags.begin(), flags.end(), f) != flags.end();
}

std::string Files(const std::vector<std::string>& files) { return Join(files, ", "); }

/// Assesses one nutrient's sum and writes what the sum, its parts and the legal maximum mean.
void AssessTotal(NutrientTotal& nt, const NutrientLimits& limits, const AgeProfile& who) {
  std::vector<std::string> unknown;
  for (const auto& c : nt.products)
    if (!c.perDay) unknown.push_back(c.file + " (" + c.why + ")");
  NutrientAssessment& a = nt.assessment;
  if (!nt.anyKnown) {
    a.id = nt.id;
    a.level = NutrientLevel::Unknown;
    AddFlag(a.flags, "dose_unknown");
    a.messages.push_back("The amount of " + nt.name + " a day was not read for any product that has it: " +
                         Files(unknown) + "; the total is unknown.");
    return;
  }
  a = AssessNutrient(limits, who, nt.id, nt.perDay, nt.unit, nt.formId);
  // A warning the label must carry is about one product's label, not about a sum.
  if (const Nutrient* n = limits.Find(nt.id)) {
    a.flags.erase(std::remove(a.flags.begin(), a.flags.end(), "warning_required"), a.flags.end());
    for (const auto& w : n->warnings)
      a.messages.erase(std::remove_if(a.messages.begin(), a.messages.end(),
                                      [&](const std::string& m) { return m.rfind(w.message, 0) == 0; }),
                       a.messages.end());
  }
  if (nt.atLeast) {
    AddFlag(a.flags, "dose_unknown");
    if (a.level != NutrientLevel::AboveUpperLevel) a.level = NutrientLevel::Unknown;
    // The verdict on the amounts read ("... is within ...") holds for those amounts only.
    if (!a.messages.empty()) a.messages.front() = "Counting only the amounts that were read: " + a.messages.front();
    a.messages.insert(a.messages.begin(), "The total is at least " + Amount(nt.perDay, nt.unit) + ": the amount of " + nt.name +
                         " a day was not read for " + Files(unknown) + ", so it may be higher" +
                         (a.level == NutrientLevel::AboveUpperLevel ? " (and is above the limit already)." : "."));
  }
  if (!a.legalMax) return;
  const double legal = a.legalMax->value;
  std::vector<std::string> alone;
  int known = 0;
  for (auto& c : nt.products) {
    if (!c.perDay) continue;
    ++known;
    if (*c.perDay > legal * (1 + kRelativeTolerance)) {
      c.aboveLegalMax = true;
      alone.push_back(c.file);
      a.messages.push_back(c.file + " alone gives " + Amount(*c.perDay, nt.unit) + " " + nt.name +
                           " a day, above the Belgian legal maximum of " + Amount(legal, nt.unit) +
                           " per daily portion of one food supplement.");
    }
  }
  if (!alone.empty()) AddFlag(a.flags, "product_above_legal_max");
  if (known >= 2 && HasFlag(a.flags, "above_legal_max"))
    a.messages.push_back("The Belgian maximum is set for the daily portion of one product" +
                         std::string(alone.empty() ? ": each of these products alone is within it, together they give "
                                                     "more than one product may."
                                                   : "."));
}

// A product given twice (two runs over the same photos, a results file concatenated with
// itself) is one product: the later result counts, once.
void CountEachProductOnce(std::vector<ProductIntake> products, IntakeTotal& t) {
  std::map<std::string, size_t> seen;
  for (auto& p : products) {
    const auto it = seen.find(p.file);
    if (it == seen.end()) {
      seen.emplace(p.file, t.products.size());
      t.products.push_back(std::move(p));
      continue;
    }
    t.messages.push_back(p.file + " appears more than once (" + t.products[it->second].source + " and " + p.source +
                         "): it is counted once, from the later result.");
    AddFlag(t.flags, "repeated_product");
    t.products[it->second] = std::move(p);
  }
}

// Every nutrient's amounts a day added up over the products, in the nutrient's unit.
struct SumsPerNutrient {
  std::map<std::string, NutrientTotal> totals;
  std::vector<std::string> firstSeen;                                       ///< ids in the order met
  std::map<std::string, std::vector<std::pair<double, double>>> ranges;     ///< each product's low-high
  std::map<std::string, std::set<std::string>> forms;                       ///< the forms named
};

SumsPerNutrient AddUp(const std::vector<ProductIntake>& products, const NutrientLimits& limits) {
  SumsPerNutrient s;
  for (const auto& p : products) {
    for (const auto& a : p.amounts) {
      auto [it, fresh] = s.totals.try_emplace(a.id);
      NutrientTotal& nt = it->second;
      if (fresh) {
        s.firstSeen.push_back(a.id);
        nt.id = a.id;
        const Nutrient* n = limits.Find(a.id);
        nt.name = n ? n->name : a.id;
        nt.unit = n ? n->unit : (a.unit.empty() ? "mg" : a.unit);
      }
      NutrientContribution c{p.file, p.source, std::nullopt, a.unknownWhy, false};
      if (a.perDay) {
        auto v = ConvertMass(*a.perDay, a.unit, nt.unit);
        if (v) {
          c.perDay = *v;
          const double scale = *a.perDay > 0 ? *v / *a.perDay : 0;
          s.ranges[a.id].push_back(a.perDayRange ? std::pair{a.perDayRange->first * scale, a.perDayRange->second * scale}
                                                 : std::pair{*v, *v});
          if (a.perDayRange) nt.perDayRange = std::pair{0.0, 0.0};  // marks: some part is a range
        } else {
          c.why = "its amount (" + Amount(*a.perDay, a.unit) + ") cannot be put in " + nt.unit;
        }
      }
      s.forms[a.id].insert(a.formId);
      if (c.perDay) {
        nt.perDay += *c.perDay;
        nt.anyKnown = true;
      } else {
        nt.atLeast = true;
      }
      nt.products.push_back(std::move(c));
    }
  }
  return s;
}

// Each sum assessed like one product's amount, in the order of models/nutrients.json (then the
// others as met); their flags and the worst level go to `t`.
void AssessSums(SumsPerNutrient& s, const NutrientLimits& limits, const AgeProfile& who, IntakeTotal& t) {
  std::vector<std::string> order;
  for (const auto& n : limits.All())
    if (s.totals.count(n.id)) order.push_back(n.id);
  for (const auto& id : s.firstSeen)
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  std::vector<NutrientAssessment> assessments;
  for (const auto& id : order) {
    NutrientTotal& nt = s.totals[id];
    if (nt.perDayRange) {
      double lo = 0, hi = 0;
      for (const auto& [l, h] : s.ranges[id]) lo += l, hi += h;
      nt.perDayRange = std::pair{lo, hi};
    }
    if (s.forms[id].size() == 1) nt.formId = *s.forms[id].begin();
    AssessTotal(nt, limits, who);
    for (const auto& f : nt.assessment.flags) AddFlag(t.flags, f);
    assessments.push_back(nt.assessment);
    t.nutrients.push_back(std::move(nt));
  }
  t.worst = WorstLevel(assessments);
}

// The products whose contents are not (all) known: named, and the verdict no better than unknown.
void SayWhatIsNotCounted(IntakeTotal& t) {
  std::vector<std::string> notRead, magnesiumOnly;
  for (const auto& p : t.products) {
    if (p.read == "not_read") notRead.push_back(p.file + " (" + p.notReadWhy + ")");
    if (p.read == "magnesium_only") magnesiumOnly.push_back(p.file);
  }
  if (!notRead.empty()) {
    AddFlag(t.flags, "contents_unknown");
    t.messages.push_back("Not counted, because what they contain is not known: " + Files(notRead) +
                         ". Every total may be higher.");
  }
  if (!magnesiumOnly.empty()) {
    AddFlag(t.flags, "magnesium_only");
    t.messages.push_back("Only the magnesium of " + Files(magnesiumOnly) +
                         " is counted: these results carry no list of nutrients (written by a suppcheck that read "
                         "magnesium only), so their other vitamins and minerals are not known.");
  }
  // A one-line verdict may not say "within" over products whose contents are partly unknown.
  if ((!notRead.empty() || !magnesiumOnly.empty()) && t.worst != NutrientLevel::AboveUpperLevel)
    t.worst = NutrientLevel::Unknown;
}

}  // namespace

Expected<ProductIntake> IntakeFromResult(const Json& r, const NutrientLimits& limits, const std::string& source) {
  auto bad = [&](const std::string& why) { return MakeError("not_a_result", source + ": not a scan result: " + why); };
  if (!r.is_object()) return bad(std::string("a JSON ") + TypeName(r) + ", not an object");
  if (!r.contains("file") || !r["file"].is_string()) return bad("it has no \"file\"");
  if (!r.contains("ok") || !r["ok"].is_boolean()) return bad("it has no \"ok\" (true or false)");
  ProductIntake p;
  p.file = SanitizeUtf8(r["file"].get<std::string>());
  p.source = source;
  if (!r["ok"].get<bool>()) {
    p.read = "not_read";
    const Json& e = r.contains("error") && r["error"].is_object() && r["error"].contains("message") ? r["error"]["message"] : Json();
    p.notReadWhy = "it could not be processed" + (e.is_string() ? ": " + SanitizeUtf8(e.get<std::string>()) : std::string());
    return p;
  }
  const Json mg = r.contains("magnesium") ? r["magnesium"] : Json();
  if (!mg.is_null() && !mg.is_object()) return bad("\"magnesium\" is not an object");
  std::optional<bool> mgPresent;
  std::optional<double> mgPerDay;
  if (mg.is_object()) {
    if (mg.contains("present") && mg["present"].is_boolean()) mgPresent = mg["present"].get<bool>();
    else if (mg.contains("present") && !mg["present"].is_null()) return bad("\"magnesium.present\" is not true, false or null");
    auto d = OptionalAmount(mg, "mg_per_day", "magnesium");
    if (!d) return bad(d.error().message);
    mgPerDay = *d;
  }
  const char* notShown = "the photo did not show the ingredients or the nutrient table";
  if (r.contains("nutrients") && !r["nutrients"].is_null()) {
    const Json& list = r["nutrients"];
    if (!list.is_array()) return bad("\"nutrients\" is not a list");
    bool magnesiumListed = false;
    for (size_t i = 0; i < list.size(); ++i) {
      const Json& item = list[i];
      const std::string at = "nutrients[" + std::to_string(i) + "]";
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) return bad(at + " has no \"id\"");
      if (item["id"] == "other") continue;  // unnamed substances have no limits and cannot be added up
      auto a = NutrientAmount(item, limits, at);
      if (!a) return bad(a.error().message);
      magnesiumListed |= a->id == "magnesium";
      p.amounts.push_back(std::move(*a));
    }
    if (!magnesiumListed && mgPresent == true) p.amounts.push_back(MagnesiumAmount(mg, mgPerDay));
    if (p.amounts.empty() && !mgPresent) {
      p.read = "not_read";
      p.notReadWhy = notShown;
    }
    return p;
  }
  if (!mgPresent) {
    p.read = "not_read";
    p.notReadWhy = notShown;
    return p;
  }
  p.read = "magnesium_only";
  if (*mgPresent) p.amounts.push_back(MagnesiumAmount(mg, mgPerDay));
  return p;
}

IntakeTotal SumIntake(std::vector<ProductIntake> products, const NutrientLimits& limits, const AgeProfile& who) {
  IntakeTotal t;
  CountEachProductOnce(std::move(products), t);
  SumsPerNutrient sums = AddUp(t.products, limits);
  AssessSums(sums, limits, who, t);
  SayWhatIsNotCounted(t);
  if (t.products.empty()) t.messages.push_back("No product results were given.");
  return t;
}

}  // namespace suppcheck
