// The gap study (docs/mathematics.md §5.1): every realisation of the grid laws × d × N ×
// replicates measured against the simplified optimum of each compressed width M
// (study/gap_measurement.hpp), and the exponents of the sup-deviation of the cross term fitted
// per replicate — in N for each (law, d), in d for each (law, N) — with their mean, spread and
// bootstrap interval (check/loglog_fit.hpp); the same fits for |min_gap| per compressed width.
// The realisations run in parallel and are stored in grid order, so the results do not depend
// on the thread count.
#pragma once

#include "twolayer/check/loglog_fit.hpp"
#include "twolayer/numeric/parallel.hpp"
#include "twolayer/study/gap_measurement.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace twolayer {

struct gap_study_results {
  std::vector<law_summary> laws;           // per (law, d), grid order
  std::vector<simplified_optimum> optima;  // per (M, d)
  std::vector<gap_row> rows;               // grid order
};

/// Runs the grid; `progress` (called from worker threads, one at a time per call site's
/// own locking) receives one line per finished piece.
inline gap_study_results run_gap_study(const gap_grid& grid, const gap_settings& settings, unsigned threads,
                                       const std::function<void(const std::string&)>& progress = {})
{
  auto log = [&](const std::string& line) {
    if (progress)
      progress(line);
  };
  gap_study_results r;
  for (const auto& law : grid.laws)
    for (unsigned d : grid.dimensions) {
      r.laws.push_back(summarise_law(law, d, settings));
      log("law " + law.name() + ", d = " + std::to_string(d) + ": alpha and bias floor");
    }
  // one simplified optimum per (M, d) and mean ratio R of the laws (R = 0: no mean)
  std::vector<double> ratios;
  for (const auto& law : grid.laws)
    if (std::find(ratios.begin(), ratios.end(), law.mean_ratio) == ratios.end())
      ratios.push_back(law.mean_ratio);
  std::map<std::tuple<int, unsigned, double>, std::size_t> optimum_index;
  for (double ratio : ratios)
    for (unsigned d : grid.dimensions)
      for (int M : compressed_widths(grid.compressed, d)) {
        optimum_index[{M, d, ratio}] = r.optima.size();
        r.optima.push_back(find_simplified_optimum(M, d, settings, ratio));
        std::string line = "simplified optimum (M, d) = (" + std::to_string(M) + ", " + std::to_string(d) + ")";
        if (ratio != 0) {
          line += ", R = ";  // appends, not `literal + string&&`: GCC 12's -Wrestrict false positive (PR 105329)
          line += law_ratio_text(ratio);
        }
        log(line);
      }

  struct task {
    std::size_t law;  // index into r.laws
    std::size_t N;
    unsigned replicate;
  };
  std::vector<task> tasks;
  for (std::size_t l = 0; l < r.laws.size(); ++l)
    for (std::size_t N : grid.widths)
      for (unsigned rep = 0; rep < grid.replicates; ++rep)
        tasks.push_back({l, N, rep});
  std::vector<std::vector<gap_row>> rows(tasks.size());
  std::atomic<std::size_t> done{0};
  for_each_task(tasks.size(), threads, [&](std::size_t i) {
    const auto& t = tasks[i];
    const auto& law = r.laws[t.law];
    std::vector<const simplified_optimum*> optima;
    for (int M : compressed_widths(grid.compressed, law.d))
      optima.push_back(&r.optima[optimum_index.at({M, law.d, law.law.mean_ratio})]);
    rows[i] = measure_realisation(law, t.N, t.replicate, optima, settings);
    log("realisation " + std::to_string(++done) + "/" + std::to_string(tasks.size()) + ": " + law.law.name() +
        ", d = " + std::to_string(law.d) + ", N = " + std::to_string(t.N) + ", replicate " +
        std::to_string(t.replicate));
  });
  for (auto& part : rows)
    for (auto& row : part)
      r.rows.push_back(std::move(row));
  return r;
}

/// One fitted exponent of a measured quantity: per replicate the least-squares slope of log y
/// against log x over the grid, then their mean ± sd and a 95 % bootstrap interval of the mean.
struct exponent_fit {
  std::string law;
  std::size_t at = 0;                                  // d for a fit in N, N for a fit in d
  std::string width;                                   // the compressed width ("3", "d+1"), or "" when M plays no part
  std::vector<double> slopes;                          // one per replicate with two or more points
  std::optional<spread> summary;                       // mean ± sd of the slopes
  std::optional<std::pair<double, double>> interval;  // bootstrap interval of the mean
};

struct exponent_fits {
  std::vector<exponent_fit> in_N;  // per (law, d[, width]), grid order
  std::vector<exponent_fit> in_d;  // per (law, N[, width]), grid order
};

/// Which column of the rows to fit, and how.
struct fitted_quantity {
  std::optional<double> gap_row::*field = &gap_row::sup_cross_dev;
  bool per_width = false;  // one fit per compressed width (min_gap), or one per realisation (sup_cross_dev)
  bool modulus = false;    // fit |y| (min_gap changes sign); zeros are left out
};

/// A quantity per (law, d, N, M) as (replicate, value) pairs, realisations without a value left
/// out; M = 0 when the quantity does not depend on M (the rows repeat it for every M).
using measured_cells =
    std::map<std::tuple<std::string, unsigned, std::size_t, int>, std::vector<std::pair<unsigned, double>>>;

inline measured_cells cells_of(const gap_study_results& r, const fitted_quantity& q = {})
{
  measured_cells cells;
  std::set<std::tuple<std::string, unsigned, std::size_t, int, unsigned>> seen;
  for (const auto& row : r.rows) {
    const auto& value = row.*(q.field);
    const int M = q.per_width ? row.M : 0;
    if (!value || (q.modulus && *value == 0) || !seen.insert({row.law, row.d, row.N, M, row.replicate}).second)
      continue;
    cells[{row.law, row.d, row.N, M}].push_back({row.replicate, q.modulus ? std::abs(*value) : *value});
  }
  return cells;
}

/// The exponents of a quantity of the study (by default sup_cross_dev), in N at each (law, d)
/// and in d at each (law, N), per compressed width when the quantity depends on M.
inline exponent_fits fit_exponents(const gap_grid& grid, const gap_study_results& r, const fitted_quantity& q = {})
{
  const auto cells = cells_of(r, q);

  auto fit = [](const std::string& law, std::size_t at, const std::string& width,
                const std::vector<std::pair<double, std::pair<unsigned, double>>>& points) {
    std::map<unsigned, std::vector<std::pair<double, double>>> by_replicate;
    for (const auto& [x, ry] : points)
      by_replicate[ry.first].push_back({x, ry.second});
    exponent_fit f;
    f.law = law;
    f.at = at;
    f.width = width;
    for (const auto& [replicate, pts] : by_replicate)
      if (auto slope = loglog_slope(pts))
        f.slopes.push_back(*slope);
    f.summary = spread_of(f.slopes);
    f.interval = bootstrap_mean_interval(f.slopes);
    return f;
  };
  const std::vector<std::string> widths = q.per_width ? grid.compressed : std::vector<std::string>{""};
  auto M_of = [&](const std::string& width, unsigned d) {
    return width.empty() ? 0 : compressed_widths({width}, d).front();
  };
  auto points_at = [&](unsigned d, std::size_t N, const std::string& law, const std::string& width, double x,
                       std::vector<std::pair<double, std::pair<unsigned, double>>>& points) {
    if (auto it = cells.find({law, d, N, M_of(width, d)}); it != cells.end())
      for (const auto& ry : it->second)
        points.push_back({x, ry});
  };
  exponent_fits fits;
  for (const auto& law : grid.laws)
    for (const auto& width : widths) {
      for (unsigned d : grid.dimensions) {
        std::vector<std::pair<double, std::pair<unsigned, double>>> points;
        for (std::size_t N : grid.widths)
          points_at(d, N, law.name(), width, double(N), points);
        fits.in_N.push_back(fit(law.name(), d, width, points));
      }
      for (std::size_t N : grid.widths) {
        std::vector<std::pair<double, std::pair<unsigned, double>>> points;
        for (unsigned d : grid.dimensions)
          points_at(d, N, law.name(), width, double(d), points);
        fits.in_d.push_back(fit(law.name(), N, width, points));
      }
    }
  return fits;
}

}  // namespace twolayer
