#include "suppcheck/extract/nutrient_rows.h"

#include <algorithm>
#include <iomanip>
#include <locale>
#include <map>
#include <sstream>

#include "suppcheck/extract/amount_basis.h"
#include "suppcheck/extract/amount_owner.h"
#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/dose_checks.h"
#include "suppcheck/extract/dose_choice.h"
#include "suppcheck/extract/nutrient_amount_checks.h"
#include "suppcheck/extract/nutrient_amount_owner.h"
#include "suppcheck/extract/nutrient_amount_read.h"
#include "suppcheck/extract/nutrient_line_read.h"
#include "suppcheck/extract/nutrient_row_readings.h"
#include "suppcheck/extract/row_column_ratio.h"
#include "suppcheck/extract/nutrient_work.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// A multivitamin's table has thirty rows under one header.
constexpr size_t kHeaderSearchLines = 40;
// A bracket after a form's name with this many letters and no name in it states a form OCR did
// not read (FollowedByUnreadForm); fewer are noise or a footnote mark.
constexpr long kUnreadFormLetters = 4;

// Every nutrient with an amount or a name on the label, while it is read.
class Nutrients {
 public:
  Nutrients(const NutrientLimits& nutrients, size_t lineCount) : nutrients_(nutrients), lineCount_(lineCount) {}

  NutrientWork& For(const std::string& id) {
    NutrientWork& w = work_[id];
    if (w.facts.id.empty()) {
      w.facts.id = id;
      w.owned.resize(lineCount_);
      if (const Nutrient* n = nutrients_.Find(id)) w.facts.unit = n->unit;
    }
    return w;
  }
  NutrientWork* Find(const std::string& id) {
    auto it = work_.find(id);
    return it == work_.end() ? nullptr : &it->second;
  }

 private:
  const NutrientLimits& nutrients_;
  size_t lineCount_;
  std::map<std::string, NutrientWork> work_;
};

// A '(' right before amount `q` that nothing after it on the line closes, `q` a mass as `p` is:
// OCR's reading of the column rule between two columns, not a parenthesis. "Mangaan | 0,1 mg |
// 0,3 mg | 15 %" read "Mangaan 0,1 mg (0,3 mg 15 %" (3 capsules a day, the headers too faint to
// read): the per-day 0,3 mg was taken for 0,1 mg said again and lost, and the table's second
// reading "Mangaan 0,3 mg 15%" alone made 0,3 mg a capsule, 0,9 mg a day (nutrient seed 57163
// phone-0031). A restatement in parentheses is in another unit ("(1000 IU)") or names what it
// is ("(400 mcg folic acid)"), and closes.
bool OpenedByARule(const std::string& f, const Quantity& p, const Quantity& q) {
  if (p.unit == MassUnit::IU || q.unit == MassUnit::IU) return false;
  size_t open = q.begin;
  while (open > p.end && f[open - 1] == ' ') --open;
  if (open <= p.end || f[open - 1] != '(') return false;
  return f.find(')', q.end) == std::string::npos;
}

// "(1000 IU)" or "(400 mcg folic acid)" after amount `primary`, deeper in parentheses and with no
// other name between: the same amount said again, not an amount of its own. Folic acid beside a
// folate amount in DFE is kept as such.
bool IsRestatement(const LineRead& lr, size_t qi, size_t primary, const NutrientNameMatch* primaryOwner,
                   const Vocabulary& vocab, Nutrients& found) {
  const auto& qs = lr.info.quantities;
  const Quantity& q = qs[qi];
  const Quantity& p = qs[primary];
  if (lr.depth[q.begin] <= lr.depth[p.begin]) return false;
  const bool nameBetween = std::any_of(lr.names.begin(), lr.names.end(),
                                       [&](const NutrientNameMatch& m) { return m.begin >= p.end && m.end <= q.begin; });
  if (nameBetween || !primaryOwner) return false;
  const NutrientNameMatch* after = NameAfter(lr, q, vocab);
  if (!after && OpenedByARule(lr.info.ft.text, p, q)) return false;
  if (primaryOwner->nutrientId == "folate" && after && after->nutrientId == "folate" &&
      after->formId == "folic_acid" && q.unit != MassUnit::IU)
    found.For("folate").facts.folicAcidUg = q.mg * 1000;
  return true;
}

// Quantity `qi` restates the amount just taken for `n` (quantity `primary`, the last one in
// `w`): in IU beside a mass or a mass beside IU ("7,6 µg (304 IU)"), its mass goes into the
// amount's note for CheckIuRestatements. Other restatements ("680 mcg DFE (400 mcg folic acid)")
// are not the same mass.
void NoteRestatement(const TextLine& line, size_t i, const LineRead& lr, size_t qi, size_t primary,
                     const NutrientNameMatch& owner, const Nutrient& n, const NutrientWords& words, NutrientWork& w) {
  const auto& qs = lr.info.quantities;
  if ((qs[qi].unit == MassUnit::IU) == (qs[primary].unit == MassUnit::IU) || w.amounts.empty()) return;
  std::vector<std::string> ignored;
  const auto read = ReadOwnedAmount(line, i, lr, qi, owner, n, words, ignored);
  if (!read || !read->amount.elemental) return;
  AmountNote& note = w.notes.back();
  note.restatedMg = std::pair(read->amount.mg * read->note.lowFactor, read->amount.mg);
  if (read->note.converted)  // half an IU, as a mass
    note.restatedRoundingMg = qs[qi].value > 0 ? 0.5 * read->amount.mg / qs[qi].value : 0;
  else
    note.restatedRoundingMg = HalfOfLastDigitMg(read->note.number, read->note.mgPerNumber);
}

// Line `i`, left to right: each amount to its owner, or to the amount it restates.
void CollectLineAmounts(const std::vector<TextLine>& lines, size_t i, const LineRead& lr, const NutrientWords& words,
                        Nutrients& found) {
  const auto& qs = lr.info.quantities;
  std::vector<const NutrientNameMatch*> owners(qs.size(), nullptr);
  for (size_t qi = 0; qi < qs.size(); ++qi) owners[qi] = OwnerOf(lr, qi, words.vocab);
  long primary = -1;  // the last amount that was not a restatement
  NutrientWork* primaryWork = nullptr;  // where the primary amount went, if it was taken
  const Nutrient* primaryNutrient = nullptr;
  for (size_t qi = 0; qi < qs.size(); ++qi) {
    // "Eisen(II)-sulfat 2 mg, davon Eisen 0,7 mg": an amount an "of which" word follows is a whole
    // (the compound's mass) whose part is named after it, never the nutrient's own amount, and
    // the part is no restatement of it (nutrient seed 91357 single-phone-0026: 2 mg of iron taken
    // a tablet, 0,7 printed). As for magnesium (amount_owner.cpp).
    if (PartOfItFollows(lr.info, qs[qi], words.vocab)) {
      primary = -1;
      primaryWork = nullptr;
      primaryNutrient = nullptr;
      continue;
    }
    if (primary >= 0 && IsRestatement(lr, qi, static_cast<size_t>(primary), owners[static_cast<size_t>(primary)],
                                      words.vocab, found)) {
      if (primaryWork && primaryNutrient)
        NoteRestatement(lines[i], i, lr, qi, static_cast<size_t>(primary), *owners[static_cast<size_t>(primary)],
                        *primaryNutrient, words, *primaryWork);
      continue;
    }
    primary = static_cast<long>(qi);
    primaryWork = nullptr;
    primaryNutrient = nullptr;
    const NutrientNameMatch* owner = owners[qi];
    if (!owner) continue;
    NutrientWork& w = found.For(owner->nutrientId);
    const Nutrient* n = words.nutrients.Find(owner->nutrientId);
    if (!n) continue;
    auto read = ReadOwnedAmount(lines[i], i, lr, qi, *owner, *n, words, w.facts.problems);
    if (!read) continue;
    w.amounts.push_back(read->amount);
    w.notes.push_back(read->note);
    w.owned[i].push_back(qi);
    primaryWork = &w;
    primaryNutrient = n;
  }
}

// Whether the name `m` of line `lr` is followed by a bracket of words that name nothing, or only
// a damaged name: a form OCR did not read. "Nicotinamid (Nicotinsiure)" for "Nicotinamid (Nicotinsäure)" (multivitamin-
// phone-0031 of nutrient seed 91357): the name is one of niacin's forms, the bracket the form
// printed, nicotinic acid, whose upper level is 10 mg where nicotinamide's is 900; 12 mg a day
// were judged by the 900 and reported within.
bool FollowedByUnreadForm(const LineRead& lr, const NutrientNameMatch& m) {
  const std::string& t = lr.info.ft.text;
  size_t open = m.end;
  while (open < t.size() && t[open] == ' ') ++open;
  if (open >= t.size() || t[open] != '(') return false;
  const size_t close = std::min(t.find(')', open), t.size());
  const auto letters = std::count_if(t.begin() + static_cast<long>(open), t.begin() + static_cast<long>(close), IsAsciiAlpha);
  // A name OCR damaged is no form read ("Nicotinsiure" is niacin, but in which form?).
  const bool named = std::any_of(lr.names.begin(), lr.names.end(), [&](const NutrientNameMatch& other) {
    return other.begin > open && other.begin < close && (!other.damaged || !other.formId.empty());
  });
  return letters >= kUnreadFormLetters && !named;
}

// The forms each nutrient is named in, anywhere on the label (the ingredient list says them), in
// reading order. Not a form named as the nutrient's name right before a bracket of words that
// name nothing (FollowedByUnreadForm): the bracket is the form, unread.
std::map<std::string, std::vector<std::string>> FormsOnLabel(const std::vector<LineRead>& read) {
  std::map<std::string, std::vector<std::string>> forms;
  for (const LineRead& lr : read)
    for (const auto& m : lr.names)
      if (!m.formId.empty() && !FollowedByUnreadForm(lr, m)) {
        auto& of = forms[m.nutrientId];
        if (std::find(of.begin(), of.end(), m.formId) == of.end()) of.push_back(m.formId);
      }
  return forms;
}

// Those forms into the facts of each nutrient with an amount or a name.
void CollectForms(const std::map<std::string, std::vector<std::string>>& forms, Nutrients& found) {
  for (const auto& [id, of] : forms)
    if (NutrientWork* w = found.Find(id)) w->facts.forms = of;
}

// The magnesium reading's steps for one nutrient, with its own reference intake for the % RI:
// what each amount is per, then the checks that drop misread amounts; two readings of a row
// that none of them settles leave the row's amount unknown.
void SettleAmounts(NutrientWork& w, const Nutrient& n, std::vector<AnalysedLine>& info,
                   const std::optional<UnitsPerDay>& directions, const std::vector<TextLine>& lines,
                   const Vocabulary& vocab, const ExtractionLimits& own, bool usDailyValues) {
  for (size_t i = 0; i < lines.size(); ++i) info[i].ownedQuantities = w.owned[i];
  const std::optional<double> unitsADay = directions ? std::optional<double>(directions->units) : std::nullopt;
  AssignBasis(w.amounts, info, lines, vocab, own);
  SettleRowColumnsByRatio(w.amounts, lines, unitsADay, own);
  CrossCheckRowReadings(w, lines, own);
  DropGramsThatLostTheirMicro(w, n);
  CheckIuRestatements(w, n, lines, own);
  TrustAmountsByRi(w, n, directions, lines, own, usDailyValues);
  // A reading without its % RI is checked against the % of its row's other reading, once that
  // reading fits it: a % read wrong ("7S" read "7%" for 78 %) must not take a right amount along.
  ShareRiBetweenReadings(w.amounts, lines);
  TrustAmountsByRi(w, n, directions, lines, own, usDailyValues);
  DropGramsOfMicrogramNutrients(w, n, lines);
  DropImplausibleAmounts(w, n, lines, own);
  std::vector<double> units;
  if (directions && directions->units > 0) units.push_back(directions->units);
  CorrectCommasLostBesideAWitness(w, n, units, own);
  // The columns again, once the commas are back: "Niacin 17mg 5.1mg 32%" under a header whose
  // per-day phrase was misread ("Per daity dose") is 1,7 mg beside 5,1 mg, three tablets' worth,
  // which the ratio settles; the 5,1 mg left without a column tied the vote with 1,7 and, the
  // larger, was taken per tablet: 15,3 mg of nicotinic acid a day, a false "above" (nutrient seed
  // 65203 phone-0027).
  SettleRowColumnsByRatio(w.amounts, lines, unitsADay, own);
  DropRulesReadAsOne(w, n, lines, units);
  DropReadingsThatLostTheirFirstDigit(w, n, lines, units);
  DropUnsureAmountsAboveLimits(w, n, lines, units, own);
  DropTwoAmountsInOneColumn(w, n, lines, own);
  DropDisagreeingRowReadings(w, n, lines, units, own);
}

// Whether a % on this label may be of the US daily values: not where the label says its % is of
// the EU reference intakes ("% RI", "% AR", "% NRV", "Referenzmenge") and names no daily value.
// Two references let a misread amount fit one of them ("Zinc 110 mg 100 %" under "% AR", printed
// 10 mg: 11,0 mg is 100 % of the US 11 mg).
bool MayBeOfDailyValues(const std::vector<LineRead>& read, const NutrientNameIndex& names) {
  bool eu = false;
  for (const LineRead& lr : read) {
    const std::string& f = lr.info.ft.text;
    if (FindAnyWord(f, names.DailyValueWords(), 0, f.size()) != std::string::npos) return true;
    eu = eu || FindAnyWord(f, names.ReferenceIntakeWords(), 0, f.size()) != std::string::npos;
  }
  return !eu;
}

// Per unit times the units a day against the per-day amount printed, for every nutrient as for
// magnesium: a row whose two columns disagree with the directions was misread in one of them
// ("Vita in B12 0,42 µg 11,26 µg" at 3 a day), and which one is not known: no dose, the reason
// said. The amounts in the nutrient's unit, as the label prints it.
std::optional<std::string> UnitsDisagree(const DoseChoice& dose, const Nutrient& n, const ExtractionLimits& limits) {
  if (!dose.unitAmount || !dose.dayAmount || !dose.perUnit || !dose.unitsPerDay || !dose.perDay) return std::nullopt;
  if (!UnitsProblem(dose, limits)) return std::nullopt;
  const double toUnit = 1.0 / MgPerUnitOf(n.unit);
  const auto amount = [&](double mg) {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << std::setprecision(4) << mg * toUnit << " " << n.unit;
    return out.str();
  };
  return "per unit " + amount(*dose.perUnit) + " times " + NumberText(*dose.unitsPerDay) + " a day is " +
         amount(*dose.perUnit * *dose.unitsPerDay) + ", but the label was read as " + amount(*dose.perDay) +
         " a day: one of the two is misread";
}

// The dose chosen from the amounts, in the nutrient's unit, into the facts to report.
void ReportDose(NutrientWork& w, const Nutrient& n, const DoseChoice& dose, const NutrientLimits& nutrients,
                const std::optional<UnitsPerDay>& directions, const std::vector<TextLine>& lines,
                const ExtractionLimits& limits) {
  NutrientFacts& facts = w.facts;
  if (auto why = UnitsDisagree(dose, n, limits)) {
    facts.problems.push_back(*why);
    return;
  }
  const double toUnit = 1.0 / MgPerUnitOf(n.unit);
  double fraction = 1;
  const NutrientAmount* any = dose.unitAmount ? dose.unitAmount : dose.dayAmount;
  if (!dose.declared) {
    const auto fr = ElementFraction(nutrients, n.id, any->salt);
    if (!fr) {
      facts.problems.push_back("the fraction of " + n.name + " in " + any->salt + " is not known");
      return;
    }
    fraction = *fr;
    if (std::find(facts.forms.begin(), facts.forms.end(), any->salt) == facts.forms.end())
      facts.forms.push_back(any->salt);
  }
  const AmountNote& note = w.notes[static_cast<size_t>(any - w.amounts.data())];
  facts.basis = !dose.declared ? DoseSource::kFromCompoundMass
                : note.converted ? DoseSource::kConverted
                                 : DoseSource::kDeclared;
  facts.dfe = note.dfe;
  if (dose.perUnit) facts.perUnit = *dose.perUnit * fraction * toUnit;
  facts.unitsPerDay = dose.unitsPerDay;
  if (dose.perDay) {
    facts.perDay = *dose.perDay * fraction * toUnit;
    facts.perDayRange = std::pair(*facts.perDay * note.lowFactor, *facts.perDay);
  }
  for (const NutrientAmount* a : {dose.unitAmount, dose.dayAmount})
    if (a) {
      AddEvidenceOnce(facts.evidence, lines[static_cast<size_t>(a->line)].text, lines[static_cast<size_t>(a->line)].box,
                      EvidenceRole::kDose);
      if (!facts.riPercentPrinted && a->percentRi) facts.riPercentPrinted = a->percentRi;
    }
  if (directions && facts.unitsPerDay) {
    const TextLine& line = lines[static_cast<size_t>(directions->line)];
    AddEvidenceOnce(facts.evidence, line.text, line.box, EvidenceRole::kUnitsPerDay);
  }
}

}  // namespace

std::vector<NutrientFacts> ExtractNutrients(const std::vector<TextLine>& lines, const NutrientNameIndex& names,
                                            const NutrientLimits& nutrients, const Vocabulary& vocab,
                                            const ExtractionLimits& limits) {
  std::vector<LineRead> read;
  read.reserve(lines.size());
  for (const TextLine& line : lines) read.push_back(ReadNutrientLine(line.text, names, vocab, limits.maxUnitsPerDay));
  const auto forms = FormsOnLabel(read);
  const NutrientWords words{names, nutrients, vocab, &forms};

  Nutrients found(nutrients, lines.size());
  for (size_t i = 0; i < lines.size(); ++i) CollectLineAmounts(lines, i, read[i], words, found);
  CollectForms(forms, found);

  const auto directions = FindUnitsPerDay(lines, vocab, limits.maxUnitsPerDay);
  const bool usDailyValues = MayBeOfDailyValues(read, names);
  std::vector<AnalysedLine> info(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) info[i] = read[i].info;

  std::vector<NutrientFacts> out;
  for (const Nutrient& n : nutrients.All()) {
    NutrientWork* w = found.Find(n.id);
    if (!w) continue;
    if (!w->amounts.empty()) {
      ExtractionLimits own = limits;
      own.headerSearchLines = kHeaderSearchLines;
      own.otherReferenceIntakesMg.clear();
      if (n.referenceIntake) own.referenceIntakeMg = *n.referenceIntake * MgPerUnitOf(n.unit);
      // The bound on one unit's amount is magnesium's (2 g); a nutrient with limits has its own,
      // DropImplausibleAmounts' ceiling (2500 mg of calcium a tablet was silently dropped).
      if (const auto highest = HighestLimitMg(n); highest && own.implausibleTimesLimit > 0)
        own.maxMgPerUnit = std::max(own.maxMgPerUnit, *highest * own.implausibleTimesLimit);
      SettleAmounts(*w, n, info, directions, lines, vocab, own, usDailyValues);
      if (!w->amounts.empty())
        if (const std::optional<DoseChoice> dose = ChooseDose(w->amounts, directions, own))
          ReportDose(*w, n, *dose, nutrients, directions, lines, own);
    }
    out.push_back(std::move(w->facts));
  }
  return out;
}

}  // namespace suppcheck
