#include "suppcheck/extract/nutrient_amount_owner.h"

#include <string>
#include <vector>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// How far a form phrase may stand from the nutrient it qualifies ("Zinc (as zinc gluconate)").
constexpr size_t kFormPhraseReach = 40;

bool ContainsAny(const std::string& s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && s.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

const NutrientNameMatch* NameAfter(const LineRead& lr, const Quantity& q, const Vocabulary& vocab) {
  const std::string& f = lr.info.ft.text;
  size_t p = q.end;
  for (int k = 0; k < 3; ++k) {
    while (p < f.size() && f[p] == ' ') ++p;
    bool advanced = false;
    for (const auto& w : vocab.ownerConnectors)
      if (f.compare(p, w.size(), w) == 0) {
        p += w.size();
        advanced = true;
        break;
      }
    if (!advanced) break;
  }
  while (p < f.size() && f[p] == ' ') ++p;
  for (const auto& m : lr.names) {
    if (m.begin != p) continue;
    // A row's head ("Vanadium 10 mcg") owns the amount after it, not one before it: an amount
    // left of it is the end of a row whose name OCR lost.
    size_t e = m.end;
    while (e < f.size() && (f[e] == ' ' || f[e] == '.')) ++e;
    if (e < f.size() && IsAsciiDigit(f[e])) return nullptr;
    return &m;
  }
  return nullptr;
}

const NutrientNameMatch* OwnerOf(const LineRead& lr, size_t qi, const Vocabulary& vocab) {
  const Quantity& q = lr.info.quantities[qi];
  const int d = lr.depth[q.begin];
  const NutrientNameMatch* before = nullptr;
  for (const auto& m : lr.names)
    if (m.end <= q.begin && lr.depth[m.begin] <= d) before = &m;
  const NutrientNameMatch* after = NameAfter(lr, q, vocab);
  const bool amountFirst = !lr.names.empty() && !lr.info.quantities.empty() &&
                           lr.info.quantities.front().begin < lr.names.front().begin;
  if (after && (!before || amountFirst)) return after;
  return before;
}

const NutrientNameMatch* NameQualifiedBy(const LineRead& lr, const NutrientNameMatch& form, const Vocabulary& vocab) {
  const std::string& f = lr.info.ft.text;
  const NutrientNameMatch* name = nullptr;
  for (const auto& m : lr.names)
    if (m.end <= form.begin && m.formId.empty() && m.nutrientId == form.nutrientId &&
        form.begin - m.end <= kFormPhraseReach)
      name = &m;
  if (!name) return nullptr;
  return ContainsAny(f.substr(name->end, form.begin - name->end), vocab.formPhrases) ? name : nullptr;
}

}  // namespace suppcheck
