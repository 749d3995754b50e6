// twolayer-compress's reports, rendered from the outcome of the compression pipeline
// (study/compression.hpp). Formatting only: no number is computed here.
#pragma once

#include "twolayer/numeric/scalar.hpp"
#include "twolayer/report/table.hpp"
#include "twolayer/study/compression.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::app {

/// The working precision of the polish: MPFR at --digits.
using compress_real = mpfr_dynamic;

/// What the reports say about the run itself.
struct compress_run {
  std::string command;          // the canonical command line
  std::string activation_name;  // as given
  std::string slope_text;       // leaky_relu's slope as given, or empty
  int digits = 50;              // --digits
  int polish_max_Md = 256;      // --polish-max
};

/// compressed_b.npy, compressed_V.npy, compressed.csv, compression.md, .json, .tex (path, contents).
std::vector<std::pair<std::filesystem::path, std::string>> compress_report_files(
    const compress_run& run, const compression_outcome<compress_real>& outcome, const std::filesystem::path& out);

/// The summary printed on stdout in the chosen format.
std::string compress_summary(const compress_run& run, const compression_outcome<compress_real>& outcome,
                             report::format format);

}  // namespace twolayer::app
