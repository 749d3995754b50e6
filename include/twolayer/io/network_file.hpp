// A user's two-layer network f(x) = Σ_i a_i σ(<w_i, x>) as stored — no 1/N factor, no
// biases — from two files: second-layer weights a of shape (N,), (N, 1) or (1, N) and
// first-layer weights W of shape (N, d), each a .npy file (recognised by its magic string)
// or a CSV file. Every check a researcher would want before an hour of computing: finite
// entries, matching N, a W that is not (d, N) by mistake; each failure an input_error.
#pragma once

#include "twolayer/io/csv_matrix.hpp"
#include "twolayer/io/npy.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <cmath>

namespace twolayer::io {

inline numeric_array read_numeric_array(const std::filesystem::path& path)
{
  if (!std::filesystem::exists(path))
    throw input_error(path.string() + ": no such file");
  if (std::filesystem::is_directory(path))
    throw input_error(path.string() + ": is a directory");
  return looks_like_npy(path) ? read_npy(path) : read_csv_matrix(path);
}

struct network {
  vector<double> a;  // N second-layer weights
  matrix<double> W;  // d × N: the first-layer weights w_i as columns
};

inline void check_finite(const numeric_array& array, const std::string& file)
{
  for (std::size_t k = 0; k < array.values.size(); ++k)
    if (!std::isfinite(array.values[k])) {
      const std::size_t cols = array.cols();
      throw input_error(file + ": entry (" + std::to_string(k / cols) + ", " + std::to_string(k % cols) +
                        ") is " + (std::isnan(array.values[k]) ? "NaN" : "infinite"));
    }
}

/// Reads and checks the network; a and W are named in messages by their paths.
inline network read_network(const std::filesystem::path& a_path, const std::filesystem::path& W_path)
{
  const numeric_array a = read_numeric_array(a_path);
  const numeric_array W = read_numeric_array(W_path);
  const std::string a_file = a_path.string();
  const std::string W_file = W_path.string();
  check_finite(a, a_file);
  check_finite(W, W_file);

  std::size_t N = 0;
  if (a.shape.size() == 1)
    N = a.shape[0];
  else if (a.shape.size() == 2 && (a.shape[1] == 1 || a.shape[0] == 1))
    N = a.shape[1] == 1 ? a.shape[0] : a.shape[1];
  else
    throw input_error(a_file + ": second-layer weights a have shape " + a.shape_text() +
                      "; expected (N,), (N, 1) or (1, N)");
  if (W.shape.size() != 2)
    throw input_error(W_file + ": first-layer weights W have shape " + W.shape_text() + "; expected (N, d)");
  if (N == 0)
    throw input_error(a_file + ": the network has no neurons (N = 0)");
  if (W.shape[0] != N) {
    if (W.shape[1] == N)
      throw input_error(W_file + ": W has shape " + W.shape_text() + " but a has N = " + std::to_string(N) +
                        " entries: W must be (N, d), one row per neuron; this looks transposed");
    throw input_error("N differs between a (" + std::to_string(N) + " entries, " + a_file + ") and W (" +
                      std::to_string(W.shape[0]) + " rows, " + W_file + ")");
  }
  if (W.shape[1] == 0)
    throw input_error(W_file + ": W has no columns (d = 0)");

  network net;
  net.a.resize(static_cast<Eigen::Index>(N));
  for (std::size_t i = 0; i < N; ++i)
    net.a(static_cast<Eigen::Index>(i)) = a.values[i];
  const std::size_t d = W.shape[1];
  net.W.resize(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(N));
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t k = 0; k < d; ++k)
      net.W(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i)) = W(i, k);
  return net;
}

}  // namespace twolayer::io
