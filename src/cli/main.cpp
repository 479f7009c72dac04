// suppcheck: the command-line layer. Parses arguments, runs one command, maps the outcome to
// the exit statuses of spec/cli.md. All the work is in the library (src/suppcheck).

#include <CLI/CLI.hpp>
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/common_options.h"
#include "cli/exit_codes.h"
#include "cli/batch_command.h"
#include "cli/number_command.h"
#include "cli/scan_command.h"
#include "cli/serve_command.h"
#include "cli/total_command.h"
#include "suppcheck/image/decoder_limits.h"
#include "suppcheck/image/image_loader.h"
#include "suppcheck/util/edit_distance.h"
#include "suppcheck/version.h"

namespace {

// The heap in transparent huge pages (glibc's tunable, read when the process starts, so it rides
// on the re-execution below). A scan touches tens of megabytes of fresh heap (Tesseract's buffers,
// the working images); each first touch of a 4 KiB page is a fault, which costs tens of
// microseconds on the virtual machines we measure on. The real US panel photo alone took 27,400
// page faults, 7,000 with huge pages, and 0.2 s less CPU time (2.8 s instead of 3.0, runs
// alternated); a set of photos in one process, which reuses its memory, gains nothing measurable.
// Results do not change: only how the memory is mapped. A tunable the user set already is kept.
void AskForHugePagesInHeap() {
  const char* old = std::getenv("GLIBC_TUNABLES");
  std::string tunables = old ? old : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;
  if (!tunables.empty()) tunables += ':';
  tunables += "glibc.malloc.hugetlb=1";
  setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
}

// Two settings of libraries we link must be in the environment before those libraries are
// loaded, which happens before main() runs, so the program re-executes itself once with them:
// - OMP_THREAD_LIMIT=1: Tesseract parallelises inside one page with OpenMP; with our own worker
//   threads that only costs time (3x slower measured on 2 cores), and libgomp reads the variable
//   when it is loaded.
// - OPENCV_IO_MAX_IMAGE_PIXELS: OpenCV's own pixel limit, read when libopencv_imgcodecs is loaded
//   (see suppcheck/image/decoder_limits.h; it is loaded at the first decode now, see
//   suppcheck/image/codecs.h), set to the limit of our header check.
// SUPPCHECK_NO_REEXEC lets a debugger keep the first process.
void EnsureLibraryEnvironment(char** argv) {
  if (std::getenv("SUPPCHECK_NO_REEXEC")) return;
  const uint64_t maxPixels = suppcheck::LoadLimits{}.maxPixels;
  const bool ompSet = std::getenv("OMP_THREAD_LIMIT") != nullptr;
  if (ompSet && suppcheck::DecoderPixelLimitInEnvironment(maxPixels)) return;
  if (!ompSet) setenv("OMP_THREAD_LIMIT", "1", 1);
  suppcheck::SetDecoderPixelLimitInEnvironment(maxPixels);
  AskForHugePagesInHeap();
  execv("/proc/self/exe", argv);
  // exec failed (no /proc?): carry on; the header check still holds the pixel limit.
}


// Freed memory is kept for the next photo instead of being handed back to the system. Each
// scan allocates and frees images of several megabytes (the working image, its float copies,
// Tesseract's buffers); glibc gives blocks above its mmap threshold, and free memory above its
// trim threshold, back at once, so the next photo touches fresh pages again. On the 2-core virtual
// machines we measure on, a first touch costs tens of microseconds: lighting one 3000 x 2250
// working image took 400 ms, of which 370 ms were page faults, and 33 ms with the memory reused.
// The largest mmap threshold glibc accepts on 64 bits is 32 MiB (larger blocks still come from
// mmap); the heap keeps at most the high-water mark of one scan per worker thread. The web
// server trims after each request (server/web_api.cpp), which still returns it.
void KeepFreedMemoryForReuse() {
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
}

}  // namespace

int main(int argc, char** argv) {
  EnsureLibraryEnvironment(argv);
  KeepFreedMemoryForReuse();
  using namespace suppcheck::cli;

  CLI::App app{"suppcheck: reads photos of food-supplement labels and checks the Belgian notification\n"
               "number (NUT/PL/AS) and the magnesium dose against EFSA's safe upper level (250 mg/day)."};
  // Made only when asked for: it looks for the models folder and the second OCR model.
  app.set_version_flag("--version", [] { return suppcheck::VersionReport(); });
  app.require_subcommand(1);
  app.footer("Run 'suppcheck COMMAND --help' for the options of a command.\n"
             "Exit status: 0 nothing flagged, 1 something flagged, 2 usage or configuration error,\n"
             "3 some input could not be processed, 130 interrupted.");

  int exitCode = kExitOk;
  RegisterScanCommand(app, exitCode);
  RegisterBatchCommand(app, exitCode);
  RegisterNumberCommand(app, exitCode);
  RegisterServeCommand(app, exitCode);
  RegisterTotalCommand(app, exitCode);

  // A mistyped command gets a suggestion, as ninja does.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string given = argv[1];
    std::string best;
    int bestDistance = 3;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == given) known = true;
      const int d = suppcheck::EditDistance(given, sub->get_name());
      if (d < bestDistance) bestDistance = d, best = sub->get_name();
    }
    if (!known) {
      PrintError("unknown command '" + given + "'" + (best.empty() ? "" : ", did you mean '" + best + "'?") +
                 " (see suppcheck --help)");
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return kExitInputFailed;
  }
  std::cout.flush();
  return exitCode;
}
