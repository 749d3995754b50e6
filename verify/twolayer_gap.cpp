// twolayer-gap: the gap between the finite objective L_N of realised targets and the
// simplified objective L~ (docs/mathematics.md §5), over a grid of laws × d × N × replicates and
// compressed widths M; writes gap.md, gap.csv, gap.json and gap_sup_dev.svg. Parse, run the
// study (study/gap_study.hpp), render (gap_report.hpp).
#include "cli.hpp"
#include "gap_report.hpp"
#include "support/atomic_file.hpp"
#include "support/figures.hpp"
#include "twolayer/study/gap_study.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;
using twolayer::gap_row;

constexpr const char* version = "0.1.0";

struct settings {
  twolayer::gap_grid grid;
  twolayer::gap_settings gap;
  std::filesystem::path out;
  unsigned threads = 1;
  bool progress = false;
  report::format format = report::format::markdown;
  std::string mean_ratio;  // --mean as given ("" without a mean)
};

std::string join(const std::vector<std::string>& items)
{
  std::string s;
  for (const auto& i : items)
    s += (s.empty() ? "" : ",") + i;
  return s;
}

template <class T>
std::string join_numbers(const std::vector<T>& items)
{
  std::vector<std::string> text;
  for (const auto& i : items)
    text.push_back(std::to_string(i));
  return join(text);
}

/// The command that reproduces the report, with every setting that changes a number
/// (not the thread count or the output directory, which change none).
std::string canonical_command(const settings& s)
{
  std::vector<std::string> laws;
  for (auto l : s.grid.laws) {
    l.mean_ratio = 0;  // --mean says it once for every law
    laws.push_back(l.name());
  }
  return "twolayer-gap --laws " + join(laws) + " --d " + join_numbers(s.grid.dimensions) + " --N " +
         join_numbers(s.grid.widths) + " --M " + join(s.grid.compressed) + " --seeds " +
         std::to_string(s.grid.replicates) + " --seed " + std::to_string(s.gap.seed) + " --screen " +
         std::to_string(s.gap.deviation.screen) + " --ascents " + std::to_string(s.gap.deviation.ascents) +
         " --restarts " + std::to_string(s.gap.simplified_restarts) + " --orientations " +
         std::to_string(s.gap.finite_orientations) + " --finite-starts " +
         std::to_string(s.gap.finite_random_starts) + " --finite-max-N " + std::to_string(s.gap.finite_max_N) +
         " --finite-max-d " + std::to_string(s.gap.finite_max_d) +
         (s.mean_ratio.empty() ? std::string() : " --mean " + s.mean_ratio);
}

settings parse(const cli::parser& p)
{
  settings s;
  const bool quick = p.has("quick");
  s.grid = quick ? twolayer::gap_grid::quick() : twolayer::gap_grid::full();
  if (quick)
    s.gap.finite_max_N = 1000;
  if (p.has("laws")) {
    s.grid.laws.clear();
    for (const auto& name : cli::split_list("laws", p.get("laws"))) {
      const auto law = twolayer::parse_entry_law(name);
      if (!law)
        throw cli::usage_error("--laws: unknown law '" + name + "' (gaussian, rademacher, uniform)");
      s.grid.laws.push_back(twolayer::target_law{*law});
    }
  }
  if (p.has("mean")) {
    const auto r = cli::to_decimal("mean", p.get("mean"));
    if (r.numerator < 0)
      throw cli::usage_error("--mean: the mean ratio " + r.text + " is negative");
    const double ratio = double(r.numerator) / double(r.denominator);
    if (ratio > 1000)
      throw cli::usage_error("--mean: " + r.text + " is above 1000 (the zonal series would need more than 4096 terms)");
    if (ratio != 0) {
      s.mean_ratio = r.text;
      for (auto& law : s.grid.laws)
        law.mean_ratio = ratio;
    }
  }
  if (p.has("d")) {
    s.grid.dimensions.clear();
    for (const auto& item : cli::split_list("d", p.get("d")))
      s.grid.dimensions.push_back(static_cast<unsigned>(cli::to_integer("d", item, 2, 4096)));
  }
  if (p.has("N")) {
    s.grid.widths.clear();
    for (const auto& item : cli::split_list("N", p.get("N")))
      s.grid.widths.push_back(static_cast<std::size_t>(cli::to_integer("N", item, 2, 100000000)));
  }
  if (p.has("M")) {
    s.grid.compressed.clear();
    for (const auto& item : cli::split_list("M", p.get("M"))) {
      if (item != "d+1")
        cli::to_integer("M", item, 2, 100000);
      s.grid.compressed.push_back(item);
    }
  }
  if (p.has("seeds"))
    s.grid.replicates = static_cast<unsigned>(cli::to_integer("seeds", p.get("seeds"), 1, 10000));
  s.gap.seed = static_cast<std::uint64_t>(
      cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.gap.deviation.screen = static_cast<int>(cli::to_integer("screen", p.get("screen"), 0, 1000000));
  s.gap.deviation.ascents = static_cast<int>(cli::to_integer("ascents", p.get("ascents"), 0, 1000));
  s.gap.simplified_restarts = static_cast<int>(cli::to_integer("restarts", p.get("restarts"), 1, 1000000));
  s.gap.finite_orientations =
      static_cast<int>(cli::to_integer("orientations", p.get("orientations"), 1, 1000));
  s.gap.finite_random_starts =
      static_cast<int>(cli::to_integer("finite-starts", p.get("finite-starts"), 0, 1000));
  if (p.has("finite-max-N"))
    s.gap.finite_max_N =
        static_cast<std::size_t>(cli::to_integer("finite-max-N", p.get("finite-max-N"), 0, 100000000));
  s.gap.finite_max_d = static_cast<unsigned>(cli::to_integer("finite-max-d", p.get("finite-max-d"), 0, 4096));
  s.threads = cli::threads_wanted(p);
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  const std::size_t smallest_N = *std::min_element(s.grid.widths.begin(), s.grid.widths.end());
  for (unsigned d : s.grid.dimensions)
    for (int M : twolayer::compressed_widths(s.grid.compressed, d))
      if (static_cast<std::size_t>(M) >= smallest_N)
        throw cli::usage_error("--M: M = " + std::to_string(M) + " (d = " + std::to_string(d) +
                               ") is not below the smallest N = " + std::to_string(smallest_N));
  // Resource bound: the constant term costs N²/2 kernel evaluations per realisation.
  const std::size_t largest_finite = std::min<std::size_t>(
      s.gap.finite_max_N, *std::max_element(s.grid.widths.begin(), s.grid.widths.end()));
  const double pairs = 0.5 * double(largest_finite) * double(largest_finite);
  if (pairs > 5e11)
    throw cli::usage_error("--finite-max-N " + std::to_string(largest_finite) + ": the constant term needs " +
                           std::to_string(pairs) + " kernel evaluations per realisation (about " +
                           std::to_string(int(pairs * 1e-8 / 3600)) + " hours each): refused, the bound is 5e11");
  s.out = cli::output_directory(p.get("out"));
  return s;
}

using results = twolayer::gap_study_results;

results run(const settings& s)
{
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  std::mutex log_mutex;
  return twolayer::run_gap_study(s.grid, s.gap, s.threads, [&](const std::string& line) {
    if (!s.progress)
      return;
    std::lock_guard<std::mutex> lock(log_mutex);
    std::cerr << "[" << std::chrono::duration_cast<std::chrono::seconds>(clock::now() - start).count()
              << " s] " << line << std::endl;
  });
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      "twolayer-gap",
      "Measures how far the finite objective L_N of realised ReLU targets lies from the\n"
      "simplified objective L~ (docs/mathematics.md sections 2 and 5): the sup-deviation of the cross\n"
      "term and its infinite-N floor, the constant-term gap, the gap between the minima (with\n"
      "the realised and the expected scaling factor), the distance of the finite optimum from\n"
      "a simplex ETF, and log-log exponents in N and d. With --mean R the first layer has a mean mu\n"
      "(|mu|/tau = R) and the simplified objective is the gaussian mean-field one of section 2.1, for\n"
      "every law. Writes gap.md, gap.csv, gap.json, gap.tex\n"
      "and gap_sup_dev.svg (with its gnuplot script) into --out. Exit status: 0 written, 1 failed (nothing written), 2 usage error.",
      {{"laws", "LIST", "gaussian,rademacher,uniform", "entry laws of the first layer"},
       {"mean", "R", "0", "targets with a mean: w = mu + xi/sqrt(d), mu = R (1,...,1)/sqrt(d), |mu|/tau = R"},
       {"d", "LIST", "2,4,8,16,32,64", "input dimensions"},
       {"N", "LIST", "100,1000,10000,100000", "target widths"},
       {"M", "LIST", "3,d+1", "compressed widths: integers or the word d+1"},
       {"seeds", "K", "5", "replicates per (law, d, N)"},
       {"seed", "S", "20221", "base seed"},
       {"quick", "", "", "small grid for the tests: d 2,4,8; N up to 10^4; 2 replicates; finite "
                         "objective up to N = 1000 (explicit options override)"},
       {"screen", "K", "256", "random directions screened for the sup-deviation"},
       {"ascents", "K", "4", "local ascents from the best screened directions"},
       {"restarts", "K", "32", "multi-start restarts for the simplified optimum per (M, d)"},
       {"orientations", "K", "6", "random orientations of the simplified optimum as starts for min L_N"},
       {"finite-starts", "K", "2", "random starts for min L_N besides those"},
       {"finite-max-N", "N", "10000", "largest N for const_gap, min_gap, etf_distance"},
       {"finite-max-d", "D", "16", "largest d for const_gap, min_gap, etf_distance"},
       {"out", "DIR", "reports", "output directory (created if missing)"},
       {"format", "md|csv|json|tex", "md", "format of the summary on stdout (the fitted exponents in N)"},
       {"threads", "T", "all cores", "worker threads (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-gap", version, parse, [&](const settings& s) {
    const results r = run(s);
    const app::gap_run run_info{canonical_command(s), version, s.grid, s.gap};
    // the figure is drawn first and may fail: the tables are written whatever it gives
    const auto drawn = app::draw_figures({{"gap_sup_dev", app::gap_figure_script(run_info, r)}});
    const auto files = app::gap_report_files(run_info, r, drawn, s.out);
    app::write_files_atomically(files);
    for (const auto& failure : drawn.failures)
      std::cerr << "twolayer-gap: warning: figure not drawn, the reports are written: " << failure << "\n";
    if (s.progress)
      std::cerr << "wrote " << (s.out / "gap.md").string() << ", gap.csv, gap.json, gap.tex, gap_sup_dev.svg\n";
    std::cout << report::render(app::gap_exponents_in_N(run_info, r), s.format);
    return 0;
  });
}
