#include "suppcheck/registry/csv_reader.h"

namespace suppcheck {

CsvReader::CsvReader(std::string_view data, char delimiter) : data_(data), delim_(delimiter) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

char CsvReader::GuessDelimiter(std::string_view data) {
  const std::string_view header = data.substr(0, data.find('\n'));
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    if (c == '\t') ++tabs;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  return semicolons > commas ? ';' : ',';
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  error_.clear();
  // Skip blank lines between records.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;

  recordOffset_ = pos_;
  recordLine_ = line_;
  size_t count = 0;
  auto field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };

  std::string* cur = &field();
  while (pos_ < data_.size()) {
    const char c = data_[pos_];
    if (c == '"' && cur->empty()) {
      // Quoted field: runs to the closing quote; "" stands for one quote.
      const size_t openLine = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < data_.size()) {
        const char q = data_[pos_];
        if (q == '"') {
          if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
            cur->push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (q == '\n') ++line_;
        cur->push_back(q);
        ++pos_;
      }
      if (!closed) {
        error_ = "line " + std::to_string(openLine) + ": a quoted field is never closed";
        fields.resize(count);
        return false;
      }
      // Text between the closing quote and the delimiter is kept (lenient, like spreadsheets).
      continue;
    }
    if (c == delim_) {
      cur = &field();
      ++pos_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      break;
    }
    cur->push_back(c);
    ++pos_;
  }
  fields.resize(count);
  return true;
}

}  // namespace suppcheck
