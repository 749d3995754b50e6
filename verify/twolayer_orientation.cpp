// twolayer-orientation: where the optimal compressed network of a relu target with a mean points,
// and whether it is a simplex ETF (docs/mathematics.md §2.1). Parse, run one orientation case per
// (d, M, R) (study/orientation_case.hpp), render the table.
#include "cli.hpp"
#include "support/atomic_file.hpp"
#include "twolayer/study/orientation_case.hpp"
#include "twolayer/report/table.hpp"

#include <cstdio>
#include <iostream>

namespace {

namespace cli = twolayer::cli;
namespace report = twolayer::report;
using Real = twolayer::mpfr_dynamic;

constexpr const char* version = "0.1.0";

struct settings {
  std::vector<unsigned> dimensions;
  std::vector<std::string> widths;  // integers or d+1, d+2
  std::vector<cli::decimal> ratios;
  twolayer::orientation_options options;
  int digits = 30;
  std::optional<std::filesystem::path> out;
  report::format format = report::format::markdown;
  bool progress = false;
};

std::vector<int> widths_for(const settings& s, unsigned d)
{
  std::vector<int> M;
  for (const auto& w : s.widths) {
    if (w == "auto") {
      for (int m = 2; m <= static_cast<int>(d) + 2; ++m)
        M.push_back(m);
    } else {
      M.push_back(static_cast<int>(cli::to_integer("M", w, 1, 64)));
    }
  }
  return M;
}

settings parse(const cli::parser& p)
{
  settings s;
  const bool quick = p.has("quick");
  for (const auto& item : cli::split_list("d", p.has("d") ? p.get("d") : quick ? "2,3" : p.get("d")))
    s.dimensions.push_back(static_cast<unsigned>(cli::to_integer("d", item, 2, 64)));
  s.widths = cli::split_list("M", p.get("M"));
  for (const auto& w : s.widths)
    if (w != "auto")
      cli::to_integer("M", w, 1, 64);
  for (const auto& item : cli::split_list("R", p.has("R") ? p.get("R") : quick ? "0,0.3,1,3" : p.get("R"))) {
    const auto r = cli::to_decimal("R", item);
    if (r.numerator < 0)
      throw cli::usage_error("--R: the mean ratio " + item + " is negative");
    s.ratios.push_back(r);
  }
  s.options.restarts = cli::to_integer("restarts", p.has("restarts") ? p.get("restarts") : quick ? "40" : p.get("restarts"),
                                       1, 10000000);
  s.options.search.seed =
      static_cast<std::uint64_t>(cli::to_integer("seed", p.get("seed"), 0, std::numeric_limits<long long>::max()));
  s.digits = static_cast<int>(cli::to_integer("digits", p.get("digits"), 20, 200));
  s.options.threads = cli::threads_wanted(p);
  s.progress = cli::progress_wanted(p);
  s.format = cli::format_wanted(p);
  if (p.has("out"))
    s.out = cli::output_directory(p.get("out"));
  return s;
}

std::string show(const Real& x, int digits = 6) { return x.str(digits, std::ios_base::scientific); }

std::string show_list(const std::vector<Real>& xs)
{
  std::string text;
  for (const auto& x : xs) {
    if (!text.empty())
      text += ' ';  // appends, not `literal + string&&`: GCC 12's -Wrestrict/-Wstringop false positives (PR 105329)
    text += x.str(4, std::ios_base::fixed);
  }
  return text;
}

report::table run(const settings& s)
{
  report::table table{"Optimal compressed networks of relu targets with a mean (docs/mathematics.md section 2.1)",
                      {"d", "M", "R", "restarts", "basins", "relative_loss", "verdict", "zero_modes", "orbit_dim",
                       "cosines_with_mean", "mean_in_span", "etf_size", "complement_etf_size", "negative_scales",
                       "pattern", "etf_gap", "etf_gram_distance", "etf_cosines"},
                      {}};
  for (unsigned d : s.dimensions)
    for (int M : widths_for(s, d))
      for (const auto& ratio : s.ratios) {
        auto options = s.options;
        if (s.progress)
          options.progress = [&](long done, long total) {
            std::cerr << "twolayer-orientation: d = " << d << ", M = " << M << ", R = " << ratio.text << ": " << done
                      << "/" << total << " restarts\n";
          };
        const auto r = twolayer::analyse_orientation_case<Real>(d, M, ratio.text, options);
        table.add_row({std::to_string(d), std::to_string(M), ratio.text, std::to_string(r.catalogue.restarts),
                       std::to_string(r.catalogue.basins.size()), show(r.relative_loss),
                       twolayer::to_string(r.second_order.verdict), std::to_string(r.second_order.zero_modes),
                       std::to_string(r.second_order.orbit_dim), show_list(r.cosines), show(r.mean_in_span, 4),
                       std::to_string(r.etf_size), std::to_string(r.complement_etf_size),
                       std::to_string(r.negative_scales), r.pattern, r.etf_exists ? show(r.etf_gap, 3) : "n/a",
                       r.etf_exists ? show(r.etf_gram_distance, 3) : "n/a",
                       r.etf_exists ? show_list(r.etf_cosines) : "n/a"});
      }
  return table;
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
      "and how far it is from the best rotated simplex ETF. Writes orientation.md, .csv, .json into\n"
      "--out when given. Exit status: 0 done, 1 failed, 2 usage error.",
      {{"d", "LIST", "2,3,4", "input dimensions"},
       {"M", "LIST", "auto", "compressed widths: integers, or auto for 2 .. d+2"},
       {"R", "LIST", "0,0.03,0.1,0.3,0.5,1,2,3,10", "mean ratios |mu|/tau"},
       {"restarts", "K", "200", "uniform L-BFGS restarts per case"},
       {"seed", "S", "1", "seed of the restarts"},
       {"digits", "N", "30", "working precision of the polish and the second-order test"},
       {"quick", "", "", "d 2,3; R 0,0.3,1,3; 40 restarts (explicit options override)"},
       {"out", "DIR", "", "write orientation.md, .csv, .json here"},
       {"format", "md|csv|json|tex", "md", "format of the table on stdout"},
       {"threads", "T", "all cores", "worker threads (results do not depend on it)"},
       {"progress", "", "", "progress on stderr (default when stderr is a terminal)"},
       {"quiet", "", "", "no progress"}});
  return cli::run_main<settings>(p, argc, argv, "twolayer-orientation", version, parse, [&](const settings& s) {
    const twolayer::scoped_precision precision(static_cast<unsigned>(s.digits));
    const report::table table = run(s);
    if (s.out)
      twolayer::app::write_files_atomically({{*s.out / "orientation.md", report::render(table, report::format::markdown)},
                                             {*s.out / "orientation.csv", report::render(table, report::format::csv)},
                                             {*s.out / "orientation.json", report::render(table, report::format::json)}});
    std::cout << report::render(table, s.format);
    return 0;
  });
}
