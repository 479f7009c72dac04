#include "cli/total_command.h"

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "suppcheck/report/result_writer.h"
#include "suppcheck/assess/intake_total.h"
#include "suppcheck/report/intake_total_report.h"
#include "suppcheck/report/results_file.h"
#include "suppcheck/util/models_dir.h"

namespace suppcheck::cli {

namespace {

struct TotalArgs {
  std::vector<std::string> files;
  std::string models;
  CommonOptions common;
};

int RunTotal(const TotalArgs& args) {
  auto dir = ResolveModelsDir(args.models);
  if (!dir) {
    PrintError(dir.error().message);
    return kExitUsage;
  }
  auto limits = NutrientLimits::Load(*dir);
  if (!limits) {
    PrintError(limits.error().message);
    return kExitUsage;
  }
  const Format format = args.common.ResolvedFormat();
  auto writer = ResultWriter::Open(format, args.common.out, IntakeTotalLayout(), /*singleInput=*/true);
  if (!writer) {
    PrintError(writer.error().message);
    return kExitUsage;
  }

  // Every readable result counts; each file or line that is not one is named, and the total
  // says what it could not count.
  std::vector<ProductIntake> products;
  bool anyProblem = false;
  for (const auto& file : args.files) {
    ResultsRead read = ReadResultsFile(file);
    for (const auto& p : read.problems) {
      PrintError(p.message);
      anyProblem = true;
    }
    for (const auto& line : read.results) {
      auto product = IntakeFromResult(line.value, *limits, line.source);
      if (!product) {
        PrintError(product.error().message);
        anyProblem = true;
        continue;
      }
      products.push_back(std::move(*product));
    }
  }
  const IntakeTotal total = SumIntake(std::move(products), *limits, args.common.who);
  const Json j = IntakeTotalJson(total, args.common.who);
  if (format == Format::Csv) {
    for (const auto& n : j["nutrients"]) (*writer)->Write(n);
  } else {
    (*writer)->Write(j);
  }
  if (auto done = (*writer)->Finish(); !done) {
    PrintError(done.error().message);
    return kExitInputFailed;
  }
  bool flagged = false;
  for (const auto& f : total.flags)
    flagged |= f == "above_upper_level" || f == "above_legal_max" || f == "product_above_legal_max";
  return CombineExit(anyProblem, flagged);
}

}  // namespace

void RegisterTotalCommand(CLI::App& app, int& exitCode) {
  auto args = std::make_shared<TotalArgs>();
  CLI::App* cmd = app.add_subcommand("total", "add up every nutrient a day over several products (results of scan or batch)");
  cmd->footer(
      "Reads results of 'suppcheck scan' or 'batch' (--format jsonl or json; '-' reads stdin), one\n"
      "product each, and adds up per nutrient what the products give a day: two products with 200 mg\n"
      "magnesium each are 400 mg a day. Each sum is checked against the health limit for --profile /\n"
      "--age (EFSA upper level or safe level) and the Belgian legal maximum (set per product's daily\n"
      "portion: a product alone above it is named). A product whose dose was not read makes the total\n"
      "'at least'; one whose contents are unknown is named and not counted; results without a nutrient\n"
      "list count their magnesium only. --format csv gives one row per nutrient.\n"
      "Exit status: 0 nothing above a limit, 1 a total or a product above a limit, 2 usage error,\n"
      "3 a file or line was not a result (named on stderr; the others are counted).");
  cmd->add_option("results", args->files, "results files (JSON Lines or JSON); '-' reads stdin")->required();
  cmd->add_option("--models", args->models, "folder with nutrients.json [default: found next to the program]");
  AddCommonOptions(*cmd, args->common, /*withRegistry=*/false);
  cmd->callback([args, &exitCode] { exitCode = RunTotal(*args); });
}

}  // namespace suppcheck::cli
