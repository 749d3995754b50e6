// twolayer-etf: the simplex-ETF conjecture (docs/mathematics.md §3, §5) checked by exhaustive
// multi-start search for the maxima of Φ, Newton polish of every distinct optimum in high
// precision, and the second-order test; writes etf.md, etf.csv, etf_optima.csv, etf.json,
// and for d = 2, 3 pictures of the best configurations. Parse, run the cases of the study
// (study/conjecture_case.hpp) with a resumable restart log, render (etf_report.hpp).
#include "cli.hpp"
#include "etf_report.hpp"
#include "support/atomic_file.hpp"
#include "support/figures.hpp"
#include "twolayer/study/conjecture_case.hpp"
#include "twolayer/study/conjecture_verdict.hpp"
#include "twolayer/study/restart_log.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
namespace app = twolayer::app;

constexpr const char* version = "0.1.0";

struct settings {
  std::vector<std::pair<int, int>> cases;  // (M, d)
  bool grid = false;
  std::vector<std::string> M_items, d_items;
  long restarts = 10000;
  std::optional<long> restarts_beyond_etf;  // the cap for M > d + 1 (default: restarts)
  std::optional<long> boundary_restarts;    // default min(restarts, 1000)
  long planted_starts = 0;
  std::optional<double> until_bound;
  std::optional<double> until_coverage;
  long batch = 500;
  int polish_max = 20;
  int digits = 50;
  std::uint64_t seed = 1;
  std::filesystem::path out;
  unsigned threads = 1;
  bool resume = false;
  bool progress = false;
  report::format format = report::format::markdown;
  bool quick = false;
};

std::string canonical_command(const settings& s)
{
  std::string c = "twolayer-etf";
  if (s.grid) {
    c += " --grid";
  } else if (!s.quick) {
    auto join = [](const std::vector<std::string>& items) {
      std::string t;
      for (const auto& i : items)
        t += (t.empty() ? "" : ",") + i;
      return t;
    };
    c += " --M " + join(s.M_items) + " --d " + join(s.d_items);
  }
  if (s.quick)
    c = "twolayer-etf --quick";
  c += " --restarts " + std::to_string(s.restarts);
  if (s.restarts_beyond_etf)
    c += " --restarts-beyond-etf " + std::to_string(*s.restarts_beyond_etf);
  if (s.until_bound) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", *s.until_bound);
    c += " --until-bound " + std::string(buffer);
  }
  if (s.until_coverage) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", *s.until_coverage);
    c += " --until-coverage " + std::string(buffer);
  }
  if (s.planted_starts > 0)
    c += " --planted-starts " + std::to_string(s.planted_starts);
  if (s.boundary_restarts)
    c += " --boundary-restarts " + std::to_string(*s.boundary_restarts);
  c += " --batch " + std::to_string(s.batch) + " --polish-max " + std::to_string(s.polish_max) + " --digits " +
       std::to_string(s.digits) + " --seed " + std::to_string(s.seed);
  return c;
}

/// The value of --name, a decimal strictly between 0 and 1 (`what` names it in the error).
double open_unit_interval(const cli::parser& p, const std::string& name, const std::string& what)
{
  const auto value = cli::to_decimal(name, p.get(name));
  const double x = double(value.numerator) / double(value.denominator);
  if (!(x > 0 && x < 1))
    throw cli::usage_error("--" + name + ": " + value.text + " is not " + what + " in (0, 1)");
  return x;
}

settings parse(const cli::parser& p)
{
  settings s;
  s.grid = p.has("grid");
  s.quick = p.has("quick");
  if ((s.grid || s.quick) && (p.has("M") || p.has("d")))
    throw cli::usage_error("--grid and --quick choose the cases themselves: give them without --M and --d");
  if (s.grid && s.quick)
    throw cli::usage_error("--grid and --quick exclude each other");
  if (s.grid || s.quick) {
    for (int d = 2; d <= (s.quick ? 4 : 8); ++d)
      for (int M = 2; M <= d + 3; ++M)
        s.cases.push_back({M, d});
  } else {
    if (!p.has("M") || !p.has("d"))
      throw cli::usage_error("give --M and --d (comma lists allowed), or --grid");
    s.M_items = cli::split_list("M", p.get("M"));
    s.d_items = cli::split_list("d", p.get("d"));
    for (const auto& d_text : s.d_items) {
      const int d = static_cast<int>(cli::to_integer("d", d_text, 1, 64));
      for (const auto& M_text : s.M_items)
        s.cases.push_back({static_cast<int>(cli::to_integer("M", M_text, 1, 64)), d});
    }
  }
  s.restarts = static_cast<long>(cli::to_integer("restarts", p.get("restarts"), 1, 100000000));
  if (s.quick && !p.has("restarts"))
    s.restarts = 300;
  if (p.has("restarts-beyond-etf"))
    s.restarts_beyond_etf =
        static_cast<long>(cli::to_integer("restarts-beyond-etf", p.get("restarts-beyond-etf"), 1, 100000000));
  if (p.has("until-bound")) {
    s.until_bound = open_unit_interval(p, "until-bound", "a probability mass");
    if (*s.until_bound < 1e-12)  // 3e12 restarts and more: no search reaches it
      throw cli::usage_error("--until-bound: " + p.get("until-bound") + " is below 1e-12");
  }
  if (p.has("planted-starts"))
    s.planted_starts = static_cast<long>(cli::to_integer("planted-starts", p.get("planted-starts"), 0, 100000000));
  if (p.has("boundary-restarts"))
    s.boundary_restarts = static_cast<long>(cli::to_integer("boundary-restarts", p.get("boundary-restarts"), 0, 100000000));
  if (p.has("until-coverage"))
    s.until_coverage = open_unit_interval(p, "until-coverage", "a probability");
  s.batch = static_cast<long>(cli::to_integer("batch", p.get("batch"), 1, 10000000));
  s.polish_max = static_cast<int>(cli::to_integer("polish-max", p.get("polish-max"), 0, 100000));
  s.digits = static_cast<int>(cli::to_integer("digits", p.get("digits"), 20, 500));
  s.seed = static_cast<std::uint64_t>(cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.threads = cli::threads_wanted(p);
  s.resume = p.has("resume");
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  // Resource bound: the polish and the second-order test form an M(d−1)-square Hessian at
  // --digits; beyond M·d = 1024 (a 1000² matrix of MPFR numbers: hours of eigen-solving at
  // 50 digits, where (17, 16) takes seconds) the request is refused rather than attempted.
  for (const auto& [M, d] : s.cases)
    if (static_cast<long>(M) * d > 1024)
      throw cli::usage_error("(M, d) = (" + std::to_string(M) + ", " + std::to_string(d) +
                             "): the Hessian at --digits would be " + std::to_string(M * (d - 1)) + " x " +
                             std::to_string(M * (d - 1)) + " (M*d above 1024): refused");
  s.out = cli::output_directory(p.get("out"));
  return s;
}

using case_result = app::etf_case;

// --- the search, journalled in a resumable restart log (study/restart_log.hpp) ------------

std::pair<twolayer::search_catalogue, twolayer::search_stop> search(const settings& s, int M, int d,
                                                                   const twolayer::conjecture_search_options& options,
                                                                   const std::function<void(const std::string&)>& log)
{
  const auto path = s.out / ("etf_M" + std::to_string(M) + "_d" + std::to_string(d) + ".log");
  const std::string header = twolayer::restart_log::header(M, d, options.search);
  twolayer::search_catalogue catalogue;
  std::string kept = header + "\n";
  if (s.resume && std::filesystem::exists(path)) {
    std::size_t dropped = 0;
    kept = twolayer::restart_log::replay(path.string(), header, options.search, catalogue, dropped);
    if (dropped > 0)
      std::cerr << "twolayer-etf: " << path.string() << ": dropped an incomplete last batch (" << dropped
                << " line(s), cut off by an interruption); it is run again\n";
    log("(M, d) = (" + std::to_string(M) + ", " + std::to_string(d) + "): resumed after " +
        std::to_string(catalogue.restarts) + " restarts");
  }
  // a log past this run's stop would give another n than a fresh run: refused, not truncated
  if (catalogue.restarts > twolayer::search_end(options))
    throw twolayer::restart_log::log_error(
        path.string() + " holds " + std::to_string(catalogue.restarts) + " restarts, more than this run stops at (" +
        std::to_string(twolayer::search_end(options)) +
        ": --restarts, --restarts-beyond-etf, --until-bound); raise them, or start afresh without --resume");
  app::write_files_atomically({{path, kept}});  // drops a batch cut off by an interruption
  const auto stop = twolayer::extend_conjecture_search(
      M, d, options, catalogue,
      [&](std::uint64_t first, std::uint64_t count, const twolayer::search_catalogue& before,
          const twolayer::search_catalogue& after) {
        std::ofstream append(path, std::ios::app);
        append << twolayer::restart_log::batch_record(first, count, before, after);
        append.flush();
        if (!append)
          throw std::runtime_error("cannot append to " + path.string());
        char buffer[200];
        std::snprintf(buffer, sizeof buffer,
                      "(M, d) = (%d, %d): %ld/%ld restarts, %zu basins, unseen estimate %.2e, unseen-mass bound %.2e",
                      M, d, after.restarts, twolayer::search_end(options), after.basins.size(), after.unseen_estimate(),
                      after.unseen_bound());
        log(buffer);
      });
  return {std::move(catalogue), stop};
}

case_result run_case(const settings& s, int M, int d, const std::function<void(const std::string&)>& log)
{
  twolayer::conjecture_search_options options;
  options.restarts = M > d + 1 ? s.restarts_beyond_etf.value_or(s.restarts) : s.restarts;
  options.until_unseen_bound = s.until_bound;
  options.until_coverage = s.until_coverage;
  options.planted_starts = s.planted_starts;
  options.batch = s.batch;
  options.threads = s.threads;
  options.search.seed = s.seed;
  auto [catalogue, stop] = search(s, M, d, options, log);
  twolayer::add_planted_starts(M, d, options, catalogue);
  if (options.planted_starts > 0)
    log("(M, d) = (" + std::to_string(M) + ", " + std::to_string(d) + "): " + std::to_string(options.planted_starts) +
        " planted starts");
  auto result = twolayer::analyse_conjecture_case<app::etf_real>(M, d, std::move(catalogue), s.polish_max, [&](const std::string& line) {
    log("(M, d) = (" + std::to_string(M) + ", " + std::to_string(d) + "): " + line);
  });
  result.stopped_by = stop;
  result.boundary = twolayer::search_boundary(M, d, s.boundary_restarts.value_or(std::min(s.restarts, 1000L)),
                                              options.search, s.threads);
  if (result.boundary)
    log(std::string("(M, d) = (") + std::to_string(M) + ", " + std::to_string(d) + "): boundary search, " +
        std::to_string(result.boundary->restarts) + " restarts");
  return result;
}

}  // namespace

int main(int argc, char** argv)
{
  cli::parser p(
      "twolayer-etf",
      "Checks the simplex-ETF conjecture for the reduced ReLU objective Phi(U) = 1'K(U)^-1 1 on\n"
      "(S^{d-1})^M (docs/mathematics.md section 3): multi-start L-BFGS search in double, Newton polish of\n"
      "every search basin at --digits, the second-order test of each point whose polish reached its\n"
      "target (others: not classified), deduplication after the polish by an exact matching of Gram\n"
      "matrices, counts by kind (maxima, degenerate, saddles), coverage over the maxima, and how\n"
      "complete the search is: the 95% upper bounds on the mass of a basin no restart reached.\n"
      "Writes etf.md, etf.csv, etf_optima.csv, etf.json, etf.tex, the plots etf_phi.svg,\n"
      "etf_hessian.svg (when a case has an ETF) and for d = 2, 3 etf_M<M>_d<d>.svg (each with its\n"
      "gnuplot script) into --out, and a resumable restart log per case. A figure gnuplot cannot\n"
      "draw is reported (stderr, etf.md) and the reports are written all the same.\n"
      "Exit status: 0 written and no counterexample, 1 a case is a counterexample (a polished\n"
      "configuration beats Phi_ETF by more than its stated error; the reports are written) or the\n"
      "run failed (reports not replaced), 2 usage error or a restart log that cannot be resumed\n"
      "(other settings, corrupted). Verdicts: docs/mathematics.md section 5.",
      {{"M", "LIST", "", "compressed widths (any M >= 1, also M > d+1)"},
       {"d", "LIST", "", "input dimensions"},
       {"grid", "", "", "every (M, d) with 2 <= d <= 8 and 2 <= M <= d+3"},
       {"restarts", "K", "10000", "restarts per case (the cap, with --until-bound or --until-coverage)"},
       {"restarts-beyond-etf", "K", "--restarts", "the cap for the cases M > d+1, where the maxima are unknown"},
       {"until-bound", "B", "",
        "stop a case once the 95% bound for one basin, 1 - 0.05^(1/n) after n restarts, is below B (n = 29956 for 1e-4)"},
       {"until-coverage", "P", "", "stop once the search's Good-Turing unseen-basin estimate (before the polish) is below P"},
       {"planted-starts", "K", "0",
        "supplementary starts per case with one antipodal pair planted, counted apart from the restarts"},
       {"boundary-restarts", "K", "min(restarts, 1000)",
        "restarts of the search on the boundary where two directions merge (phi_boundary; 0: none)"},
       {"batch", "K", "500", "restarts per batch (the unit of logging and of --until-coverage)"},
       {"polish-max", "K", "20", "search basins polished and classified per case, largest Phi first"},
       {"digits", "N", "50", "precision of the polish and the second-order test (20 to 500)"},
       {"seed", "S", "1", "base seed of the restarts"},
       {"quick", "", "", "every (M, d) with 2 <= d <= 4 and 2 <= M <= d+3, 300 restarts each (the tests)"},
       {"out", "DIR", "reports", "output directory (created if missing)"},
       {"format", "md|csv|json|tex", "md", "format of the summary on stdout"},
       {"resume", "", "", "continue from the restart logs in --out instead of starting afresh"},
       {"threads", "T", "all cores", "worker threads (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-etf", version, parse, [&](const settings& s) {
    twolayer::scoped_precision precision(static_cast<unsigned>(s.digits));
    const auto start = std::chrono::steady_clock::now();
    auto log = [&](const std::string& line) {
      if (s.progress)
        std::cerr << "[" << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start).count()
                  << " s] " << line << std::endl;
    };
    std::vector<case_result> results;
    for (const auto& [M, d] : s.cases)
      results.push_back(run_case(s, M, d, log));

    // Figures first: a figure that cannot be drawn is reported (stderr and etf.md) and the
    // reports are written all the same.
    const auto drawn = app::draw_figures(app::etf_figures(results));
    const auto files = app::etf_report_files({canonical_command(s), version, s.digits}, results, drawn, s.out);
    app::write_files_atomically(files);
    for (const auto& failure : drawn.failures)
      std::cerr << "twolayer-etf: warning: figure not drawn, the reports are written: " << failure << "\n";
    log("wrote " + (s.out / "etf.md").string());
    std::cout << report::render(app::etf_brief_table(results, s.digits), s.format);
    std::vector<twolayer::conjecture_decision> decisions;
    for (const auto& r : results) {
      decisions.push_back(twolayer::decide_conjecture(twolayer::evidence_of(r)));
      if (decisions.back().verdict == twolayer::conjecture_verdict::counterexample)
        std::cerr << "twolayer-etf: COUNTEREXAMPLE at (M, d) = (" << r.M << ", " << r.d
                  << "): " << decisions.back().reason << "\n";
    }
    return twolayer::conjecture_exit_status(decisions);
  });
}
