#include "suppcheck/extract/nutrient_names.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "suppcheck/extract/folded_text.h"
#include "suppcheck/util/edit_distance.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

struct Token {
  size_t begin = 0, end = 0;
  std::string text;
};

bool IsAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

std::vector<Token> Tokens(std::string_view f) {
  std::vector<Token> out;
  for (size_t p = 0; p < f.size();) {
    if (!IsAlnum(f[p])) {
      ++p;
      continue;
    }
    size_t e = p;
    while (e < f.size() && IsAlnum(f[e])) ++e;
    out.push_back({p, e, std::string(f.substr(p, e - p))});
    p = e;
  }
  return out;
}

// Two tokens belong to one name when only a space, a hyphen, a dot or an apostrophe stands
// between them ("beta-carotene", "vit. C", "d'alpha"): a column bar or a number does not join.
bool Joined(std::string_view f, const Token& a, const Token& b) {
  if (b.begin - a.end > 3) return false;
  for (size_t p = a.end; p < b.begin; ++p)
    if (f[p] != ' ' && f[p] != '-' && f[p] != '.' && f[p] != '\'') return false;
  return true;
}

std::string Key(const std::string& name) {
  std::string k;
  for (char c : FoldForMatching(name).text)
    if (IsAlnum(c)) k += c;
  return k;
}

std::vector<std::string> FoldedWords(const nlohmann::json& a) {
  std::vector<std::string> out;
  if (a.is_array())
    for (const auto& w : a)
      if (w.is_string()) out.push_back(FoldForMatching(w.get<std::string>()).text);
  return out;
}

int EditBudget(size_t letters, size_t oneEdit, size_t twoEdits) {
  return letters >= twoEdits ? 2 : letters >= oneEdit ? 1 : 0;
}

}  // namespace

Expected<NutrientNameIndex> NutrientNameIndex::Load(const std::filesystem::path& modelsDir,
                                                    const NutrientLimits& limits) {
  const auto path = modelsDir / "nutrient_words.json";
  std::ifstream in(path);
  if (!in) return MakeError("missing_models", "cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  auto index = Build(text.str(), limits);
  if (!index) return MakeError("missing_models", path.string() + ": " + index.error().message);
  return index;
}

Expected<NutrientNameIndex> NutrientNameIndex::Build(const std::string& wordsJson, const NutrientLimits& limits) {
  const auto j = nlohmann::json::parse(wordsJson, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return MakeError("missing_models", "not valid JSON");
  NutrientNameIndex x;
  try {
    x.vitaminWords_ = FoldedWords(j.at("vitamin_words").at("words"));
    for (const auto& [from, to] : j.at("code_aliases").at("values").items()) x.codeAliases_[from] = to.get<std::string>();
    x.oneEdit_ = j.at("fuzzy").at("min_letters_one_edit").get<size_t>();
    x.twoEdits_ = j.at("fuzzy").at("min_letters_two_edits").get<size_t>();
    for (const auto& [from, to] : j.at("initial_lookalikes").at("values").items()) {
      const std::string t = to.get<std::string>();
      if (from.size() == 1 && t.size() == 1) x.initialLookalikes_[from[0]] = t[0];
    }
    const auto& stray = j.at("stray_initials");
    x.strayInitials_ = stray.at("letters").get<std::string>();
    x.lostInitialGlyphs_ = stray.at("glyphs_for_a_lost_i").get<std::string>();
    x.strayInitialMinLetters_ = stray.at("min_letters").get<size_t>();
    const auto& bracketed = j.at("name_before_bracketed_form");
    x.bracketedMinLetters_ = bracketed.at("min_letters").get<size_t>();
    x.bracketedEdits_ = bracketed.at("edits_per_letters").at(0).get<size_t>();
    x.bracketedPerLetters_ = bracketed.at("edits_per_letters").at(1).get<size_t>();
    x.bracketedStrayLetters_ = bracketed.at("stray_leading_letters").get<size_t>();
    if (x.bracketedPerLetters_ == 0) return MakeError("missing_models", "name_before_bracketed_form: edits_per_letters[1] is 0");
    x.iuWords_ = FoldedWords(j.at("iu_words").at("words"));
    x.dfeWords_ = FoldedWords(j.at("dfe_words").at("words"));
    x.ocrMicrogramWords_ = FoldedWords(j.at("ocr_microgram_spellings").at("words"));
    x.referenceIntakeWords_ = FoldedWords(j.at("percent_of_what").at("eu_reference_intake"));
    x.dailyValueWords_ = FoldedWords(j.at("percent_of_what").at("us_daily_value"));
  } catch (const nlohmann::json::exception& e) {
    return MakeError("missing_models", std::string("a key is missing or of the wrong type (") + e.what() + ")");
  }
  if (x.vitaminWords_.empty()) return MakeError("missing_models", "vitamin_words.words is empty");

  auto add = [&](const std::string& name, const std::string& nutrient, const std::string& form) {
    Entry e;
    e.key = Key(name);
    if (e.key.empty()) return;
    e.nutrientId = nutrient;
    e.formId = form;
    // "vitamin b6": a vitamin word and a short code.
    const std::string folded = FoldForMatching(name).text;
    const auto toks = Tokens(folded);
    e.endsInCode = form.empty() && toks.size() >= 2 && toks.back().text.size() <= 3;
    if (form.empty() && toks.size() == 2 && toks[1].text.size() <= 3 &&
        std::find(x.vitaminWords_.begin(), x.vitaminWords_.end(), toks[0].text) != x.vitaminWords_.end()) {
      e.stem = toks[0].text;
      e.code = toks[1].text;
      x.codeToNutrient_[e.code] = nutrient;
    }
    for (const auto& o : x.entries_)
      if (o.key == e.key && o.nutrientId == e.nutrientId && o.formId == e.formId) return;
    x.entries_.push_back(std::move(e));
  };
  // OCR reads the two dots of a German umlaut and the letter under them as "ii" or "i"
  // ("Molybdiin" for "Molybdän", seed 29717 multivitamin-phone-0023; "Nicotinsiiure" and
  // "Nicotinsiure" for "Nicotinsäure", seed 91357 multivitamin-phone-0031): two edits from a name
  // of eight letters, beyond what it may have, and forms are matched exactly. Both are spellings
  // of their own.
  auto addWithUmlautsRead = [&](const std::string& name, const std::string& nutrient, const std::string& form) {
    add(name, nutrient, form);
    for (const char* read : {"ii", "i"}) {
      std::string spelled = name;
      for (const char* umlaut : {"\u00e4", "\u00fc", "\u00c4", "\u00dc"})
        for (size_t p = spelled.find(umlaut); p != std::string::npos; p = spelled.find(umlaut, p))
          spelled.replace(p, 2, read);
      if (spelled != name) add(spelled, nutrient, form);
    }
  };
  for (const Nutrient& n : limits.All()) {
    for (const auto& [lang, names] : n.names)
      for (const auto& name : names) addWithUmlautsRead(name, n.id, "");
    for (const NutrientForm& f : n.forms)
      for (const auto& [lang, names] : f.names)
        for (const auto& name : names) addWithUmlautsRead(name, n.id, f.id);
  }
  // An alias that is itself a real code is never used ("b8" is biotin in French and Dutch).
  for (auto it = x.codeAliases_.begin(); it != x.codeAliases_.end();)
    it = x.codeToNutrient_.count(it->first) ? x.codeAliases_.erase(it) : std::next(it);
  // Longest first; a form before a name of the same spelling ("folic acid" is folate's name and
  // the form folic_acid; "nicotinamide" niacin's name and a form with its own upper level).
  std::stable_sort(x.entries_.begin(), x.entries_.end(), [](const Entry& a, const Entry& b) {
    if (a.key.size() != b.key.size()) return a.key.size() > b.key.size();
    return !a.formId.empty() && b.formId.empty();
  });
  return x;
}

namespace {

// "Vitamine D 3,8 µg": the "3" is the start of the amount, not the code of "D3". A name's last
// token of digits followed by a decimal separator and a digit is no part of the name.
bool NumberContinues(const std::string& f, const Token& last) {
  if (last.text.empty() || !std::all_of(last.text.begin(), last.text.end(), [](char c) { return IsAsciiDigit(c); }))
    return false;
  return last.end + 1 < f.size() && (f[last.end] == ',' || f[last.end] == '.') && IsAsciiDigit(f[last.end + 1]);
}

}  // namespace

// Finds the names of one folded line for NutrientNameIndex::Find, token by token: at each token
// that starts with a letter, the first of these steps that matches takes the tokens it spells.
class NameSpotter {
 public:
  NameSpotter(const NutrientNameIndex& index, const std::string& f) : x_(index), f_(f), toks_(Tokens(f)) {}

  std::vector<NutrientNameMatch> All() {
    for (size_t i = 0; i < toks_.size();) {
      if (!IsAsciiAlpha(toks_[i].text[0])) {
        ++i;
        continue;
      }
      const Run run = GlueFrom(i);
      std::optional<size_t> next = Exact(run, run.glued, false);
      if (!next) next = ExactWithInitialSwapped(run);
      if (!next) next = ExactAfterStrayInitial(run);
      if (!next) next = ExactWithLostInitial(run);
      if (!next) next = VitaminAndCode(i);
      if (!next) next = VitaminGluedToCode(i);
      if (!next) next = DamagedName(run);
      i = next ? *next : i + 1;
    }
    NamesBeforeBracketedForms();
    return std::move(out_);
  }

 private:
  // The tokens from `first` glued together, with the lengths at which a token ends.
  struct Run {
    size_t first = 0;
    std::string glued;
    std::vector<std::pair<size_t, size_t>> ends;  ///< (glued length, last token)
  };

  Run GlueFrom(size_t i) const {
    Run run{i, toks_[i].text, {{toks_[i].text.size(), i}}};
    for (size_t k = i + 1; k < toks_.size() && k < i + 6 && run.glued.size() < 48 && Joined(f_, toks_[k - 1], toks_[k]);
         ++k) {
      run.glued += toks_[k].text;
      run.ends.push_back({run.glued.size(), k});
    }
    return run;
  }

  static long LastTokenAt(const Run& run, size_t len) {
    for (const auto& [l, k] : run.ends)
      if (l == len) return static_cast<long>(k);
    return -1;
  }

  bool IsVitaminWord(const std::string& t, bool allowDamage) const {
    for (const auto& w : x_.vitaminWords_) {
      if (t == w) return true;
      if (allowDamage && w.size() >= x_.oneEdit_ && t.size() + 1 >= w.size() && EditDistance(t, w) <= 1) return true;
    }
    return false;
  }

  std::string CodeNutrient(const std::string& code) const {
    if (auto it = x_.codeToNutrient_.find(code); it != x_.codeToNutrient_.end()) return it->second;
    if (auto it = x_.codeAliases_.find(code); it != x_.codeAliases_.end())
      if (auto n = x_.codeToNutrient_.find(it->second); n != x_.codeToNutrient_.end()) return n->second;
    return {};
  }

  // Exact names, longest first. Returns the token after the name.
  std::optional<size_t> Exact(const Run& run, const std::string& spelled, bool damaged) {
    const size_t i = run.first;
    for (const auto& e : x_.entries_) {
      if (e.key.size() > spelled.size() || spelled.compare(0, e.key.size(), e.key) != 0) continue;
      const long last = LastTokenAt(run, e.key.size());
      if (last < 0 || NumberContinues(f_, toks_[static_cast<size_t>(last)])) continue;
      // "Vitamine Bll": the German "Vitamin E" glued is the Dutch and French word "vitamine";
      // a vitamin word alone names no vitamin (its code was not read).
      if (!e.stem.empty() && static_cast<size_t>(last) == i && IsVitaminWord(toks_[i].text, false)) continue;
      // "Vita in B12": one word spelling a name that ends in a code ("vit. A" glued: "vita") is a
      // vitamin word cut short when another vitamin's code follows it; that code names the vitamin.
      if (e.endsInCode && static_cast<size_t>(last) == i && i + 1 < toks_.size()) {
        const std::string coded = CodeAfter(i + 1);
        if (!coded.empty() && coded != e.nutrientId) continue;
      }
      out_.push_back({e.nutrientId, e.formId, toks_[i].begin, toks_[static_cast<size_t>(last)].end, damaged});
      return static_cast<size_t>(last) + 1;
    }
    return std::nullopt;
  }

  // The vitamin whose code ("b12", "d3") stands at token `k` or the one after it ("Vita in B12").
  std::string CodeAfter(size_t k) const {
    for (size_t j = k; j < toks_.size() && j <= k + 1; ++j)
      if (std::string id = CodeNutrient(toks_[j].text); !id.empty()) return id;
    return {};
  }

  // With the first letter OCR confuses swapped ("lron"), when that spells a name exactly.
  std::optional<size_t> ExactWithInitialSwapped(const Run& run) {
    const auto swap = x_.initialLookalikes_.find(run.glued[0]);
    if (swap == x_.initialLookalikes_.end()) return std::nullopt;
    std::string swapped = run.glued;
    swapped[0] = swap->second;
    return Exact(run, swapped, true);
  }

  // `run` with `drop` letters taken off its front (drop = 1) or `add` put before it: the same
  // tokens, the glued lengths moved.
  static Run Shifted(const Run& run, const std::string& glued, long shift) {
    Run s{run.first, glued, {}};
    for (const auto& [len, last] : run.ends)
      if (static_cast<long>(len) + shift > 0) s.ends.push_back({static_cast<size_t>(static_cast<long>(len) + shift), last});
    return s;
  }

  // A table rule or a capital I read as a letter glued before the name ("jJod" for "| Jod",
  // "llode" for "| Iode"): the name exactly without that letter, or with its own first letter
  // swapped as ExactWithInitialSwapped does. Only a letter of `rule_initials`, and only names of
  // `min_letters` or more.
  std::optional<size_t> ExactAfterStrayInitial(const Run& run) {
    const std::string& g = run.glued;
    if (g.size() < 1 + x_.strayInitialMinLetters_ ||
        x_.strayInitials_.find(g[0]) == std::string::npos || !IsAsciiAlpha(g[1]))
      return std::nullopt;
    Run rest = Shifted(run, g.substr(1), -1);
    if (auto next = Exact(rest, rest.glued, true)) return next;
    const auto swap = x_.initialLookalikes_.find(rest.glued[0]);
    if (swap == x_.initialLookalikes_.end()) return std::nullopt;
    rest.glued[0] = swap->second;
    return Exact(rest, rest.glued, true);
  }

  // A capital I read as a rule glyph right before the rest of the name ("\jzer" for "Ijzer"): the
  // name exactly with the I put back, only after one of `lost_initial_glyphs` and only for names
  // of `min_letters` or more besides the I.
  std::optional<size_t> ExactWithLostInitial(const Run& run) {
    const size_t begin = toks_[run.first].begin;
    if (begin == 0 || x_.lostInitialGlyphs_.find(f_[begin - 1]) == std::string::npos ||
        run.glued.size() < x_.strayInitialMinLetters_)
      return std::nullopt;
    const Run whole = Shifted(run, "i" + run.glued, 1);
    return Exact(whole, whole.glued, true);
  }

  // A vitamin word (perhaps damaged) and its code in the next token; the code only as printed
  // or as a known OCR alias.
  std::optional<size_t> VitaminAndCode(size_t i) {
    if (!IsVitaminWord(toks_[i].text, true) || i + 1 >= toks_.size() || !Joined(f_, toks_[i], toks_[i + 1]) ||
        NumberContinues(f_, toks_[i + 1]))
      return std::nullopt;
    const std::string id = CodeNutrient(toks_[i + 1].text);
    if (id.empty()) return std::nullopt;
    out_.push_back({id, "", toks_[i].begin, toks_[i + 1].end, true});
    return i + 2;
  }

  // The code glued to the vitamin word ("viaminA"); a vitamin word alone or its plural is none.
  std::optional<size_t> VitaminGluedToCode(size_t i) {
    const std::string& t = toks_[i].text;
    if (IsVitaminWord(t, false) || (t.size() > 1 && t.back() == 's' && IsVitaminWord(t.substr(0, t.size() - 1), false)))
      return std::nullopt;
    std::string id;
    for (size_t codeLen = 1; codeLen <= 3 && codeLen + 3 <= t.size() && id.empty(); ++codeLen) {
      const std::string stem = t.substr(0, t.size() - codeLen);
      if (stem.size() >= 5 && IsVitaminWord(stem, true)) id = CodeNutrient(t.substr(t.size() - codeLen));
    }
    if (id.empty()) return std::nullopt;
    out_.push_back({id, "", toks_[i].begin, toks_[i].end, true});
    return i + 1;
  }

  // A nutrient's own name of one or two words, OCR-damaged ("lodine", "Nacin", "Biotn").
  std::optional<size_t> DamagedName(const Run& run) {
    const size_t i = run.first;
    const NutrientNameIndex::Entry* best = nullptr;
    size_t bestLast = i;
    int bestDistance = 3;
    for (const auto& e : x_.entries_) {
      if (!e.formId.empty() || !e.stem.empty()) continue;
      const int budget = EditBudget(e.key.size(), x_.oneEdit_, x_.twoEdits_);
      if (budget == 0) continue;
      for (const auto& [len, last] : run.ends) {
        if (last > i + 1) break;
        if (len + static_cast<size_t>(budget) < e.key.size() || len > e.key.size() + static_cast<size_t>(budget)) continue;
        const int d = EditDistance(std::string_view(run.glued).substr(0, len), e.key);
        if (d <= budget && d < bestDistance) {
          best = &e;
          bestLast = last;
          bestDistance = d;
        }
      }
    }
    if (!best) return std::nullopt;
    out_.push_back({best->nutrientId, "", toks_[i].begin, toks_[bestLast].end, true});
    return bestLast + 1;
  }

  // "Mtiolybdeéne (molybdate de sodium) 150 pg": a form in brackets whose nutrient's name before
  // it OCR damaged beyond DamagedName's tolerance, often with the table's border glued to its
  // front. The word (or two joined words) right before the bracket, named by nothing, is the
  // form's nutrient's own name when close to one of its names of name_before_bracketed_form's
  // min_letters or more, after up to stray_leading_letters letters dropped from its front.
  void NamesBeforeBracketedForms() {
    std::vector<NutrientNameMatch> added;
    for (size_t mi = 0; mi < out_.size(); ++mi) {
      const NutrientNameMatch& form = out_[mi];
      if (form.formId.empty()) continue;
      size_t p = form.begin;
      while (p > 0 && f_[p - 1] == ' ') --p;
      if (p == 0 || (f_[p - 1] != '(' && f_[p - 1] != '{' && f_[p - 1] != '[')) continue;
      --p;
      while (p > 0 && f_[p - 1] == ' ') --p;
      // The token ending right before the bracket, and the one joined before it.
      long last = -1;
      for (size_t k = 0; k < toks_.size(); ++k)
        if (toks_[k].end == p) last = static_cast<long>(k);
      if (last < 0) continue;
      const size_t previousEnd = mi > 0 ? out_[mi - 1].end : 0;
      const size_t lk = static_cast<size_t>(last);
      if (toks_[lk].begin < previousEnd) continue;
      std::vector<size_t> firsts{lk};
      if (lk > 0 && toks_[lk - 1].begin >= previousEnd && Joined(f_, toks_[lk - 1], toks_[lk])) firsts.push_back(lk - 1);
      for (size_t first : firsts) {
        std::string glued;
        for (size_t k = first; k <= lk; ++k) glued += toks_[k].text;
        if (CloseToOwnName(glued, form.nutrientId)) {
          added.push_back({form.nutrientId, "", toks_[first].begin, toks_[lk].end, true});
          break;
        }
      }
    }
    if (added.empty()) return;
    out_.insert(out_.end(), added.begin(), added.end());
    std::sort(out_.begin(), out_.end(), [](const NutrientNameMatch& a, const NutrientNameMatch& b) { return a.begin < b.begin; });
  }

  bool CloseToOwnName(const std::string& word, const std::string& nutrientId) const {
    if (word.empty() || !IsAsciiAlpha(word.back())) return false;
    for (const auto& e : x_.entries_) {
      if (e.nutrientId != nutrientId || !e.formId.empty() || e.key.size() < x_.bracketedMinLetters_) continue;
      const size_t budget = std::max<size_t>(1, e.key.size() * x_.bracketedEdits_ / x_.bracketedPerLetters_);
      for (size_t drop = 0; drop <= x_.bracketedStrayLetters_ && drop < word.size(); ++drop) {
        const std::string_view rest = std::string_view(word).substr(drop);
        if (rest.size() + budget < e.key.size() || rest.size() > e.key.size() + budget) continue;
        if (static_cast<size_t>(EditDistance(rest, e.key)) <= budget) return true;
      }
    }
    return false;
  }

  const NutrientNameIndex& x_;
  const std::string& f_;
  std::vector<Token> toks_;
  std::vector<NutrientNameMatch> out_;
};

std::vector<NutrientNameMatch> NutrientNameIndex::Find(const std::string& f) const { return NameSpotter(*this, f).All(); }

}  // namespace suppcheck
