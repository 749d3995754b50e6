// twolayer-etf's reports (etf.md, etf.csv, etf_optima.csv, etf.json, etf.tex and the figures),
// rendered from the cases the study computed. Formatting only: no number is computed and no
// verdict decided here (study/conjecture_case.hpp, study/conjecture_verdict.hpp).
#pragma once

#include "support/figures.hpp"
#include "twolayer/numeric/scalar.hpp"
#include "twolayer/report/table.hpp"
#include "twolayer/study/conjecture_case.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::app {

/// The working precision of twolayer-etf: MPFR at --digits.
using etf_real = mpfr_dynamic;
using etf_case = conjecture_case<etf_real>;

/// What the reports say about the run itself.
struct etf_run {
  std::string command;          // the canonical command line
  std::string program_version;  // twolayer-etf's version
  int digits = 50;              // --digits
};

/// The figures of a run, as gnuplot scripts: the best configuration of every case with d = 2, 3,
/// Φ_best and Φ_ETF against M, and the Hessian at the ETF (each only when it has points).
std::vector<figure> etf_figures(const std::vector<etf_case>& results);

/// Every report file (path, contents), given the figures as drawn (their SVGs and failures).
std::vector<std::pair<std::filesystem::path, std::string>> etf_report_files(const etf_run& run,
                                                                           const std::vector<etf_case>& results,
                                                                           const drawn_figures& drawn,
                                                                           const std::filesystem::path& out);

/// The summary printed on stdout: one row per case.
report::table etf_brief_table(const std::vector<etf_case>& results, int digits);

}  // namespace twolayer::app
