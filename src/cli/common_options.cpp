#include "cli/common_options.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "suppcheck/registry/open_registry.h"
#include "suppcheck/registry/answer_cache.h"

namespace suppcheck::cli {

// The option groups of AddCommonOptions.
void AddRegistryOptions(CLI::App& cmd, CommonOptions& o);
void AddProfileOptions(CLI::App& cmd, CommonOptions& o);

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Format CommonOptions::ResolvedFormat() const {
  if (format == "text") return Format::Text;
  if (format == "json") return Format::Json;
  if (format == "jsonl") return Format::Jsonl;
  if (format == "csv") return Format::Csv;
  if (!out.empty()) {
    if (EndsWith(out, ".jsonl") || EndsWith(out, ".ndjson")) return Format::Jsonl;
    if (EndsWith(out, ".json")) return Format::Json;
    if (EndsWith(out, ".csv")) return Format::Csv;
    return Format::Text;
  }
  return isatty(STDOUT_FILENO) ? Format::Text : Format::Jsonl;
}

void AddCommonOptions(CLI::App& cmd, CommonOptions& o, bool withRegistry) {
  cmd.add_option("--format", o.format,
                 "text|json|jsonl|csv [default: from --out's extension; text on a terminal, jsonl otherwise]")
      ->check(CLI::IsMember({"text", "json", "jsonl", "csv"}));
  cmd.add_option("--out", o.out, "write results to FILE instead of stdout (atomically; jsonl line by line)");
  if (withRegistry) AddRegistryOptions(cmd, o);
  AddProfileOptions(cmd, o);
}

void AddRegistryOptions(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--registry", o.registry,
                 "also look numbers up: PATH.csv, PATH.sqlite or an http(s) URL with {number} "
                 "[default: $SUPPCHECK_REGISTRY]");
  cmd.add_option("--registry-timeout", o.registryTimeout,
                 "seconds one HTTP lookup may take, retries included [default: 8]")
      ->check(CLI::Range(0.1, 600.0));
  cmd.add_option("--registry-retries", o.registryRetries,
                 "extra attempts after a timeout, refused connection, 429 or 5xx [default: 2]")
      ->check(CLI::Range(0, 10));
  cmd.add_option("--registry-cache", o.registryCache,
                 "folder for cached HTTP answers, or 'off' [default: $SUPPCHECK_CACHE_DIR, "
                 "$XDG_CACHE_HOME/suppcheck or ~/.cache/suppcheck]");
  cmd.add_option("--registry-cache-ttl", o.registryCacheTtl, "seconds a cached answer is trusted [default: 86400]")
      ->check(CLI::Range(0.0, 1e9));
  cmd.add_option("--registry-rate", o.registryRate,
                 "at most this many HTTP registry requests a second, all workers together [default: 10]")
      ->check(CLI::Range(0.01, 1000.0));
}

void AddProfileOptions(CLI::App& cmd, CommonOptions& o) {
  cmd.add_option("--profile", o.profile,
                 "whose limits apply: " + ProfileNamesJoined("|") +
                     " [default: adult]; child-4-10 uses the limits of the EFSA band 4-6 (the lower ones)")
      ->check(CLI::IsMember(ProfileNames()));
  cmd.add_option("--age", o.age,
                 "age in YEARS (1 or more): picks the EFSA age band 1-3, 4-6, 7-10, 11-14, 15-17 or adult; "
                 "combines with --profile pregnant|lactating");
  CLI::App* app = &cmd;
  cmd.parse_complete_callback([&o, app] {
    auto who = ResolveProfile(o.profile, app->count("--profile") > 0, o.age);
    if (!who) throw CLI::ValidationError(who.error().message);
    o.who = *who;
    o.profile = who->rulesProfileId;
  });
  cmd.add_flag("-q,--quiet", o.quiet, "only errors on stderr");
  cmd.add_flag("-v,--verbose", o.verbose, "more detail on stderr");
}

Expected<AgeProfile> ResolveProfile(const std::string& profile, bool profileGiven, const std::string& age) {
  if (age.empty()) return ProfileFromName(profile);
  auto years = ParseAgeYears(age);
  if (!years) return years.error();
  LifeStage stage = LifeStage::None;
  if (profileGiven) {
    if (profile == "pregnant")
      stage = LifeStage::Pregnant;
    else if (profile == "lactating")
      stage = LifeStage::Lactating;
    else {
      // A named age group given with an age that fits it is the same person, told more precisely.
      if (!NamedAgeGroupFits(profile, *years))
        return MakeError("bad_age", "--age " + age + " does not fit --profile " + profile +
                                        "; give --age alone, or with --profile pregnant|lactating");
    }
  }
  return ProfileFromAge(*years, stage);
}

Expected<std::unique_ptr<Registry>> OpenRegistryFromOptions(const CommonOptions& o) {
  std::string spec = o.registry;
  if (spec.empty())
    if (const char* env = std::getenv("SUPPCHECK_REGISTRY")) spec = env;
  if (spec.empty()) return std::unique_ptr<Registry>();
  HttpRegistryOptions http;
  http.deadline = std::chrono::milliseconds(static_cast<long>(o.registryTimeout * 1000));
  http.attemptTimeout = std::min(http.attemptTimeout, http.deadline);
  http.connectTimeout = std::min(http.connectTimeout, http.deadline);
  http.retries = o.registryRetries;
  http.cacheTtl = std::chrono::seconds(static_cast<long>(o.registryCacheTtl));
  http.maxRequestsPerSecond = o.registryRate;
  if (o.registryCache != "off") http.cacheDir = o.registryCache.empty() ? AnswerCache::DefaultDir() : std::filesystem::path(o.registryCache);
  return OpenRegistry(spec, http);
}

void PrintScanDetail(const std::string& file, const OcrInfo& ocr) {
  std::fprintf(stderr, "suppcheck: %s: read in %.0f ms (turned %d deg, scaled x%.2f%s%s%s%s, mean OCR confidence %.0f)\n",
               file.c_str(), ocr.ms, ocr.rotation, ocr.scale, ocr.perspective ? ", perspective undone" : "",
               ocr.unwrapped ? ", unrolled from a bottle" : "",
               ocr.textureRemoved ? ", background texture painted out" : "",
               ocr.lightPrintInverted ? ", light print on dark paper inverted" : "", ocr.meanConfidence);
}

void PrintPassTimes(const std::string& file, const std::vector<PassTime>& passes) {
  std::string line;
  for (const auto& p : passes) line += " " + p.pass + "=" + std::to_string(static_cast<long>(p.ms + 0.5));
  std::fprintf(stderr, "suppcheck: %s: passes (ms):%s\n", file.c_str(), line.c_str());
}

void PrintError(const std::string& message) { std::cerr << "suppcheck: error: " << message << std::endl; }
void PrintWarning(const std::string& message) { std::cerr << "suppcheck: warning: " << message << std::endl; }

}  // namespace suppcheck::cli
