// libFuzzer target: the CSV snapshot reader on any bytes, then a lookup of a number it holds.
#include <cstdint>
#include <string>

#include "suppcheck/registry/csv_snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto snap = suppcheck::CsvSnapshot::FromText(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv");
  if (!snap) return 0;
  (*snap)->Lookup("NUT 1/2");
  (*snap)->Lookup("NUT/PL/AS 1234/5678");
  return 0;
}
