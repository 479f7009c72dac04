#include "suppcheck/extract/nutrient_amount_read.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "suppcheck/assess/nutrient_units.h"
#include "suppcheck/extract/nutrient_amount_owner.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// An amount printed in IU, in the nutrient's unit: [low, high].
std::optional<std::pair<double, double>> FromIU(const NutrientLimits& limits, const std::string& nutrient, double iu,
                                                const std::string& form) {
  if (nutrient == "vitamin_d") {
    if (auto v = VitaminDMicrogramsFromIU(limits, iu)) return std::pair{*v, *v};
  } else if (nutrient == "vitamin_e") {
    if (auto v = VitaminEMilligramsFromIU(limits, iu, form)) return *v;
  } else if (nutrient == "vitamin_a") {
    if (auto v = RetinolEquivalentsFromIU(limits, iu)) return std::pair{*v, *v};
  }
  return std::nullopt;
}

// "'8 meg' of Zinc may be ...": the amount as printed, the nutrient and why it gives no dose.
std::string Problem(const TextLine& line, const LineRead& lr, const Quantity& q, const Nutrient& n,
                    const std::string& why) {
  const auto [b, e] = lr.info.ft.OriginalRange(q.begin, q.end);
  std::string s = "'";
  s.append(line.text, b, e - b).append("' of ").append(n.name).append(" ").append(why);
  return s;
}

// A compound named alone before the amount ("zinkgluconaat 70 mg") makes it the compound's mass,
// unless the nutrient's name is qualified by it ("Zinc (as zinc gluconate)") or the row says the
// amount is elemental.
void MarkCompoundMass(NutrientAmount& a, const LineRead& lr, const Quantity& q, const NutrientNameMatch& owner,
                      const Nutrient& n, const Vocabulary& vocab) {
  if (owner.formId.empty() || NameQualifiedBy(lr, owner, vocab)) return;
  const NutrientForm* form = n.FindForm(owner.formId);
  const bool elementalMarker =
      FindAnyWord(lr.info.ft.text, vocab.elementalMarkers, owner.end, q.begin) != std::string::npos;
  if (form && form->compound && !elementalMarker) {
    a.elemental = false;
    a.salt = owner.formId;
  }
}

// The form of `n` the label names elsewhere when all its forms there that decide an IU factor
// decide the same one; empty otherwise. A vitamin E row "Vitamine E | 400 UI" says no form, the
// ingredient list of the same label "acétate de dl-alpha-tocophéryle": its IU are the synthetic
// form's, 0.45 mg each, not the range 0.45 to 0.67 mg (single-phone-0048 and
// multivitamin-phone-0037 of tuning seed 73958 read 268 mg for 180 mg). Two forms of different
// factors named leave the range.
std::string OnlyIuFormOnLabel(const Nutrient& n, const std::map<std::string, std::vector<std::string>>* labelForms) {
  if (!labelForms) return {};
  const auto it = labelForms->find(n.id);
  if (it == labelForms->end()) return {};
  std::string chosen, factor;
  for (const std::string& id : it->second) {
    const NutrientForm* form = n.FindForm(id);
    if (!form || form->iuForm.empty()) continue;
    if (!factor.empty() && form->iuForm != factor) return {};
    if (chosen.empty()) chosen = id, factor = form->iuForm;
  }
  return chosen;
}

// An amount in IU as a mass; false when it cannot be converted for the nutrient.
bool ConvertFromIU(NutrientAmount& a, AmountNote& note, const LineRead& lr, const Quantity& q,
                   const NutrientNameMatch& owner, const Nutrient& n, const NutrientWords& words) {
  // The form decides the factor (vitamin E): the one named with the amount on its line, else the
  // one the label names elsewhere.
  std::string form = owner.formId;
  for (const auto& m : lr.names)
    if (form.empty() && m.nutrientId == n.id && !m.formId.empty()) form = m.formId;
  if (form.empty()) form = OnlyIuFormOnLabel(n, words.labelForms);
  const auto range = FromIU(words.nutrients, n.id, q.value, form);
  if (!range) return false;
  a.mg = range->second * MgPerUnitOf(n.unit);
  note.converted = true;
  note.lowFactor = range->second > 0 ? range->first / range->second : 1;
  return true;
}

// A mass as printed: its digits for the % RI check, and whether "DFE" follows it.
void TakeDeclaredMass(NutrientAmount& a, AmountNote& note, const LineRead& lr, const Quantity& q,
                      const NutrientNameIndex& names) {
  const std::string& f = lr.info.ft.text;
  a.mg = q.mg;
  size_t numberEnd = q.begin;
  while (numberEnd < q.end && (IsAsciiDigit(f[numberEnd]) || f[numberEnd] == ',' || f[numberEnd] == '.')) ++numberEnd;
  note.number = f.substr(q.begin, numberEnd - q.begin);
  note.mgPerNumber = q.value > 0 ? q.mg / q.value : 0;
  size_t p = q.end;
  while (p < f.size() && f[p] == ' ') ++p;
  note.dfe = FindAnyWord(f, names.DfeWords(), p, p + 4) == p;
}

// The % printed after amount `qi` on its row, before the next amount or the next nutrient.
std::optional<double> PercentOfRow(const LineRead& lr, size_t qi, const std::string& nutrientId) {
  const auto& qs = lr.info.quantities;
  const Quantity& q = qs[qi];
  size_t stop = lr.info.ft.text.size();
  for (size_t k = qi + 1; k < qs.size(); ++k)
    if (lr.depth[qs[k].begin] <= lr.depth[q.begin]) {
      stop = qs[k].begin;
      break;
    }
  for (const auto& m : lr.names)
    if (m.begin >= q.end && m.nutrientId != nutrientId) {
      stop = std::min(stop, m.begin);
      break;
    }
  for (const auto& pc : lr.info.percents)
    if (pc.begin >= q.end && pc.begin < stop) return pc.value;
  return std::nullopt;
}

}  // namespace

std::optional<OwnedAmount> ReadOwnedAmount(const TextLine& line, size_t lineIndex, const LineRead& lr, size_t qi,
                                           const NutrientNameMatch& owner, const Nutrient& n,
                                           const NutrientWords& words, std::vector<std::string>& problems) {
  const Quantity& q = lr.info.quantities[qi];
  OwnedAmount out;
  NutrientAmount& a = out.amount;
  a.line = static_cast<int>(lineIndex);
  std::tie(a.begin, a.end) = lr.info.ft.OriginalRange(q.begin, q.end);
  a.confidence = line.MinConfidenceOf(a.begin, a.end);
  MarkCompoundMass(a, lr, q, owner, n, words.vocab);
  if (q.unit == MassUnit::IU) {
    if (!ConvertFromIU(a, out.note, lr, q, owner, n, words)) {
      problems.push_back(
          Problem(line, lr, q, n, "is in international units, which cannot be converted to a mass for it"));
      return std::nullopt;
    }
  } else if (q.ocrMicrograms && CanonicalMassUnit(n.unit) != "\xC2\xB5g") {
    problems.push_back(Problem(line, lr, q, n, "may be mg or µg (the unit is not clearly printed)"));
    return std::nullopt;
  } else {
    TakeDeclaredMass(a, out.note, lr, q, words.names);
  }
  a.percentRi = PercentOfRow(lr, qi, n.id);
  if (q.letterDigit) {
    // A digit read as a letter is taken only where the % RI beside it can check it
    // (TrustAmountsByRi checks the digit): without one, "Img" is a guess.
    const char digit = static_cast<char>('0' + static_cast<int>(q.value));
    if (!a.percentRi || (!n.referenceIntake && n.usDailyValues.empty())) {
      problems.push_back(Problem(line, lr, q, n, std::string("may be a ") + digit + " read as a letter, and no % RI beside it confirms it"));
      return std::nullopt;
    }
    out.note.number.assign(1, digit);  // assign(count, char): GCC 12 -Wrestrict false alarm on = "1"
  }
  // "Vitamine B1 (chlorhydrate de thiamine) 1,1. mg 100%" (multivitamin-phone-0043 of tuning seed
  // 84361): the mark may be a speck or a lost digit ("1,15"); taken only where the % RI beside
  // it checks the digits read (TrustAmountsByRi).
  if (q.strayMark && (!a.percentRi || (!n.referenceIntake && n.usDailyValues.empty()))) {
    problems.push_back(Problem(line, lr, q, n, "has a mark between the number and its unit, and no % RI beside it confirms the number"));
    return std::nullopt;
  }
  return out;
}

}  // namespace suppcheck
