// Least-squares slopes on log-log axes and their spread: the fitted exponent p of y ≈ C x^p
// from points (x, y), x, y > 0, and the mean and sample standard deviation of several
// such exponents (one per replicate). Plain statistics, no model knowledge.
#pragma once

#include <cmath>
#include <optional>
#include <utility>
#include <vector>

namespace twolayer::report {

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

}  // namespace twolayer::report
