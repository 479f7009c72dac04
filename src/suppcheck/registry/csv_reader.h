#pragma once
// A small RFC 4180 reader over text held in memory: quoted fields with the delimiter, doubled
// quotes and line breaks inside them, CRLF or LF line ends, an optional UTF-8 byte order mark.

#include <string>
#include <string_view>
#include <vector>

namespace suppcheck {

class CsvReader {
 public:
  /// `data` must outlive the reader.
  CsvReader(std::string_view data, char delimiter);

  /// Picks ',', ';' (spreadsheets in Belgium often export with ';') or a tab from the header line.
  static char GuessDelimiter(std::string_view data);

  /// Reads the next record into `fields` (reusing its storage). Returns false at the end of
  /// the data or on a malformed record; then `error()` is set or empty for a clean end.
  bool Next(std::vector<std::string>& fields);

  /// Byte offset where the record returned by the last Next() started.
  size_t recordOffset() const { return recordOffset_; }
  /// 1-based line number where the record returned by the last Next() started.
  size_t recordLine() const { return recordLine_; }
  const std::string& error() const { return error_; }

  /// Moves to a byte offset previously returned by recordOffset(); the line count is lost.
  void Seek(size_t offset) { pos_ = offset; }

 private:
  std::string_view data_;
  char delim_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t recordOffset_ = 0;
  size_t recordLine_ = 1;
  std::string error_;
};

}  // namespace suppcheck
