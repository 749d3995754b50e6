// A table of strings rendered as Markdown, CSV, JSON or LaTeX. Report code knows no mathematics:
// the numbers arrive already formatted, with every digit their precision carries.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace twolayer::report {

enum class format { markdown, csv, json, latex };

inline std::optional<format> parse_format(std::string_view name)
{
  if (name == "md" || name == "markdown")
    return format::markdown;
  if (name == "csv")
    return format::csv;
  if (name == "json")
    return format::json;
  if (name == "tex" || name == "latex")
    return format::latex;
  return std::nullopt;
}

struct table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  void add_row(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

namespace detail {

inline std::string csv_field(const std::string& s)
{
  if (s.find_first_of(",\"\n") == std::string::npos)
    return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

/// A '|' inside a cell would end it: escaped as "\|".
inline std::string markdown_cell(const std::string& s)
{
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

inline std::string json_string(const std::string& s)
{
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

/// True when s is a JSON number literal (-?int(.digits)?([eE][+-]?digits)?).
inline bool is_json_number(const std::string& s)
{
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-')
    ++i;
  if (i < s.size() && s[i] == '0')
    ++i;
  else if (!digits())
    return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits())
      return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    if (!digits())
      return false;
  }
  return i == s.size();
}

/// A cell as JSON: numbers stay numbers (all their digits), empty cells are null.
inline std::string json_value(const std::string& s)
{
  if (s.empty())
    return "null";
  return is_json_number(s) ? s : json_string(s);
}

}  // namespace detail

inline std::string to_markdown(const table& t)
{
  std::ostringstream out;
  if (!t.title.empty())
    out << "### " << t.title << "\n\n";
  out << "|";
  for (const auto& c : t.columns)
    out << " " << c << " |";
  out << "\n|";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out << "---|";
  out << "\n";
  for (const auto& row : t.rows) {
    out << "|";
    for (const auto& cell : row)
      out << " " << detail::markdown_cell(cell) << " |";
    out << "\n";
  }
  return out.str();
}

/// CSV rows without the header line.
inline std::string to_csv_rows(const table& t)
{
  std::ostringstream out;
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i ? "," : "") << detail::csv_field(row[i]);
    out << "\n";
  }
  return out.str();
}

inline std::string to_csv(const table& t)
{
  std::ostringstream out;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out << (i ? "," : "") << detail::csv_field(t.columns[i]);
  out << "\n" << to_csv_rows(t);
  return out.str();
}

/// The rows as a JSON array of objects keyed by column name.
inline std::string to_json_rows(const table& t, const std::string& indent = "  ")
{
  std::ostringstream out;
  out << "[";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    out << (r ? ",\n" : "\n") << indent << "{";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << (i ? ", " : "") << detail::json_string(t.columns[i]) << ": "
          << detail::json_value(i < t.rows[r].size() ? t.rows[r][i] : std::string());
    out << "}";
  }
  out << "\n" << indent.substr(0, indent.size() >= 2 ? indent.size() - 2 : 0) << "]";
  return out.str();
}

namespace detail {

/// A cell as LaTeX text: the special characters escaped, a number in scientific notation
/// (1.23e-05) as math (1.23\times10^{-5}).
inline std::string latex_cell(const std::string& s)
{
  if (is_json_number(s)) {
    const auto e = s.find_first_of("eE");
    if (e != std::string::npos) {
      std::string mantissa = s.substr(0, e);
      int exponent = std::atoi(s.c_str() + e + 1);
      return "$" + mantissa + "\\times10^{" + std::to_string(exponent) + "}$";
    }
    return s;
  }
  std::string out;
  for (char c : s) {
    switch (c) {
    case '\\': out += "\\textbackslash{}"; break;
    case '&': case '%': case '$': case '#': case '_': case '{': case '}':
      out += '\\';
      out += c;
      break;
    case '~': out += "\\textasciitilde{}"; break;
    case '^': out += "\\textasciicircum{}"; break;
    case '<': out += "\\textless{}"; break;
    case '>': out += "\\textgreater{}"; break;
    case '|': out += "\\textbar{}"; break;
    default: out += c;
    }
  }
  return out;
}

}  // namespace detail

/// A LaTeX tabular (booktabs rules), ready to paste into a table environment.
inline std::string to_latex(const table& t)
{
  std::ostringstream out;
  if (!t.title.empty())
    out << "% " << t.title << "\n";
  out << "% needs \\usepackage{booktabs}\n\\begin{tabular}{" << std::string(t.columns.size(), 'l') << "}\n\\toprule\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out << (i ? " & " : "") << detail::latex_cell(t.columns[i]);
  out << " \\\\\n\\midrule\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out << (i ? " & " : "") << detail::latex_cell(i < row.size() ? row[i] : std::string());
    out << " \\\\\n";
  }
  out << "\\bottomrule\n\\end{tabular}\n";
  return out.str();
}

/// The table in the given format.
inline std::string render(const table& t, format f)
{
  switch (f) {
  case format::markdown: return to_markdown(t);
  case format::csv: return to_csv(t);
  case format::json: return to_json_rows(t) + "\n";
  case format::latex: return to_latex(t);
  }
  return {};
}

}  // namespace twolayer::report
