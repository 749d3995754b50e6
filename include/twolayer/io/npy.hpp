// NumPy's .npy format (format versions 1.0, 2.0, 3.0), read and written by hand:
//
//   "\x93NUMPY" major minor  header_len (uint16 LE for 1.0, uint32 LE for 2.0/3.0)
//   header: a Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (N, d), }
//   data:   prod(shape) items of the dtype, C or Fortran order
//
// Accepted: little-endian float64 ('<f8') and float32 ('<f4'), C or Fortran order, zero to
// two dimensions. Everything else — big-endian, integers, objects, structured dtypes,
// three or more dimensions, a header that does not parse, a data section shorter or longer
// than the shape says — is an input_error naming what was found. Written: '<f8', C order,
// format 1.0, the header padded so that the data starts at a multiple of 64 bytes.
#pragma once

#include "twolayer/io/numeric_array.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string_view>

namespace twolayer::io {

namespace npy_detail {

inline constexpr char magic[] = "\x93NUMPY";
inline constexpr std::size_t magic_size = 6;

inline std::string_view trim(std::string_view s)
{
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

/// The text after `'key':` up to (not including) the next top-level ',' or '}'.
inline std::string_view dict_value(std::string_view header, std::string_view key, const std::string& file)
{
  // appended, not `literal + string`: GCC 12's -Wstringop-overflow false positive (its PR 105329)
  std::string quoted_single = "'", quoted_double = "\"";
  quoted_single.append(key).append("'");
  quoted_double.append(key).append("\"");
  auto at = header.find(quoted_single);
  std::size_t length = quoted_single.size();
  if (at == std::string_view::npos) {
    at = header.find(quoted_double);
    length = quoted_double.size();
  }
  if (at == std::string_view::npos)
    throw input_error(file + ": .npy header has no '" + std::string(key) + "' entry");
  std::string_view rest = trim(header.substr(at + length));
  if (rest.empty() || rest.front() != ':')
    throw input_error(file + ": .npy header entry '" + std::string(key) + "' is malformed");
  rest = trim(rest.substr(1));
  int depth = 0;
  std::size_t end = 0;
  for (; end < rest.size(); ++end) {
    const char c = rest[end];
    if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if ((c == ',' || c == '}') && depth == 0)
      break;
  }
  return trim(rest.substr(0, end));
}

inline std::vector<std::size_t> parse_shape(std::string_view text, const std::string& file)
{
  if (text.size() < 2 || text.front() != '(' || text.back() != ')')
    throw input_error(file + ": .npy shape '" + std::string(text) + "' is not a tuple");
  text = text.substr(1, text.size() - 2);
  std::vector<std::size_t> shape;
  while (!(text = trim(text)).empty()) {
    const auto comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || error != std::errc() || end != item.data() + item.size())
      throw input_error(file + ": .npy shape entry '" + std::string(item) + "' is not a whole number");
    shape.push_back(value);
    if (comma == std::string_view::npos)
      break;
    text = text.substr(comma + 1);
  }
  return shape;
}

inline std::uint32_t little_endian(const unsigned char* bytes, int count)
{
  std::uint32_t value = 0;
  for (int i = count - 1; i >= 0; --i)
    value = (value << 8) | bytes[i];
  return value;
}

}  // namespace npy_detail

/// True when the file starts with the .npy magic string.
inline bool looks_like_npy(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  char head[npy_detail::magic_size] = {};
  in.read(head, npy_detail::magic_size);
  return in.gcount() == static_cast<std::streamsize>(npy_detail::magic_size) &&
         std::memcmp(head, npy_detail::magic, npy_detail::magic_size) == 0;
}

inline numeric_array read_npy(const std::filesystem::path& path)
{
  using namespace npy_detail;
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw input_error(file + ": cannot be opened");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < magic_size + 4 || std::memcmp(bytes.data(), magic, magic_size) != 0)
    throw input_error(file + ": not a .npy file (no \\x93NUMPY magic string)");
  const int major = data[magic_size];
  std::size_t header_start = 0;
  std::size_t header_length = 0;
  if (major == 1) {
    header_start = magic_size + 4;
    header_length = little_endian(data + magic_size + 2, 2);
  } else if (major == 2 || major == 3) {
    if (bytes.size() < magic_size + 6)
      throw input_error(file + ": truncated .npy header");
    header_start = magic_size + 6;
    header_length = little_endian(data + magic_size + 2, 4);
  } else {
    throw input_error(file + ": unsupported .npy format version " + std::to_string(major) + "." +
                      std::to_string(data[magic_size + 1]));
  }
  if (bytes.size() < header_start + header_length)
    throw input_error(file + ": truncated .npy header (" + std::to_string(bytes.size()) + " bytes, header needs " +
                      std::to_string(header_start + header_length) + ")");
  const std::string_view header(bytes.data() + header_start, header_length);
  if (trim(header).empty() || trim(header).front() != '{')
    throw input_error(file + ": .npy header is not a dictionary");

  std::string_view descr = dict_value(header, "descr", file);
  if (descr.size() >= 2 && (descr.front() == '\'' || descr.front() == '"') && descr.back() == descr.front())
    descr = descr.substr(1, descr.size() - 2);
  else
    throw input_error(file + ": .npy dtype " + std::string(descr) + " is not supported (structured or malformed)");
  std::size_t item_size = 0;
  if (descr == "<f8")
    item_size = 8;
  else if (descr == "<f4")
    item_size = 4;
  else
    throw input_error(file + ": .npy dtype '" + std::string(descr) +
                      "' is not supported (little-endian float64 '<f8' or float32 '<f4' only)");

  const std::string_view order = dict_value(header, "fortran_order", file);
  bool fortran = false;
  if (order == "True")
    fortran = true;
  else if (order != "False")
    throw input_error(file + ": .npy fortran_order '" + std::string(order) + "' is neither True nor False");

  numeric_array array;
  array.shape = parse_shape(dict_value(header, "shape", file), file);
  if (array.shape.size() > 2)
    throw input_error(file + ": .npy array has " + std::to_string(array.shape.size()) +
                      " dimensions; expected at most 2");
  std::size_t count = 1;
  for (auto n : array.shape) {
    if (n != 0 && count > std::numeric_limits<std::size_t>::max() / 8 / n)
      throw input_error(file + ": .npy shape " + array.shape_text() + " is too large");
    count *= n;
  }
  const std::size_t data_start = header_start + header_length;
  const std::size_t expected = count * item_size;
  const std::size_t present = bytes.size() - data_start;
  if (present < expected)
    throw input_error(file + ": truncated .npy data: shape " + array.shape_text() + " needs " +
                      std::to_string(expected) + " bytes, the file holds " + std::to_string(present));
  if (present > expected)
    throw input_error(file + ": .npy data is " + std::to_string(present - expected) +
                      " bytes longer than shape " + array.shape_text() + " needs");

  array.values.resize(count);
  const std::size_t rows = array.rows();
  const std::size_t cols = array.cols();
  for (std::size_t k = 0; k < count; ++k) {
    double value = 0;
    const char* item = bytes.data() + data_start + k * item_size;
    if (item_size == 8) {
      std::uint64_t raw = 0;
      for (int b = 7; b >= 0; --b)
        raw = (raw << 8) | static_cast<unsigned char>(item[b]);
      std::memcpy(&value, &raw, 8);
    } else {
      std::uint32_t raw = 0;
      for (int b = 3; b >= 0; --b)
        raw = (raw << 8) | static_cast<unsigned char>(item[b]);
      float single = 0;
      std::memcpy(&single, &raw, 4);
      value = single;
    }
    // Fortran order stores column after column: item k is entry (k % rows, k / rows).
    const std::size_t target = fortran && array.shape.size() == 2 ? (k % rows) * cols + k / rows : k;
    array.values[target] = value;
  }
  return array;
}

/// The bytes of a .npy file holding `values` (row-major) with the given shape, as '<f8'.
inline std::string npy_bytes(const std::vector<std::size_t>& shape, const std::vector<double>& values)
{
  std::string shape_text = "(";
  for (std::size_t i = 0; i < shape.size(); ++i)
    shape_text += (i ? ", " : "") + std::to_string(shape[i]);
  if (shape.size() == 1)
    shape_text += ",";
  shape_text += ")";
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape_text + ", }";
  const std::size_t unpadded = npy_detail::magic_size + 4 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header += '\n';
  std::string bytes(npy_detail::magic, npy_detail::magic_size);
  bytes += static_cast<char>(1);
  bytes += static_cast<char>(0);
  bytes += static_cast<char>(header.size() & 0xff);
  bytes += static_cast<char>((header.size() >> 8) & 0xff);
  bytes += header;
  for (double value : values) {
    std::uint64_t raw = 0;
    std::memcpy(&raw, &value, 8);
    for (int b = 0; b < 8; ++b)
      bytes += static_cast<char>((raw >> (8 * b)) & 0xff);
  }
  return bytes;
}

}  // namespace twolayer::io
