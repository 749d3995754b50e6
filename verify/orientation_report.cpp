// twolayer-orientation's reports, rendered from the cases the study computed
// (study/orientation_case.hpp, study/orientation_study.hpp): tables, the markdown report, the
// figures' scripts, JSON and LaTeX. Formatting only: every number and every decision comes from
// the library.
#include "orientation_report.hpp"

#include <cmath>
#include <map>

namespace twolayer::app {
namespace {

namespace report = twolayer::report;
using Real = orientation_real;
using case_result = orientation_result<Real>;

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

std::string case_key(unsigned d, int M) { return "M" + std::to_string(M) + "_d" + std::to_string(d); }

bool positive_ratio(const case_result& r) { return std::stod(r.mean_ratio) > 0; }

/// The cases of each (d, M), in the study's order.
std::vector<std::vector<const case_result*>> by_width(const orientation_results& results)
{
  std::vector<std::vector<const case_result*>> groups;
  for (const auto& r : results.cases) {
    if (groups.empty() || groups.back().front()->d != r.d || groups.back().front()->M != r.M)
      groups.emplace_back();
    groups.back().push_back(&r);
  }
  return groups;
}

/// The cases drawn as pictures: d = 2, 3, the first grid R > 0 of every stretch of one pattern.
std::vector<const case_result*> pictured_cases(const std::vector<const case_result*>& group)
{
  std::vector<const case_result*> shown;
  const case_result* previous = nullptr;
  for (const case_result* r : group) {
    if (r->d > 3 || !positive_ratio(*r))
      continue;
    if (!previous || previous->pattern != r->pattern)
      shown.push_back(r);
    previous = r;
  }
  return shown;
}

std::string picture_name(const case_result& r) { return "orientation_" + case_key(r.d, r.M) + "_R" + r.mean_ratio; }

std::string cosine_plot_name(const case_result& r) { return "orientation_cosines_" + case_key(r.d, r.M); }

report::line_plot cosine_plot(const orientation_results& results, const std::vector<const case_result*>& group)
{
  const case_result& first = *group.front();
  report::line_plot plot{"M = " + std::to_string(first.M) + ", d = " + std::to_string(first.d) +
                             ": cosines of the directions with the mean, sorted",
                         "R = |mu|/tau", "<u_j, mu>/|mu|", true, false, {}};
  for (int j = 0; j < first.M; ++j) {
    report::plot_series optimum{"optimum, j = " + std::to_string(j + 1), {},
                                "linespoints lt " + std::to_string(j + 1) + " pt 7"};
    report::plot_series etf{"ETF, j = " + std::to_string(j + 1), {}, "lines lt " + std::to_string(j + 1) + " dt 2"};
    for (const case_result* r : group) {
      if (!positive_ratio(*r))
        continue;  // at R = 0 the orientation is free: nothing to draw on a log axis
      const double R = std::stod(r->mean_ratio);
      if (static_cast<std::size_t>(j) < r->cosines.size())
        optimum.points.push_back({R, static_cast<double>(r->cosines[j])});
      if (r->etf_exists && static_cast<std::size_t>(j) < r->etf_cosines.size())
        etf.points.push_back({R, static_cast<double>(r->etf_cosines[j])});
    }
    plot.series.push_back(std::move(optimum));
    plot.series.push_back(std::move(etf));
  }
  // where the pattern changes, as located by bisection: a vertical line at the bracket's middle
  bool labelled = false;  // one key entry for all of them (an empty title has none)
  for (const auto& summary : results.summaries)
    if (summary.d == first.d && summary.M == first.M)
      for (const auto& t : summary.transitions) {
        const double R = (std::stod(t.lower) + std::stod(t.upper)) / 2;
        plot.series.push_back({labelled ? "" : "pattern changes (bisection)", {{R, -1.0}, {R, 1.0}},
                               "lines lc rgb \"black\" dt 3"});
        labelled = true;
      }
  return plot;
}

report::direction_plot picture(const case_result& r)
{
  report::direction_plot plot{"M = " + std::to_string(r.M) + ", d = " + std::to_string(r.d) + ", R = " + r.mean_ratio +
                                  " (orange: negative scale)",
                              {}, {}, {}, "mean"};
  for (Eigen::Index j = 0; j < r.U.cols(); ++j) {
    std::vector<double> u;
    for (Eigen::Index i = 0; i < r.U.rows(); ++i)
      u.push_back(static_cast<double>(r.U(i, j)));
    plot.directions.push_back(std::move(u));
    plot.marked.push_back(j < r.scales.size() && r.scales(j) < 0);
  }
  // μ̂, the normalised all-ones vector (study/orientation_case.hpp)
  plot.reference.assign(r.d, 1.0 / std::sqrt(static_cast<double>(r.d)));
  return plot;
}

report::table brief_table(const orientation_results& results)
{
  report::table table{"Every case (d, M, R), in brief",
                      {"d", "M", "R", "relative loss", "verdict", "pattern", "negative scales", "ETF gap"},
                      {}};
  for (const auto& r : results.cases)
    table.add_row({std::to_string(r.d), std::to_string(r.M), r.mean_ratio, show(r.relative_loss, 4),
                   twolayer::to_string(r.second_order.verdict), r.pattern, std::to_string(r.negative_scales),
                   r.etf_exists ? show(r.etf_gap, 3) : "n/a"});
  return table;
}

std::string markdown(const orientation_run& run, const orientation_results& results, const drawn_figures& drawn)
{
  // Appends, not `literal + string&&`: GCC 12's -Wrestrict false positive (PR 105329).
  std::string text = "# Targets with a mean: where the optimum points, and whether it is a simplex ETF\n\nGenerated by `";
  text += run.command;
  text += "` (twolayer ";
  text += run.program_version;
  text += ", source ";
  text += run.source_version;
  text += "). docs/mathematics.md section 2.1: first layer w = mu + (tau/sqrt d) xi, mu along the all-ones direction, "
          "R = |mu|/tau; the simplified objective Psi(U) = t'G^-1 t with t_j = T(<u_j, mu/|mu|>). Per case: uniform "
          "L-BFGS restarts in double, the best optimum polished by Newton at ";
  text += std::to_string(run.digits);
  text += " digits and classified modulo the rotations fixing mu (all of O(d) at R = 0); `etf_gap` = Psi at the "
          "optimum minus Psi at the best rotated simplex ETF with optimised scales; `complement_etf_size`: the "
          "directions projected off mu and normalised form a simplex ETF of that many vectors. A transition is "
          "located by bisection on the pattern of the best optimum. `etf_bound` (d <= 4, R > 0): an upper bound on Psi "
          "over every rotation of the simplex ETF, with any scales, by branch and bound over the orientations "
          "(check/oriented_etf_bound.hpp: a covering with a Taylor bound, in double with a margin of 1e-10 for rounding; "
          "not an interval certificate); `below_target` means it is below Psi at the optimum, so the optimum is no "
          "rotated simplex ETF.\n\n";
  text += report::to_markdown(orientation_summary_table(results));
  text += "\n## Figures\n\nPer (d, M): the cosines of the optimal directions with the mean against R (sorted, largest "
          "first; dashed: the best rotated simplex ETF). For d = 2 and 3, the optimal directions at the first grid R "
          "of every stretch with one pattern: blue, positive output scale; orange, negative; red dashed, the mean "
          "direction.\n\n";
  for (const auto& group : by_width(results)) {
    const case_result& first = *group.front();
    text += "### d = " + std::to_string(first.d) + ", M = " + std::to_string(first.M) + "\n\n";
    if (report::has_points(cosine_plot(results, group)))
      text += markdown_figure(drawn, cosine_plot_name(first), "cosines against R");
    for (const case_result* r : pictured_cases(group))
      text += markdown_figure(drawn, picture_name(*r), "R = " + r->mean_ratio + ": " + r->pattern);
  }
  text += "\n";
  text += report::to_markdown(orientation_case_table(results));
  return text;
}

std::string json(const orientation_run& run, const orientation_results& results)
{
  std::string text = "{\"command\": ";
  text += report::detail::json_string(run.command);
  text += ",\n\"summary\": ";
  text += report::to_json_rows(orientation_summary_table(results));
  text += ",\n\"cases\": ";
  text += report::to_json_rows(orientation_case_table(results));
  text += "}\n";
  return text;
}

}  // namespace

report::table orientation_case_table(const orientation_results& results)
{
  report::table table{"Every case (d, M, R)",
                      {"d", "M", "R", "restarts", "basins", "relative_loss", "verdict", "zero_modes", "orbit_dim",
                       "cosines_with_mean", "mean_in_span", "etf_size", "complement_etf_size", "negative_scales",
                       "pattern", "etf_gap", "etf_gram_distance", "etf_cosines", "etf_bound", "etf_bound_status",
                       "etf_bound_cells"},
                      {}};
  for (const auto& r : results.cases)
    table.add_row({std::to_string(r.d), std::to_string(r.M), r.mean_ratio, std::to_string(r.catalogue.restarts),
                   std::to_string(r.catalogue.basins.size()), show(r.relative_loss),
                   twolayer::to_string(r.second_order.verdict), std::to_string(r.second_order.zero_modes),
                   std::to_string(r.second_order.orbit_dim), show_list(r.cosines), show(r.mean_in_span, 4),
                   std::to_string(r.etf_size), std::to_string(r.complement_etf_size), std::to_string(r.negative_scales),
                   r.pattern, r.etf_exists ? show(r.etf_gap, 3) : "n/a", r.etf_exists ? show(r.etf_gram_distance, 3) : "n/a",
                   r.etf_exists ? show_list(r.etf_cosines) : "n/a",
                   r.etf_bound && r.etf_bound->status != etf_bound_status::reached ? show(Real(r.etf_bound->upper_bound), 9)
                                                                                   : "n/a",
                   r.etf_bound ? to_string(r.etf_bound->status) : "not computed",
                   r.etf_bound ? std::to_string(r.etf_bound->cells) : ""});
  return table;
}

report::table orientation_summary_table(const orientation_results& results)
{
  report::table table{"Per (d, M): is the optimum a simplex ETF, and where does it point", {"d", "M", "shape", "summary"}, {}};
  for (const auto& s : results.summaries)
    table.add_row({std::to_string(s.d), std::to_string(s.M), twolayer::to_string(s.shape), twolayer::summary_sentence(s)});
  return table;
}

std::vector<figure> orientation_figures(const orientation_results& results)
{
  std::vector<figure> figures;
  for (const auto& group : by_width(results)) {
    if (const auto plot = cosine_plot(results, group); report::has_points(plot))
      figures.push_back({cosine_plot_name(*group.front()), report::gnuplot_script(plot)});
    for (const case_result* r : pictured_cases(group))
      figures.push_back({picture_name(*r), report::gnuplot_script(picture(*r))});
  }
  return figures;
}

std::vector<std::pair<std::filesystem::path, std::string>> orientation_report_files(const orientation_run& run,
                                                                                   const orientation_results& results,
                                                                                   const drawn_figures& drawn,
                                                                                   const std::filesystem::path& out)
{
  std::vector<std::pair<std::filesystem::path, std::string>> files{
      {out / "orientation.md", markdown(run, results, drawn)},
      {out / "orientation.csv", report::to_csv(orientation_case_table(results))},
      {out / "orientation_summary.csv", report::to_csv(orientation_summary_table(results))},
      {out / "orientation.json", json(run, results)},
      {out / "orientation.tex", "% " + run.command + "\n\n" + report::to_latex(orientation_summary_table(results)) + "\n" +
                                    report::to_latex(brief_table(results))}};
  for (const auto& [name, contents] : drawn.files)
    files.push_back({out / name, contents});
  return files;
}

}  // namespace twolayer::app
