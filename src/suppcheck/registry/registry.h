#pragma once
// A registry of notified numbers: an offline snapshot (CSV, SQLite) or an HTTP service.
// A registry only ever answers; it never throws and never blocks for long. Whatever goes
// wrong (file, network, server) becomes an answer with status Error and the reason.

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace suppcheck {

enum class RegistryStatus { NotChecked, Listed, NotListed, Error };

/// "not_checked", "listed", "not_listed" or "error".
std::string_view RegistryStatusName(RegistryStatus s);

struct RegistryAnswer {
  RegistryStatus status = RegistryStatus::NotChecked;
  std::string source;                 ///< which registry answered (file path or URL)
  nlohmann::ordered_json detail;      ///< other columns/fields of the matching record, or null
  std::string error;                  ///< why, when status is Error
  bool fromCache = false;             ///< answered from the local cache, not the server

  static RegistryAnswer Failure(std::string source, std::string why) {
    RegistryAnswer a;
    a.status = RegistryStatus::Error;
    a.source = std::move(source);
    a.error = std::move(why);
    return a;
  }
};

/// What a `not_listed` answer means, in words (../shared/docs/nutrients.md §5): the FPS public
/// search holds only recent notifications, so absence there is not proof of no notification.
inline constexpr std::string_view kNotListedMeaning =
    "The FPS public search lists only products notified or changed in the last five years, so not being "
    "listed is not proof that the product was never notified.";

/// The `registry` object of the report contract.
nlohmann::ordered_json RegistryAnswerJson(const RegistryAnswer& a);

class Registry {
 public:
  virtual ~Registry() = default;
  /// Looks up a canonical number ("NUT/PL 1234/56"). Thread-safe.
  virtual RegistryAnswer Lookup(const std::string& canonicalNumber) = 0;
  /// For messages: "CSV snapshot registry.csv (12034 numbers)".
  virtual std::string Describe() const = 0;
};

}  // namespace suppcheck
