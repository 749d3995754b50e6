// The orientation study over a grid of (d, M, R) (docs/mathematics.md §2.1): one orientation case
// per point (study/orientation_case.hpp), and per (d, M) a summary decided here, not in a report:
//
//   - the shape: `etf` when every case with R > 0 is a simplex ETF within its error (the gap to the
//     best rotated ETF at most `etf_tolerance`, and the directions a simplex ETF of M), `not_etf`
//     when every case with R > 0 beats the best rotated ETF found by more than that, `mixed` when
//     some are and some are not, `no_etf` when M > d + 1 (no simplex ETF of M vectors in R^d),
//     `undecided` when a case's optimum was not polished or not a strict local maximum modulo its
//     symmetry;
//   - the orientation: the pattern named at each R (study/orientation_case.hpp), and where it
//     changes between two grid points, the critical R located by bisection on the pattern of the
//     best optimum until the bracket is narrower than `bisection_width` times max(1, R).
//     The pattern is named with a tolerance of 1000 √‖g‖ on cosines at a point polished to
//     ‖g‖ ≈ 10^(5−digits), so a continuous change (two cosines merging like √(R − R_c)) is located
//     far more finely than the bracket.
#pragma once

#include "twolayer/study/orientation_case.hpp"

#include <functional>
#include <string>
#include <vector>

namespace twolayer {

enum class orientation_shape { etf, not_etf, mixed, no_etf, undecided };

inline std::string to_string(orientation_shape s)
{
  switch (s) {
  case orientation_shape::etf: return "etf";
  case orientation_shape::not_etf: return "not_etf";
  case orientation_shape::mixed: return "mixed";
  case orientation_shape::no_etf: return "no_etf";
  case orientation_shape::undecided: return "undecided";
  }
  return "?";
}

struct orientation_grid {
  std::vector<unsigned> dimensions;
  std::vector<std::string> widths;   // integers, or "auto" for 2 … d + 2
  std::vector<std::string> ratios;   // R as decimal text, increasing
  std::vector<int> widths_for(unsigned d) const
  {
    std::vector<int> M;
    for (const auto& w : widths)
      if (w == "auto")
        for (int m = 2; m <= static_cast<int>(d) + 2; ++m)
          M.push_back(m);
      else
        M.push_back(std::stoi(w));
    return M;
  }
};

struct orientation_study_options {
  orientation_options case_options;
  double etf_tolerance = 1e-12;    // a gap Ψ_best − Ψ_ETF above this is "not an ETF"
  double bisection_width = 1e-6;   // relative width of a located transition's bracket
  bool bisect = true;
  int bisection_budget = 200;      // cases per grid interval, at most
};

/// Where the pattern changes between two grid points.
struct orientation_transition {
  std::string below, above;        // the patterns on either side
  std::string lower, upper;        // the final bracket [lower, upper] of R, as decimal text
  int steps = 0;                   // bisection steps (cases run)
  bool complete = true;            // the bracket reached the asked width (false: the budget ran out)
};

template <class Real>
struct orientation_summary {
  unsigned d = 0;
  int M = 0;
  orientation_shape shape = orientation_shape::undecided;
  std::string reason;  // for undecided: which case and why
  Real smallest_gap = 0, largest_gap = 0;  // over the cases with R > 0 (M ≤ d + 1)
  int bounded = 0, bounded_below = 0;  // cases with R > 0 bounded over every orientation, and below Ψ_best
  std::vector<std::pair<std::string, std::string>> segments;  // (pattern, "R in [a, b]")
  std::vector<orientation_transition> transitions;
};

template <class Real>
struct orientation_study_results {
  std::vector<orientation_result<Real>> cases;
  std::vector<orientation_summary<Real>> summaries;
};

namespace detail {

/// Decimal text of a double, with enough digits to tell the bracket's ends apart.
inline std::string ratio_text(double r)
{
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.10g", r);
  return buffer;
}

}  // namespace detail

/// Runs the grid; `progress` (optional) gets one line per case.
template <class Real>
orientation_study_results<Real> run_orientation_study(const orientation_grid& grid,
                                                      const orientation_study_options& options,
                                                      const std::function<void(const std::string&)>& progress = {})
{
  using std::abs;
  orientation_study_results<Real> results;
  auto run_case = [&](unsigned d, int M, const std::string& ratio) {
    if (progress)
      progress("d = " + std::to_string(d) + ", M = " + std::to_string(M) + ", R = " + ratio);
    return analyse_orientation_case<Real>(d, M, ratio, options.case_options);
  };
  auto classified = [](const orientation_result<Real>& r) {
    return r.polished && r.second_order.verdict == critical_point_type::strict_local_max;
  };
  for (unsigned d : grid.dimensions)
    for (int M : grid.widths_for(d)) {
      // Bisection on the pattern of the best optimum between R = lower (pattern `below`) and R = upper
      // (pattern `above`); a third pattern met at a midpoint splits the bracket in two, each
      // located in turn, so every change in between is found (within the budget of cases).
      std::function<void(double, const std::string&, double, const std::string&, int&, std::vector<orientation_transition>&)>
          locate = [&](double lower, const std::string& below, double upper, const std::string& above, int& budget,
                       std::vector<orientation_transition>& found) {
            orientation_transition t;
            t.below = below;
            t.above = above;
            while (upper - lower > options.bisection_width * std::max(1.0, upper) && budget > 0) {
              const double middle = (lower + upper) / 2;
              const auto r = run_case(d, M, detail::ratio_text(middle));
              ++t.steps;
              --budget;
              if (r.pattern == below) {
                lower = middle;
              } else if (r.pattern == above) {
                upper = middle;
              } else {
                locate(lower, below, middle, r.pattern, budget, found);
                locate(middle, r.pattern, upper, above, budget, found);
                return;
              }
            }
            t.lower = detail::ratio_text(lower);
            t.upper = detail::ratio_text(upper);
            t.complete = upper - lower <= options.bisection_width * std::max(1.0, upper);
            found.push_back(t);
          };
      orientation_summary<Real> summary;
      summary.d = d;
      summary.M = M;
      std::vector<orientation_result<Real>> row;
      for (const auto& ratio : grid.ratios)
        row.push_back(run_case(d, M, ratio));
      // the shape
      bool any_etf = false, any_not = false, any_positive = false;
      for (const auto& r : row) {
        if (std::stod(r.mean_ratio) == 0)
          continue;
        any_positive = true;
        if (!classified(r) && summary.reason.empty())
          summary.reason = "R = " + r.mean_ratio + ": " +
                           (r.polished ? "the optimum is " + to_string(r.second_order.verdict) : std::string("polish stalled"));
        if (!r.etf_exists)
          continue;
        if (r.etf_bound) {
          ++summary.bounded;
          summary.bounded_below += r.etf_bound->status == etf_bound_status::below_target;
        }
        const bool is_etf = r.etf_size == M && r.etf_gap <= Real(options.etf_tolerance);
        (is_etf ? any_etf : any_not) = true;
        if (summary.smallest_gap == 0 && summary.largest_gap == 0)
          summary.smallest_gap = summary.largest_gap = r.etf_gap;
        summary.smallest_gap = r.etf_gap < summary.smallest_gap ? r.etf_gap : summary.smallest_gap;
        summary.largest_gap = r.etf_gap > summary.largest_gap ? r.etf_gap : summary.largest_gap;
      }
      if (!summary.reason.empty() || !any_positive)
        summary.shape = orientation_shape::undecided;
      else if (M > static_cast<int>(d) + 1)
        summary.shape = orientation_shape::no_etf;
      else
        summary.shape = any_etf && any_not ? orientation_shape::mixed
                        : any_etf          ? orientation_shape::etf
                                           : orientation_shape::not_etf;
      if (!any_positive && summary.reason.empty())
        summary.reason = "no case with R > 0";
      // the orientation: segments of equal pattern over the cases with R > 0, and transitions
      std::size_t first = 0;
      while (first < row.size() && std::stod(row[first].mean_ratio) == 0)
        ++first;
      for (std::size_t i = first; i < row.size(); ++i) {
        if (i == first || row[i].pattern != row[i - 1].pattern)
          summary.segments.push_back({row[i].pattern, row[i].mean_ratio});
        else
          summary.segments.back().second = summary.segments.back().second.substr(0, summary.segments.back().second.find(' ')) +
                                           " to " + row[i].mean_ratio;
        if (options.bisect && i > first && row[i].pattern != row[i - 1].pattern && classified(row[i]) &&
            classified(row[i - 1])) {
          int budget = options.bisection_budget;
          locate(std::stod(row[i - 1].mean_ratio), row[i - 1].pattern, std::stod(row[i].mean_ratio), row[i].pattern,
                 budget, summary.transitions);
        }
      }
      for (auto& r : row)
        results.cases.push_back(std::move(r));
      results.summaries.push_back(std::move(summary));
    }
  return results;
}

/// One line per (d, M) for the index: the shape, then the orientation, from the numbers.
template <class Real>
std::string summary_sentence(const orientation_summary<Real>& s)
{
  auto gap = [](const Real& g) { return g.str(2, std::ios_base::scientific); };
  std::string text;
  switch (s.shape) {
  case orientation_shape::etf: text = "a simplex ETF at every R > 0 tested"; break;
  case orientation_shape::not_etf:
    text = "not a simplex ETF at any R > 0 tested: the optimum beats the best rotated ETF found by " + gap(s.smallest_gap) +
           " to " + gap(s.largest_gap);
    if (s.bounded > 0) {
      text += s.bounded_below == s.bounded ? " (every rotation of the ETF stays below it, by branch and bound over the "
                                             "orientations, at all "
                                           : " (every rotation of the ETF stays below it, by branch and bound over the "
                                             "orientations, at ";
      if (s.bounded_below != s.bounded) {
        text += std::to_string(s.bounded_below);
        text += " of ";
      }
      text += std::to_string(s.bounded);
      text += " such R)";
    }
    break;
  case orientation_shape::mixed: text = "a simplex ETF at some R > 0 tested and not at others"; break;
  case orientation_shape::no_etf: text = "no simplex ETF of M vectors in R^d"; break;
  case orientation_shape::undecided: text = "undecided (" + s.reason + ")"; break;
  }
  if (!s.segments.empty()) {
    text += "; ";
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
      if (i)
        text += ", ";
      text += s.segments[i].first;
      text += " at R = ";
      text += s.segments[i].second;
    }
  }
  for (const auto& t : s.transitions) {
    text += "; from ";
    text += t.below;
    text += " to ";
    text += t.above;
    text += " between R = ";
    text += t.lower;
    text += " and ";
    text += t.upper;
    if (!t.complete)
      text += " (bisection budget exhausted)";
  }
  return text;
}

}  // namespace twolayer
