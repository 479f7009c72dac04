#include "suppcheck/extract/magnesium_extractor.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "suppcheck/extract/directions.h"
#include "suppcheck/extract/folded_text.h"
#include "suppcheck/extract/quantity.h"
#include "suppcheck/util/edit_distance.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

enum class MentionKind { Magnesium, Salt, Excipient, Other };

struct Mention {
  MentionKind kind;
  std::string salt;  // for Salt
  size_t begin = 0, end = 0;
};

struct BasisPhrase {
  DoseBasis basis = DoseBasis::Unknown;
  double units = 1;
  size_t begin = 0, end = 0;
};

struct LineInfo {
  FoldedText ft;
  std::vector<Mention> mentions;
  std::vector<Quantity> quantities;
  std::vector<Percent> percents;
  std::vector<BasisPhrase> phrases;
  std::vector<size_t> magnesiumQuantities;  // indexes into quantities owned by magnesium
};

bool Boundary(const std::string& f, size_t p) { return p == 0 || !IsAsciiAlpha(f[p - 1]); }
bool BoundaryAfter(const std::string& f, size_t p) { return p >= f.size() || !IsAsciiAlpha(f[p]); }

bool Overlaps(const std::vector<Mention>& ms, size_t b, size_t e) {
  for (const auto& m : ms)
    if (m.begin < e && b < m.end) return true;
  return false;
}


// Approximate occurrence of `name` starting at word start p: the end of the best match within
// a small edit distance (OCR: "rnagnesiumcitraat", "magnesiurn"), or npos.
size_t FuzzyMatchAt(const std::string& f, size_t p, const std::string& name) {
  const int budget = static_cast<int>(name.size()) / 9;  // 1 edit per 9 letters
  if (budget == 0) return std::string::npos;
  size_t bestEnd = std::string::npos;
  int best = budget + 1;
  for (int len = static_cast<int>(name.size()) - budget; len <= static_cast<int>(name.size()) + budget; ++len) {
    if (len <= 0 || p + static_cast<size_t>(len) > f.size()) continue;
    if (!BoundaryAfter(f, p + static_cast<size_t>(len))) continue;
    const int d = EditDistance(std::string_view(f).substr(p, static_cast<size_t>(len)), name);
    if (d < best) {
      best = d;
      bestEnd = p + static_cast<size_t>(len);
    }
  }
  return bestEnd;
}

bool MentionsMagnesiumLoosely(const std::string& f) {
  for (const char* stem : {"agnes", "magn", "gnesi", "nesium", "rnagn"})
    if (f.find(stem) != std::string::npos) return true;
  return false;
}

bool IsMagnesiumWord(std::string_view w) {
  if (w.size() < 6) return false;
  if (w.rfind("magnes", 0) == 0 || w.rfind("rnagnes", 0) == 0) return true;
  return EditDistance(w.substr(0, std::min<size_t>(w.size(), 9)), "magnesium") <= 2 &&
         w.find("gnes") != std::string_view::npos;
}

std::vector<Mention> FindMentions(const std::string& f, const Vocabulary& vocab) {
  std::vector<Mention> ms;
  auto addExact = [&](const std::string& name, MentionKind kind, const std::string& salt) {
    for (size_t p = f.find(name); p != std::string::npos; p = f.find(name, p + 1)) {
      if (!Boundary(f, p)) continue;
      const size_t e = p + name.size();
      if (Overlaps(ms, p, e)) {
        // Keep the longer of two overlapping names of the same kind.
        continue;
      }
      ms.push_back({kind, salt, p, e});
    }
  };
  // Longest names first so that "oxyde de magnesium leger" wins over "oxyde de magnesium".
  std::vector<std::pair<const std::string*, const SaltInfo*>> saltNames;
  for (const auto& s : vocab.salts)
    for (const auto& n : s.names) saltNames.push_back({&n, &s});
  std::sort(saltNames.begin(), saltNames.end(),
            [](const auto& a, const auto& b) { return a.first->size() > b.first->size(); });
  std::vector<const std::string*> excipients;
  for (const auto& e : vocab.excipients) excipients.push_back(&e);
  std::sort(excipients.begin(), excipients.end(), [](auto* a, auto* b) { return a->size() > b->size(); });

  for (const auto* e : excipients) addExact(*e, MentionKind::Excipient, "");
  for (const auto& [name, salt] : saltNames) addExact(*name, MentionKind::Salt, salt->id);

  const bool loose = MentionsMagnesiumLoosely(f);
  if (loose) {
    // OCR-damaged salt and excipient names.
    for (size_t p = 0; p < f.size(); ++p) {
      if (!IsAsciiAlpha(f[p]) || !Boundary(f, p) || Overlaps(ms, p, p + 1)) continue;
      for (const auto* e : excipients) {
        const size_t end = FuzzyMatchAt(f, p, *e);
        if (end != std::string::npos && !Overlaps(ms, p, end)) ms.push_back({MentionKind::Excipient, "", p, end});
      }
      for (const auto& [name, salt] : saltNames) {
        if (Overlaps(ms, p, p + 1)) break;
        const size_t end = FuzzyMatchAt(f, p, *name);
        if (end != std::string::npos && !Overlaps(ms, p, end)) ms.push_back({MentionKind::Salt, salt->id, p, end});
      }
    }
  }

  // Words: the bare word magnesium (also in compounds such as "magnesiumgehalt"), and other
  // nutrients that own the amounts after them.
  for (size_t p = 0; p < f.size();) {
    if (!IsAsciiAlpha(f[p])) {
      ++p;
      continue;
    }
    size_t e = p;
    while (e < f.size() && IsAsciiAlpha(f[e])) ++e;
    const std::string_view w(f.data() + p, e - p);
    if (!Overlaps(ms, p, e)) {
      if (IsMagnesiumWord(w)) {
        ms.push_back({MentionKind::Magnesium, "", p, e});
      } else {
        for (const auto& n : vocab.otherNutrients) {
          if (n.find(' ') == std::string::npos ? w == n : f.compare(p, n.size(), n) == 0 && BoundaryAfter(f, p + n.size())) {
            ms.push_back({MentionKind::Other, "", p, n.find(' ') == std::string::npos ? e : p + n.size()});
            break;
          }
        }
      }
    }
    p = e;
  }
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return ms;
}

// Finds the words of a list in f[from, to) as whole words; returns the first position or npos.
size_t FindAny(const std::string& f, const std::vector<std::string>& words, size_t from, size_t to) {
  size_t best = std::string::npos;
  for (const auto& w : words) {
    for (size_t p = f.find(w, from); p != std::string::npos && p + w.size() <= to; p = f.find(w, p + 1)) {
      const bool symbolic = !IsAsciiAlpha(w.front());
      if ((symbolic || Boundary(f, p)) && (!IsAsciiAlpha(w.back()) || BoundaryAfter(f, p + w.size()))) {
        best = std::min(best, p);
        break;
      }
    }
  }
  return best;
}

std::vector<BasisPhrase> FindBasisPhrases(const std::string& f, const Vocabulary& vocab) {
  std::vector<BasisPhrase> out;
  // Daily-dose words: "per dagdosis (2 tabletten)", "par jour", "pro Tag", "daily dose".
  for (const auto& w : vocab.perDayWords) {
    for (size_t p = f.find(w); p != std::string::npos; p = f.find(w, p + 1)) {
      const bool symbolic = !IsAsciiAlpha(w.front());
      if (!(symbolic || Boundary(f, p)) || !BoundaryAfter(f, p + w.size())) continue;
      BasisPhrase b{DoseBasis::PerDay, 0, p, p + w.size()};
      // A unit count in the next few characters: "dagdosis (2 tabletten)", "= 2 gelules". Without
      // the bracket, colon or equals sign ("täglich 2 Kapseln") it is directions, not a dose basis.
      bool directions = false;
      for (size_t q = p + w.size(); q < std::min(f.size(), p + w.size() + 25); ++q) {
        const size_t len = UnitWordAt(f, q, vocab);
        if (!len) continue;
        size_t cb = q;
        const double n = CountBefore(f, q, vocab, &cb);
        if (n > 0 && cb >= p + w.size()) {
          const std::string between = f.substr(p + w.size(), cb - (p + w.size()));
          if (between.find_first_of("(:=") == std::string::npos) {
            directions = true;
          } else {
            b.units = n;
            b.end = q + len;
          }
        }
        break;
      }
      if (directions) continue;
      if (std::none_of(out.begin(), out.end(), [&](const BasisPhrase& o) { return o.begin <= p && p < o.end; }))
        out.push_back(b);
    }
  }
  // "per tablet", "par gelule", "/ Kapsel", "pour 2 gelules", "Six gelules ... renferment".
  for (size_t p = 0; p < f.size(); ++p) {
    const size_t len = UnitWordAt(f, p, vocab);
    if (!len) continue;
    size_t countStart = p;
    const double n = CountBefore(f, p, vocab, &countStart);
    size_t q = (n > 0 ? countStart : p);
    while (q > 0 && f[q - 1] == ' ') --q;
    bool prep = false;
    for (const char* w : {"per", "pour", "par", "pro", "je", "for", "in", "en", "voor", "each", "chaque", "elke", "/", "("}) {
      const size_t wl = std::char_traits<char>::length(w);
      if (q >= wl && f.compare(q - wl, wl, w) == 0 && (!IsAsciiAlpha(w[0]) || Boundary(f, q - wl))) prep = true;
    }
    const bool sentenceStart = n > 0 && (countStart == 0 || f.find_last_not_of(' ', countStart - 1) == std::string::npos ||
                                         f[f.find_last_not_of(' ', countStart - 1)] == '.');
    if (prep || sentenceStart) {
      const bool inDay = std::any_of(out.begin(), out.end(), [&](const BasisPhrase& o) {
        return o.basis == DoseBasis::PerDay && o.begin <= p && p < o.end;
      });
      if (!inDay) {
        const double units = n > 0 ? n : 1;
        out.push_back({units > 1 ? DoseBasis::PerUnits : DoseBasis::PerUnit, units, n > 0 ? countStart : p, p + len});
      }
    }
    p += len;
  }
  std::sort(out.begin(), out.end(), [](const BasisPhrase& a, const BasisPhrase& b) { return a.begin < b.begin; });
  return out;
}

// A directions sentence ("Neem 2 tot 3 capsules per dag"): a count of units followed by a
// daily word. Such a line tells how many units a day, it is not a header over a dose.
bool LooksLikeDirections(const std::string& f, const Vocabulary& vocab) {
  for (size_t p = 0; p < f.size(); ++p) {
    const size_t len = UnitWordAt(f, p, vocab);
    if (!len) continue;
    size_t cb = p;
    if (CountBefore(f, p, vocab, &cb) > 0 && FindAny(f, vocab.perDayWords, p + len, std::min(f.size(), p + len + 40)) != std::string::npos)
      return true;
    p += len;
  }
  return false;
}

// The owner of an amount: the nearest mention before it, or a "de magnésium" after it.
const Mention* OwnerOf(const LineInfo& li, const Quantity& q, bool* ownerAfter) {
  const std::string& f = li.ft.text;
  *ownerAfter = false;
  const Mention* left = nullptr;
  for (const auto& m : li.mentions)
    if (m.end <= q.begin) left = &m;
  // Connectors allowed between an amount and a name after it.
  size_t p = q.end;
  bool connector = false;
  for (int k = 0; k < 3; ++k) {
    while (p < f.size() && f[p] == ' ') ++p;
    bool advanced = false;
    for (const char* w : {"de ", "d'", "of ", "van ", "aan ", "an ", "elemental ", "elementair ", "elementaire ",
                          "reines ", "reinem ", "pure ", "zuiver "}) {
      const size_t wl = std::char_traits<char>::length(w);
      if (f.compare(p, wl, w) == 0) {
        p += wl;
        connector = advanced = true;
        break;
      }
    }
    if (!advanced) break;
  }
  while (p < f.size() && f[p] == ' ') ++p;
  for (const auto& m : li.mentions) {
    if (m.begin != p) continue;
    if ((m.kind == MentionKind::Magnesium || m.kind == MentionKind::Salt) && (connector || !left)) {
      *ownerAfter = true;
      return &m;
    }
  }
  return left;
}

bool HasElementalMarker(const std::string& f, size_t from, size_t to, const Vocabulary& vocab) {
  return FindAny(f, vocab.elementalMarkers, from, to) != std::string::npos;
}

// The amount value most often read (OCR may garble one copy); ties go to the larger value,
// which keeps the safety call conservative.
const MagnesiumAmount* Vote(const std::vector<const MagnesiumAmount*>& amounts) {
  const MagnesiumAmount* best = nullptr;
  size_t bestVotes = 0;
  for (const auto* a : amounts) {
    size_t votes = 0;
    for (const auto* b : amounts)
      if (std::abs(a->mg - b->mg) <= 0.02 * std::max(a->mg, b->mg)) ++votes;
    if (votes > bestVotes || (votes == bestVotes && best && a->mg > best->mg)) {
      best = a;
      bestVotes = votes;
    }
  }
  return best;
}

// A table row bent by a curved pack: the name ("Magnesium") and its amounts ("75 mg 75 mg")
// land on two lines. Amounts with no name on their line belong to the name on the line next to
// them that has a name and no amounts of its own; the closer one (by height) wins.
const Mention* OwnerOnNeighbourRow(const std::vector<LineInfo>& info, const std::vector<TextLine>& lines, size_t i) {
  if (!info[i].mentions.empty()) return nullptr;
  const Mention* best = nullptr;
  int bestDistance = 1 << 30;
  for (const size_t j : {i - 1, i + 1}) {
    if (j >= info.size()) continue;  // i - 1 wraps around for i == 0
    const LineInfo& n = info[j];
    if (n.mentions.empty() || !n.quantities.empty()) continue;
    const bool geometry = !lines[i].box.empty() && !lines[j].box.empty();
    // Without geometry only the line above is trusted (a name, then its amounts).
    const int distance = geometry ? std::abs(lines[i].box.centerY() - lines[j].box.centerY()) : (j < i ? 0 : 1 << 29);
    if (geometry && distance > 2 * std::max(lines[i].box.h, lines[j].box.h)) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = &n.mentions.back();
    }
  }
  return best;
}

}  // namespace

bool IsDoseOrDirectionsLine(const std::string& text, const Vocabulary& vocab) {
  const FoldedText ft = FoldForMatching(text);
  const std::string& f = ft.text;
  const bool digit = std::any_of(f.begin(), f.end(), IsAsciiDigit);
  if (digit && MentionsMagnesiumLoosely(f)) return true;
  if (FindAny(f, vocab.perDayWords, 0, f.size()) != std::string::npos) return true;
  for (size_t p = 0; p < f.size(); ++p)
    if (UnitWordAt(f, p, vocab)) return true;
  return false;
}

MagnesiumFacts ExtractMagnesium(const std::vector<TextLine>& lines, const Vocabulary& vocab,
                                const ExtractionLimits& limits) {
  MagnesiumFacts facts;
  std::vector<LineInfo> info(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    LineInfo& li = info[i];
    li.ft = FoldForMatching(lines[i].text);
    li.mentions = FindMentions(li.ft.text, vocab);
    li.quantities = FindQuantities(li.ft.text);
    li.percents = FindPercents(li.ft.text);
    li.phrases = FindBasisPhrases(li.ft.text, vocab);
  }

  // One evidence entry per line and role: the whole line, as a person would read it.
  auto evidence = [&](size_t line, const std::string& role) {
    for (const auto& e : facts.evidence)
      if (e.text == lines[line].text && e.role == role) return;
    facts.evidence.push_back({lines[line].text, lines[line].box, role});
  };

  // 1. Which magnesium compounds are named, and is magnesium an active ingredient at all?
  for (size_t i = 0; i < lines.size(); ++i) {
    for (const auto& m : info[i].mentions) {
      if (m.kind == MentionKind::Salt) {
        facts.present = true;
        if (std::find(facts.salts.begin(), facts.salts.end(), m.salt) == facts.salts.end()) {
          facts.salts.push_back(m.salt);
          evidence(i, "salt");
        }
      } else if (m.kind == MentionKind::Magnesium) {
        facts.present = true;
      }
    }
  }

  // 2. Every amount owned by magnesium, with whether it is elemental and what it is per.
  for (size_t i = 0; i < lines.size(); ++i) {
    LineInfo& li = info[i];
    const std::string& f = li.ft.text;
    for (size_t qi = 0; qi < li.quantities.size(); ++qi) {
      const Quantity& q = li.quantities[qi];
      bool after = false;
      const Mention* owner = OwnerOf(li, q, &after);
      if (!owner) owner = OwnerOnNeighbourRow(info, lines, i);
      if (!owner || (owner->kind != MentionKind::Magnesium && owner->kind != MentionKind::Salt)) continue;
      MagnesiumAmount a;
      a.mg = q.mg;
      a.line = static_cast<int>(i);
      const auto [ob, oe] = li.ft.OriginalRange(q.begin, q.end);
      a.begin = ob;
      a.end = oe;
      a.confidence = lines[i].MinConfidenceOf(ob, oe);
      if (owner->kind == MentionKind::Magnesium) {
        a.elemental = true;
      } else if (after) {
        a.elemental = false;
        a.salt = owner->salt;
      } else {
        // "Magnesium (as magnesium oxide) 100 mg": the salt names the form of an elemental amount.
        bool asForm = false;
        for (const auto& m : li.mentions) {
          if (m.kind != MentionKind::Magnesium || m.end > owner->begin || owner->begin - m.end > 24) continue;
          const std::string between = f.substr(m.end, owner->begin - m.end);
          for (const char* w : {"(", " as ", " als ", "sous forme", "in form", "en tant que", "under form"})
            if (between.find(w) != std::string::npos) asForm = true;
        }
        a.elemental = asForm || HasElementalMarker(f, owner->end, q.begin, vocab);
        if (!a.elemental) a.salt = owner->salt;
      }
      if (a.elemental && a.mg > limits.maxMgPerUnit * limits.maxUnitsPerDay) continue;
      // %RI printed after it on the same row, before the next amount.
      const size_t nextBegin = qi + 1 < li.quantities.size() ? li.quantities[qi + 1].begin : f.size();
      for (const auto& pc : li.percents)
        if (pc.begin >= q.end && pc.begin < nextBegin + 1) {
          a.percentRi = pc.value;
          break;
        }
      li.magnesiumQuantities.push_back(qi);
      facts.amounts.push_back(a);
    }
  }

  // 3. What each amount is per.
  auto phraseFor = [&](size_t lineIdx, size_t qBegin, size_t qEnd, size_t prevEnd,
                       size_t nextBegin) -> std::optional<BasisPhrase> {
    const LineInfo& li = info[lineIdx];
    // "90 mg / Kapsel", "375 mg per tablet": a per-unit phrase right after the amount describes it.
    for (const auto& ph : li.phrases)
      if (ph.begin >= qEnd && ph.begin < nextBegin && ph.begin <= qEnd + 30 && ph.basis != DoseBasis::PerDay)
        return ph;
    const BasisPhrase* before = nullptr;
    for (const auto& ph : li.phrases)
      if (ph.begin >= prevEnd && ph.end <= qBegin) before = &ph;
    if (before) return *before;
    for (const auto& ph : li.phrases)
      if (ph.begin >= qEnd && ph.begin < nextBegin) return ph;
    return std::nullopt;
  };
  for (auto& a : facts.amounts) {
    const size_t i = static_cast<size_t>(a.line);
    const LineInfo& li = info[i];
    // The amount's folded range and its neighbours on the line.
    size_t qb = 0, qe = 0, prevEnd = 0, nextBegin = li.ft.text.size();
    size_t rank = 0;  // position among the magnesium amounts of this row
    for (size_t k = 0; k < li.quantities.size(); ++k) {
      const auto [ob, oe] = li.ft.OriginalRange(li.quantities[k].begin, li.quantities[k].end);
      if (ob == a.begin && oe == a.end) {
        qb = li.quantities[k].begin;
        qe = li.quantities[k].end;
        prevEnd = k > 0 ? li.quantities[k - 1].end : 0;
        nextBegin = k + 1 < li.quantities.size() ? li.quantities[k + 1].begin : li.ft.text.size();
        for (size_t r = 0; r < li.magnesiumQuantities.size(); ++r)
          if (li.magnesiumQuantities[r] == k) rank = r;
      }
    }
    std::optional<BasisPhrase> ph = phraseFor(i, qb, qe, prevEnd, nextBegin);
    // Anywhere earlier on the line ("Per tablet: magnesiumcitraat 1160 mg, waarvan ... 187,5 mg").
    if (!ph)
      for (const auto& p : li.phrases)
        if (p.end <= qb) ph = p;
    // A table header above: map the row's amounts to its columns. A header has no amounts
    // and is not a directions sentence; the search stops at the first line with a dose.
    if (!ph) {
      for (size_t up = 1; up <= 8 && up <= i; ++up) {
        const LineInfo& h = info[i - up];
        if (!h.magnesiumQuantities.empty()) break;
        if (h.phrases.empty() || !h.quantities.empty() || LooksLikeDirections(h.ft.text, vocab)) continue;
        const bool geometry = !lines[i].box.empty() && !lines[i - up].box.empty();
        if (geometry && h.phrases.size() >= 2) {
          const Box qbox = lines[i].BoxOf(a.begin, a.end);
          const BasisPhrase* nearest = nullptr;
          int bestDx = 1 << 30;
          for (const auto& hp : h.phrases) {
            const auto [hb, he] = h.ft.OriginalRange(hp.begin, hp.end);
            const Box pb = lines[i - up].BoxOf(hb, he);
            const int dx = std::abs((pb.x + pb.w / 2) - (qbox.x + qbox.w / 2));
            if (!pb.empty() && dx < bestDx) {
              bestDx = dx;
              nearest = &hp;
            }
          }
          if (nearest) ph = *nearest;
        } else if (h.phrases.size() >= 2 && li.magnesiumQuantities.size() >= 2) {
          ph = h.phrases[std::min(rank, h.phrases.size() - 1)];
        } else {
          ph = h.phrases.back();
        }
        if (ph) break;
      }
    }
    // A line below ("Pour un comprimé pelliculé.") for a block of amounts above it.
    if (!ph) {
      for (size_t down = 1; down <= 3 && i + down < lines.size(); ++down) {
        const LineInfo& b = info[i + down];
        if (!b.quantities.empty()) break;
        if (!b.phrases.empty() && b.phrases.front().basis != DoseBasis::PerDay) {
          ph = b.phrases.front();
          break;
        }
      }
    }
    if (ph) {
      a.basis = ph->basis;
      a.units = ph->units;
    }
  }

  // 4. Units per day from the directions.
  const auto directions = FindUnitsPerDay(lines, vocab);

  // 5. Choose: declared elemental amounts first, salt mass only when nothing else is printed.
  std::vector<const MagnesiumAmount*> perUnit, perDay, perUnitSalt, perDaySalt;
  for (const auto& a : facts.amounts) {
    const bool day = a.basis == DoseBasis::PerDay;
    if (a.elemental) {
      if (!day && a.mg / std::max(1.0, a.basis == DoseBasis::PerUnits ? a.units : 1.0) > limits.maxMgPerUnit) continue;
      (day ? perDay : perUnit).push_back(&a);
    } else {
      (day ? perDaySalt : perUnitSalt).push_back(&a);
    }
  }
  const bool declared = !perUnit.empty() || !perDay.empty();
  const auto& unitList = declared ? perUnit : perUnitSalt;
  const auto& dayList = declared ? perDay : perDaySalt;
  const MagnesiumAmount* unitAmount = Vote(unitList);
  const MagnesiumAmount* dayAmount = Vote(dayList);
  if (!unitAmount && !dayAmount) {
    if (directions) {
      facts.unitsPerDay = directions->units;
      facts.evidence.push_back({lines[static_cast<size_t>(directions->line)].text,
                                lines[static_cast<size_t>(directions->line)].box, "units_per_day"});
    }
    return facts;
  }
  facts.present = true;

  // Elemental fraction (1 for declared amounts; the salt's range otherwise).
  double fmin = 1, fmax = 1;
  if (!declared) {
    const MagnesiumAmount* any = unitAmount ? unitAmount : dayAmount;
    const SaltInfo* salt = vocab.Salt(any->salt);
    fmin = salt ? salt->fractionMin : 0;
    fmax = salt ? salt->fractionMax : 0;
    if (fmax <= 0) return facts;
    if (std::find(facts.salts.begin(), facts.salts.end(), any->salt) == facts.salts.end())
      facts.salts.push_back(any->salt);
  }
  facts.basis = declared ? "declared" : "from_salt_mass";

  std::optional<double> units;
  if (directions) units = directions->units;
  if (!units && dayAmount && dayAmount->units > 0) units = dayAmount->units;
  if (!units && unitAmount && unitAmount->basis == DoseBasis::PerUnits) units = unitAmount->units;
  std::optional<double> perUnitMg;
  if (unitAmount) perUnitMg = unitAmount->mg / (unitAmount->basis == DoseBasis::PerUnits ? unitAmount->units : 1.0);
  if (!units && perUnitMg && dayAmount && *perUnitMg > 0) {
    const double ratio = dayAmount->mg / *perUnitMg;
    if (std::abs(ratio - std::round(ratio)) < 0.05 && ratio >= 1) units = std::round(ratio);
  }
  if (units && *units > limits.maxUnitsPerDay) units.reset();
  if (!perUnitMg && dayAmount && units && *units > 0) perUnitMg = dayAmount->mg / *units;

  std::optional<double> perDayMg;
  if (dayAmount)
    perDayMg = dayAmount->mg;
  else if (perUnitMg && units)
    perDayMg = *perUnitMg * *units;

  if (perUnitMg) facts.mgPerUnit = *perUnitMg * fmax;
  facts.unitsPerDay = units;
  if (perDayMg) {
    facts.mgPerDay = *perDayMg * fmax;
    facts.mgPerDayRange = std::pair(*perDayMg * fmin, *perDayMg * fmax);
  }

  for (const auto* a : {unitAmount, dayAmount})
    if (a) evidence(static_cast<size_t>(a->line), "dose");
  if (directions)
    facts.evidence.push_back({lines[static_cast<size_t>(directions->line)].text,
                              lines[static_cast<size_t>(directions->line)].box, "units_per_day"});

  // 6. A printed %RI that contradicts the amount it stands next to.
  for (const auto* a : {dayAmount, unitAmount}) {
    if (!a || !a->percentRi || !declared) continue;
    const double expected = a->mg / limits.referenceIntakeMg * 100.0;
    const double tol = std::max(limits.riTolerancePoints, limits.riToleranceRelative * expected);
    if (std::abs(*a->percentRi - expected) > tol) facts.riMismatch = std::pair(*a->percentRi, a->mg);
    break;
  }
  return facts;
}

}  // namespace suppcheck
