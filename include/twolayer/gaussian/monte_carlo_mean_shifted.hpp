// A third route, in double, to the integrals of the mean-shifted relu target
// (gaussian/mean_shifted_relu.hpp, docs/mathematics.md §2.1), from the weight side and
// without g or the zonal series: w = μ + σ ξ is sampled (μ = ‖μ‖ e₁, σ = τ/√d, ξ standard
// Gaussian in R^d) and the relu kernel is taken in closed form, K(w, u) = ‖w‖ ‖u‖ k(ρ)/2π:
//
//   T(c)  = ā E_w[K(w, u)],          u = c e₁ + √(1 − c²) e₂,
//   E[F²] = ā² E_{w,w'}[K(w, w')],   w, w' independent.
//
// Boost.Random's mt19937_64 and normal_distribution: the same stream on every platform for a
// fixed Boost version.
#pragma once

#include "twolayer/gaussian/monte_carlo_kernel.hpp"
#include "twolayer/gaussian/relu_kernel.hpp"
#include "twolayer/numeric/matrix.hpp"

#include <boost/math/constants/constants.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace twolayer {

namespace detail {
/// 2π K(w, v) for a unit v: ‖w‖ k(<ŵ, v>).
inline double scaled_relu_kernel(const vector<double>& w, const vector<double>& v)
{
  const double norm = w.norm();
  if (norm == 0)
    return 0;
  const double rho = std::max(-1.0, std::min(1.0, w.dot(v) / norm));
  return norm * arc_cosine_kernel(rho);
}
}  // namespace detail

/// T(c) of the mean-shifted relu target by Monte Carlo over w.
inline monte_carlo_estimate monte_carlo_mean_shifted_cross_term(unsigned d, double mean_ratio, double c,
                                                                std::size_t samples, std::uint64_t seed,
                                                                double output_mean = 1, double tau = 1)
{
  if (d < 2 || !(c >= -1 && c <= 1))
    throw std::domain_error("twolayer: Monte Carlo cross term needs d >= 2 and c in [-1, 1]");
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  const double sigma = tau / std::sqrt(static_cast<double>(d));
  vector<double> u = vector<double>::Zero(d);
  u(0) = c;
  u(1) = std::sqrt((1 - c) * (1 + c));
  vector<double> w(d);
  const double scale = output_mean / boost::math::constants::two_pi<double>();
  return detail::monte_carlo_mean(samples, [&] {
    for (unsigned k = 0; k < d; ++k)
      w(k) = sigma * normal(engine);
    w(0) += mean_ratio * tau;
    return scale * detail::scaled_relu_kernel(w, u);
  });
}

/// E[F²] of the mean-shifted relu target by Monte Carlo over independent pairs (w, w').
inline monte_carlo_estimate monte_carlo_mean_shifted_second_moment(unsigned d, double mean_ratio, std::size_t samples,
                                                                   std::uint64_t seed, double output_mean = 1,
                                                                   double tau = 1)
{
  if (d < 2)
    throw std::domain_error("twolayer: Monte Carlo second moment needs d >= 2");
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  const double sigma = tau / std::sqrt(static_cast<double>(d));
  vector<double> w(d), w2(d);
  const double scale = output_mean * output_mean / boost::math::constants::two_pi<double>();
  return detail::monte_carlo_mean(samples, [&] {
    for (unsigned k = 0; k < d; ++k)
      w(k) = sigma * normal(engine);
    for (unsigned k = 0; k < d; ++k)
      w2(k) = sigma * normal(engine);
    w(0) += mean_ratio * tau;
    w2(0) += mean_ratio * tau;
    const double norm2 = w2.norm();
    return norm2 == 0 ? 0.0 : scale * norm2 * detail::scaled_relu_kernel(w, w2 / norm2);
  });
}

}  // namespace twolayer
