// The resumable record of a multi-start search: after every batch of restarts the change
// to the catalogue is appended to a log (outcome counts, basin counts gained, new basins
// with their representative in full double precision, then an `end` line carrying a
// checksum of the batch's lines). --resume replays the complete batches and continues from
// the next restart index. Only the last batch may be incomplete — cut off by an
// interruption, it has no `end` line — and it is dropped, said so on stderr, and rerun.
// Anything else that does not read back — a checksum that does not match, a malformed line
// followed by complete batches, a batch out of order — is a corrupted log: an error, never
// silently used. Batches join the catalogue in index order, so the replayed catalogue is
// the one the uninterrupted run would have built, and the report is the same byte for byte.
#pragma once

#include "twolayer/numeric/errors.hpp"
#include "twolayer/optimize/multi_start.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer::restart_log {

/// A log that cannot be resumed from: other settings, or corrupted (bad input: exit 2).
struct log_error : bad_input {
  using bad_input::bad_input;
};

/// The first line: the settings a log belongs to; a resumed run must match it.
inline std::string header(int M, int d, const multi_start_options& o)
{
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "# twolayer-etf restart log v2 M=%d d=%d seed=%llu gradient_tolerance=%.17g max_iterations=%d "
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
    out << "new " << basin.first_restart << " " << basin.count << " " << number(basin.value) << " "
        << basin.representative.rows() << " " << basin.representative.cols();
    for (Eigen::Index i = 0; i < basin.representative.size(); ++i)
      out << " " << number(basin.representative(i));
    out << "\n";
  }
  const std::string lines = out.str();
  return lines + "end " + std::to_string(first) + " " + std::to_string(stable_hash(lines)) + "\n";
}

/// Replays the complete batches of a log into an empty catalogue; returns the text of those
/// batches (header included), which the caller rewrites so that a cut-off batch disappears.
/// `dropped` receives the number of lines of an incomplete last batch (0 if none).
inline std::string replay(const std::string& path, const std::string& expected_header,
                          const multi_start_options& options, search_catalogue& catalogue, std::size_t& dropped)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read the restart log " + path);
  std::string line;
  if (!std::getline(in, line) || line != expected_header)
    throw log_error("the restart log " + path + " belongs to other settings (or another log version):\n  " +
                             line + "\nexpected\n  " + expected_header);
  std::vector<std::string> lines;
  while (std::getline(in, line))
    lines.push_back(line);
  std::string kept = expected_header + "\n";
  std::string pending;
  search_catalogue working = catalogue;
  std::uint64_t next = static_cast<std::uint64_t>(catalogue.restarts);
  std::size_t batch_start = 0;  // index of the first line of the pending batch
  auto corrupted = [&](std::size_t at, const std::string& why) {
    return log_error("the restart log " + path + " is corrupted at line " + std::to_string(at + 2) + ": " +
                              why + " (delete it, or move it away, to start the search afresh)");
  };
  // A line that does not read back ends the replay: allowed only in a last batch that has
  // no `end` line after it (an interruption), an error anywhere else.
  auto unreadable = [&](std::size_t at, const std::string& why) {
    for (std::size_t later = at + 1; later < lines.size(); ++later)
      if (lines[later].rfind("end ", 0) == 0)
        throw corrupted(at, why);
    dropped = lines.size() - batch_start;
    return kept;
  };
  dropped = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::istringstream fields(lines[k]);
    std::string kind;
    fields >> kind;
    if (kind == "batch") {
      if (!pending.empty())
        return unreadable(k, "a batch starts before the previous one ended");
      batch_start = k;
      std::uint64_t first = 0, count = 0;
      long c = 0, s = 0, g = 0, v = 0;
      if (!(fields >> first >> count >> c >> s >> g >> v))
        return unreadable(k, "malformed batch line");
      if (first != next)
        return unreadable(k, "batch " + std::to_string(first) + " where batch " + std::to_string(next) + " was due");
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
      if (pending.empty() || !(fields >> basin >> increment) || basin >= working.basins.size())
        return unreadable(k, "malformed join line");
      working.basins[basin].count += increment;
    } else if (kind == "new") {
      basin b;
      long rows = 0, cols = 0;
      if (pending.empty() || !(fields >> b.first_restart >> b.count >> b.value >> rows >> cols) || rows <= 0 || cols <= 0)
        return unreadable(k, "malformed new-basin line");
      b.representative.resize(rows, cols);
      bool complete = true;
      for (Eigen::Index i = 0; i < b.representative.size(); ++i)
        complete = complete && static_cast<bool>(fields >> b.representative(i));
      if (!complete)
        return unreadable(k, "a new-basin line with too few numbers");
      b.invariants = invariants_of(b.representative, options.invariant_tolerance);
      working.basins.push_back(b);
    } else if (kind == "end") {
      std::uint64_t first = 0, checksum = 0;
      if (pending.empty() || !(fields >> first >> checksum))
        throw corrupted(k, "malformed end line");
      if (checksum != stable_hash(pending))
        throw corrupted(k, "the checksum of batch " + std::to_string(first) + " does not match its lines");
      catalogue = working;  // the batch is complete
      kept += pending + lines[k] + "\n";
      pending.clear();
      continue;
    } else {
      return unreadable(k, "unknown line '" + lines[k].substr(0, 40) + "'");
    }
    pending += lines[k] + "\n";
  }
  if (!pending.empty())
    dropped = lines.size() - batch_start;
  return kept;
}

}  // namespace twolayer::restart_log
