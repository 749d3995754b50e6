// A numeric array read from a file: its shape as stored and its entries in row-major
// (C) order, as double. What the readers of .npy and CSV files return; a malformed file
// raises input_error with a message that names the file and what is wrong with it.
#pragma once

#include "twolayer/numeric/errors.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer::io {

/// A file that cannot be used as input (malformed, unsupported, inconsistent).
struct input_error : bad_input {
  using bad_input::bad_input;
};

struct numeric_array {
  std::vector<std::size_t> shape;  // as stored: () , (n,), (n, m)
  std::vector<double> values;      // row-major

  std::size_t rows() const { return shape.empty() ? 1 : shape[0]; }
  std::size_t cols() const { return shape.size() < 2 ? 1 : shape[1]; }
  double operator()(std::size_t r, std::size_t c) const { return values[r * cols() + c]; }

  std::string shape_text() const
  {
    std::string text = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
      text += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1)
      text += ",";
    return text + ")";
  }
};

}  // namespace twolayer::io
