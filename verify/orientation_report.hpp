// twolayer-orientation's reports (orientation.md, orientation.csv, orientation_summary.csv,
// orientation.json, orientation.tex and the figures), rendered from the cases the study computed.
// Formatting only: no number is computed and no pattern or shape decided here
// (study/orientation_case.hpp, study/orientation_study.hpp).
#pragma once

#include "support/figures.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/report/table.hpp"
#include "twolayer/study/orientation_study.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::app {

/// The working precision of twolayer-orientation: MPFR at --digits.
using orientation_real = mpfr_dynamic;
using orientation_results = orientation_study_results<orientation_real>;

/// What the reports say about the run itself.
struct orientation_run {
  std::string command;          // the canonical command line
  std::string program_version;  // twolayer-orientation's version
  std::string source_version;   // the commit it was built from
  int digits = 30;              // --digits
};

/// Per (d, M): is the optimum a simplex ETF, and where it points (one row each).
report::table orientation_summary_table(const orientation_results& results);

/// Every case (d, M, R): one row each.
report::table orientation_case_table(const orientation_results& results);

/// The figures, as gnuplot scripts: per (d, M) the cosines <u_j, μ̂> of the optimum (and of the
/// best rotated simplex ETF) against R; for d = 2 and 3 the optimal directions with μ̂ drawn, at
/// the first grid R > 0 of every stretch of R with one pattern.
std::vector<figure> orientation_figures(const orientation_results& results);

/// Every report file (path, contents), given the figures as drawn (their SVGs and failures).
std::vector<std::pair<std::filesystem::path, std::string>> orientation_report_files(const orientation_run& run,
                                                                                   const orientation_results& results,
                                                                                   const drawn_figures& drawn,
                                                                                   const std::filesystem::path& out);

}  // namespace twolayer::app
