#include "suppcheck/server/multipart.h"

#include "suppcheck/util/text.h"

namespace suppcheck::server {

namespace {

// More parts than a photo form ever has: a body of thousands of tiny parts is refused whole.
constexpr size_t kMaxParts = 64;

struct Parameter {
  std::string key;  ///< lower-case
  std::string value;
};

// `form-data; name="image"; filename="a;b.jpg"` → the parameters after the first ';'. Quoted
// values may hold ';' and backslash escapes.
std::vector<Parameter> HeaderParameters(std::string_view v) {
  std::vector<Parameter> out;
  size_t i = v.find(';');
  while (i != std::string_view::npos && i < v.size()) {
    ++i;  // past ';'
    while (i < v.size() && IsAsciiSpace(v[i])) ++i;
    const size_t keyStart = i;
    while (i < v.size() && v[i] != '=' && v[i] != ';') ++i;
    Parameter p{AsciiLower(Trim(v.substr(keyStart, i - keyStart))), ""};
    if (i < v.size() && v[i] == '=') {
      ++i;
      while (i < v.size() && IsAsciiSpace(v[i])) ++i;
      if (i < v.size() && v[i] == '"') {
        for (++i; i < v.size() && v[i] != '"'; ++i) {
          if (v[i] == '\\' && i + 1 < v.size()) ++i;
          p.value += v[i];
        }
        if (i < v.size()) ++i;  // past the closing quote
      } else {
        const size_t start = i;
        while (i < v.size() && v[i] != ';') ++i;
        p.value = std::string(Trim(v.substr(start, i - start)));
      }
    }
    out.push_back(std::move(p));
    i = v.find(';', i);
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && AsciiLower(s.substr(0, prefix.size())) == prefix;
}

// The next "\r\n--boundary" that really is a delimiter: followed by "--" (the last one) or by
// optional blanks and a line break. The same bytes followed by anything else are content.
size_t FindDelimiter(std::string_view body, std::string_view delimiter, size_t from) {
  for (size_t at = body.find(delimiter, from); at != std::string_view::npos; at = body.find(delimiter, at + 1)) {
    size_t after = at + delimiter.size();
    if (body.substr(after, 2) == "--") return at;
    while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
    if (body.substr(after, 2) == "\r\n") return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string MultipartBoundary(std::string_view contentType) {
  if (!StartsWithNoCase(Trim(contentType), "multipart/form-data")) return "";
  for (const auto& p : HeaderParameters(contentType))
    if (p.key == "boundary" && p.value.size() <= 200) return p.value;
  return "";
}

std::optional<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return std::nullopt;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string nextDelimiter = "\r\n" + delimiter;
  size_t pos = body.find(delimiter);  // anything before it is a preamble, ignored
  std::vector<FormPart> parts;
  while (pos != std::string_view::npos) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n" || parts.size() >= kMaxParts) return std::nullopt;
    pos += 2;
    // Searched from the line break just read, so that a part without headers is found too.
    const size_t headersEnd = body.find("\r\n\r\n", pos - 2);
    const size_t contentEnd = headersEnd == std::string_view::npos ? headersEnd : FindDelimiter(body, nextDelimiter, headersEnd + 4);
    if (contentEnd == std::string_view::npos) return std::nullopt;
    FormPart part;
    for (std::string_view line : Split(headersEnd > pos ? body.substr(pos, headersEnd - pos) : std::string_view(), '\n')) {
      line = Trim(line);
      if (!StartsWithNoCase(line, "content-disposition:")) continue;
      for (const auto& p : HeaderParameters(line)) {
        if (p.key == "name") part.name = p.value;
        if (p.key == "filename") part.filename = p.value;
      }
    }
    part.content = body.substr(headersEnd + 4, contentEnd - headersEnd - 4);
    parts.push_back(std::move(part));
    pos = contentEnd + 2;  // at the next delimiter
  }
  return std::nullopt;
}

}  // namespace suppcheck::server
