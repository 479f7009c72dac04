#include "suppcheck/assess/nutrient_assessment.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "suppcheck/assess/nutrient_units.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// An amount equal to the limit is within it; this only absorbs rounding of the arithmetic
// (mg to µg, IU to µg), never a real excess.
constexpr double kRelativeTolerance = 1e-9;

std::string Amount(double v, const std::string& unit) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  if (std::abs(v - std::round(v)) < 1e-6) {
    s << static_cast<long long>(std::llround(v));
  } else {
    s << std::fixed << std::setprecision(v < 1 ? 3 : 2) << v;
    std::string t = s.str();
    while (!t.empty() && t.back() == '0') t.pop_back();
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t + " " + unit;
  }
  return s.str() + " " + unit;
}

/// The band value that applies to one person, after pregnancy/lactation and age are combined.
struct Resolved {
  enum class Type { Value, Range, NoneSet, Missing } type = Type::Missing;
  double value = 0, low = 0, high = 0;
  bool confirmed = true;
  std::string note;
};

Resolved FromBand(const BandLimit& b) {
  Resolved r;
  r.confirmed = b.confirmed;
  r.note = b.note;
  switch (b.type) {
    case BandLimit::Type::Value: r.type = Resolved::Type::Value; r.value = b.value; break;
    case BandLimit::Type::Range: r.type = Resolved::Type::Range; r.low = b.low; r.high = b.high; break;
    case BandLimit::Type::NoneSet: r.type = Resolved::Type::NoneSet; break;
  }
  return r;
}

Resolved Resolve(const HealthLimit& h, const AgeProfile& who) {
  const auto age = h.bands.find(who.band);
  const char* stageKey = who.stage == LifeStage::Pregnant ? "pregnancy" : who.stage == LifeStage::Lactating ? "lactation" : "";
  const auto stage = *stageKey ? h.bands.find(stageKey) : h.bands.end();
  if (stage == h.bands.end()) return age == h.bands.end() ? Resolved{} : FromBand(age->second);
  const Resolved s = FromBand(stage->second);
  if (who.band == "adult" || age == h.bands.end()) return s;
  // A pregnant or breastfeeding minor: the lower of the two known values.
  const Resolved a = FromBand(age->second);
  if (s.type == Resolved::Type::Value && a.type == Resolved::Type::Value) return a.value < s.value ? a : s;
  return a.type == Resolved::Type::Value ? a : s;
}

std::string AppliesToWords(const std::string& appliesTo) {
  if (appliesTo == "supplements_only") return "from supplements only, not ordinary food";
  if (appliesTo == "added_forms") return "the added forms, from supplements and fortified foods";
  return "total intake from food and supplements";
}

std::string ProfileKey(const AgeProfile& who) {
  if (who.stage == LifeStage::None) return who.band;
  const std::string s = who.stage == LifeStage::Pregnant ? "pregnant" : "lactating";
  return who.band == "adult" ? s : s + "-" + who.band;
}

struct Verdict {
  NutrientLevel level = NutrientLevel::Unknown;
  const HealthLimit* limit = nullptr;
  Resolved resolved;
};

Verdict Judge(const HealthLimit& h, const AgeProfile& who, double amount) {
  Verdict v;
  v.limit = &h;
  if (h.kind == HealthLimit::Kind::None) {
    v.level = NutrientLevel::NoUpperLevel;
    return v;
  }
  v.resolved = Resolve(h, who);
  const Resolved& r = v.resolved;
  switch (r.type) {
    case Resolved::Type::Value:
      v.level = amount <= r.value * (1 + kRelativeTolerance) ? NutrientLevel::WithinUpperLevel : NutrientLevel::AboveUpperLevel;
      break;
    case Resolved::Type::Range:
      v.level = amount <= r.low * (1 + kRelativeTolerance) ? NutrientLevel::WithinUpperLevel
                : amount > r.high * (1 + kRelativeTolerance) ? NutrientLevel::AboveUpperLevel
                                                             : NutrientLevel::Unknown;
      break;
    case Resolved::Type::NoneSet: v.level = NutrientLevel::NoUpperLevel; break;
    case Resolved::Type::Missing: v.level = NutrientLevel::Unknown; break;
  }
  return v;
}

std::vector<const HealthLimit*> Candidates(const Nutrient& n, std::string_view formId) {
  std::vector<const HealthLimit*> named, general, all;
  for (const auto& h : n.upperLevels) {
    all.push_back(&h);
    if (h.forms.empty()) general.push_back(&h);
    if (!formId.empty() && std::find(h.forms.begin(), h.forms.end(), formId) != h.forms.end()) named.push_back(&h);
  }
  if (!named.empty()) return named;
  if (!formId.empty() && !general.empty()) return general;
  return all;
}

std::string FormNames(const Nutrient& n, const HealthLimit& h) {
  std::vector<std::string> names;
  for (const auto& f : h.forms) {
    const NutrientForm* form = n.FindForm(f);
    names.push_back(form && form->names.count("en") ? form->names.at("en").front() : f);
  }
  return names.empty() ? n.name : Join(names, " or ");
}

/// The sentence about the health limit.
std::string HealthMessage(const Nutrient& n, const AgeProfile& who, const Verdict& v, double amount,
                          const std::string& amountText) {
  const HealthLimit& h = *v.limit;
  const Resolved& r = v.resolved;
  const std::string label = who.Label();
  const std::string what = h.kind == HealthLimit::Kind::SafeLevel ? "safe level of intake" : "safe upper level";
  const std::string applies = " (" + AppliesToWords(h.appliesTo) + ")";
  const std::string subject = amountText + " " + n.name + " a day";
  if (h.kind == HealthLimit::Kind::None)
    return "EFSA has set no upper level for " + n.name + ": " + h.note + ". " + subject +
           " cannot be compared with one.";
  switch (r.type) {
    case Resolved::Type::Value: {
      const std::string lim = Amount(r.value, n.unit);
      if (v.level == NutrientLevel::AboveUpperLevel)
        return subject + " is above the " + lim + " that EFSA sets as the " + what + " for " + label + applies + "." +
               (h.kind == HealthLimit::Kind::SafeLevel
                    ? " Above a safe level harm is not certain, but safety has not been shown either."
                    : "");
      return subject + " is within the " + lim + " that EFSA sets as the " + what + " for " + label + applies + "." +
             (h.appliesTo == "total_intake" ? " Food and other supplements add to it." : "");
    }
    case Resolved::Type::Range: {
      const std::string span = Amount(r.low, n.unit) + " to " + Amount(r.high, n.unit);
      if (v.level == NutrientLevel::AboveUpperLevel)
        return subject + " is above every value EFSA gives as the " + what + " for these ages (" + span +
               "), so also above the one for " + label + applies + ".";
      if (v.level == NutrientLevel::WithinUpperLevel)
        return subject + " is at or below the lowest value EFSA gives as the " + what + " for these ages (" + span +
               "), so within the one for " + label + applies + ".";
      return "EFSA's " + what + " of " + n.name + " for " + label + " lies between " + span +
             "; the exact value is not in our data, so " + subject + " cannot be judged.";
    }
    case Resolved::Type::NoneSet:
      return "No upper level is set for " + n.name + " for " + label + ": " + r.note +
             ". That does not mean any amount is safe: give " + subject +
             " only on the advice of a doctor or pharmacist.";
    case Resolved::Type::Missing: break;
  }
  (void)amount;
  return "The upper level of " + n.name + " for " + label + " is not in our data, so " + subject +
         " cannot be judged.";
}

void Flag(NutrientAssessment& a, const std::string& f) {
  if (std::find(a.flags.begin(), a.flags.end(), f) == a.flags.end()) a.flags.push_back(f);
}

bool HasFlag(const NutrientAssessment& a, const std::string& f) {
  return std::find(a.flags.begin(), a.flags.end(), f) != a.flags.end();
}

// The level of `a` from the verdicts of every limit that may apply, and its flags; returns the
// verdict to report: the only one, or the strictest limit with a value.
const Verdict& CombineVerdicts(const std::vector<Verdict>& verdicts, NutrientAssessment& a) {
  const auto any = [&](NutrientLevel l) {
    return std::any_of(verdicts.begin(), verdicts.end(), [l](const Verdict& v) { return v.level == l; });
  };
  const bool anyAbove = any(NutrientLevel::AboveUpperLevel);
  const bool allAbove = std::all_of(verdicts.begin(), verdicts.end(), [](const Verdict& v) { return v.level == NutrientLevel::AboveUpperLevel; });
  const Verdict* shown = &verdicts.front();
  if (verdicts.size() == 1) {
    a.level = shown->level;
  } else if (anyAbove && !allAbove) {
    a.level = NutrientLevel::Unknown;
    Flag(a, "upper_level_depends_on_form");
  } else {
    a.level = allAbove                              ? NutrientLevel::AboveUpperLevel
              : any(NutrientLevel::Unknown)          ? NutrientLevel::Unknown
              : any(NutrientLevel::WithinUpperLevel) ? NutrientLevel::WithinUpperLevel
                                                     : NutrientLevel::NoUpperLevel;
  }
  if (verdicts.size() > 1) {
    for (const auto& v : verdicts)
      if (v.resolved.type == Resolved::Type::Value &&
          (shown->resolved.type != Resolved::Type::Value || v.resolved.value < shown->resolved.value))
        shown = &v;
  }
  if (a.level == NutrientLevel::AboveUpperLevel) Flag(a, "above_upper_level");
  if (a.level == NutrientLevel::NoUpperLevel && shown->resolved.type == Resolved::Type::NoneSet)
    Flag(a, "no_upper_level_for_age");
  return *shown;
}

// The sentences about the health limits, and the flag of an unconfirmed one.
void HealthMessages(const Nutrient& n, const AgeProfile& who, const std::vector<Verdict>& verdicts, double amount,
                    const std::string& amountText, NutrientAssessment& a) {
  if (HasFlag(a, "upper_level_depends_on_form")) {
    std::vector<std::string> parts;
    for (const auto& v : verdicts)
      parts.push_back(FormNames(n, *v.limit) + ": " +
                      (v.resolved.type == Resolved::Type::Value ? Amount(v.resolved.value, n.unit) : "no value here"));
    a.messages.push_back("The safe upper level of " + n.name + " depends on its form, which is not known here (" +
                         Join(parts, "; ") + " for " + who.Label() + "): " + amountText +
                         " a day is above one and not the other, so it cannot be judged.");
  } else {
    for (const auto& v : verdicts) {
      a.messages.push_back(HealthMessage(n, who, v, amount, amountText));
      if (verdicts.size() > 1 && v.limit->forms.size()) a.messages.back() = "For " + FormNames(n, *v.limit) + ": " + a.messages.back();
    }
  }
  for (const auto& v : verdicts)
    if (!v.resolved.confirmed && v.resolved.type != Resolved::Type::Missing) {
      Flag(a, "limit_unconfirmed");
      a.messages.push_back("The EFSA value used for " + who.Label() + " is unconfirmed in our data: " + v.resolved.note + ".");
    }
}

// The health limit reported beside the level: the shown verdict's, when it has a value or a range.
std::optional<AppliedUpperLevel> AppliedUpper(const NutrientLimits& limits, const AgeProfile& who, const Nutrient& n,
                                              const Verdict& shown) {
  const HealthLimit& h = *shown.limit;
  if (h.kind == HealthLimit::Kind::None ||
      (shown.resolved.type != Resolved::Type::Value && shown.resolved.type != Resolved::Type::Range))
    return std::nullopt;
  AppliedUpperLevel u;
  if (shown.resolved.type == Resolved::Type::Value)
    u.value = shown.resolved.value;
  else
    u.range = std::pair{shown.resolved.low, shown.resolved.high};
  u.unit = n.unit;
  u.kind = h.kind == HealthLimit::Kind::SafeLevel ? "safe_level" : "UL";
  u.appliesTo = h.appliesTo;
  if (const LimitSource* s = limits.Source(h.sourceId)) u.source = s->Cite();
  u.profile = ProfileKey(who);
  u.confirmed = shown.resolved.confirmed;
  return u;
}

// The Belgian legal maximum: reported when set, flagged when the amount is above it.
void CheckLegalMax(const NutrientLimits& limits, const Nutrient& n, double amount, const std::string& amountText,
                   NutrientAssessment& a) {
  if (!n.legalMax.value) return;
  AppliedLegalMax l;
  l.value = *n.legalMax.value;
  l.unit = n.unit;
  l.country = n.legalMax.country;
  if (const LimitSource* s = limits.Source(n.legalMax.sourceId)) l.source = s->Cite();
  l.confirmed = n.legalMax.confirmed;
  a.legalMax = l;
  if (amount <= l.value * (1 + kRelativeTolerance)) return;
  Flag(a, "above_legal_max");
  const std::string legal = "the Belgian legal maximum of " + Amount(l.value, n.unit) + " per daily portion";
  if (a.level == NutrientLevel::AboveUpperLevel && !a.messages.empty())
    a.messages.front() += " It is also above " + legal + ".";
  else
    a.messages.push_back(amountText + " " + n.name + " a day is above " + legal + " for food supplements sold in Belgium.");
  if (!l.confirmed) {
    Flag(a, "limit_unconfirmed");
    a.messages.push_back("The Belgian legal maximum used is unconfirmed: " + n.legalMax.reason + ".");
  }
}

// Mandatory warnings: the label must carry them above the threshold.
void CheckWarnings(const Nutrient& n, std::string_view formId, double amount, NutrientAssessment& a) {
  for (const auto& w : n.warnings) {
    const bool formMatches = w.forms.empty() || std::find(w.forms.begin(), w.forms.end(), formId) != w.forms.end();
    if (!formMatches || amount <= w.above * (1 + kRelativeTolerance)) continue;
    Flag(a, "warning_required");
    a.messages.push_back(w.message + (w.confirmed ? "" : " (The threshold of this warning is unconfirmed: " + w.reason + ".)"));
  }
}

}  // namespace

std::string_view NutrientLevelName(NutrientLevel level) {
  switch (level) {
    case NutrientLevel::WithinUpperLevel: return "within_upper_level";
    case NutrientLevel::AboveUpperLevel: return "above_upper_level";
    case NutrientLevel::NoUpperLevel: return "no_upper_level";
    case NutrientLevel::Unknown: return "unknown";
  }
  return "unknown";
}

NutrientAssessment AssessNutrient(const NutrientLimits& limits, const AgeProfile& who, std::string_view nutrientId,
                                  double amountPerDay, std::string_view unit, std::string_view formId) {
  NutrientAssessment a;
  a.id = std::string(nutrientId);
  const Nutrient* n = limits.Find(nutrientId);
  if (!n) {
    Flag(a, "unknown_nutrient");
    a.messages.push_back("'" + std::string(nutrientId) + "' is not a nutrient with limits in our data.");
    return a;
  }
  const auto converted = ConvertMass(amountPerDay, unit, n->unit);
  if (!converted || !std::isfinite(amountPerDay) || amountPerDay < 0) {
    Flag(a, "bad_unit");
    a.messages.push_back("The amount of " + n->name + " (" + SanitizeUtf8(Amount(amountPerDay, std::string(unit))) +
                         ") is not a mass in mg or µg, so it cannot be compared with its limits.");
    return a;
  }
  const double amount = converted.value();
  const std::string amountText = Amount(amount, n->unit);

  // The health limit: one verdict per limit that may apply (several only when it depends on a
  // form the label does not name).
  std::vector<Verdict> verdicts;
  for (const HealthLimit* h : Candidates(*n, formId)) verdicts.push_back(Judge(*h, who, amount));
  const Verdict& shown = CombineVerdicts(verdicts, a);
  HealthMessages(*n, who, verdicts, amount, amountText, a);
  a.upperLevel = AppliedUpper(limits, who, *n, shown);
  // The legal limit, never merged with the health limit.
  CheckLegalMax(limits, *n, amount, amountText, a);
  CheckWarnings(*n, formId, amount, a);
  return a;
}

std::optional<NutrientLevel> WorstLevel(const std::vector<NutrientAssessment>& assessments) {
  auto rank = [](NutrientLevel l) {
    switch (l) {
      case NutrientLevel::AboveUpperLevel: return 3;
      case NutrientLevel::Unknown: return 2;
      case NutrientLevel::WithinUpperLevel: return 1;
      case NutrientLevel::NoUpperLevel: return 0;
    }
    return 0;
  };
  std::optional<NutrientLevel> worst;
  for (const auto& a : assessments)
    if (!worst || rank(a.level) > rank(*worst)) worst = a.level;
  return worst;
}

}  // namespace suppcheck
