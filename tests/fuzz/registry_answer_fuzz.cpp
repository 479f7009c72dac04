// libFuzzer target: a registry service's answer (any body) read for one number. The detail kept
// from an answer is printed, as the report does: deep nesting must have been refused (D6).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "suppcheck/registry/http_registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  for (long status : {200L, 404L}) {
    const auto a = suppcheck::InterpretRegistryAnswer(status, body, "application/json", "NUT 1/2", "fuzz");
    if (a.status == suppcheck::RegistryStatus::Error && a.error.empty()) std::abort();
    if (a.status != suppcheck::RegistryStatus::Error) (void)a.detail.dump();
  }
  return 0;
}
