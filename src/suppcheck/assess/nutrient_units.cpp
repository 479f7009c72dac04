#include "suppcheck/assess/nutrient_units.h"

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

constexpr std::string_view kMicro = "\xC2\xB5";      // µ MICRO SIGN, as in the data
constexpr std::string_view kGreekMu = "\xCE\xBC";    // μ GREEK SMALL LETTER MU, as some labels print
constexpr std::string_view kMicroGram = "\xC2\xB5g";

Expected<double> Factor(const NutrientLimits& limits, std::string_view conversion, std::string_view key) {
  if (const auto f = limits.Factor(conversion, key)) return *f;
  return MakeError("missing_models",
                   "models/nutrients.json has no conversion factor " + std::string(conversion) + "/" + std::string(key));
}

double MilligramsPer(const std::string& unit) {
  if (unit == "g") return 1000;
  if (unit == "mg") return 1;
  return 0.001;  // µg
}

}  // namespace

std::string CanonicalMassUnit(std::string_view unit) {
  // Both micro signs read as the ASCII "u" first, so one comparison covers µg, μg, ug and mcg.
  std::string_view rest = unit;
  bool micro = false;
  for (std::string_view mu : {kMicro, kGreekMu})
    if (rest.substr(0, mu.size()) == mu) {
      rest.remove_prefix(mu.size());
      micro = true;
    }
  const std::string u = AsciiLower(rest);
  if (micro) return u == "g" ? std::string(kMicroGram) : "";
  if (u == "mg") return "mg";
  if (u == "g") return "g";
  if (u == "ug" || u == "mcg") return std::string(kMicroGram);
  return "";
}

Expected<double> ConvertMass(double value, std::string_view from, std::string_view to) {
  const std::string f = CanonicalMassUnit(from), t = CanonicalMassUnit(to);
  for (const auto& [canonical, given] : {std::pair{f, from}, std::pair{t, to}})
    if (canonical.empty()) {
      std::string message = "'";  // built piece by piece: g++ 12 warns wrongly on "'" + std::string
      message.append(given).append("' is not a mass unit (mg, µg, mcg, g)");
      return MakeError("bad_unit", message);
    }
  return value * MilligramsPer(f) / MilligramsPer(t);
}

Expected<double> VitaminDMicrogramsFromIU(const NutrientLimits& limits, double iu) {
  auto f = Factor(limits, "vitamin_d_iu", "ug_per_iu");
  if (!f) return f.error();
  return iu * *f;
}

Expected<std::pair<double, double>> VitaminEMilligramsFromIU(const NutrientLimits& limits, double iu,
                                                            std::string_view formId) {
  auto rrr = Factor(limits, "vitamin_e_iu", "mg_alpha_tocopherol_per_iu/rrr");
  auto rac = Factor(limits, "vitamin_e_iu", "mg_alpha_tocopherol_per_iu/all_rac");
  if (!rrr) return rrr.error();
  if (!rac) return rac.error();
  std::string iuForm;
  if (const Nutrient* e = limits.Find("vitamin_e"))
    if (const NutrientForm* form = e->FindForm(formId)) iuForm = form->iuForm;
  if (iuForm == "rrr") return std::pair{iu * *rrr, iu * *rrr};
  if (iuForm == "all_rac") return std::pair{iu * *rac, iu * *rac};
  return std::pair{iu * std::min(*rrr, *rac), iu * std::max(*rrr, *rac)};
}

Expected<double> FolicAcidFromDfe(const NutrientLimits& limits, double ugDfe) {
  auto f = Factor(limits, "folate_dfe", "ug_dfe_per_ug_folic_acid");
  if (!f) return f.error();
  return ugDfe / *f;
}

Expected<double> RetinolEquivalentsFromIU(const NutrientLimits& limits, double iu) {
  auto f = Factor(limits, "vitamin_a_iu", "ug_re_per_iu");
  if (!f) return f.error();
  return iu * *f;
}

Expected<double> RetinolEquivalentsFromBetaCarotene(const NutrientLimits& limits, double ugBetaCarotene) {
  auto f = Factor(limits, "beta_carotene_re", "ug_beta_carotene_per_ug_re");
  if (!f) return f.error();
  return ugBetaCarotene / *f;
}

Expected<double> ElementFraction(const NutrientLimits& limits, std::string_view nutrientId, std::string_view compoundId) {
  const Nutrient* n = limits.Find(nutrientId);
  if (!n) return MakeError("unknown_nutrient", "no nutrient '" + std::string(nutrientId) + "' in models/nutrients.json");
  const NutrientForm* form = n->FindForm(compoundId);
  if (!form || !form->compound)
    return MakeError("unknown_compound", "no compound '" + std::string(compoundId) + "' of " + n->name +
                                             " with a formula in models/nutrients.json");
  const auto mass = limits.AtomicMass(form->compound->element);
  if (!mass) return MakeError("missing_models", "no atomic mass for " + form->compound->element);
  return form->compound->elementAtoms * *mass / form->compound->molarMass;
}

Expected<double> ElementFromCompoundMass(const NutrientLimits& limits, std::string_view nutrientId,
                                         std::string_view compoundId, double compoundMass) {
  auto f = ElementFraction(limits, nutrientId, compoundId);
  if (!f) return f.error();
  return compoundMass * *f;
}

}  // namespace suppcheck
