// twolayer-etf's reports, rendered from the cases the study computed (study/conjecture_case.hpp,
// study/conjecture_grid.hpp): tables, the markdown report, the figures' scripts, JSON and LaTeX.
// Formatting only: every number and every decision comes from the library.
#include "etf_report.hpp"

#include "twolayer/check/polished_optimum.hpp"
#include "twolayer/numeric/agreement.hpp"
#include "twolayer/study/conjecture_grid.hpp"
#include "twolayer/study/conjecture_verdict.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace twolayer::app {
namespace {

namespace report = twolayer::report;
namespace app = twolayer::app;
using Real = etf_real;
using case_result = etf_case;
using twolayer::matrix;
using twolayer::vector;

std::string show(const Real& x, int digits)
{
  return x.str(std::max(digits, 1), std::ios_base::scientific);
}

std::string show3(double x)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3e", x);
  return buffer;
}

std::string show3(const Real& x) { return x.str(3, std::ios_base::scientific); }

long outcome_count(const twolayer::search_catalogue& c, twolayer::search_status s)
{
  auto it = c.outcomes.find(s);
  return it == c.outcomes.end() ? 0 : it->second;
}

/// Sorted pairwise inner products, as distinct values (6 digits) with multiplicities.
std::string inner_product_summary(const std::vector<Real>& values)
{
  std::string text;
  std::size_t i = 0;
  while (i < values.size()) {
    std::size_t j = i;
    while (j < values.size() && abs(Real(values[j] - values[i])) < Real(1e-6))
      ++j;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.6f", static_cast<double>(values[i]));
    if (!text.empty())
      text += ' ';
    text += buffer;
    if (j - i > 1)
      text += "x" + std::to_string(j - i);
    i = j;
  }
  return text.empty() ? "-" : text;
}

/// The classified point of largest Φ (any kind).
const twolayer::polished_optimum<Real>* best_polished(const case_result& r) { return r.best_polished(); }

/// Digits of Φ_ETF as the reports print it: the closed form at --digits, less 2 for rounding.
int etf_digits(int digits) { return digits - 2; }

std::string structure(const twolayer::polished_optimum<Real>& p, int M) { return twolayer::structure_summary(p, M); }

/// The point's value as the reports print it: its polished digits where it was polished and
/// classified, else the double search's 10 digits.
std::string point_value(const twolayer::catalogued_point<Real>& p)
{
  if (p.polished && p.polished->classified)
    return show(p.polished->polish.value, p.polished->digits_known);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9e", p.search_phi);
  return buffer;
}

/// The verdict column of a point: the second-order verdict, or why there is none.
std::string point_verdict(const twolayer::catalogued_point<Real>& p)
{
  if (!p.polished)
    return "not polished (beyond --polish-max)";
  if (!p.polished->classified)
    return "not classified: " + p.polished->stall_note;
  return twolayer::to_string(p.polished->second_order.verdict);
}

/// Digits to which the best point is known to agree with Φ_ETF: their agreement, capped by
/// the digits known of each (a value cannot agree to more digits than it carries).
int checkable_agreement(const twolayer::polished_optimum<Real>& best, const Real& phi_etf, int digits)
{
  return std::min({twolayer::agreeing_digits(best.polish.value, phi_etf), best.digits_known, etf_digits(digits)});
}

report::table summary_table(const std::vector<case_result>& results, int digits)
{
  report::table t{"", {"M", "d", "restarts", "phi_etf", "phi_boundary", "phi_best", "delta", "digits_known", "n_distinct", "maxima",
                       "degenerate_maxima", "degenerate_other", "saddles", "local_minima", "not_classified",
                       "not_polished", "best_count", "singletons", "unseen_estimate", "unseen_bound_95", "unseen_bound_95_all",
                       "restarts_unrecognised", "stopped_by", "planted_starts", "maxima_planted_only",
                       "restarts_in_maxima",
                       "restarts_not_classified", "stalled", "search_basins", "hessian_verdict", "zero_threshold",
                       "margin", "orbit_dim", "zero_modes", "converged", "degenerate", "diverged", "polish",
                       "best_structure", "degeneracy_note", "etf_hessian_verdict", "etf_gradient_norm",
                       "joint_zero_modes", "joint_expected", "relative_loss_best"},
                  {}};
  using kind = twolayer::critical_kind;
  for (const auto& r : results) {
    const auto& c = r.catalogue;
    const auto& o = r.optima;
    const auto* best = best_polished(r);
    std::vector<std::string> row{std::to_string(r.M), std::to_string(r.d), std::to_string(c.restarts)};
    row.push_back(r.phi_etf ? show(*r.phi_etf, etf_digits(digits)) : "");
    row.push_back(r.boundary ? show(Real(r.boundary->value), 10) : "");
    if (best) {
      row.push_back(show(best->polish.value, best->digits_known));
      row.push_back(r.phi_etf ? show3(Real(best->polish.value - *r.phi_etf)) : "");
      row.push_back(std::to_string(best->digits_known));
    } else {
      row.insert(row.end(), {"", "", ""});
    }
    const int classified = static_cast<int>(o.points.size()) - o.count(kind::not_classified) - o.count(kind::not_polished);
    row.push_back(std::to_string(classified));
    for (kind k : {kind::strict_local_max, kind::degenerate_max, kind::degenerate, kind::saddle, kind::local_min,
                   kind::not_classified, kind::not_polished})
      row.push_back(std::to_string(o.count(k)));
    row.push_back(o.best() ? std::to_string(o.best()->count) : "0");
    row.push_back(std::to_string(o.singletons()));
    row.push_back(show3(o.unseen_estimate()));
    row.push_back(show3(o.unseen_bound()));
    row.push_back(show3(o.unseen_bound_all()));
    row.push_back(std::to_string(o.restarts_unrecognised()));
    row.push_back(r.stopped_by ? twolayer::to_string(*r.stopped_by) : "");
    row.push_back(std::to_string(c.supplementary_starts));
    row.push_back(std::to_string(o.maxima_supplementary_only()));
    row.push_back(std::to_string(o.restarts_in_maxima()));
    row.push_back(std::to_string(o.restarts_in(kind::not_classified)));
    row.push_back(std::to_string(outcome_count(c, twolayer::search_status::stalled)));
    row.push_back(std::to_string(o.search_basins));
    if (best) {
      const auto& t2 = best->second_order;
      row.insert(row.end(), {twolayer::to_string(t2.verdict), show3(t2.zero_threshold), show3(t2.margin), std::to_string(t2.orbit_dim),
                             std::to_string(t2.zero_modes)});
    } else {
      row.insert(row.end(), {"", "", "", "", ""});
    }
    row.push_back(std::to_string(outcome_count(c, twolayer::search_status::converged)));
    row.push_back(std::to_string(outcome_count(c, twolayer::search_status::degenerate)));
    row.push_back(std::to_string(outcome_count(c, twolayer::search_status::diverged)));
    row.push_back(best ? best->convergence : "");
    row.push_back(best ? structure(*best, r.M) : "");
    row.push_back(best ? best->second_order.degeneracy_note() : "");
    row.push_back(r.etf_test ? twolayer::to_string(r.etf_test->verdict) : "");
    row.push_back(r.phi_etf ? show3(r.etf_gradient_norm) : "");
    row.push_back(r.phi_etf ? std::to_string(r.joint_zero_modes) : "");
    row.push_back(r.phi_etf ? std::to_string(r.joint_expected) : "");
    row.push_back(best ? show(Real(1 - r.relative_loss_factor * best->polish.value), std::min(best->digits_known, 12)) : "");
    t.add_row(row);
  }
  return t;
}

report::table optima_table(const std::vector<case_result>& results)
{
  report::table t{"", {"M", "d", "rank", "phi", "digits_known", "kind", "count", "planted_count", "search_basins",
                       "first_restart",
                       "structure", "inner_products", "polish", "gradient_norms", "verdict", "zero_threshold",
                       "zero_modes", "orbit_dim", "margin", "degeneracy_note"},
                  {}};
  for (const auto& r : results)
    for (std::size_t rank = 0; rank < r.optima.points.size(); ++rank) {
      const auto& point = r.optima.points[rank];
      std::vector<std::string> row{std::to_string(r.M), std::to_string(r.d), std::to_string(rank + 1),
                                   point_value(point),
                                   point.polished && point.polished->classified
                                       ? std::to_string(point.polished->digits_known)
                                       : "10 (double search only)",
                                   twolayer::to_string(point.kind), std::to_string(point.count),
                                   std::to_string(point.supplementary), std::to_string(point.basins.size()),
                                   point.count > 0 ? std::to_string(point.first_restart) : ""};
      if (const auto& p = point.polished) {
        std::string norms;
        for (const auto& g : p->polish.gradient_norms) {
          if (!norms.empty())
            norms += ' ';
          if (g == 0) {
            norms += '0';
            continue;
          }
          char buffer[16];
          std::snprintf(buffer, sizeof buffer, "1e%.0f", std::floor(static_cast<double>(log10(g))));
          norms += buffer;
        }
        const bool tested = p->classified;
        row.insert(row.end(), {structure(*p, r.M), inner_product_summary(p->invariants.inner_products),
                               p->convergence, norms, point_verdict(point),
                               tested ? show3(p->second_order.zero_threshold) : "",
                               tested ? std::to_string(p->second_order.zero_modes) : "",
                               std::to_string(p->second_order.orbit_dim),
                               tested ? show3(p->second_order.margin) : "", p->second_order.degeneracy_note()});
      } else {
        row.insert(row.end(), {"", "", "", "", point_verdict(point), "", "", "", "", ""});
      }
      t.add_row(row);
    }
  return t;
}

/// The summary as the Markdown report shows it: one row per (M, d), columns of the full table.
report::table brief_table(const std::vector<case_result>& results, int digits)
{
  const auto full = summary_table(results, digits);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(full.columns.begin(), full.columns.end(), name) - full.columns.begin());
  };
  report::table brief{"Summary",
                      {"M", "d", "restarts", "phi_best", "digits_known", "delta = phi_best − phi_etf",
                       "maxima / saddles / degenerate / not classified", "best_count", "unseen_estimate (maxima)",
                       "complete for mass ≥ (95 %, all basins / one named basin)",
                       "verdict (best)", "zero_modes/orbit", "margin", "ETF verdict", "joint zero modes/expected"},
                      {}};
  for (const auto& row : full.rows) {
    auto at = [&](const std::string& name) { return row[column(name)]; };
    const std::string joint = at("joint_zero_modes").empty() ? "" : at("joint_zero_modes") + "/" + at("joint_expected");
    const int degenerate = std::stoi(at("degenerate_maxima")) + std::stoi(at("degenerate_other"));
    brief.add_row({at("M"), at("d"), at("restarts"), at("phi_best"), at("digits_known"), at("delta"),
                   at("maxima") + " / " + at("saddles") + " / " + std::to_string(degenerate) + " / " +
                       at("not_classified"),
                   at("best_count"), at("unseen_estimate"), at("unseen_bound_95_all") + " / " + at("unseen_bound_95"),
                   at("hessian_verdict"),
                   at("zero_modes").empty() ? "" : at("zero_modes") + "/" + at("orbit_dim"), at("margin"),
                   at("etf_hessian_verdict"), joint});
  }
  return brief;
}

/// The sentence on what each neuron beyond d + 1 adds to the best Φ, from the numbers
/// (study/conjecture_grid.hpp): the range of Φ_best(M) − Φ_best(M − 1) over M > d + 1, and its
/// mean per d.
std::string gain_beyond_etf(const std::vector<case_result>& results)
{
  const auto gains = twolayer::gains_beyond_etf_of(results);
  if (gains.gains.empty())
    return "";
  auto at = [](const twolayer::neuron_gain& g) {
    return "(M, d) = (" + std::to_string(g.M) + ", " + std::to_string(g.d) + ")";
  };
  std::string text = "Beyond the simplex ETF (M > d + 1), each further neuron raises the best Φ found by between " +
                     show3(gains.lowest->gain) + " (" + at(*gains.lowest) + ") and " + show3(gains.highest->gain) +
                     " (" + at(*gains.highest) + "); mean gain per neuron by d:";
  bool first = true;
  for (const auto& [d, mean] : gains.mean_by_d) {
    text += std::string(first ? " " : ", ") + "d = " + std::to_string(d) + ": " + show3(mean);
    first = false;
  }
  return text + ".";
}

// What the boundary search found against Φ_ETF, in one sentence generated from the cases.
std::string boundary_finding(const std::vector<case_result>& results)
{
  int compared = 0, below = 0;
  double closest = 0;  // the largest phi_boundary − phi_etf
  std::string where;
  for (const auto& r : results)
    if (r.boundary && r.phi_etf) {
      const double gap = r.boundary->value - static_cast<double>(*r.phi_etf);
      if (compared == 0 || gap > closest) {
        closest = gap;
        where = "(M, d) = (" + std::to_string(r.M) + ", " + std::to_string(r.d) + ")";
      }
      ++compared;
      below += gap < 0;
    }
  if (compared == 0)
    return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3e", closest);
  return std::string("On the boundary where two directions merge the best Φ_∂ found is below Φ_ETF in ") + std::to_string(below) +
         " of " + std::to_string(compared) + " cases with a simplex ETF; the largest phi_boundary − phi_etf is " + buffer +
         ", at " + where + ".\n\n";
}

std::string markdown(const etf_run& s, const std::vector<case_result>& results, const app::drawn_figures& drawn,
                     bool phi_figure, bool hessian_figure)
{
  std::ostringstream out;
  out << "# The simplex-ETF conjecture: exhaustive search and second-order tests (ReLU)\n\n"
      << "Produced by `" << s.command << "` (twolayer-etf " << s.program_version
      << "); the thread count and an interruption followed by `--resume` change no byte.\n\n"
      << "For each (M, d): restarts of a Riemannian L-BFGS in double (gradient norm 1e-10, at most 2000 "
         "iterations) from independent uniform configurations seeded by (seed, M, d, restart); converged "
         "end points with Φ within 1e-9 and sorted inner products within 1e-5 form one search basin. Every "
         "search basin (up to --polish-max, largest Φ first) is polished by Riemannian Newton at "
      << s.digits << " digits until the gradient norm is below 1e-" << s.digits - 5
      << " (a step is kept when it does not lower Φ or when it lowers the gradient norm, so the polish reaches "
         "saddles too; it stops as stalled when the gradient norm has not halved in 12 steps, or after 200). "
         "Only a point whose polish reached that target is classified by the second-order test: Hessian spectrum "
         "on (S^{d-1})^M, zero threshold max(√ε, 1000·√‖g‖)·max(1, max|λ|) (stated per point), zero modes against "
         "the orbit dimension d(d−1)/2 − (d−r)(d−r−1)/2 with r the rank of the Gram matrix (eigenvalues above √ε "
         "times the largest). A point whose polish stalled is `not classified` and says where it stalled. "
         "Polished points are then deduplicated: two are one optimum when their Φ agree to the digits known of "
         "both and their Gram matrices agree up to a permutation of the neurons (an exact matching) within "
         "10^(3 − ⌊k/2⌋), k the smaller digits known; their restart counts are added. Strict local maxima, "
         "degenerate points (split by whether Φ falls along every extra zero mode), saddles and unclassified "
         "points are counted apart. `digits_known` is min(digits lost to the conditioning of K̂, the truncation "
         "error ‖g‖²/margin after quadratic convergence, or max(|ΔΦ|, ‖g‖) otherwise). Coverage is computed over "
         "the maxima only: maxima reached by one restart (singletons) and the Good–Turing estimate singletons / "
         "restarts that ended in a maximum. How complete the search is (docs/mathematics.md §5.2): a basin's mass is the "
         "chance that one restart ends at its point (the double search converges there); n restarts miss a given "
         "basin of mass p with probability (1 − p)^n. `unseen_bound_95_all`, the least b with ⌊1/b⌋(1 − b)^n ≤ 0.05 "
         "(at most ⌊1/b⌋ basins have mass ≥ b), is the mass above which every basin was reached with probability "
         "≥ 95 %: the list is complete for basins of at least that mass, as far as it names their points — "
         "`restarts_unrecognised` restarts stalled, ran into coincident directions, diverged, or ended at a point "
         "not classified or not polished. `unseen_bound_95` = 1 − 0.05^(1/n) is the mass above which one basin "
         "named in advance is missed with probability ≤ 5 %; it is not a bound on whichever basins were missed. "
         "`stopped_by`: the restart cap, or the target of `--until-bound` (a restart count, so the bounds hold) or "
         "of `--until-coverage` (n then depends on the data, and the bounds are approximate). With "
         "`--planted-starts K`, K supplementary starts per case begin from a uniform "
         "configuration with one antipodal pair planted (the structure of the rare maxima beyond the simplex ETF), "
         "then moved by a Gaussian step of 0.05 per coordinate; they are counted apart (`planted_count` in "
         "etf_optima.csv, `maxima_planted_only` in etf.csv), their basins are polished in addition to the "
         "restarts' (up to --polish-max more), and they enter neither the coverage estimate nor the bounds, "
         "which speak of the uniform start.\n\n"
      << "At the exact simplex ETF (2 ≤ M ≤ d+1) the report also gives the Riemannian gradient norm (zero by "
         "docs/mathematics.md §3: the ETF is exactly critical), the verdict there, and the joint (b, V) Hessian of L~ at "
         "(s*, ETF), whose zero modes must be the orbit plus one rescaling per neuron.\n\n"
      << "Φ is undefined where K̂ is singular, and the conjecture is about the closure (docs/mathematics.md §3.3). "
         "`phi_boundary` in etf.csv is the largest value found of Φ_∂, the limit of Φ as two directions merge "
         "(M − 1 directions and the direction δ of the merge), by the same L-BFGS search in double (about 10 digits) "
         "from restarts seeded apart from those on Φ.\n\n";
  out << boundary_finding(results) << report::to_markdown(brief_table(results, s.digits)) << "\n";
  if (const auto gain = gain_beyond_etf(results); !gain.empty())
    out << gain << "\n\n";
  if (phi_figure)
    out << markdown_figure(drawn, "etf_phi", "Phi_best and Phi_ETF against M, per d");
  if (hessian_figure)
    out << markdown_figure(drawn, "etf_hessian", "Hessian spectrum of Phi at the simplex ETF");
  else
    out << "(No Hessian figure: no case of this run has a simplex ETF, M ≤ d + 1.)\n\n";

  using kind = twolayer::critical_kind;
  for (const auto& r : results) {
    out << "## M = " << r.M << ", d = " << r.d << "\n\n";
    const std::string picture = "etf_M" + std::to_string(r.M) + "_d" + std::to_string(r.d);
    if ((r.d == 2 || r.d == 3) && best_polished(r))
      out << markdown_figure(drawn, picture, "best configuration found, M = " + std::to_string(r.M) + ", d = " + std::to_string(r.d));
    const auto& c = r.catalogue;
    const auto& o = r.optima;
    out << c.restarts << " restarts: " << outcome_count(c, twolayer::search_status::converged) << " converged, "
        << outcome_count(c, twolayer::search_status::stalled) << " stalled (iteration cap), "
        << outcome_count(c, twolayer::search_status::degenerate) << " ran into coincident directions, "
        << outcome_count(c, twolayer::search_status::diverged) << " diverged; " << o.search_basins
        << " search basin(s)";
    if (o.supplementary_basins > 0)
      out << ", and " << o.supplementary_basins << " more that only planted starts reached";
    out << ". After polish and deduplication: " << o.count(kind::strict_local_max)
        << " strict local maxima, " << o.count(kind::degenerate_max) << " degenerate point(s) consistent with a maximum, "
        << o.count(kind::degenerate) << " other degenerate point(s), " << o.count(kind::saddle) << " saddle(s), "
        << o.count(kind::local_min) << " local minima, " << o.count(kind::not_classified)
        << " not classified (polish stalled; " << o.restarts_in(kind::not_classified) << " restarts left out)";
    if (o.count(kind::not_polished) > 0)
      out << ", " << o.count(kind::not_polished) << " search basin(s) not polished (beyond --polish-max; "
          << o.restarts_in(kind::not_polished) << " restarts left out)";
    out << ". Coverage over the maxima: " << o.restarts_in_maxima() << " restarts ended in one, " << o.singletons()
        << " maxima seen once, unseen-maximum estimate " << show3(o.unseen_estimate()) << ". Completeness at 95 %: every basin of mass ≥ "
        << show3(o.unseen_bound_all()) << " was reached, and a given basin of mass ≥ " << show3(o.unseen_bound())
        << " is missed by " << c.restarts << " restarts with probability ≤ 5 %";
    if (r.stopped_by == twolayer::search_stop::coverage_target)
      out << " (approximate: the search stopped on its Good–Turing target, so n depends on the data)";
    out << "; " << o.restarts_unrecognised()
        << " restarts ended where the list names no point (stalled, coincident directions, diverged, or a point "
           "not classified or not polished)";
    if (r.stopped_by)
      out << "; the search was stopped by its " << twolayer::to_string(*r.stopped_by);
    out << ".";
    if (c.supplementary_starts > 0)
      out << " Beside them, " << c.supplementary_starts << " planted starts (one antipodal pair planted, counted "
          << "apart): " << o.maxima_supplementary_only() << " maxima reached by them and by no restart.";
    out << "\n\n";
    const auto* best = best_polished(r);
    if (r.phi_etf) {
      out << "Φ_ETF(" << r.M << ") = " << show(*r.phi_etf, etf_digits(s.digits)) << ".";
      if (best) {
        out << " The best point found agrees with it to " << checkable_agreement(*best, *r.phi_etf, s.digits)
            << " digits (the fewer of the digits known of the two)"
            << (best->etf_size == r.M ? " and is a simplex ETF" : " but is not a simplex ETF") << ".";
      }
      out << " At the exact ETF: gradient norm " << show3(r.etf_gradient_norm) << ", verdict `" << twolayer::to_string(r.etf_test->verdict)
          << "` (" << r.etf_test->zero_modes << " zero modes, orbit " << r.etf_test->orbit_dim << ", threshold "
          << show3(r.etf_test->zero_threshold) << ", margin " << show3(r.etf_test->margin) << ")";
      if (!r.etf_test->degeneracy_note().empty())
        out << "; " << r.etf_test->degeneracy_note();
      out << ". Joint (b, V) Hessian of L~ at (s*, ETF): " << r.joint_zero_modes << " zero modes (orbit + M = "
          << r.joint_expected << "), " << r.joint_negative << " negative, margin " << show3(r.joint_margin)
          << " (threshold " << show3(r.joint_threshold) << ").\n\n";
    } else if (best) {
      out << "No simplex ETF of " << r.M << " vectors exists in R^" << r.d << " (M > d+1). The best configuration: "
          << structure(*best, r.M) << "; inner products " << inner_product_summary(best->invariants.inner_products)
          << "; verdict `" << twolayer::to_string(best->second_order.verdict) << "`";
      if (!best->second_order.degeneracy_note().empty())
        out << " (" << best->second_order.degeneracy_note() << ")";
      const Real phi_full = twolayer::simplex_etf_phi<Real>(r.d + 1);
      out << ". Against the simplex ETF of d+1 = " << r.d + 1 << " vectors: Φ gains "
          << show3(Real(best->polish.value - phi_full)) << " (relative loss r = 1 − 2π d c_d² Φ goes from "
          << show(Real(1 - r.relative_loss_factor * phi_full), 6) << " to "
          << show(Real(1 - r.relative_loss_factor * best->polish.value), 6) << ").\n\n";
    } else {
      out << "No point of this case was polished to its target: nothing is classified.\n\n";
    }
  }
  out << "### Every distinct point\n\n" << report::to_markdown(optima_table(results)) << "\n";
  out << "Columns of `etf.csv` and `etf_optima.csv` are as above; `gradient_norms` lists the Newton iterates' "
         "gradient norms (powers of ten); `search_basins` is how many basins of the double search were merged "
         "into the point after the polish.\n";
  return out.str();
}

/// Φ_best against M, one colour per d, and Φ_ETF(M) (which does not depend on d) as a line.
report::line_plot phi_plot(const std::vector<case_result>& results)
{
  std::map<int, report::plot_series> by_d;
  std::map<int, double> etf;
  for (const auto& r : results) {
    auto& series = by_d[r.d];
    series.label = "d = " + std::to_string(r.d) + ": best found";
    series.style = "points pt 7 lt " + std::to_string(r.d - 1);
    if (const auto* best = best_polished(r))
      series.points.push_back({double(r.M) + 0.04 * (r.d - 5), static_cast<double>(best->polish.value)});
    if (r.phi_etf)
      etf[r.M] = static_cast<double>(*r.phi_etf);
  }
  report::line_plot plot{"Phi(U) = 1'K(U)^-1 1: best found per d, and Phi_ETF(M)", "M (points offset by d)", "Phi",
                         false, false, {}};
  report::plot_series etf_series{"Phi_ETF(M), the simplex ETF (exists for M <= d+1)", {}, "lines lw 2 lc rgb \"#808080\""};
  for (const auto& [M, phi] : etf)
    etf_series.points.push_back({double(M), phi});
  plot.series.push_back(etf_series);
  for (auto& [d, series] : by_d)
    plot.series.push_back(series);
  return plot;
}

/// The non-zero eigenvalues of the Riemannian Hessian of Φ at the exact ETF, as −λ on a
/// log axis against M (negative definite off the orbit where the ETF is a strict maximum).
report::line_plot hessian_plot(const std::vector<case_result>& results)
{
  std::map<int, report::plot_series> by_d;
  for (const auto& r : results) {
    if (!r.etf_test)
      continue;
    auto& series = by_d[r.d];
    series.label = "d = " + std::to_string(r.d);
    series.style = "points pt 7 lt " + std::to_string(r.d - 1);
    for (Eigen::Index i = 0; i < r.etf_test->eigenvalues.size(); ++i) {
      const Real& lambda = r.etf_test->eigenvalues(i);
      if (abs(lambda) > r.etf_test->zero_threshold && lambda < 0)
        series.points.push_back({double(r.M) + 0.06 * (r.d - 5), static_cast<double>(-lambda)});
    }
  }
  report::line_plot plot{"Hessian of Phi at the simplex ETF: -lambda, non-zero eigenvalues (zero modes: etf.md)",
                         "M (points offset by d)", "-lambda", false, true, {}};
  for (auto& [d, series] : by_d)
    plot.series.push_back(series);
  return plot;
}

std::string json(const etf_run& s, const std::vector<case_result>& results)
{
  std::ostringstream out;
  out << "{\n  \"command\": " << report::detail::json_string(s.command) << ",\n"
      << "  \"version\": " << report::detail::json_string(s.program_version) << ",\n"
      << "  \"cases\": " << report::to_json_rows(summary_table(results, s.digits), "    ") << ",\n"
      << "  \"optima\": " << report::to_json_rows(optima_table(results), "    ") << "\n}\n";
  return out.str();
}

}  // namespace

std::vector<figure> etf_figures(const std::vector<etf_case>& results)
{
  std::vector<figure> figures;
  for (const auto& r : results)
    if ((r.d == 2 || r.d == 3) && best_polished(r)) {
      const matrix<double> U = best_polished(r)->polish.U.template cast<double>();
      report::direction_plot plot;
      plot.title = "best of M = " + std::to_string(r.M) + " in d = " + std::to_string(r.d);
      for (Eigen::Index j = 0; j < U.cols(); ++j)
        plot.directions.push_back(std::vector<double>(U.col(j).data(), U.col(j).data() + U.rows()));
      figures.push_back({"etf_M" + std::to_string(r.M) + "_d" + std::to_string(r.d), report::gnuplot_script(plot)});
    }
  // a figure with nothing to show is not drawn
  if (const auto phi = phi_plot(results); report::has_points(phi))
    figures.push_back({"etf_phi", report::gnuplot_script(phi)});
  if (const auto hessian = hessian_plot(results); report::has_points(hessian))
    figures.push_back({"etf_hessian", report::gnuplot_script(hessian)});
  return figures;
}

std::vector<std::pair<std::filesystem::path, std::string>> etf_report_files(const etf_run& run,
                                                                           const std::vector<etf_case>& results,
                                                                           const drawn_figures& drawn,
                                                                           const std::filesystem::path& out)
{
  const bool phi_figure = report::has_points(phi_plot(results));
  const bool hessian_figure = report::has_points(hessian_plot(results));
  std::vector<std::pair<std::filesystem::path, std::string>> files{
      {out / "etf.csv", report::to_csv(summary_table(results, run.digits))},
      {out / "etf_optima.csv", report::to_csv(optima_table(results))},
      {out / "etf.md", markdown(run, results, drawn, phi_figure, hessian_figure)},
      {out / "etf.json", json(run, results)},
      {out / "etf.tex", "% " + run.command + "\n\n" + report::to_latex(brief_table(results, run.digits)) + "\n" +
                            report::to_latex(optima_table(results))}};
  for (const auto& [name, contents] : drawn.files)
    files.push_back({out / name, contents});
  return files;
}

report::table etf_brief_table(const std::vector<etf_case>& results, int digits) { return brief_table(results, digits); }

}  // namespace twolayer::app
