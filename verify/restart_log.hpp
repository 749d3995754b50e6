// The resumable record of a multi-start search: after every batch of restarts the change
// to the catalogue is appended to a log (outcome counts, basin counts gained, new basins
// with their representative in full double precision, then an `end` line). --resume
// replays the complete batches — a batch without its `end` line, cut off by an
// interruption, is dropped and rerun — and continues from the next restart index. Batches
// join the catalogue in index order, so the replayed catalogue is the one the uninterrupted
// run would have built, and the report is the same byte for byte.
#pragma once

#include "twolayer/optimize/multi_start.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer::restart_log {

/// The first line: the settings a log belongs to; a resumed run must match it.
inline std::string header(int M, int d, const multi_start_options& o)
{
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "# twolayer-etf restart log v1 M=%d d=%d seed=%llu gradient_tolerance=%.17g max_iterations=%d "
                "memory=%d value_tolerance=%.17g invariant_tolerance=%.17g",
                M, d, static_cast<unsigned long long>(o.seed), o.search.gradient_tolerance, o.search.max_iterations,
                o.search.memory, o.value_tolerance, o.invariant_tolerance);
  return buffer;
}

inline std::string number(double x)
{
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);  // round-trips every double
  return buffer;
}

/// The lines recording how one batch changed the catalogue (from `before` to `after`).
inline std::string batch_record(std::uint64_t first, std::uint64_t count, const search_catalogue& before,
                                const search_catalogue& after)
{
  auto outcome = [](const search_catalogue& c, search_status s) {
    auto it = c.outcomes.find(s);
    return it == c.outcomes.end() ? 0L : it->second;
  };
  std::ostringstream out;
  out << "batch " << first << " " << count;
  for (auto s : {search_status::converged, search_status::stalled, search_status::degenerate, search_status::diverged})
    out << " " << outcome(after, s) - outcome(before, s);
  out << "\n";
  for (std::size_t b = 0; b < before.basins.size(); ++b)
    if (after.basins[b].count != before.basins[b].count)
      out << "join " << b << " " << after.basins[b].count - before.basins[b].count << "\n";
  for (std::size_t b = before.basins.size(); b < after.basins.size(); ++b) {
    const auto& basin = after.basins[b];
    out << "new " << basin.first_restart << " " << basin.count << " " << number(basin.phi) << " "
        << basin.representative.rows() << " " << basin.representative.cols();
    for (Eigen::Index i = 0; i < basin.representative.size(); ++i)
      out << " " << number(basin.representative(i));
    out << "\n";
  }
  out << "end " << first << "\n";
  return out.str();
}

/// Replays the complete batches of a log into an empty catalogue; returns the text of those
/// batches (header included), which the caller rewrites so that a cut-off batch disappears.
inline std::string replay(const std::string& path, const std::string& expected_header,
                          const multi_start_options& options, search_catalogue& catalogue)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read the restart log " + path);
  std::string line;
  if (!std::getline(in, line) || line != expected_header)
    throw std::runtime_error("the restart log " + path + " belongs to other settings:\n  " + line +
                             "\nexpected\n  " + expected_header);
  std::string kept = line + "\n";
  std::string pending;
  search_catalogue working = catalogue;
  std::uint64_t next = static_cast<std::uint64_t>(catalogue.restarts);
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    pending += line + "\n";
    if (kind == "batch") {
      std::uint64_t first = 0, count = 0;
      long c = 0, s = 0, g = 0, v = 0;
      if (!(fields >> first >> count >> c >> s >> g >> v) || first != next)
        break;
      working.restarts += static_cast<long>(count);
      // only statuses that occurred get an entry, as in a live catalogue
      for (auto [status, n] : {std::pair{search_status::converged, c}, std::pair{search_status::stalled, s},
                               std::pair{search_status::degenerate, g}, std::pair{search_status::diverged, v}})
        if (n != 0)
          working.outcomes[status] += n;
      next = first + count;
    } else if (kind == "join") {
      std::size_t basin = 0;
      long increment = 0;
      if (!(fields >> basin >> increment) || basin >= working.basins.size())
        break;
      working.basins[basin].count += increment;
    } else if (kind == "new") {
      basin b;
      long rows = 0, cols = 0;
      if (!(fields >> b.first_restart >> b.count >> b.phi >> rows >> cols) || rows <= 0 || cols <= 0)
        break;
      b.representative.resize(rows, cols);
      bool complete = true;
      for (Eigen::Index i = 0; i < b.representative.size(); ++i)
        complete = complete && static_cast<bool>(fields >> b.representative(i));
      if (!complete)
        break;
      b.invariants = invariants_of(b.representative, options.invariant_tolerance);
      working.basins.push_back(b);
    } else if (kind == "end") {
      catalogue = working;  // the batch is complete
      kept += pending;
      pending.clear();
    } else {
      break;
    }
  }
  return kept;
}

}  // namespace twolayer::restart_log
