#include "suppcheck/util/bounded_json.h"

#include <string>

namespace suppcheck {

namespace {

// Counts open objects and arrays; stops the parse at the first one too deep. Every other event
// is accepted without storing anything.
class DepthCheck : public nlohmann::json::json_sax_t {
 public:
  explicit DepthCheck(size_t maxDepth) : max_(maxDepth) {}
  bool tooDeep = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool Open() {
    if (++depth_ > max_) tooDeep = true;
    return !tooDeep;
  }
  bool Close() {
    --depth_;
    return true;
  }
  size_t max_;
  size_t depth_ = 0;
};

}  // namespace

Expected<nlohmann::ordered_json> ParseBoundedJson(std::string_view text, size_t maxDepth) {
  DepthCheck check(maxDepth);
  const bool wellFormed = nlohmann::json::sax_parse(text, &check, nlohmann::json::input_format_t::json,
                                                    /*strict=*/true, /*ignore_comments=*/false);
  if (check.tooDeep)
    return MakeError("bad_json", "nests deeper than " + std::to_string(maxDepth) + " levels");
  if (!wellFormed) return MakeError("bad_json", "is not JSON");
  auto value = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return MakeError("bad_json", "is not JSON");
  return value;
}

}  // namespace suppcheck
