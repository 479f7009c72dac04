#include "suppcheck/report/html_report.h"

#include <algorithm>
#include <sstream>

#include "suppcheck/report/json_fields.h"
#include "suppcheck/util/atomic_file.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

using Json = nlohmann::ordered_json;

std::string HtmlEscape(std::string_view in) {
  const std::string s = SanitizeUtf8(in);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters (a newline in a file name) would break the layout; show them as '?'.
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') ? '?' : c;
    }
  }
  return out;
}

namespace {

// A cell of the page: as JsonText (report/json_fields.h), except that decimals are written as a
// person reads them (187.5, not the round-trip digits of the JSON).
std::string CellText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_number_float()) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << v.get<double>();
    return s.str();
  }
  return v.dump();
}

constexpr const char* kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}
.totals{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
.totals div{border:1px solid #ccc;border-radius:6px;padding:.5em .8em;min-width:8em}
.totals b{display:block;font-size:1.5em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f4f4f4;position:sticky;top:0}
th:hover{background:#e8e8e8}
td img{max-width:240px;border:1px solid #ccc}
.above_noael,.failed,.invalid,.missing{color:#b00020;font-weight:600}
.within_noael,.valid{color:#1b5e20}
.unknown,.no_magnesium,.not_seen{color:#555}
.next{color:#7a4f00}
ul{margin:0;padding-left:1.2em}
small{color:#666}
)";

constexpr const char* kScript = R"(
document.querySelectorAll('th').forEach(function(th, col){
  th.addEventListener('click', function(){
    var tbody = th.closest('table').tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var asc = th.dataset.asc !== '1';
    th.dataset.asc = asc ? '1' : '0';
    rows.sort(function(a, b){
      var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function(r){ tbody.appendChild(r); });
  });
});
)";

// The results counted per verdict and per number status, for the boxes above the table.
struct Counts {
  std::map<std::string, size_t> levels, numbers;
  size_t failed = 0, flagged = 0, compositionUnseen = 0, products = 0;
};

Counts CountRows(const std::map<size_t, std::pair<Json, std::string>>& rows) {
  Counts c;
  for (const auto& [i, row] : rows) {
    const Json& r = row.first;
    if (!r["ok"].get<bool>()) {
      ++c.failed;
      continue;
    }
    ++c.levels[CellText(JsonAt(r, {"assessment", "level"}))];
    ++c.numbers[CellText(JsonAt(r, {"notification", "status"}))];
    c.compositionUnseen += JsonAt(r, {"magnesium", "present"}).is_null();
    c.products += r.contains("files");
    if (!JsonAt(r, {"assessment", "flags"}).empty()) ++c.flagged;
  }
  return c;
}

void WriteTotals(std::ostringstream& h, Counts& c) {
  h << "<div class=\"totals\">";
  auto box = [&](const std::string& label, size_t n, const std::string& cls) {
    h << "<div class=\"" << cls << "\"><b>" << n << "</b>" << HtmlEscape(label) << "</div>";
  };
  box("above the safe level", c.levels["above_noael"], "above_noael");
  box("within the safe level", c.levels["within_noael"], "within_noael");
  box("dose unknown", c.levels["unknown"] - std::min(c.levels["unknown"], c.compositionUnseen), "unknown");
  box("ingredients not on the photo", c.compositionUnseen, "unknown");
  box("no magnesium", c.levels["no_magnesium"], "no_magnesium");
  box("number valid", c.numbers["valid"], "valid");
  box("number invalid", c.numbers["invalid"], "invalid");
  box("number missing", c.numbers["missing"], "missing");
  box("number unreadable", c.numbers["unreadable"], "unreadable");
  box("number not on the photo", c.numbers["not_seen"], "not_seen");
  box("not processed", c.failed, "failed");
  h << "</div>\n";
}

// The notification cell: the number, or its status, with the text read and the registry's answer.
std::string NumberCellHtml(const Json& r, const std::string& status, const std::string& number) {
  std::string html = "<span class=\"" + HtmlEscape(status) + "\">" + HtmlEscape(number) + "</span>";
  if (status == "invalid" || status == "unreadable") html += "<br><small>" + HtmlEscape(CellText(JsonAt(r, {"notification", "text"}))) + "</small>";
  const std::string reg = CellText(JsonAt(r, {"notification", "registry", "status"}));
  if (!reg.empty() && reg != "not_checked") html += "<br><small>registry: " + HtmlEscape(reg) + "</small>";
  return html;
}

// One result as a row of the table (index `i` from 0), with its thumbnail (a data URL, or none).
void WriteRow(std::ostringstream& h, size_t i, const Json& r, const std::string& thumbnail) {
  auto cell = [&](const std::string& sortValue, const std::string& html, const std::string& cls = "") {
    h << "<td data-v=\"" << HtmlEscape(sortValue) << "\"" << (cls.empty() ? "" : " class=\"" + HtmlEscape(cls) + "\"")
      << ">" << html << "</td>";
  };
  h << "<tr>";
  cell(std::to_string(i + 1), std::to_string(i + 1));
  cell("", thumbnail.empty() ? "" : "<img loading=\"lazy\" alt=\"\" src=\"" + thumbnail + "\">");
  std::string fileHtml = HtmlEscape(CellText(r["file"]));
  if (r.contains("files") && r["files"].size() > 1) {
    fileHtml = "";
    for (const auto& f : r["files"]) fileHtml += (fileHtml.empty() ? "" : "<br>") + HtmlEscape(CellText(f));
  }
  cell(CellText(r["file"]), fileHtml);
  if (!r["ok"].get<bool>()) {
    for (int k = 0; k < 5; ++k) cell("", "");
    cell("failed", "could not be processed", "failed");
    cell(CellText(JsonAt(r, {"error", "message"})), HtmlEscape(CellText(JsonAt(r, {"error", "message"}))));
    h << "</tr>\n";
    return;
  }
  const std::string status = CellText(JsonAt(r, {"notification", "status"}));
  const std::string number = status == "valid"      ? CellText(JsonAt(r, {"notification", "number"}))
                             : status == "not_seen" ? std::string("not on the photo")
                                                    : status;
  cell(number, NumberCellHtml(r, status, number));
  std::string salts;
  for (const auto& s : JsonAt(r, {"magnesium", "salts"})) salts += (salts.empty() ? "" : ", ") + CellText(s);
  cell(salts, HtmlEscape(salts));
  for (const char* k : {"mg_per_unit", "units_per_day", "mg_per_day"}) {
    const std::string v = CellText(JsonAt(r, {"magnesium", k}));
    cell(v.empty() ? "-1" : v, v.empty() ? "?" : HtmlEscape(v));
  }
  const std::string level = CellText(JsonAt(r, {"assessment", "level"}));
  cell(level, HtmlEscape(level), level);
  std::string problems = "<ul>";
  for (const auto& m : JsonAt(r, {"assessment", "messages"})) problems += "<li>" + HtmlEscape(CellText(m)) + "</li>";
  for (const auto& next : JsonAt(r, {"coverage", "to_photograph"}))
    problems += "<li class=\"next\">Photograph next: " + HtmlEscape(CellText(next)) + "</li>";
  problems += "</ul>";
  cell(std::to_string(JsonAt(r, {"assessment", "flags"}).size()), problems);
  h << "</tr>\n";
}

}  // namespace

void HtmlReport::Add(size_t index, const Json& result, std::string thumbnail) {
  Json slim = result;
  slim.erase("ocr");
  std::lock_guard lock(mu_);
  rows_[index] = {std::move(slim), index < maxThumbnails_ ? std::move(thumbnail) : std::string()};
}

Expected<bool> HtmlReport::Write(const std::string& path, const std::string& title) const {
  std::lock_guard lock(mu_);
  Counts counts = CountRows(rows_);
  std::ostringstream h;
  h.imbue(std::locale::classic());
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    << "<title>" << HtmlEscape(title) << "</title><style>" << kStyle << "</style></head><body>\n";
  h << "<h1>" << HtmlEscape(title) << "</h1>\n<p>" << rows_.size() << (counts.products ? " products" : " photos") << "; "
    << counts.flagged << " flagged; "
    << counts.failed << " could not be processed. Magnesium is judged against EFSA's safe upper level of 250 mg a day "
    << "for supplements.</p>\n";
  WriteTotals(h, counts);
  h << "<table><thead><tr><th>#</th><th>photo</th><th>file</th><th>number</th><th>salts</th>"
    << "<th>mg / unit</th><th>units / day</th><th>mg / day</th><th>verdict</th><th>problems</th></tr></thead><tbody>\n";
  for (const auto& [i, row] : rows_) WriteRow(h, i, row.first, row.second);
  h << "</tbody></table>\n<p><small>Made by suppcheck " << HtmlEscape(SUPPCHECK_VERSION)
    << ". Click a column heading to sort.</small></p>\n<script>" << kScript << "</script></body></html>\n";

  return WriteFileAtomically(path, h.str(), "the report");
}

}  // namespace suppcheck
