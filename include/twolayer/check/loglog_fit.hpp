// Least-squares slopes on log-log axes and their spread: the fitted exponent p of y ≈ C x^p
// from points (x, y), x, y > 0, and the mean and sample standard deviation of several
// such exponents (one per replicate), and a percentile bootstrap interval of their mean.
// Plain statistics, no model knowledge (the measurements they summarise are in study/).
//
// Why no "pooled" fit beside the mean of the per-replicate slopes: the least-squares slope
// is linear in the y values, so when every replicate has the same x design (the grid's N or
// d) the slope fitted to all points at once equals the mean of the per-replicate slopes,
// exactly; it is not a second estimate. The bootstrap interval is one: it resamples the
// replicates, so it widens when they disagree and says how far the mean can be trusted.
#pragma once

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace twolayer {

/// The slope of log y against log x by ordinary least squares; none with fewer than two
/// distinct x or a non-positive value.
inline std::optional<double> loglog_slope(const std::vector<std::pair<double, double>>& points)
{
  if (points.size() < 2)
    return std::nullopt;
  double mean_x = 0, mean_y = 0;
  for (const auto& [x, y] : points) {
    if (!(x > 0) || !(y > 0))
      return std::nullopt;
    mean_x += std::log(x);
    mean_y += std::log(y);
  }
  mean_x /= double(points.size());
  mean_y /= double(points.size());
  double sxx = 0, sxy = 0;
  for (const auto& [x, y] : points) {
    const double dx = std::log(x) - mean_x;
    sxx += dx * dx;
    sxy += dx * (std::log(y) - mean_y);
  }
  if (!(sxx > 0))
    return std::nullopt;
  return sxy / sxx;
}

struct spread {
  double mean = 0;
  std::optional<double> standard_deviation;  // none for a single value
  std::size_t count = 0;
};

inline std::optional<spread> spread_of(const std::vector<double>& values)
{
  if (values.empty())
    return std::nullopt;
  spread s;
  s.count = values.size();
  for (double v : values)
    s.mean += v;
  s.mean /= double(values.size());
  if (values.size() >= 2) {
    double sum = 0;
    for (double v : values)
      sum += (v - s.mean) * (v - s.mean);
    s.standard_deviation = std::sqrt(sum / double(values.size() - 1));
  }
  return s;
}

/// A percentile bootstrap interval of the mean: `resamples` means of values drawn with
/// replacement (Boost.Random, seeded: the same bytes everywhere), cut at (1 − level)/2 and
/// (1 + level)/2. None with fewer than two values.
inline std::optional<std::pair<double, double>> bootstrap_mean_interval(const std::vector<double>& values,
                                                                        int resamples = 2000, double level = 0.95,
                                                                        std::uint64_t seed = 1)
{
  if (values.size() < 2 || resamples < 2)
    return std::nullopt;
  boost::random::mt19937_64 engine(seed);
  boost::random::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (auto& mean : means) {
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
      sum += values[pick(engine)];
    mean = sum / double(values.size());
  }
  std::sort(means.begin(), means.end());
  auto at = [&](double q) {
    const auto index = static_cast<std::size_t>(std::floor(q * double(resamples - 1) + 0.5));
    return means[std::min(index, means.size() - 1)];
  };
  return std::pair<double, double>{at((1 - level) / 2), at((1 + level) / 2)};
}

}  // namespace twolayer
