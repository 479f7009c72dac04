#include "cli/number_command.h"

#include <iostream>
#include <set>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "suppcheck/report/result_writer.h"
#include "suppcheck/notification/notification_number.h"
#include "suppcheck/report/number_report.h"
#include "suppcheck/util/text.h"

namespace suppcheck::cli {

namespace {

struct NumberArgs {
  std::vector<std::string> numbers;
  CommonOptions common;
};

int RunNumber(const NumberArgs& args) {
  auto registry = OpenRegistryFromOptions(args.common);
  if (!registry) {
    PrintError(registry.error().message);
    return kExitUsage;
  }
  if (args.common.verbose && *registry) std::fprintf(stderr, "suppcheck: registry: %s\n", (*registry)->Describe().c_str());
  const bool fromStdin = args.numbers.size() == 1 && args.numbers[0] == "-";
  auto writer = ResultWriter::Open(args.common.ResolvedFormat(), args.common.out, NumberResultLayout(),
                                   /*singleInput=*/!fromStdin && args.numbers.size() == 1);
  if (!writer) {
    PrintError(writer.error().message);
    return kExitUsage;
  }

  bool flagged = false;
  std::set<std::string> warned;
  auto check = [&](const std::string& input) {
    const NotificationNumber n = ParseNotificationNumber(input);
    RegistryAnswer answer;
    if (n.valid() && *registry) {
      answer = (*registry)->Lookup(n.canonical);
      if (answer.status == RegistryStatus::Error && !args.common.quiet && warned.insert(answer.error).second)
        PrintWarning("registry: " + answer.error);
    }
    flagged |= !n.valid() || answer.status == RegistryStatus::NotListed;
    (*writer)->Write(NumberResultJson(input, n, answer));
  };

  if (fromStdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (Trim(line).empty()) continue;  // blank lines in a pasted list are not inputs
      check(line);
    }
  } else {
    for (const auto& n : args.numbers) check(n);
  }
  if (auto done = (*writer)->Finish(); !done) {
    PrintError(done.error().message);
    return kExitInputFailed;
  }
  return flagged ? kExitFlagged : kExitOk;
}

}  // namespace

void RegisterNumberCommand(CLI::App& app, int& exitCode) {
  auto args = std::make_shared<NumberArgs>();
  CLI::App* cmd = app.add_subcommand("number", "check notification numbers typed by a person");
  cmd->footer(
      "A number is valid when it has one or more categories (NUT, PL, AS, joined by '/') and a\n"
      "producer and product part of 1 to 4 digits: 'NUT 123/45', 'PL/AS 12/3', 'NUT/AS162/597'.\n"
      "Case and spaces do not matter; nothing is ever repaired.\n"
      "Exit status: 0 all valid (and listed), 1 any invalid or not listed, 2 usage error.");
  cmd->add_option("numbers", args->numbers, "numbers to check; '-' reads one per line from stdin")->required();
  AddCommonOptions(*cmd, args->common);
  cmd->callback([args, &exitCode] { exitCode = RunNumber(*args); });
}

}  // namespace suppcheck::cli
