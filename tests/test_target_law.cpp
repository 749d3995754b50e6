// Target laws: portable seeded sampling, and the expected scaling factor α per law by two
// routes (closed form or exact value vs quadrature; Monte Carlo for the uniform law).
#include "twolayer/gaussian/scaling_factor.hpp"
#include "twolayer/numeric/agreement.hpp"

#include "shared_rules.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_target_law {

using namespace twolayer;
using R = mpfr50;

namespace {
const quadrature_rules<R>& rules() { return testing::shared_rules<R>(); }
}  // namespace

TEST_CASE("realisation seeds depend on (base, law, d, N, replicate) only", "[laws]")
{
  const target_law gaussian{};
  target_law uniform{};
  uniform.entries = entry_law::uniform;
  const auto seed = realisation_seed(7, gaussian, 8, 1000, 2);
  CHECK(seed == realisation_seed(7, gaussian, 8, 1000, 2));
  CHECK(seed != realisation_seed(8, gaussian, 8, 1000, 2));
  CHECK(seed != realisation_seed(7, uniform, 8, 1000, 2));
  CHECK(seed != realisation_seed(7, gaussian, 9, 1000, 2));
  CHECK(seed != realisation_seed(7, gaussian, 8, 1001, 2));
  CHECK(seed != realisation_seed(7, gaussian, 8, 1000, 3));
}

TEST_CASE("sampling is reproducible and has the law's moments", "[laws]")
{
  for (entry_law entries : {entry_law::gaussian, entry_law::rademacher, entry_law::uniform}) {
    target_law law;
    law.entries = entries;
    const auto t1 = sample_target(law, 16, 4000, 99);
    const auto t2 = sample_target(law, 16, 4000, 99);
    CHECK(t1.W == t2.W);
    // entries of √d w have mean 0 and variance 1 (τ = 1): 64000 samples
    const double scale = std::sqrt(16.0);
    const double mean = t1.W.mean() * scale;
    const double variance = (t1.W.array() * scale).square().mean() - mean * mean;
    INFO(to_string(entries) << ": mean " << mean << ", variance " << variance);
    CHECK(std::abs(mean) < 4 / std::sqrt(64000.0));
    CHECK(std::abs(variance - 1) < 4 * std::sqrt(2.0 / 64000.0));  // Var(ξ²) ≤ 2
    if (entries == entry_law::rademacher)
      CHECK((t1.W.colwise().norm().array() - 1).abs().maxCoeff() < 1e-14);
  }
}

TEST_CASE("alpha: closed-form E||xi|| = the Laplace-identity quadrature (gaussian)", "[laws]")
{
  for (unsigned d : {1u, 2u, 3u, 8u, 64u}) {
    using std::sqrt;
    INFO("d = " << d);
    CHECK(agreeing_digits(gaussian_norm_mean_by_laplace_quadrature<R>(d, rules()),
                          R(gaussian_norm_mean<R>(d) * sqrt(R(d)))) >= 45);
  }
}

TEST_CASE("alpha for the uniform law: exact at d = 1, Monte Carlo elsewhere", "[laws]")
{
  // d = 1: E|U| = √3/2.
  CHECK(agreeing_digits(uniform_norm_mean_by_quadrature<R>(1, rules()),
                        R(sqrt(R(3)) / 2)) >= 45);
  for (unsigned d : {2u, 5u, 16u}) {
    target_law law;
    law.entries = entry_law::uniform;
    const auto t = sample_target(law, d, 200000, 5);
    const Eigen::ArrayXd norms = t.W.colwise().norm().array() * std::sqrt(double(d));
    const double mean = norms.mean();
    const double error = std::sqrt((norms - mean).square().sum() / (norms.size() - 1) / norms.size());
    const double quadrature = static_cast<double>(uniform_norm_mean_by_quadrature<R>(d, rules()));
    INFO("d = " << d << ": quadrature " << quadrature << ", Monte Carlo " << mean << " +- " << error);
    CHECK(std::abs(mean - quadrature) <= 4 * error);
  }
}

TEST_CASE("expected_scaling_factor per law", "[laws]")
{
  target_law law;
  law.mean_a = 2;
  CHECK(agreeing_digits(expected_scaling_factor<R>(law, 8, rules()), R(2 * gaussian_norm_mean<R>(8))) >= 49);
  law.entries = entry_law::rademacher;
  law.tau = 0.5;
  CHECK(expected_scaling_factor<R>(law, 8, rules()) == R(1));
  CHECK(scaling_factor_is_exact(law));
  law.entries = entry_law::uniform;
  CHECK_FALSE(scaling_factor_is_exact(law));
}

}  // namespace unit_target_law
