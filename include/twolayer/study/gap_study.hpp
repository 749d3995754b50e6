// The gap study (docs/mathematics.md §5.1): every realisation of the grid laws × d × N ×
// replicates measured against the simplified optimum of each compressed width M
// (study/gap_measurement.hpp), and the exponents of the sup-deviation of the cross term fitted
// per replicate — in N for each (law, d), in d for each (law, N) — with their mean, spread and
// bootstrap interval (check/loglog_fit.hpp). The realisations run in parallel and are stored
// in grid order, so the results do not depend on the thread count.
#pragma once

#include "twolayer/check/loglog_fit.hpp"
#include "twolayer/numeric/parallel.hpp"
#include "twolayer/study/gap_measurement.hpp"

#include <atomic>
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
  std::map<std::pair<int, unsigned>, std::size_t> optimum_index;
  for (unsigned d : grid.dimensions)
    for (int M : compressed_widths(grid.compressed, d)) {
      optimum_index[{M, d}] = r.optima.size();
      r.optima.push_back(find_simplified_optimum(M, d, settings));
      log("simplified optimum (M, d) = (" + std::to_string(M) + ", " + std::to_string(d) + ")");
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
      optima.push_back(&r.optima[optimum_index.at({M, law.d})]);
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

/// One fitted exponent of sup_cross_dev: per replicate the least-squares slope of log y
/// against log x over the grid, then their mean ± sd and a 95 % bootstrap interval of the mean.
struct exponent_fit {
  std::string law;
  std::size_t at = 0;                                  // d for a fit in N, N for a fit in d
  std::vector<double> slopes;                          // one per replicate with two or more points
  std::optional<spread> summary;                       // mean ± sd of the slopes
  std::optional<std::pair<double, double>> interval;  // bootstrap interval of the mean
};

struct exponent_fits {
  std::vector<exponent_fit> in_N;  // per (law, d), grid order
  std::vector<exponent_fit> in_d;  // per (law, N), grid order
};

/// sup_cross_dev per (law, d, N) as (replicate, value) pairs: one value per realisation (the
/// rows repeat it for every M), realisations without a value left out.
using sup_cross_dev_cells =
    std::map<std::tuple<std::string, unsigned, std::size_t>, std::vector<std::pair<unsigned, double>>>;

inline sup_cross_dev_cells sup_cross_dev_by_cell(const gap_study_results& r)
{
  sup_cross_dev_cells cells;
  std::set<std::tuple<std::string, unsigned, std::size_t, unsigned>> seen;
  for (const auto& row : r.rows)
    if (row.sup_cross_dev && seen.insert({row.law, row.d, row.N, row.replicate}).second)
      cells[{row.law, row.d, row.N}].push_back({row.replicate, *row.sup_cross_dev});
  return cells;
}

/// The exponents of the study's sup_cross_dev.
inline exponent_fits fit_exponents(const gap_grid& grid, const gap_study_results& r)
{
  const auto cells = sup_cross_dev_by_cell(r);

  auto fit = [](const std::string& law, std::size_t at,
                const std::vector<std::pair<double, std::pair<unsigned, double>>>& points) {
    std::map<unsigned, std::vector<std::pair<double, double>>> by_replicate;
    for (const auto& [x, ry] : points)
      by_replicate[ry.first].push_back({x, ry.second});
    exponent_fit f;
    f.law = law;
    f.at = at;
    for (const auto& [replicate, pts] : by_replicate)
      if (auto slope = loglog_slope(pts))
        f.slopes.push_back(*slope);
    f.summary = spread_of(f.slopes);
    f.interval = bootstrap_mean_interval(f.slopes);
    return f;
  };
  exponent_fits fits;
  for (const auto& law : grid.laws) {
    for (unsigned d : grid.dimensions) {
      std::vector<std::pair<double, std::pair<unsigned, double>>> points;
      for (std::size_t N : grid.widths)
        if (auto it = cells.find({law.name(), d, N}); it != cells.end())
          for (const auto& ry : it->second)
            points.push_back({double(N), ry});
      fits.in_N.push_back(fit(law.name(), d, points));
    }
    for (std::size_t N : grid.widths) {
      std::vector<std::pair<double, std::pair<unsigned, double>>> points;
      for (unsigned d : grid.dimensions)
        if (auto it = cells.find({law.name(), d, N}); it != cells.end())
          for (const auto& ry : it->second)
            points.push_back({double(d), ry});
      fits.in_d.push_back(fit(law.name(), N, points));
    }
  }
  return fits;
}

}  // namespace twolayer
