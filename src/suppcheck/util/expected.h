#pragma once
// Expected<T>: a value or an Error, the shape of C++23 std::expected (g++ 12 has none).
// Errors are values here; exceptions are for programmer mistakes only.

#include <string>
#include <utility>
#include <variant>

namespace suppcheck {

/// Stable, machine-readable error codes; the strings are part of the report contract.
struct Error {
  std::string code;     ///< e.g. "not_an_image", "io_error", "bad_registry"
  std::string message;  ///< one line for a person; names the input and the reason
};

template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
  Expected(Error error) : v_(std::move(error)) {}      // NOLINT
  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

inline Error MakeError(std::string code, std::string message) {
  return Error{std::move(code), std::move(message)};
}

}  // namespace suppcheck
