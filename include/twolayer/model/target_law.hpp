// Laws of the target network's weights (docs/mathematics.md §2) and their portable sampling.
//
//   a ~ second-layer law: constant ā (default ā = 1), gaussian N(ā, spread²), or ā ± spread
//       with equal probability (rademacher);
//   w = μ + (τ/√d) ξ, ξ with i.i.d. unit-variance entries: gaussian, rademacher (±1), or
//       uniform on [−√3, √3]; the mean μ = R τ (1, …, 1)/√d, so that ‖μ‖/τ = R (default
//       R = 0: no mean) and every entry of w has the same mean Rτ/√d, as for i.i.d. weights
//       with a common mean (docs/mathematics.md §2.1).
//
// Sampling is in double (the weights are data) with Boost.Random's mt19937_64 and its
// distributions, which give the same stream on every platform for a fixed Boost version.
// A realisation's seed is derived from (base seed, law, d, N, replicate) alone, so any
// sub-grid of a report reproduces exactly the rows of the full grid.
#pragma once

#include "twolayer/numeric/matrix.hpp"
#include "twolayer/numeric/hash.hpp"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace twolayer {

enum class entry_law { gaussian, rademacher, uniform };
enum class second_layer_kind { constant, gaussian, rademacher };

inline std::string to_string(entry_law law)
{
  switch (law) {
  case entry_law::gaussian: return "gaussian";
  case entry_law::rademacher: return "rademacher";
  case entry_law::uniform: return "uniform";
  }
  return "?";
}

inline std::optional<entry_law> parse_entry_law(const std::string& name)
{
  if (name == "gaussian")
    return entry_law::gaussian;
  if (name == "rademacher")
    return entry_law::rademacher;
  if (name == "uniform")
    return entry_law::uniform;
  return std::nullopt;
}

/// A mean ratio as short text (six significant digits), as law names and logs show it.
inline std::string law_ratio_text(double ratio)
{
  char text[32];
  std::snprintf(text, sizeof text, "%g", ratio);
  return text;
}

struct target_law {
  entry_law entries = entry_law::gaussian;
  second_layer_kind second_layer = second_layer_kind::constant;
  double mean_a = 1;    // ā
  double spread_a = 0;  // standard deviation of a (gaussian) or the ± step (rademacher)
  double tau = 1;
  double mean_ratio = 0;  // R = ‖μ‖/τ, μ along (1, …, 1)/√d

  /// E[a²] = ā² + the variance of a.
  double second_moment_a() const
  {
    return mean_a * mean_a + (second_layer == second_layer_kind::constant ? 0.0 : spread_a * spread_a);
  }

  /// A stable name, part of every realisation's seed.
  std::string name() const
  {
    std::string n = to_string(entries);
    if (second_layer != second_layer_kind::constant || mean_a != 1)
      n += "/a=" + std::string(second_layer == second_layer_kind::constant ? "const"
                               : second_layer == second_layer_kind::gaussian ? "gaussian"
                                                                             : "rademacher") +
           "(" + std::to_string(mean_a) + "," + std::to_string(spread_a) + ")";
    if (tau != 1)
      n += "/tau=" + std::to_string(tau);
    if (mean_ratio != 0) {
      n += "/mean=";
      n += law_ratio_text(mean_ratio);
    }
    return n;
  }
};

/// The direction of the target's mean, μ/‖μ‖ = (1, …, 1)/√d (whatever R).
inline vector<double> target_mean_direction(unsigned d)
{
  return vector<double>::Constant(static_cast<Eigen::Index>(d), 1 / std::sqrt(static_cast<double>(d)));
}

/// The seed of one realisation, from (base seed, law, d, N, replicate) only.
inline std::uint64_t realisation_seed(std::uint64_t base, const target_law& law, unsigned d,
                                      std::uint64_t N, unsigned replicate)
{
  std::uint64_t h = mix64(base);
  for (std::uint64_t part : {stable_hash(law.name()), std::uint64_t(d), N, std::uint64_t(replicate)})
    h = mix64(h ^ part);
  return h;
}

/// A realised target: second-layer weights a (N) and first-layer weights as the columns
/// of W (d × N).
struct target_network {
  vector<double> a;
  matrix<double> W;
};

inline target_network sample_target(const target_law& law, unsigned d, std::size_t N,
                                    std::uint64_t seed)
{
  if (d == 0 || N == 0)
    throw std::invalid_argument("twolayer: a target needs d >= 1 and N >= 1");
  if (!(law.mean_ratio >= 0) || !std::isfinite(law.mean_ratio))
    throw std::invalid_argument("twolayer: the mean ratio R = |mu|/tau must be finite and >= 0");
  boost::random::mt19937_64 engine(seed);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  boost::random::uniform_real_distribution<double> uniform(-std::sqrt(3.0), std::sqrt(3.0));
  boost::random::bernoulli_distribution<double> coin(0.5);
  target_network target{vector<double>(N), matrix<double>(d, N)};
  const double scale = law.tau / std::sqrt(static_cast<double>(d));
  for (std::size_t i = 0; i < N; ++i) {
    switch (law.second_layer) {
    case second_layer_kind::constant: target.a(i) = law.mean_a; break;
    case second_layer_kind::gaussian: target.a(i) = law.mean_a + law.spread_a * normal(engine); break;
    case second_layer_kind::rademacher:
      target.a(i) = law.mean_a + (coin(engine) ? law.spread_a : -law.spread_a);
      break;
    }
    for (unsigned k = 0; k < d; ++k) {
      double xi = 0;
      switch (law.entries) {
      case entry_law::gaussian: xi = normal(engine); break;
      case entry_law::rademacher: xi = coin(engine) ? 1.0 : -1.0; break;
      case entry_law::uniform: xi = uniform(engine); break;
      }
      // without a mean the expression stays scale·ξ (the same bits as before R existed)
      target.W(k, i) = law.mean_ratio == 0 ? scale * xi : scale * (xi + law.mean_ratio);
    }
  }
  return target;
}

}  // namespace twolayer
