// twolayer-gap's reports (gap.md, gap.csv, gap.json, gap.tex and the figure's script), rendered
// from the study's results (study/gap_study.hpp). Formatting only: the measurements and the
// fitted exponents come from the library.
#include "gap_report.hpp"

#include "twolayer/check/loglog_fit.hpp"
#include "twolayer/report/gnuplot.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace twolayer::app {
namespace {

namespace report = twolayer::report;
using twolayer::gap_row;
using results = twolayer::gap_study_results;

std::string number(double x)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6e", x);
  return buffer;
}

std::string cell(const std::optional<double>& x) { return x ? number(*x) : std::string(); }

// "mean ± sd" with the given printf formats (just the mean for a single value).
std::string spread_text(const std::optional<twolayer::spread>& s, const char* mean_format,
                        const char* spread_format)
{
  if (!s)
    return "";
  char buffer[64];
  if (s->standard_deviation)
    std::snprintf(buffer, sizeof buffer, spread_format, s->mean, *s->standard_deviation);
  else
    std::snprintf(buffer, sizeof buffer, mean_format, s->mean);
  return buffer;
}

std::string mean_and_spread(const std::vector<double>& values)
{
  return spread_text(twolayer::spread_of(values), "%.3e", "%.3e ± %.1e");
}

std::string slope_text(const std::optional<twolayer::spread>& s) { return spread_text(s, "%.3f", "%.3f ± %.3f"); }


report::table rows_table(const results& r)
{
  report::table t{"", {"law", "d", "N", "replicate", "M", "sup_cross_dev", "bias_floor", "const_gap",
                       "const_gap_hat", "min_gap", "min_gap_hat", "gap_lower", "gap_bound", "etf_distance", "alpha_hat",
                       "min_spread", "finite_starts", "finite_status"},
                  {}};
  for (const auto& row : r.rows)
    t.add_row({row.law, std::to_string(row.d), std::to_string(row.N), std::to_string(row.replicate),
               std::to_string(row.M), cell(row.sup_cross_dev), cell(row.bias_floor), cell(row.const_gap),
               cell(row.const_gap_hat), cell(row.min_gap), cell(row.min_gap_hat), cell(row.gap_lower),
               cell(row.gap_bound), cell(row.etf_distance),
               number(row.alpha_hat), cell(row.min_spread),
               row.min_spread ? std::to_string(row.finite_starts) : std::string(), row.finite_status});
  return t;
}

report::table laws_table(const results& r)
{
  report::table t{"Scaling factor and infinite-N bias per law",
                  {"law", "d", "alpha", "alpha_route", "bias_floor", "bias_floor_route"},
                  {}};
  for (const auto& l : r.laws)
    t.add_row({l.law.name(), std::to_string(l.d), l.has_mean() ? std::string() : number(l.alpha),
               l.has_mean()    ? "not used: a target with a mean (docs/mathematics.md section 2.1)"
               : l.alpha_exact ? "closed form"
                               : "50-digit quadrature",
               cell(l.bias_floor), l.bias_note});
  return t;
}

bool any_mean(const results& r)
{
  for (const auto& l : r.laws)
    if (l.has_mean())
      return true;
  return false;
}

// The mean-field target of every law with a mean: the simplified constant term and the
// reference cross term T(c) at c = 1, 0, −1 (gaussian/mean_shifted_relu.hpp).
report::table mean_field_table(const results& r)
{
  report::table t{"Targets with a mean: the simplified target per (law, d) (docs/mathematics.md section 2.1)",
                  {"law", "d", "R", "second_moment", "T_along_mean", "T_orthogonal", "T_against_mean", "series_terms"},
                  {}};
  for (const auto& l : r.laws)
    if (l.has_mean()) {
      const auto& m = *l.mean_field;
      const auto T = [&](double c) { return number(twolayer::sphere_legendre_series(l.d, m.series(), c)); };
      t.add_row({l.law.name(), std::to_string(l.d), twolayer::law_ratio_text(l.law.mean_ratio), number(m.second_moment()),
                 T(1.0), T(0.0), T(-1.0), std::to_string(m.series().size())});
    }
  return t;
}

report::table mean_optima_table(const results& r)
{
  report::table t{"Simplified optimum per (M, d) of targets with a mean: max Psi by multi-start search (a = tau = 1)",
                  {"M", "d", "R", "psi_best", "scales_l1", "basins", "converged", "restarts"},
                  {}};
  for (const auto& o : r.optima)
    if (o.mean_ratio != 0)
      t.add_row({std::to_string(o.M), std::to_string(o.d), twolayer::law_ratio_text(o.mean_ratio), cell(o.psi),
                 cell(o.psi_scales_l1), std::to_string(o.basins), std::to_string(o.converged), std::to_string(o.restarts)});
  return t;
}

report::table optima_table(const results& r)
{
  report::table t{"Simplified optimum per (M, d): max Φ by multi-start search",
                  {"M", "d", "phi_best", "phi_etf", "phi_best_minus_etf", "basins", "converged", "restarts"},
                  {}};
  for (const auto& o : r.optima)
    if (o.mean_ratio == 0)
    t.add_row({std::to_string(o.M), std::to_string(o.d), o.found ? number(o.phi) : "", cell(o.phi_etf),
               o.found && o.phi_etf ? number(o.phi - *o.phi_etf) : "", std::to_string(o.basins),
               std::to_string(o.converged), std::to_string(o.restarts)});
  return t;
}

struct fit_tables {
  report::table in_N, in_d;
};

// The fitted exponents of one quantity (study/gap_study.hpp) as tables: mean ± sd of the
// per-replicate slopes, the bootstrap interval of the mean, the number of replicates, and the
// exponent the linear Hermite term predicts when there is one (docs/mathematics.md §5.1).
fit_tables fit_tables_of(const gap_run& s, const results& r, const twolayer::fitted_quantity& q, const std::string& name,
                         std::optional<std::pair<double, double>> predicted)
{
  const auto fitted = twolayer::fit_exponents(s.grid, r, q);
  std::vector<std::string> in_N_columns{"law", "d"}, in_d_columns{"law", "N"};
  for (auto* columns : {&in_N_columns, &in_d_columns}) {
    if (q.per_width)
      columns->push_back("M");
    columns->insert(columns->end(), {"exponent_mean_sd", "exponent_bootstrap_95", "replicates"});
    if (predicted)
      columns->push_back("predicted");
  }
  fit_tables f{{std::string("Fitted exponent of ") + name + " in N (per law, d" + (q.per_width ? " and M)" : ")"), in_N_columns, {}},
               {std::string("Fitted exponent of ") + name + " in d (per law, N" + (q.per_width ? " and M)" : ")"), in_d_columns, {}}};
  auto row = [&](const twolayer::exponent_fit& fit, std::optional<double> prediction) {
    char interval_text[64] = "";
    if (fit.interval)
      std::snprintf(interval_text, sizeof interval_text, "[%.3f, %.3f]", fit.interval->first, fit.interval->second);
    std::vector<std::string> cells{fit.law, std::to_string(fit.at)};
    if (q.per_width)
      cells.push_back(fit.width);
    cells.insert(cells.end(), {slope_text(fit.summary), interval_text, std::to_string(fit.slopes.size())});
    if (prediction) {
      char text[16];
      std::snprintf(text, sizeof text, "%.3f", *prediction);
      cells.push_back(text);
    }
    return cells;
  };
  for (const auto& fit : fitted.in_N)
    f.in_N.add_row(row(fit, predicted ? std::optional<double>(predicted->first) : std::nullopt));
  for (const auto& fit : fitted.in_d)
    f.in_d.add_row(row(fit, predicted ? std::optional<double>(predicted->second) : std::nullopt));
  return f;
}

// sup_cross_dev, beside the exponents of the linear Hermite term (study/gap_measurement.hpp).
fit_tables fits(const gap_run& s, const results& r)
{
  return fit_tables_of(s, r, {}, "sup_cross_dev",
                       std::pair<double, double>{twolayer::linear_term_exponent_in_N, twolayer::linear_term_exponent_in_d});
}

fit_tables min_gap_fits(const gap_run& s, const results& r)
{
  return fit_tables_of(s, r, {&gap_row::min_gap, true, true}, "|min_gap|", std::nullopt);
}

// The baseline τ √(E a²) / (4 √N) per law and N (study/gap_measurement.hpp) beside the measured
// mean of sup_cross_dev at the smallest and largest d.
report::table prediction_table(const gap_run& s, const results& r)
{
  report::table t{"sup_cross_dev against the linear Hermite term tau sqrt(E a^2) / (4 sqrt N)",
                  {"law", "N", "predicted", "measured_smallest_d", "measured_largest_d"},
                  {}};
  const auto cells = twolayer::cells_of(r);
  auto measured = [&](const std::string& law, unsigned d, std::size_t N) {
    std::vector<double> values;
    if (auto it = cells.find({law, d, N, 0}); it != cells.end())
      for (const auto& ry : it->second)
        values.push_back(ry.second);
    return mean_and_spread(values) + (values.empty() ? std::string() : std::string(" (d = ") + std::to_string(d) + ")");
  };
  for (const auto& law : s.grid.laws)
    for (std::size_t N : s.grid.widths)
      t.add_row({law.name(), std::to_string(N), number(twolayer::linear_term_prediction(law, N)),
                 measured(law.name(), s.grid.dimensions.front(), N), measured(law.name(), s.grid.dimensions.back(), N)});
  return t;
}

// Sentences stating what the rows show, generated from them.
std::string bracket_findings(const results& r)
{
  long rows = 0, inside = 0, negative = 0;
  for (const auto& row : r.rows)
    if (row.min_gap && row.gap_lower && row.gap_bound) {
      ++rows;
      inside += *row.gap_lower <= *row.min_gap && *row.min_gap <= *row.gap_bound;
      negative += *row.min_gap < 0;
    }
  if (rows == 0)
    return "No row has a finite optimum, so the bracket was not evaluated.\n\n";
  std::ostringstream out;
  out << "gap_lower <= min_gap <= gap_bound holds in " << inside << " of " << rows << " rows"
      << (inside == rows ? "" : " (a row outside it means the sup was underestimated or the search missed a "
                                "better simplified optimum: see the rows)")
      << ". min_gap < 0 in " << negative << " of " << rows
      << " rows: there the finite objective's minimum lies below the simplified one.\n\n";
  return out.str();
}

/// sup_cross_dev against N, one line per (law, d), the fitted exponent in the legend.
std::string plot_script(const gap_run& s, const results& r)
{
  const auto cells = twolayer::cells_of(r);
  report::line_plot plot{"sup-deviation of the cross term against N (geometric mean over replicates)",
                         "N (target width)", "sup_v |(1/N) sum a_i K(w_i,v) - E~(v)|", true, true, {}};
  for (std::size_t l = 0; l < s.grid.laws.size(); ++l)
    for (std::size_t k = 0; k < s.grid.dimensions.size(); ++k) {
      const unsigned d = s.grid.dimensions[k];
      report::plot_series series{"", {}, "linespoints lt " + std::to_string(k + 1) + " dt " + std::to_string(l + 1) +
                                             " pt " + std::to_string(l + 5)};
      for (std::size_t N : s.grid.widths)
        if (auto it = cells.find({s.grid.laws[l].name(), d, N, 0}); it != cells.end()) {
          double log_sum = 0;
          for (const auto& ry : it->second)
            log_sum += std::log(ry.second);
          series.points.push_back({double(N), std::exp(log_sum / double(it->second.size()))});
        }
      const auto slope = twolayer::loglog_slope(series.points);
      char text[32];
      std::snprintf(text, sizeof text, "%+.2f", slope ? *slope : 0.0);
      series.label = s.grid.laws[l].name() + ", d = " + std::to_string(d) + (slope ? ": slope " + std::string(text) : "");
      plot.series.push_back(series);
    }
  return report::gnuplot_script(plot);
}

// Mean ± sd over replicates of one column, laid out with N across.
report::table by_N_table(const gap_run& s, const results& r, const std::string& title,
                         std::optional<double> gap_row::*field, bool per_M)
{
  report::table t{title, {"law", "d"}, {}};
  if (per_M)
    t.columns.push_back("M");
  for (std::size_t N : s.grid.widths)
    t.columns.push_back("N = " + std::to_string(N));
  for (const auto& law : s.grid.laws)
    for (unsigned d : s.grid.dimensions) {
      const auto widths = per_M ? twolayer::compressed_widths(s.grid.compressed, d)
                                : std::vector<int>{twolayer::compressed_widths(s.grid.compressed, d).front()};
      for (int M : widths) {
        std::vector<std::string> row{law.name(), std::to_string(d)};
        if (per_M)
          row.push_back(std::to_string(M));
        bool any = false;
        for (std::size_t N : s.grid.widths) {
          std::vector<double> values;
          for (const auto& g : r.rows)
            if (g.law == law.name() && g.d == d && g.N == N && g.M == M && (g.*field))
              values.push_back(*(g.*field));
          any = any || !values.empty();
          row.push_back(mean_and_spread(values));
        }
        if (any)
          t.add_row(row);
      }
    }
  return t;
}

std::string markdown(const gap_run& s, const results& r)
{
  std::ostringstream out;
  out << "# Gap between the finite and the simplified objective (ReLU)\n\n"
      << "Produced by `" << s.command << "` (twolayer-gap " << s.program_version
      << "); the thread count does not change a byte. Every row is in `gap.csv` / `gap.json`; "
         "`gap_sup_dev.svg` plots the sup-deviation against N.\n\n"
      << "Target f_N(x) = (1/N) Σ a_i relu(<w_i,x>) with a ≡ 1 and w = ξ/√d (τ = 1), ξ with i.i.d. "
         "entries of the law; simplified objective of docs/mathematics.md §2 with α = E‖w‖. "
      << s.grid.replicates << " replicates per (law, d, N), each with its own seed derived from (seed, law, d, N, "
         "replicate).\n\n"
      << "## What the columns are\n\n"
      << "- `sup_cross_dev`: sup over unit v of |(1/N) Σ a_i K(w_i,v) − α d c_d²|, found by screening "
      << s.gap.deviation.screen << " random directions plus e_1 and (1,…,1)/√d, then L-BFGS ascent on the sphere "
         "from the best " << s.gap.deviation.ascents << ": **a lower estimate of the sup**. For non-gaussian laws it "
         "includes the infinite-N bias.\n"
      << "- `bias_floor`: the same sup with the law's exact expectation in place of the empirical mean "
         "(rademacher: all 2^d sign vectors, d ≤ " << s.gap.bias_max_d
      << "; gaussian: 0 by rotation invariance; uniform: not computed). It is the d-dependent floor that "
         "`sup_cross_dev` cannot go below as N grows.\n"
      << "- `const_gap` = E[f_N²] − α² d c_d²; `min_gap` = min L_N − min L~, with min L~ = α² d c_d² (1 − 2π d c_d² Φ*) "
         "at the best Φ* of " << s.gap.simplified_restarts
      << " restarts (the ETF is not assumed; see the optima table), and min L_N from L-BFGS on the reduced "
         "finite objective started at the simplified optimum in "
      << s.gap.finite_orientations << " orientations (L_N is not O(d)-invariant) and at " << s.gap.finite_random_starts
      << " random configurations: an upper estimate of the min. `min_spread` is the spread of the local "
         "minima those starts reached: L_N has many local minima near the simplified optimum's orbit, and "
         "`min_gap` is uncertain by up to that much.\n"
      << "- `*_hat`: the same with the realised α̂ = (1/N) Σ a_i ‖w_i‖ in place of α: the difference from the "
         "column without hat is the part of the gap due to the fluctuation of the scaling factor.\n"
      << "- `etf_distance`: max over pairs |ρ_jk + 1/(M−1)| of the finite optimum's directions (it differs "
         "between the local minima, so it is a property of the best one found).\n"
      << "- `gap_lower`, `gap_bound` = const_gap ∓ 2 ‖s‖₁ sup_cross_dev: for any scales s and directions U, "
         "L_N − L~ = const_gap − 2 Σ_j s_j (t_N(u_j) − α d c_d²), so min L_N − min L~ is at most "
         "const_gap + 2 ‖s~*‖₁ sup (taking the simplified optimum's scales s~* = 2π α d c_d² K̂⁻¹1) and at least "
         "const_gap − 2 ‖s_N‖₁ sup (taking the finite optimum's scales s_N) — docs/mathematics.md §5.1. sup_cross_dev "
         "is a lower estimate of the sup, so the bracket is an estimate, checked against `min_gap` below.\n\n"
      << "`const_gap`, `min_gap` and `etf_distance` are computed for N ≤ " << s.gap.finite_max_N << " and d ≤ "
      << s.gap.finite_max_d
      << " only: the constant term costs N²/2 kernel evaluations and every optimiser step N·M; "
         "elsewhere the cells are empty (never estimated).\n\n"
      << "Precision: all of this runs in double. α and c_d come from 50-digit values; the N² sums have "
         "terms of one sign, so their relative rounding error is at most ~N·2⁻⁵³ (below 1e-11 here), "
         "and the tests compare E[f_N²] and min_s L_N with 50-digit evaluations. Numbers are printed to "
         "7 significant digits (the mean ± sd tables to 4).\n\n";
  if (any_mean(r))
    out << "## Targets with a mean\n\n"
           "Laws named `/mean=R` have first-layer weights w = mu + xi/sqrt(d), mu = R (1, ..., 1)/sqrt(d), so "
           "|mu|/tau = R. Their simplified objective is that of the gaussian mean-field target (docs/mathematics.md "
           "section 2.1), whatever the law of xi; for other laws the difference is part of the measured gap. In the "
           "columns below, for these laws, alpha d c_d^2 becomes T(<v, mu/|mu|>) (the zonal series, in double), "
           "alpha^2 d c_d^2 becomes E[F^2], and min L~ = E[F^2] - Psi* with Psi* the best value of Psi(U) = t'G^-1 t, "
           "t_j = T(<u_j, mu/|mu|>), found by multi-start search. The starts for min L_N turn the simplified optimum "
           "by random rotations that fix mu. The `*_hat` columns have no counterpart and are left empty; the "
           "bracket uses ||s~*||_1 with s~* = G^-1 t at the simplified optimum. With a mean the linear Hermite term "
           "predicts tau sqrt(E a^2 + Var(a) R^2)/(4 sqrt N).\n\n"
        << report::to_markdown(mean_field_table(r)) << "\n"
        << report::to_markdown(mean_optima_table(r)) << "\n";
  out << report::to_markdown(laws_table(r)) << "\n";
  if (!optima_table(r).rows.empty())
    out << report::to_markdown(optima_table(r)) << "\n";
  out << report::to_markdown(by_N_table(s, r, "sup_cross_dev (mean ± sd over replicates)",
                                        &gap_row::sup_cross_dev, false))
      << "\n";
  const auto f = fits(s, r);
  out << report::to_markdown(f.in_N) << "\n" << report::to_markdown(f.in_d) << "\n";
  out << report::to_markdown(prediction_table(s, r)) << "\n";
  out << "`predicted`: the exponent of the linear Hermite term, whose sup over v is ‖(1/N) Σ a_i w_i‖/4 ≈ "
         "τ √(E a²)/(4√N) (docs/mathematics.md §5.1). A slope near −1/2 in N is the rate of an empirical mean; a "
         "flattening for non-gaussian laws at large N is the bias floor.\n\n"
      << "![sup_cross_dev against N, fitted slopes in the legend](gap_sup_dev.svg)\n\n";
  out << report::to_markdown(by_N_table(s, r, "const_gap (mean ± sd)", &gap_row::const_gap, false)) << "\n";
  out << report::to_markdown(by_N_table(s, r, "const_gap_hat (mean ± sd)", &gap_row::const_gap_hat, false))
      << "\n";
  out << report::to_markdown(by_N_table(s, r, "min_gap (mean ± sd)", &gap_row::min_gap, true)) << "\n";
  out << report::to_markdown(by_N_table(s, r, "min_gap_hat (mean ± sd)", &gap_row::min_gap_hat, true)) << "\n";
  out << report::to_markdown(by_N_table(s, r, "gap_lower (mean ± sd)", &gap_row::gap_lower, true)) << "\n";
  out << report::to_markdown(by_N_table(s, r, "gap_bound (mean ± sd)", &gap_row::gap_bound, true)) << "\n";
  out << bracket_findings(r);
  const auto g = min_gap_fits(s, r);
  out << report::to_markdown(g.in_N) << "\n" << report::to_markdown(g.in_d) << "\n";
  out << report::to_markdown(by_N_table(s, r, "min_spread: spread of the local minima of L_N found (mean ± sd)",
                                        &gap_row::min_spread, true))
      << "\n";
  out << report::to_markdown(by_N_table(s, r, "etf_distance of the finite optimum (mean ± sd)",
                                        &gap_row::etf_distance, true))
      << "\n";
  std::map<std::string, long> statuses;
  for (const auto& row : r.rows)
    ++statuses[row.finite_status];
  out << "Finite optimisations by outcome of the best start:";
  for (const auto& [status, count] : statuses)
    out << " " << status << ": " << count << ";";
  out << "\n";
  return out.str();
}

/// Every table of the Markdown report, in its order, as LaTeX.
std::string latex(const gap_run& s, const results& r)
{
  const auto f = fits(s, r);
  const auto g = min_gap_fits(s, r);
  std::vector<report::table> tables{laws_table(r), optima_table(r),
                                    by_N_table(s, r, "sup_cross_dev (mean ± sd over replicates)", &gap_row::sup_cross_dev, false),
                                    f.in_N, f.in_d,
                                    by_N_table(s, r, "const_gap (mean ± sd)", &gap_row::const_gap, false),
                                    by_N_table(s, r, "const_gap_hat (mean ± sd)", &gap_row::const_gap_hat, false),
                                    by_N_table(s, r, "min_gap (mean ± sd)", &gap_row::min_gap, true),
                                    by_N_table(s, r, "min_gap_hat (mean ± sd)", &gap_row::min_gap_hat, true),
                                    by_N_table(s, r, "gap_lower (mean ± sd)", &gap_row::gap_lower, true),
                                    by_N_table(s, r, "gap_bound (mean ± sd)", &gap_row::gap_bound, true),
                                    g.in_N, g.in_d, prediction_table(s, r),
                                    by_N_table(s, r, "min_spread (mean ± sd)", &gap_row::min_spread, true),
                                    by_N_table(s, r, "etf_distance of the finite optimum (mean ± sd)", &gap_row::etf_distance, true),
                                    rows_table(r)};
  if (any_mean(r))
    tables.insert(tables.begin(), {mean_field_table(r), mean_optima_table(r)});
  std::string out = "% twolayer-gap: " + s.command + "\n";
  for (const auto& t : tables)
    out += "\n" + report::to_latex(t);
  return out;
}

std::string json(const gap_run& s, const results& r)
{
  const auto f = fits(s, r);
  const auto g = min_gap_fits(s, r);
  std::ostringstream out;
  out << "{\n  \"command\": " << report::detail::json_string(s.command) << ",\n"
      << "  \"version\": " << report::detail::json_string(s.program_version) << ",\n"
      << "  \"laws\": " << report::to_json_rows(laws_table(r), "    ") << ",\n"
      << "  \"simplified_optima\": " << report::to_json_rows(optima_table(r), "    ") << ",\n";
  if (any_mean(r))
    out << "  \"mean_field_targets\": " << report::to_json_rows(mean_field_table(r), "    ") << ",\n"
        << "  \"simplified_optima_with_mean\": " << report::to_json_rows(mean_optima_table(r), "    ") << ",\n";
  out
      << "  \"fits_in_N\": " << report::to_json_rows(f.in_N, "    ") << ",\n"
      << "  \"fits_in_d\": " << report::to_json_rows(f.in_d, "    ") << ",\n"
      << "  \"linear_term_prediction\": " << report::to_json_rows(prediction_table(s, r), "    ") << ",\n"
      << "  \"min_gap_fits_in_N\": " << report::to_json_rows(g.in_N, "    ") << ",\n"
      << "  \"min_gap_fits_in_d\": " << report::to_json_rows(g.in_d, "    ") << ",\n"
      << "  \"rows\": " << report::to_json_rows(rows_table(r), "    ") << "\n}\n";
  return out.str();
}

// --- the run -------------------------------------------------------------------

}  // namespace

std::string gap_figure_script(const gap_run& run, const gap_study_results& r) { return plot_script(run, r); }

std::vector<std::pair<std::filesystem::path, std::string>> gap_report_files(const gap_run& run,
                                                                           const gap_study_results& r,
                                                                           const drawn_figures& drawn,
                                                                           const std::filesystem::path& out)
{
  std::vector<std::pair<std::filesystem::path, std::string>> files{{out / "gap.csv", report::to_csv(rows_table(r))},
                                                                   {out / "gap.md", markdown(run, r)},
                                                                   {out / "gap.json", json(run, r)},
                                                                   {out / "gap.tex", latex(run, r)}};
  for (const auto& [name, contents] : drawn.files)
    files.push_back({out / name, contents});
  return files;
}

report::table gap_exponents_in_N(const gap_run& run, const gap_study_results& r) { return fits(run, r).in_N; }

}  // namespace twolayer::app
