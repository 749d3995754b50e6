// A numeric matrix from a CSV file: one row per line, entries separated by commas (spaces
// around them allowed); blank lines and lines starting with '#' are skipped. Every entry
// must be a complete decimal number (std::from_chars): a header line, a missing entry or
// rows of different lengths are input_errors naming the line. A single column of n lines
// has shape (n, 1), a single line of n entries (1, n).
#pragma once

#include "twolayer/io/numeric_array.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace twolayer::io {

inline numeric_array read_csv_matrix(const std::filesystem::path& path)
{
  const std::string file = path.string();
  std::ifstream in(path);
  if (!in)
    throw input_error(file + ": cannot be opened");
  numeric_array array;
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#')
      continue;
    std::size_t count = 0;
    std::string_view rest(line);
    for (;;) {
      const auto comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
        item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
        item.remove_suffix(1);
      if (!item.empty() && item.front() == '+')  // from_chars rejects a leading '+'
        item.remove_prefix(1);
      double value = 0;
      const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
      if (item.empty())
        throw input_error(file + ":" + std::to_string(number) + ": entry " + std::to_string(count + 1) + " is empty");
      if (error == std::errc::result_out_of_range)
        throw input_error(file + ":" + std::to_string(number) + ": '" + std::string(item) +
                          "' is out of the range of double");
      if (error != std::errc() || end != item.data() + item.size())
        throw input_error(file + ":" + std::to_string(number) + ": '" + std::string(item) + "' is not a number");
      array.values.push_back(value);
      ++count;
      if (comma == std::string_view::npos)
        break;
      rest = rest.substr(comma + 1);
    }
    if (rows == 0)
      cols = count;
    else if (count != cols)
      throw input_error(file + ":" + std::to_string(number) + ": " + std::to_string(count) +
                        " entries where the first row has " + std::to_string(cols));
    ++rows;
  }
  if (in.bad())
    throw input_error(file + ": read error");
  if (rows == 0)
    throw input_error(file + ": holds no numbers");
  array.shape = {rows, cols};
  return array;
}

}  // namespace twolayer::io
