#include "suppcheck/extract/number_reads_agreement.h"

#include <algorithm>
#include <map>

#include "suppcheck/util/text.h"

namespace suppcheck {

namespace {

// The winner must have at least this many reads and more than this many times the rival's.
constexpr int kMinVotes = 2;
constexpr int kMargin = 2;

// True when `full` is `part` with more categories before it: "NUT/PL 8420/5" for "PL 8420/5".
bool ExtendsAtStart(const std::string& full, const std::string& part) {
  return full.size() > part.size() + 1 && full.compare(full.size() - part.size(), part.size(), part) == 0 &&
         full[full.size() - part.size() - 1] == '/';
}

// A read that began inside the categories (`startCut`) cannot tell which categories the number
// has: it backs the one whole read it is the end of, and is no number by itself.
void AddCutReads(const std::vector<NumberFinding>& reads, std::map<std::string, int>& votes) {
  std::map<std::string, int> backing;
  for (const auto& r : reads) {
    if (!r.startCut || r.number.status != NumberStatus::Valid) continue;
    std::string whole;
    int wholes = 0;
    for (const auto& [key, v] : votes)
      if (v > 0 && ExtendsAtStart(key, r.number.canonical)) {
        whole = key;
        ++wholes;
      }
    if (wholes == 1) ++backing[whole];
  }
  for (const auto& [key, v] : backing) votes[key] += v;
}

// "AS 409542" for "AS 409/542": producer and product run together, every category known. A
// printed number always has its slash, and a thin slash is what blur and dim light lose first
// (hard-0016, seed 70701, white on colour with motion blur: all reads lost it). Such a read
// is no evidence that the printed number is wrong.
bool SlashLost(const NumberFinding& read) {
  const NotificationNumber& n = read.number;
  if (n.status != NumberStatus::Invalid || !read.categoryAnchored || !n.producer || n.product) return false;
  const std::string& digits = *n.producer;
  return digits.size() >= 2 && digits.size() <= 8 && std::all_of(digits.begin(), digits.end(), IsAsciiDigit) &&
         !n.HasProblem(NumberProblemKind::Category);
}

// "NUT 3 /": the categories, the producer and the slash, then nothing. On a photo the product's
// digits were lost, not left unprinted: the label ran off the image edge (seed 93001 clean-0010, a
// turned side panel cut at the top) or they were squeezed on a curve. No evidence of a wrong number.
bool ProductLost(const NumberFinding& read) {
  const NotificationNumber& n = read.number;
  return n.status == NumberStatus::Invalid && read.categoryAnchored && n.producer && !n.product &&
         !n.HasProblem(NumberProblemKind::Category) && n.text.find('/') != std::string::npos &&
         n.text.find_last_not_of(" /") < n.text.rfind('/');
}

// The key of a read whose product's digits OCR split with a space ("NUT/PL 5349/931 13"), the
// digits joined: "invalid:NUT/PL5349/93113".
std::string JoinedKey(const NumberFinding& read) {
  const NotificationNumber& n = read.number;
  NumberFinding joined = read;
  joined.digitsAfter.clear();
  joined.number = ParseNotificationNumber((n.valid() ? n.canonical : n.text) + read.digitsAfter);
  joined.number.text = (n.valid() ? n.canonical : n.text) + read.digitsAfter;
  return AgreementKey(joined);
}

}  // namespace

std::string AgreementKey(const NumberFinding& read) {
  const NotificationNumber& n = read.number;
  if (n.status == NumberStatus::Valid) return n.canonical;
  if (n.status != NumberStatus::Invalid) return {};
  // A label with words after it but no category ("N° de notification : en cours"): invalid when
  // reads agree on those words; a label with nothing after it is a number the photo lost.
  const bool labelOnly = !read.categoryAnchored;
  if (labelOnly && (n.problems.empty() || n.HasProblem(NumberProblemKind::LabelOnly))) return {};
  if (!labelOnly && (!n.producer || SlashLost(read) || ProductLost(read))) return {};
  std::string key = "invalid:";
  for (char c : AsciiUpper(read.number.text))
    if (c != ' ') key += c;
  return key;
}

NumberAgreement AgreeOnNumber(const std::vector<NumberFinding>& reads) {
  NumberAgreement a;
  std::map<std::string, int> votes;
  const NumberFinding* anything = nullptr;  // the first read that found something number-like
  bool cut = false;
  for (const auto& r : reads) {
    if (r.number.status == NumberStatus::Missing) continue;
    ++a.reads;
    if (!anything) anything = &r;
    cut |= r.startCut;
    const std::string key = r.startCut || !r.digitsAfter.empty() || r.endGarbled ? std::string() : AgreementKey(r);
    if (!key.empty()) ++votes[key];
  }
  if (!anything) return a;  // Missing
  // A read whose product's digits may have been split by a space ("5349/931 13") backs the
  // digits joined when another read gave them so; otherwise it says neither number and stands
  // against whichever wins (five such reads must not make "5349/931" valid).
  int splitReads = 0;
  std::vector<std::string> splitSeen;
  {
    std::map<std::string, int> joinedVotes;
    for (const auto& r : reads) {
      if (r.number.status == NumberStatus::Missing || r.startCut || r.digitsAfter.empty()) continue;
      if (const std::string key = JoinedKey(r); !key.empty() && votes.count(key)) {
        ++joinedVotes[key];
      } else {
        ++splitReads;
        splitSeen.push_back(r.number.text + " " + r.digitsAfter);
      }
    }
    for (const auto& [key, v] : joinedVotes) votes[key] += v;
  }
  // A read whose product's digits run into a '%' ("208/452%" for "208/45296") says neither
  // number either, and stands against whichever wins: three such reads agreeing made a wrong
  // number valid.
  for (const auto& r : reads)
    if (r.number.status != NumberStatus::Missing && r.endGarbled) {
      ++splitReads;
      splitSeen.push_back(r.number.text);
    }
  AddCutReads(reads, votes);
  std::string best;
  for (const auto& [key, v] : votes)
    if (v > a.votes || (v == a.votes && key < best)) {
      best = key;
      a.votes = v;
    }
  for (const auto& [key, v] : votes)
    if (key != best) a.rivals = std::max(a.rivals, v);
  a.rivals = std::max(a.rivals, splitReads);

  if (!best.empty() && a.votes >= kMinVotes && a.votes > kMargin * a.rivals) {
    // The first read that gave the winner carries its box and text; its confidence rises with
    // the share of reads that agree.
    for (const auto& r : reads)
      if (!r.startCut && r.digitsAfter.empty() && !r.endGarbled && AgreementKey(r) == best) {
        a.finding = r;
        break;
      }
    a.finding.confidence = std::min(1.0, std::max(a.finding.confidence, 0.5 + 0.5 * a.votes / std::max(1, a.reads)));
    return a;
  }

  // Number-like text that the reads do not settle: unreadable, with what was read for a person
  // to compare, never a number.
  a.finding = *anything;
  for (const auto& r : reads)  // prefer a read with digits to show
    if (r.number.producer && r.categoryAnchored) {
      a.finding = r;
      break;
    }
  NotificationNumber& n = a.finding.number;
  n.status = NumberStatus::Unreadable;
  n.canonical.clear();
  std::vector<std::string> seen;
  for (const auto& [key, v] : votes) seen.push_back(key.rfind("invalid:", 0) == 0 ? key.substr(8) : key);
  for (const auto& s : splitSeen)
    if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);
  std::string problem = "the number could not be read with confidence";
  if (seen.size() > 1) {
    problem += ": reads of the line disagree (";
    for (size_t i = 0; i < seen.size() && i < 4; ++i) problem += (i ? ", " : "") + ("'" + seen[i] + "'");
    problem += ")";
  } else if (votes.empty() && std::any_of(reads.begin(), reads.end(), SlashLost)) {
    problem += ": the slash between the producer's and the product's digits was not read";
  } else if (votes.empty() && std::any_of(reads.begin(), reads.end(), ProductLost)) {
    problem += ": nothing was read after the slash (the product's digits may be cut off by the photo's edge)";
  } else if (votes.empty() && std::any_of(reads.begin(), reads.end(), [](const NumberFinding& r) { return r.endGarbled; })) {
    problem += ": the product's last digits read as a per cent sign";
  } else if (votes.empty() && cut) {
    problem += ": the text before it looks cut off (a category may be missing)";
  } else if (a.votes < kMinVotes) {
    problem += ": only one read of the line found it";
  }
  n.SetProblem(NumberProblemKind::Uncertain, problem);
  a.finding.confidence = 0;
  return a;
}

bool AgreementSettled(const NumberAgreement& a) { return a.votes >= 3 && a.rivals == 0; }

}  // namespace suppcheck
