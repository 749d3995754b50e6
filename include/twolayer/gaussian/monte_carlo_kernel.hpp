// A third, independent route to K(u, v) in double: the sample mean of
// σ(‖u‖ z₁) σ(‖v‖ (ρ z₁ + √(1−ρ²) z₂)) over standard normal pairs (z₁, z₂).
//
// Portable: Boost.Random's mt19937_64 and normal_distribution give the same stream on
// every platform for a fixed Boost version (std::normal_distribution does not).
#pragma once

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace twolayer {

struct monte_carlo_estimate {
  double mean;
  double standard_error;
  std::size_t samples;
};

namespace detail {
/// The sample mean of `draw()` over `samples` draws and its standard error, by Welford's running
/// mean and variance (no cancellation for large sample counts).
template <class Draw>
monte_carlo_estimate monte_carlo_mean(std::size_t samples, Draw draw)
{
  double mean = 0;
  double m2 = 0;
  for (std::size_t i = 1; i <= samples; ++i) {
    const double x = draw();
    const double delta = x - mean;
    mean += delta / static_cast<double>(i);
    m2 += delta * (x - mean);
  }
  const double variance = samples > 1 ? m2 / static_cast<double>(samples - 1) : 0.0;
  return {mean, std::sqrt(variance / static_cast<double>(samples)), samples};
}
}  // namespace detail

template <class Activation>
monte_carlo_estimate monte_carlo_kernel(const Activation& sigma, double norm_u, double norm_v,
                                        double rho, std::size_t samples, std::uint64_t seed)
{
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  const double orthogonal = std::sqrt((1 - rho) * (1 + rho));
  return detail::monte_carlo_mean(samples, [&] {
    const double z1 = normal(engine);
    const double z2 = normal(engine);
    return static_cast<double>(sigma(norm_u * z1) * sigma(norm_v * (rho * z1 + orthogonal * z2)));
  });
}

}  // namespace twolayer
