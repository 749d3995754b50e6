// twolayer-gap's reports (gap.md, gap.csv, gap.json, gap.tex and gap_sup_dev.svg), rendered from
// the study's results. Formatting only: no number is computed here (study/gap_study.hpp).
#pragma once

#include "support/figures.hpp"
#include "twolayer/report/table.hpp"
#include "twolayer/study/gap_study.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace twolayer::app {

/// What the reports say about the run itself: its command, version and settings.
struct gap_run {
  std::string command;          // the canonical command line
  std::string program_version;  // twolayer-gap's version
  gap_grid grid;
  gap_settings gap;
};

/// The gnuplot script of the sup-deviation against N.
std::string gap_figure_script(const gap_run& run, const gap_study_results& r);

/// Every report file (path, contents), given the figure as drawn.
std::vector<std::pair<std::filesystem::path, std::string>> gap_report_files(const gap_run& run,
                                                                           const gap_study_results& r,
                                                                           const drawn_figures& drawn,
                                                                           const std::filesystem::path& out);

/// The summary printed on stdout: the fitted exponents in N.
report::table gap_exponents_in_N(const gap_run& run, const gap_study_results& r);

}  // namespace twolayer::app
