#pragma once
// Turns a --registry SPEC (or $SUPPCHECK_REGISTRY) into a registry:
//   PATH.csv            offline CSV snapshot
//   PATH.sqlite|.db     offline SQLite snapshot (any existing file starting with the SQLite
//                       header is taken as SQLite, whatever its name)
//   http(s)://…{number}…  registry service

#include <memory>
#include <string>

#include "suppcheck/registry/http_registry.h"
#include "suppcheck/registry/registry.h"
#include "suppcheck/util/expected.h"

namespace suppcheck {

Expected<std::unique_ptr<Registry>> OpenRegistry(const std::string& spec, const HttpRegistryOptions& httpOptions);

}  // namespace suppcheck
