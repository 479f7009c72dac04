#include "suppcheck/extract/magnesium_extractor.h"

#include <algorithm>

#include "suppcheck/extract/amount_basis.h"
#include "suppcheck/extract/amount_owner.h"
#include "suppcheck/extract/analysed_line.h"
#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/dose_checks.h"
#include "suppcheck/extract/dose_choice.h"
#include "suppcheck/extract/row_column_ratio.h"
#include "suppcheck/extract/title_amount.h"
#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

constexpr const char* kNutrient = "magnesium";

// One evidence entry per line and role: the whole line, as a person would read it.
void AddEvidence(MagnesiumFacts& facts, const TextLine& line, EvidenceRole role) {
  AddEvidenceOnce(facts.evidence, line.text, line.box, role);
}

// Which magnesium compounds are named, and is magnesium an active ingredient at all?
void NoteSaltsNamed(MagnesiumFacts& facts, const std::vector<AnalysedLine>& info, const std::vector<TextLine>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    for (const auto& m : info[i].mentions) {
      if (m.kind == MentionKind::Compound) {
        facts.present = true;
        if (std::find(facts.salts.begin(), facts.salts.end(), m.compound) == facts.salts.end()) {
          facts.salts.push_back(m.compound);
          AddEvidence(facts, lines[i], EvidenceRole::kSalt);
        }
      } else if (m.kind == MentionKind::Target) {
        facts.present = true;
      }
    }
  }
}

// The chosen dose as elemental magnesium: declared amounts as they are, a salt's mass times its
// elemental fraction (the highest for the call, the range for the report). False when the salt's
// fraction is unknown.
bool SetElementalDose(MagnesiumFacts& facts, const DoseChoice& dose, const Vocabulary& vocab) {
  double fmin = 1, fmax = 1;
  if (!dose.declared) {
    const NutrientAmount* any = dose.unitAmount ? dose.unitAmount : dose.dayAmount;
    const SaltInfo* salt = vocab.Salt(any->salt);
    fmin = salt ? salt->fractionMin : 0;
    fmax = salt ? salt->fractionMax : 0;
    if (fmax <= 0) return false;
    if (std::find(facts.salts.begin(), facts.salts.end(), any->salt) == facts.salts.end())
      facts.salts.push_back(any->salt);
  }
  facts.basis = dose.declared ? DoseSource::kDeclared : DoseSource::kFromSaltMass;
  if (dose.perUnit) facts.mgPerUnit = *dose.perUnit * fmax;
  facts.unitsPerDay = dose.unitsPerDay;
  if (dose.perDay) {
    facts.mgPerDay = *dose.perDay * fmax;
    facts.mgPerDayRange = std::pair(*dose.perDay * fmin, *dose.perDay * fmax);
  }
  return true;
}

// The cross-checks of extract/dose_checks.h. A dose that fails one is not reported: a wrong number
// could be a false all-clear; the reasons are, for the person to read the label themselves.
void RefuseIfInconsistent(MagnesiumFacts& facts, const DoseChoice& dose, const std::vector<AnalysedLine>& info,
                          const std::vector<TextLine>& lines, const Vocabulary& vocab,
                          const ExtractionLimits& limits) {
  std::vector<std::string>& why = facts.doseProblems;
  if (facts.riMismatch)
    why.push_back("the printed " + NumberText(facts.riMismatch->first) + " % of the reference intake does not fit " +
                  MgText(facts.riMismatch->second));
  if (auto p = UnitsProblem(dose, limits)) why.push_back(*p);
  if (auto p = SplitNumberProblem(dose)) why.push_back(*p);
  if (auto p = SaltFractionProblem(dose, facts.amounts, vocab, limits))
    why.push_back(*p);
  else if (auto q = WholeBeforePartProblem(dose, info, facts.salts, vocab, limits))
    why.push_back(*q);
  if (auto p = LargerAmountInRowProblem(dose, info, lines, limits)) why.push_back(*p);
  if (auto p = TitleProblem(TitleNumbers(info), facts.mgPerUnit, facts.mgPerDay, "Magnesium", limits))
    why.push_back(*p);
  if (why.empty()) return;
  facts.mgPerUnit.reset();
  facts.mgPerDay.reset();
  facts.mgPerDayRange.reset();
  facts.basis = DoseSource::kUnknown;
}

}  // namespace

bool IsDoseOrDirectionsLine(const std::string& text, const Vocabulary& vocab) {
  const FoldedText ft = FoldForMatching(text);
  const std::string& f = ft.text;
  const bool digit = std::any_of(f.begin(), f.end(), IsAsciiDigit);
  if (digit && MentionsLoosely(f, vocab.nutrientNames.at(kNutrient))) return true;
  if (FindAnyWord(f, vocab.perDayWords, 0, f.size()) != std::string::npos) return true;
  for (size_t p = 0; p < f.size(); ++p)
    if (UnitWordAt(f, p, vocab)) return true;
  return false;
}

bool MayNameMagnesiumSalt(const std::string& text, const Vocabulary& vocab) {
  const std::string lower = AsciiLower(text);
  return std::any_of(vocab.saltLineStems.begin(), vocab.saltLineStems.end(),
                     [&](const std::string& stem) { return lower.find(stem) != std::string::npos; });
}

MagnesiumFacts ExtractMagnesium(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                const ExtractionLimits& limits) {
  MagnesiumFacts facts;
  std::vector<AnalysedLine> info = AnalyseLines(lines, LexiconFor(vocab, kNutrient), vocab, limits.maxUnitsPerDay);
  NoteSaltsNamed(facts, info, lines);
  facts.amounts = OwnedAmounts(info, lines, vocab, limits.maxMgPerUnit * limits.maxUnitsPerDay);
  AssignBasis(facts.amounts, info, lines, vocab, limits);
  const auto directions = FindUnitsPerDay(lines, vocab, limits.maxUnitsPerDay);
  SettleRowColumnsByRatio(facts.amounts, lines, directions ? std::optional<double>(directions->units) : std::nullopt,
                          limits);
  auto addDirections = [&] {
    if (directions) {
      const TextLine& l = lines[static_cast<size_t>(directions->line)];
      facts.evidence.push_back({l.text, l.box, EvidenceRole::kUnitsPerDay});
    }
  };

  const std::optional<DoseChoice> dose = ChooseDose(facts.amounts, directions, limits);
  if (!dose) {
    if (directions) facts.unitsPerDay = directions->units;
    addDirections();
    return facts;
  }
  facts.present = true;
  if (!SetElementalDose(facts, *dose, vocab)) return facts;
  for (const auto* a : {dose->unitAmount, dose->dayAmount})
    if (a) AddEvidence(facts, lines[static_cast<size_t>(a->line)], EvidenceRole::kDose);
  addDirections();
  facts.riMismatch = RiMismatch(*dose, limits);
  RefuseIfInconsistent(facts, *dose, info, lines, vocab, limits);
  return facts;
}

}  // namespace suppcheck
