#include "suppcheck/extract/nutrient_rows.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <map>
#include <sstream>
#include <tuple>

#include "suppcheck/assess/nutrient_units.h"
#include "suppcheck/extract/amount_basis.h"
#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/dose_choice.h"
#include "suppcheck/extract/nutrient_row_readings.h"
#include "suppcheck/extract/ri_plausibility.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// A multivitamin's table has thirty rows under one header.
constexpr size_t kHeaderSearchLines = 40;
// How far a form phrase may stand from the nutrient it qualifies ("Zinc (as zinc gluconate)").
constexpr size_t kFormPhraseReach = 40;

// One line read for every nutrient at once.
struct LineRead {
  AnalysedLine info;
  std::vector<NutrientNameMatch> names;
  std::vector<int> depth;  ///< parenthesis depth at each folded byte; a column bar resets it
};

// Parenthesis depth at each byte. A '[' closed nowhere on the line is OCR's reading of a table
// border ("[Calcium (calciumcarbonaat) |240 mg 30 %"), not a bracket: it opens nothing.
std::vector<int> ParenDepth(const std::string& f) {
  std::vector<int> d(f.size() + 1, 0);
  int cur = 0;
  const size_t lastClose = f.rfind(']');
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '(' || (f[i] == '[' && lastClose != std::string::npos && lastClose > i)) ++cur;
    d[i] = cur;
    if (f[i] == ')' || f[i] == ']') cur = std::max(0, cur - 1);
    if (f[i] == '|') cur = 0;
  }
  d[f.size()] = cur;
  return d;
}

// Where an amount stands and whose it is.
struct RowAmount {
  size_t line = 0, qi = 0;
  std::string nutrient;
  std::string compound;  ///< form id when the amount is that compound's mass
  size_t ownerEnd = 0;   ///< end of the owning name (the row's forms and % follow it)
};

bool ContainsAny(const std::string& s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && s.find(w) != std::string::npos) return true;
  return false;
}

// The name or form right after amount `q` ("10 mg zink", "400 µg de acide folique"), through
// the owner connectors of the vocabulary.
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

// "Biotn40 mcg", "Vitamin E15.7 mg": OCR glued the name to its amount. A space goes between a
// word of three letters or more and the digits (never inside a code such as "b12" or "d3").
// "Vitamin B126 mcg" is vitamin B12, 6 mcg: no vitamin code has three digits.
void SplitGluedNumbers(FoldedText& ft) {
  for (size_t i = 3; i < ft.text.size(); ++i) {
    if (!IsAsciiDigit(ft.text[i])) continue;
    const bool afterB12 = ft.text.compare(i - 3, 3, "b12") == 0 && (i < 4 || !IsAsciiAlpha(ft.text[i - 4]));
    if (!afterB12 && !IsAsciiAlpha(ft.text[i - 1])) continue;
    size_t run = 0;
    while (run < i && IsAsciiAlpha(ft.text[i - 1 - run])) ++run;
    if (run < 3 && !afterB12) continue;
    ft.text.insert(ft.text.begin() + static_cast<long>(i), ' ');
    ft.origin.insert(ft.origin.begin() + static_cast<long>(i), ft.origin[i]);
    ++i;
  }
}

// The name that owns amount `qi` of a line: the nearest one before it at its parenthesis depth
// or shallower; in amount-first text ("400 µg foliumzuur, 10 mg zink") the one right after it.
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

// A form named after the nutrient's own name through "(", " as ", "sous forme"...: the name owns
// the amount and the form qualifies it ("Zinc (as zinc gluconate) 15 mg").
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

// Extra facts of one amount that NutrientAmount does not carry.
struct AmountNote {
  bool converted = false;   ///< from IU
  bool dfe = false;         ///< "680 mcg DFE": dietary folate equivalents
  double lowFactor = 1;     ///< the low end of a conversion range over the value used
  std::string number;       ///< the amount's digits as printed ("0,21"), for the % RI check
  double mgPerNumber = 0;   ///< mg per unit of `number`
};

struct NutrientWork {
  std::vector<NutrientAmount> amounts;
  std::vector<AmountNote> notes;
  std::vector<std::vector<size_t>> owned;  ///< per line: the quantity indexes
  NutrientFacts facts;
};

double MgPerUnitOf(const std::string& unit) {
  const std::string u = CanonicalMassUnit(unit);
  return u == "g" ? 1000 : u == "mg" ? 1 : 0.001;
}

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

std::string Printed(const TextLine& line, const LineRead& lr, const Quantity& q) {
  const auto [b, e] = lr.info.ft.OriginalRange(q.begin, q.end);
  return line.text.substr(b, e - b);
}

void AddEvidence(NutrientFacts& facts, const TextLine& line, EvidenceRole role) {
  AddEvidenceOnce(facts.evidence, line.text, line.box, role);
}

// Another amount of the nutrient on the same row a whole number of units apart ("5 mg 10 mg"):
// two readings that agree with each other outweigh one % RI that fits neither.
bool RowAgrees(const NutrientWork& w, size_t k, const ExtractionLimits& limits) {
  const NutrientAmount& a = w.amounts[k];
  for (size_t j = 0; j < w.amounts.size(); ++j) {
    const NutrientAmount& b = w.amounts[j];
    if (j == k || b.line != a.line || !b.elemental || b.mg <= 0 || a.mg <= 0) continue;
    const double ratio = std::max(a.mg, b.mg) / std::min(a.mg, b.mg);
    if (ratio >= 2 - limits.doseAgreement && ratio <= limits.maxUnitsPerDay + limits.doseAgreement &&
        std::abs(ratio - std::round(ratio)) <= limits.doseAgreement * ratio)
      return true;
  }
  return false;
}

// Each declared amount against the % RI printed on its row (extract/ri_plausibility): kept when it
// fits, replaced by the one other reading of its digits that fits, dropped with a reason when
// nothing fits (an amount unknown rather than a misreading). The % may be of the amount, of a
// day's units of it or of one unit of a per-day amount.
void TrustAmountsByRi(NutrientWork& w, const Nutrient& n, const std::optional<UnitsPerDay>& directions,
                      const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  RiReference ref;
  const double toMg = MgPerUnitOf(n.unit);
  if (n.referenceIntake) ref.hundredPercentMg.push_back(*n.referenceIntake * toMg);
  for (const double dv : n.usDailyValues) ref.hundredPercentMg.push_back(dv * toMg);
  if (ref.hundredPercentMg.empty()) return;
  std::vector<double> units;
  if (directions && directions->units > 0) units.push_back(directions->units);
  for (size_t k = 0; k < w.amounts.size();) {
    const NutrientAmount& a = w.amounts[k];
    const AmountNote& note = w.notes[k];
    if (!a.percentRi || !a.elemental || note.converted || note.number.empty() || note.mgPerNumber <= 0) {
      ++k;
      continue;
    }
    ref.multipliers = {1};
    for (const double u : units) ref.multipliers.insert(ref.multipliers.end(), {u, 1 / u});
    if (a.units > 1) ref.multipliers.insert(ref.multipliers.end(), {a.units, 1 / a.units});
    const RiCheck check = CheckAgainstRi(a.mg, *a.percentRi, note.number, note.mgPerNumber, ref, limits);
    if (check.verdict == RiCheck::Verdict::Fits || RowAgrees(w, k, limits)) {
      ++k;
      continue;
    }
    if (check.verdict == RiCheck::Verdict::Corrected) {
      w.amounts[k].mg = check.mg;
    } else {
      const TextLine& line = lines[static_cast<size_t>(a.line)];
      std::ostringstream why;
      why.imbue(std::locale::classic());
      why << "'" << line.text.substr(a.begin, a.end - a.begin) << "' of " << n.name << " does not fit the "
          << *a.percentRi << " % RI printed beside it (it would be " << std::round(check.expected) << " %)";
      w.facts.problems.push_back(why.str());
      w.amounts.erase(w.amounts.begin() + static_cast<long>(k));
      w.notes.erase(w.notes.begin() + static_cast<long>(k));
      continue;
    }
    ++k;
  }
}

// A row read twice (the first pass and the table read again): a reading that lost its decimal
// separator goes, a reading without its column takes the basis of the equal reading
// (extract/nutrient_row_readings).
void CrossCheckRowReadings(NutrientWork& w, const std::vector<TextLine>& lines, const ExtractionLimits& limits) {
  std::vector<std::string> numbers;
  for (const auto& note : w.notes) numbers.push_back(note.number);
  const std::vector<size_t> lost = ReadingsThatLostTheSeparator(w.amounts, numbers, lines);
  for (auto it = lost.rbegin(); it != lost.rend(); ++it) {
    w.amounts.erase(w.amounts.begin() + static_cast<long>(*it));
    w.notes.erase(w.notes.begin() + static_cast<long>(*it));
  }
  TakeBasisOfEqualReadings(w.amounts, limits.doseAgreement);
}

}  // namespace

std::vector<NutrientFacts> ExtractNutrients(const std::vector<TextLine>& lines, const NutrientNameIndex& names,
                                            const NutrientLimits& nutrients, const Vocabulary& vocab,
                                            const ExtractionLimits& limits) {
  QuantityOptions qopt;
  qopt.iuWords = &names.IuWords();
  qopt.ocrMicrogramWords = &names.OcrMicrogramWords();
  std::vector<LineRead> read(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    LineRead& lr = read[i];
    lr.info.ft = FoldForMatching(lines[i].text);
    SplitGluedNumbers(lr.info.ft);
    lr.info.quantities = FindQuantities(lr.info.ft.text, qopt);
    lr.info.percents = FindPercents(lr.info.ft.text);
    lr.info.phrases = FindBasisPhrases(lr.info.ft.text, vocab, limits.maxUnitsPerDay);
    lr.names = names.Find(lr.info.ft.text);
    lr.depth = ParenDepth(lr.info.ft.text);
  }

  std::map<std::string, NutrientWork> work;
  auto workFor = [&](const std::string& id) -> NutrientWork& {
    NutrientWork& w = work[id];
    if (w.facts.id.empty()) {
      w.facts.id = id;
      w.owned.resize(lines.size());
      if (const Nutrient* n = nutrients.Find(id)) w.facts.unit = n->unit;
    }
    return w;
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    LineRead& lr = read[i];
    const std::string& f = lr.info.ft.text;
    const auto& qs = lr.info.quantities;
    std::vector<const NutrientNameMatch*> owners(qs.size(), nullptr);
    for (size_t qi = 0; qi < qs.size(); ++qi) owners[qi] = OwnerOf(lr, qi, vocab);

    // Line by line, left to right: each amount to its owner, or to the amount it restates.
    long primary = -1;  // the last amount that was not a restatement
    for (size_t qi = 0; qi < qs.size(); ++qi) {
      const Quantity& q = qs[qi];
      const NutrientNameMatch* owner = owners[qi];
      // "(1000 IU)" or "(400 mcg folic acid)" after an amount, no other name between.
      if (primary >= 0 && lr.depth[q.begin] > lr.depth[qs[static_cast<size_t>(primary)].begin]) {
        const Quantity& p = qs[static_cast<size_t>(primary)];
        const bool nameBetween = std::any_of(lr.names.begin(), lr.names.end(),
                                             [&](const NutrientNameMatch& m) { return m.begin >= p.end && m.end <= q.begin; });
        const NutrientNameMatch* po = owners[static_cast<size_t>(primary)];
        if (!nameBetween && po) {
          const NutrientNameMatch* after = NameAfter(lr, q, vocab);
          if (po->nutrientId == "folate" && after && after->nutrientId == "folate" && after->formId == "folic_acid" &&
              q.unit != MassUnit::IU)
            workFor("folate").facts.folicAcidUg = q.mg * 1000;
          continue;
        }
      }
      primary = static_cast<long>(qi);
      if (!owner) continue;
      const std::string& id = owner->nutrientId;
      NutrientWork& w = workFor(id);
      const Nutrient* n = nutrients.Find(id);
      if (!n) continue;

      NutrientAmount a;
      AmountNote note;
      a.line = static_cast<int>(i);
      std::tie(a.begin, a.end) = lr.info.ft.OriginalRange(q.begin, q.end);
      a.confidence = lines[i].MinConfidenceOf(a.begin, a.end);
      // Compound mass or the nutrient itself.
      if (!owner->formId.empty() && !NameQualifiedBy(lr, *owner, vocab)) {
        const NutrientForm* form = n->FindForm(owner->formId);
        const bool elementalMarker =
            FindAnyWord(f, vocab.elementalMarkers, owner->end, q.begin) != std::string::npos;
        if (form && form->compound && !elementalMarker) {
          a.elemental = false;
          a.salt = owner->formId;
        }
      }
      if (q.unit == MassUnit::IU) {
        // The form decides the factor (vitamin E): the one named with the amount on its line.
        std::string form = owner->formId;
        for (const auto& m : lr.names)
          if (form.empty() && m.nutrientId == id && !m.formId.empty()) form = m.formId;
        const auto range = FromIU(nutrients, id, q.value, form);
        if (!range) {
          w.facts.problems.push_back("'" + Printed(lines[i], lr, q) + "' of " + n->name +
                                     " is in international units, which cannot be converted to a mass for it");
          continue;
        }
        a.mg = range->second * MgPerUnitOf(n->unit);
        note.converted = true;
        note.lowFactor = range->second > 0 ? range->first / range->second : 1;
      } else if (q.ocrMicrograms && CanonicalMassUnit(n->unit) != "\xC2\xB5g") {
        w.facts.problems.push_back("'" + Printed(lines[i], lr, q) + "' of " + n->name +
                                   " may be mg or µg (the unit is not clearly printed)");
        continue;
      } else {
        a.mg = q.mg;
        size_t numberEnd = q.begin;
        while (numberEnd < q.end && (IsAsciiDigit(f[numberEnd]) || f[numberEnd] == ',' || f[numberEnd] == '.'))
          ++numberEnd;
        note.number = f.substr(q.begin, numberEnd - q.begin);
        note.mgPerNumber = q.value > 0 ? q.mg / q.value : 0;
        size_t p = q.end;
        while (p < f.size() && f[p] == ' ') ++p;
        note.dfe = FindAnyWord(f, names.DfeWords(), p, p + 4) == p;
      }
      // The % printed after it on its row, before the next amount or the next nutrient.
      size_t stop = f.size();
      for (size_t k = qi + 1; k < qs.size(); ++k)
        if (lr.depth[qs[k].begin] <= lr.depth[q.begin]) {
          stop = qs[k].begin;
          break;
        }
      for (const auto& m : lr.names)
        if (m.begin >= q.end && m.nutrientId != id) {
          stop = std::min(stop, m.begin);
          break;
        }
      for (const auto& pc : lr.info.percents)
        if (pc.begin >= q.end && pc.begin < stop) {
          a.percentRi = pc.value;
          break;
        }
      w.amounts.push_back(a);
      w.notes.push_back(note);
      w.owned[i].push_back(qi);
    }
  }

  // The forms each nutrient is named in, anywhere on the label (the ingredient list says them).
  for (size_t i = 0; i < lines.size(); ++i)
    for (const auto& m : read[i].names)
      if (!m.formId.empty() && work.count(m.nutrientId)) {
        auto& forms = work[m.nutrientId].facts.forms;
        if (std::find(forms.begin(), forms.end(), m.formId) == forms.end()) forms.push_back(m.formId);
      }

  const auto directions = FindUnitsPerDay(lines, vocab);
  std::vector<AnalysedLine> info(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) info[i] = read[i].info;

  std::vector<NutrientFacts> out;
  for (const Nutrient& n : nutrients.All()) {
    auto it = work.find(n.id);
    if (it == work.end()) continue;
    NutrientWork& w = it->second;
    NutrientFacts& facts = w.facts;
    if (w.amounts.empty()) {
      out.push_back(std::move(facts));
      continue;
    }
    // The magnesium reading's steps, with this nutrient's reference intake for the % RI.
    ExtractionLimits own = limits;
    own.headerSearchLines = kHeaderSearchLines;
    own.otherReferenceIntakesMg.clear();
    if (n.referenceIntake) own.referenceIntakeMg = *n.referenceIntake * MgPerUnitOf(n.unit);
    for (size_t i = 0; i < lines.size(); ++i) info[i].ownedQuantities = w.owned[i];
    AssignBasis(w.amounts, info, lines, vocab, own);
    CrossCheckRowReadings(w, lines, own);
    TrustAmountsByRi(w, n, directions, lines, own);
    // A reading without its % RI is checked against the % of its row's other reading, once that
    // reading fits it: a % read wrong ("7S" read "7%" for 78 %) must not take a right amount along.
    ShareRiBetweenReadings(w.amounts, lines);
    TrustAmountsByRi(w, n, directions, lines, own);
    if (w.amounts.empty()) {
      out.push_back(std::move(facts));
      continue;
    }
    const std::optional<DoseChoice> dose = ChooseDose(w.amounts, directions, own);
    if (!dose) {
      out.push_back(std::move(facts));
      continue;
    }
    const double toUnit = 1.0 / MgPerUnitOf(n.unit);
    double fraction = 1;
    const NutrientAmount* any = dose->unitAmount ? dose->unitAmount : dose->dayAmount;
    if (!dose->declared) {
      const auto fr = ElementFraction(nutrients, n.id, any->salt);
      if (!fr) {
        facts.problems.push_back("the fraction of " + n.name + " in " + any->salt + " is not known");
        out.push_back(std::move(facts));
        continue;
      }
      fraction = *fr;
      if (std::find(facts.forms.begin(), facts.forms.end(), any->salt) == facts.forms.end())
        facts.forms.push_back(any->salt);
    }
    const AmountNote& note = w.notes[static_cast<size_t>(any - w.amounts.data())];
    facts.basis = !dose->declared ? DoseSource::kFromCompoundMass : note.converted ? DoseSource::kConverted : DoseSource::kDeclared;
    facts.dfe = note.dfe;
    if (dose->perUnit) facts.perUnit = *dose->perUnit * fraction * toUnit;
    facts.unitsPerDay = dose->unitsPerDay;
    if (dose->perDay) {
      facts.perDay = *dose->perDay * fraction * toUnit;
      facts.perDayRange = std::pair(*facts.perDay * note.lowFactor, *facts.perDay);
    }
    for (const NutrientAmount* a : {dose->unitAmount, dose->dayAmount})
      if (a) {
        AddEvidence(facts, lines[static_cast<size_t>(a->line)], EvidenceRole::kDose);
        if (!facts.riPercentPrinted && a->percentRi) facts.riPercentPrinted = a->percentRi;
      }
    if (directions && facts.unitsPerDay)
      AddEvidence(facts, lines[static_cast<size_t>(directions->line)], EvidenceRole::kUnitsPerDay);
    out.push_back(std::move(facts));
  }
  return out;
}

}  // namespace suppcheck
