#include "suppcheck/assess/label_nutrients.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "suppcheck/assess/nutrient_units.h"

#include "suppcheck/util/text.h"

namespace suppcheck {

constexpr std::string_view kMagnesiumUnit = "mg";

void UseMagnesiumReading(std::vector<NutrientFacts>& nutrients, const MagnesiumFacts& m) {
  auto it = std::find_if(nutrients.begin(), nutrients.end(), [](const NutrientFacts& n) { return n.id == "magnesium"; });
  if (!m.present) {
    if (it != nutrients.end()) nutrients.erase(it);
    return;
  }
  NutrientFacts f{};
  f.id = "magnesium";
  f.unit = std::string(kMagnesiumUnit);
  for (const auto& s : m.salts) f.forms.push_back("magnesium_" + s);
  f.perUnit = m.mgPerUnit;
  f.unitsPerDay = m.unitsPerDay;
  f.perDay = m.mgPerDay;
  f.perDayRange = m.mgPerDayRange;
  f.basis = m.basis == DoseSource::kFromSaltMass ? DoseSource::kFromCompoundMass : m.basis;
  f.evidence = m.evidence;
  f.problems = m.doseProblems;
  if (it != nutrients.end()) {
    if (m.mgPerUnit || m.mgPerDay) f.riPercentPrinted = it->riPercentPrinted;
    *it = std::move(f);
  } else {
    nutrients.insert(nutrients.begin(), std::move(f));
  }
}

namespace {

// A form's name for people: its first English spelling in models/nutrients.json; magnesium's
// salts ("magnesium_oxide") as words.
std::string FormName(const std::string& formId, const Nutrient* n) {
  if (n)
    if (const NutrientForm* f = n->FindForm(formId))
      if (auto it = f->names.find("en"); it != f->names.end() && !it->second.empty()) return it->second.front();
  std::string words = formId;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string AmountText(double v) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << std::round(v * 10) / 10;
  return s.str();
}

// The form the health limits are looked up for: the first form the label names, unless it names
// forms with different limits ("Nicotinamide (acide nicotinique)": 900 mg or 10 mg). Then none,
// so that every limit is judged and a dose above one and not the other is unknown, not judged by
// the more lenient one.
std::string FormForLimits(const NutrientFacts& f, const Nutrient* n) {
  if (f.forms.empty()) return "";
  if (!n) return f.forms.front();
  const auto limitOf = [&](const std::string& form) -> long {
    for (size_t k = 0; k < n->upperLevels.size(); ++k) {
      const auto& forms = n->upperLevels[k].forms;
      if (std::find(forms.begin(), forms.end(), form) != forms.end()) return static_cast<long>(k);
    }
    return -1;
  };
  const long first = limitOf(f.forms.front());
  for (const auto& form : f.forms)
    if (limitOf(form) != first) return "";
  return f.forms.front();
}

// Folate printed in µg DFE: the folic acid a day its limits apply to, as printed beside it
// ("(400 mcg folic acid)") or computed from the DFE.
std::optional<double> FolicAcidPerDay(const NutrientFacts& f, const NutrientLimits& limits) {
  if (f.id != "folate" || !f.perDay || !f.dfe) return std::nullopt;
  if (f.folicAcidUg && f.perUnit && *f.perUnit > 0) return *f.folicAcidUg * *f.perDay / *f.perUnit;
  auto fromDfe = FolicAcidFromDfe(limits, *f.perDay);
  if (!fromDfe) return std::nullopt;
  return *fromDfe;
}

}  // namespace

std::vector<NutrientResult> AssessNutrients(std::vector<NutrientFacts> nutrients, const NutrientLimits& limits,
                                            const AgeProfile& who) {
  std::vector<NutrientResult> out;
  for (auto& f : nutrients) {
    NutrientResult r;
    const std::string form = FormForLimits(f, limits.Find(f.id));
    if (const auto folicAcid = FolicAcidPerDay(f, limits)) {
      // The limits of folate are for folic acid (and methylfolate), not for dietary folate
      // equivalents, which count folic acid 1.7 times.
      r.assessment = AssessNutrient(limits, who, f.id, *folicAcid, "\xC2\xB5g", form.empty() ? "folic_acid" : form);
      r.assessment.messages.insert(r.assessment.messages.begin(),
                                   "Folate is printed as " + AmountText(*f.perDay) + " µg DFE a day; its limits apply to folic acid: " +
                                       AmountText(*folicAcid) + " µg a day" +
                                       (f.folicAcidUg ? " as printed." : ", computed from the DFE (1 µg folic acid = 1.7 µg DFE)."));
    } else if (f.perDay) {
      r.assessment = AssessNutrient(limits, who, f.id, *f.perDay, f.unit, form);
    } else {
      // The limits are still shown; the level is unknown, whatever they are.
      r.assessment = AssessNutrient(limits, who, f.id, 0, f.unit.empty() ? "mg" : f.unit, form);
      r.assessment.level = NutrientLevel::Unknown;
      r.assessment.flags = {"dose_unknown"};
      const Nutrient* n = limits.Find(f.id);
      const std::string name = n ? n->name : f.id;
      std::string why = f.problems.empty() ? "" : " (" + Join(f.problems, "; ") + ")";
      r.assessment.messages = {"The amount of " + name + " a day could not be read on this photo" + why +
                               ": it cannot be compared with its limits."};
    }
    const Nutrient* n = limits.Find(f.id);
    r.name = n ? n->name : f.id;
    for (const auto& formId : f.forms) r.formNames.push_back(FormName(formId, n));
    r.facts = std::move(f);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<NutrientLevel> WorstNutrientLevel(const std::vector<NutrientResult>& nutrients) {
  std::vector<NutrientAssessment> all;
  for (const auto& n : nutrients) all.push_back(n.assessment);
  return WorstLevel(all);
}

}  // namespace suppcheck
