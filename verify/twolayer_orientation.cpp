// twolayer-orientation: where the optimal compressed network of a relu target with a mean points,
// and whether it is a simplex ETF (docs/mathematics.md §2.1). Parse, run one orientation case per
// (d, M, R) (study/orientation_case.hpp), render (orientation_report.hpp).
#include "cli.hpp"
#include "orientation_report.hpp"
#include "support/atomic_file.hpp"
#include "support/figures.hpp"

#include <cstdio>
#include <iostream>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;
using Real = app::orientation_real;

constexpr const char* version = "0.1.0";

struct settings {
  twolayer::orientation_grid grid;
  twolayer::orientation_study_options study;
  int digits = 30;
  std::optional<std::filesystem::path> out;
  report::format format = report::format::markdown;
  bool progress = false;
};

std::string join(const std::vector<std::string>& items)
{
  std::string text;
  for (const auto& item : items) {
    if (!text.empty())
      text += ',';
    text += item;
  }
  return text;
}

/// The command that reproduces the report (every setting that changes a number).
std::string canonical_command(const settings& s)
{
  std::vector<std::string> d;
  for (unsigned x : s.grid.dimensions)
    d.push_back(std::to_string(x));
  std::string command = "twolayer-orientation --d " + join(d);
  command += " --M " + join(s.grid.widths) + " --R " + join(s.grid.ratios);
  command += " --restarts " + std::to_string(s.study.case_options.restarts);
  command += " --seed " + std::to_string(s.study.case_options.search.seed);
  command += " --digits " + std::to_string(s.digits);
  if (!s.study.bisect)
    command += " --no-bisection";
  return command;
}

settings parse(const cli::parser& p)
{
  settings s;
  const bool quick = p.has("quick");
  for (const auto& item : cli::split_list("d", p.has("d") ? p.get("d") : quick ? "2,3" : p.get("d")))
    s.grid.dimensions.push_back(static_cast<unsigned>(cli::to_integer("d", item, 2, 64)));
  s.grid.widths = cli::split_list("M", p.get("M"));
  for (const auto& w : s.grid.widths)
    if (w != "auto")
      cli::to_integer("M", w, 1, 64);
  double previous = -1;
  for (const auto& item : cli::split_list("R", p.has("R") ? p.get("R") : quick ? "0,0.3,1,3" : p.get("R"))) {
    const auto r = cli::to_decimal("R", item);
    if (r.numerator < 0)
      throw cli::usage_error("--R: the mean ratio " + item + " is negative");
    const double value = double(r.numerator) / double(r.denominator);
    if (value <= previous)
      throw cli::usage_error("--R: the ratios must increase (" + item + " after " + std::to_string(previous) + ")");
    if (value > 1000)
      throw cli::usage_error("--R: " + item + " is above 1000 (the zonal series would need more than 4096 terms)");
    previous = value;
    s.grid.ratios.push_back(r.text);
  }
  s.study.case_options.restarts = cli::to_integer(
      "restarts", p.has("restarts") ? p.get("restarts") : quick ? "40" : p.get("restarts"), 1, 10000000);
  s.study.case_options.search.seed =
      static_cast<std::uint64_t>(cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.study.bisect = !p.has("no-bisection");
  s.digits = static_cast<int>(cli::to_integer("digits", p.get("digits"), 20, 200));
  s.study.case_options.threads = cli::threads_wanted(p);
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  if (p.has("out"))
    s.out = cli::output_directory(p.get("out"));
  return s;
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      "twolayer-orientation",
      "For relu targets whose first-layer weights have a mean mu (ratio R = |mu|/tau, mu along the\n"
      "all-ones direction; docs/mathematics.md section 2.1), searches the simplified problem for each\n"
      "(d, M, R), polishes and classifies the best optimum modulo the rotations fixing mu, and says\n"
      "where it points (cosines with mu, whether mu lies in its span), whether it is a simplex ETF,\n"
      "and how far it is from the best rotated simplex ETF; per (d, M) a summary, with the R where the\n"
      "pattern changes located by bisection. Prints the summary; writes orientation.md, orientation.csv\n"
      "(every case), orientation_summary.csv, orientation.json, orientation.tex and the figures (per\n"
      "(d, M) the cosines with mu against R; for d = 2, 3 the optimal directions with mu drawn; SVG\n"
      "with its gnuplot script) into --out when given. A figure gnuplot cannot draw is reported and\n"
      "the reports are written all the same.\n"
      "Exit status: 0 done, 1 failed, 2 usage error.",
      {{"d", "LIST", "2,3,4", "input dimensions"},
       {"M", "LIST", "auto", "compressed widths: integers, or auto for 2 .. d+2"},
       {"R", "LIST", "0,0.03,0.1,0.3,0.5,1,2,3,10", "mean ratios |mu|/tau"},
       {"restarts", "K", "200", "uniform L-BFGS restarts per case"},
       {"seed", "S", "1", "seed of the restarts"},
       {"digits", "N", "30", "working precision of the polish and the second-order test"},
       {"quick", "", "", "d 2,3; R 0,0.3,1,3; 40 restarts (explicit options override)"},
       {"no-bisection", "", "", "do not locate the transitions between grid points"},
       {"out", "DIR", "", "write orientation.md, .csv, .json, .tex and the figures here"},
       {"format", "md|csv|json|tex", "md", "format of the table on stdout"},
       {"threads", "T", "all cores", "worker threads (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-orientation", version, parse, [&](const settings& s) {
    const twolayer::scoped_precision precision(static_cast<unsigned>(s.digits));
    const auto results = twolayer::run_orientation_study<Real>(s.grid, s.study, [&](const std::string& line) {
      if (s.progress)
        std::cerr << "twolayer-orientation: " << line << "\n";
    });
    if (s.out) {
      // Figures first: one gnuplot cannot draw is reported (stderr and orientation.md) and the
      // reports are written all the same.
      const auto drawn = app::draw_figures(app::orientation_figures(results));
      app::write_files_atomically(app::orientation_report_files(
          {canonical_command(s), version, cli::source_version(), s.digits}, results, drawn, *s.out));
      for (const auto& failure : drawn.failures)
        std::cerr << "twolayer-orientation: warning: figure not drawn, the reports are written: " << failure << "\n";
    }
    std::cout << report::render(app::orientation_summary_table(results), s.format);
    return 0;
  });
}
