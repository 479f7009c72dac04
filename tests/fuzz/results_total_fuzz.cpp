// libFuzzer target: a results file given to `suppcheck total` (any bytes): read as JSON Lines or
// one JSON document, each value taken as a scan result, the products summed and the total printed
// as JSON and text, as the command does. Every problem must be an error with a message.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "suppcheck/assess/intake_total.h"
#include "suppcheck/report/intake_total_report.h"
#include "suppcheck/report/results_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace suppcheck;
  static const NutrientLimits limits = [] {
    auto l = NutrientLimits::Load(SUPPCHECK_SOURCE_MODELS_DIR);
    if (!l) std::abort();
    return *l;
  }();
  static const AgeProfile who = *ProfileFromAge(5, LifeStage::None);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const ResultsRead read = ReadResults(in, "fuzz.jsonl");
  for (const auto& p : read.problems)
    if (p.message.empty()) std::abort();
  std::vector<ProductIntake> products;
  for (const auto& line : read.results) {
    auto p = IntakeFromResult(line.value, limits, line.source);
    if (p) products.push_back(std::move(*p));
    else if (p.error().message.empty()) std::abort();
  }
  const IntakeTotal total = SumIntake(std::move(products), limits, who);
  const auto j = IntakeTotalJson(total, who);
  (void)j.dump();
  (void)IntakeTotalText(j);
  return 0;
}
