// libFuzzer target: the notification-number parser on any bytes. Invariants: never crash; a
// valid number's canonical form is itself valid and canonical; problems only when invalid.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "suppcheck/notification/notification_number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const suppcheck::NotificationNumber n = suppcheck::ParseNotificationNumber(input);
  if (n.valid()) {
    if (!n.problems.empty()) std::abort();
    const suppcheck::NotificationNumber again = suppcheck::ParseNotificationNumber(n.canonical);
    if (!again.valid() || again.canonical != n.canonical) std::abort();
  } else if (n.problems.empty()) {
    std::abort();
  }
  return 0;
}
