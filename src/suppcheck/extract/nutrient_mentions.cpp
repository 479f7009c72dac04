#include "suppcheck/extract/nutrient_mentions.h"

#include <algorithm>

#include "suppcheck/extract/word_match.h"
#include "suppcheck/util/edit_distance.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

bool Overlaps(const std::vector<Mention>& ms, size_t b, size_t e) {
  for (const auto& m : ms)
    if (m.begin < e && b < m.end) return true;
  return false;
}

// The nutrient's own word: a known prefix ("magnesiumgehalt"), or within two edits of its name
// over the name's length while keeping its core letters ("magnesiurn", "rnagnesium").
bool IsTargetWord(std::string_view w, const NutrientNames& names) {
  if (w.size() < names.minWordLength) return false;
  for (const auto& p : names.prefixes)
    if (w.rfind(p, 0) == 0) return true;
  if (w.find(names.core) == std::string_view::npos) return false;
  for (const auto& n : names.words)
    if (EditDistance(w.substr(0, std::min(w.size(), n.size())), n) <= names.maxEdits) return true;
  return false;
}

// Names of compounds and excipients, exact then (when the line looks like it names the
// nutrient) OCR-damaged.
void AddCompoundMentions(const std::string& f, const NutrientLexicon& lx, std::vector<Mention>& ms) {
  auto addExact = [&](const std::string& name, MentionKind kind, const std::string& id) {
    for (size_t p = f.find(name); p != std::string::npos; p = f.find(name, p + 1)) {
      const size_t e = p + name.size();
      if (IsWordStart(f, p) && !Overlaps(ms, p, e)) ms.push_back({kind, id, p, e});
    }
  };
  // Longest names first so that "oxyde de magnesium leger" wins over "oxyde de magnesium".
  std::vector<std::pair<const std::string*, const SaltInfo*>> compoundNames;
  for (const auto& s : *lx.compounds)
    for (const auto& n : s.names) compoundNames.push_back({&n, &s});
  std::stable_sort(compoundNames.begin(), compoundNames.end(),
                   [](const auto& a, const auto& b) { return a.first->size() > b.first->size(); });
  std::vector<const std::string*> excipients;
  for (const auto& e : *lx.excipients) excipients.push_back(&e);
  std::stable_sort(excipients.begin(), excipients.end(), [](auto* a, auto* b) { return a->size() > b->size(); });

  for (const auto* e : excipients) addExact(*e, MentionKind::Excipient, "");
  for (const auto& [name, salt] : compoundNames) addExact(*name, MentionKind::Compound, salt->id);
  if (!MentionsLoosely(f, *lx.names)) return;
  for (size_t p = 0; p < f.size(); ++p) {
    if (!IsAsciiAlpha(f[p]) || !IsWordStart(f, p) || Overlaps(ms, p, p + 1)) continue;
    for (const auto* e : excipients) {
      const size_t end = FuzzyMatchAt(f, p, *e);
      if (end != std::string::npos && !Overlaps(ms, p, end)) ms.push_back({MentionKind::Excipient, "", p, end});
    }
    for (const auto& [name, salt] : compoundNames) {
      if (Overlaps(ms, p, p + 1)) break;
      const size_t end = FuzzyMatchAt(f, p, *name);
      if (end != std::string::npos && !Overlaps(ms, p, end)) ms.push_back({MentionKind::Compound, salt->id, p, end});
    }
  }
}

// The nutrient's word and other nutrients' words, in the words no compound took.
void AddWordMentions(const std::string& f, const NutrientLexicon& lx, std::vector<Mention>& ms) {
  for (size_t p = 0; p < f.size();) {
    if (!IsAsciiAlpha(f[p])) {
      ++p;
      continue;
    }
    size_t e = p;
    while (e < f.size() && IsAsciiAlpha(f[e])) ++e;
    const std::string_view w(f.data() + p, e - p);
    if (!Overlaps(ms, p, e)) {
      if (IsTargetWord(w, *lx.names)) {
        ms.push_back({MentionKind::Target, "", p, e});
      } else {
        for (const auto& n : *lx.otherNutrients) {
          const bool phrase = n.find(' ') != std::string::npos;  // "acide folique"
          if (phrase ? f.compare(p, n.size(), n) == 0 && IsWordEnd(f, p + n.size()) : w == n) {
            ms.push_back({MentionKind::Other, "", p, phrase ? p + n.size() : e});
            break;
          }
        }
      }
    }
    p = e;
  }
}

}  // namespace

NutrientLexicon LexiconFor(const Vocabulary& vocab, const std::string& nutrient) {
  NutrientLexicon lx;
  lx.names = &vocab.nutrientNames.at(nutrient);
  lx.compounds = &vocab.salts;
  lx.excipients = &vocab.excipients;
  lx.excipientClasses = &vocab.excipientClasses;
  lx.otherNutrients = &vocab.otherNutrients;
  return lx;
}

bool MentionsLoosely(std::string_view f, const NutrientNames& names) {
  for (const auto& stem : names.ocrStems)
    if (f.find(stem) != std::string_view::npos) return true;
  return false;
}

std::vector<Mention> FindMentions(const std::string& f, const NutrientLexicon& lexicon) {
  std::vector<Mention> ms;
  AddCompoundMentions(f, lexicon, ms);
  AddWordMentions(f, lexicon, ms);
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return ms;
}

}  // namespace suppcheck
