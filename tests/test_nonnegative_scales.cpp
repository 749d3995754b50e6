// The theorem of docs/mathematics.md §3.8: with nonnegative output scales no configuration beats
// the simplex ETF, for any M and d. The kernel facts it rests on, by MPFI intervals (and false
// claims refused by the same checker); the bound at the ETF (equality) and at random
// configurations, also beyond M = d + 1; the exact maximum over s ≥ 0 against projected gradient
// ascent (a second route).
#include "twolayer/check/nonnegative_scales_bound.hpp"
#include "twolayer/objective/reduced_loss.hpp"
#include "twolayer/objective/reduced_objective.hpp"
#include "twolayer/geometry/simplex_etf.hpp"
#include "random_matrices.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_nonnegative_scales {

using namespace twolayer;
using namespace twolayer::testing;
using I = interval50;

namespace {

/// max over s ≥ 0 of 2·1ᵀs − sᵀKs by projected gradient ascent (step 1/λ_max), from s = 0.
double projected_ascent(const matrix<double>& K)
{
  const double step = 1 / Eigen::SelfAdjointEigenSolver<matrix<double>>(K, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
  vector<double> s = vector<double>::Zero(K.rows());
  for (int iteration = 0; iteration < 200000; ++iteration)
    s = (s + step * (2 * vector<double>::Ones(K.rows()) - 2 * K * s) / 2).cwiseMax(0.0);
  return 2 * s.sum() - s.dot(K * s);
}

}  // namespace

TEST_CASE("the kernel facts of the nonnegative-scales theorem hold by interval arithmetic, and false ones are refused",
          "[nonnegative_scales]")
{
  const auto facts = check_nonnegative_scales_facts<I>(64);
  CHECK(facts.increasing.holds);
  CHECK(facts.convex.holds);
  CHECK(facts.tangent_increasing.holds);
  CHECK(facts.all());
  const I minus_one(-1), one(1);
  // k is not concave
  CHECK_FALSE(interval_claim<I>([](const I& r) { return I(-relu_angular_kernel_curvature(r)); }, minus_one, one, 64).holds);
  // k' is not bounded below by 0.1 (k'(−1) = 0)
  const auto slope = interval_claim<I>([](const I& r) { return I(relu_angular_kernel_slope(r) - I("0.1")); }, minus_one, one, 64);
  CHECK_FALSE(slope.holds);
  CHECK(slope.failed_at.rfind("[-1", 0) == 0);  // refused on the first piece
  // the tangent bound with 3.14 in place of pi is false near 1
  CHECK_FALSE(interval_claim<I>(
                  [](const I& t) { return I(I("3.14") - relu_angular_kernel(t) - (I(1) - t) * relu_angular_kernel_slope(t)); },
                  minus_one, one, 64)
                  .holds);
  // ... and true with pi on [−1, 0.9] directly, a second route away from 1 (π − f(0.9) ≈ 0.015, so the
  // pieces must be narrow enough that the enclosures' overestimation, about 2 k′ × width, stays below it)
  CHECK(interval_claim<I>(
            [](const I& t) {
              return I(boost::math::constants::pi<I>() - relu_angular_kernel(t) - (I(1) - t) * relu_angular_kernel_slope(t));
            },
            minus_one, I("0.9"), 4096)
            .holds);
}

TEST_CASE("the closed forms of k' and k'' are the derivatives of k: central differences at 50 digits (15 digits)", "[nonnegative_scales]")
{
  // the interval facts above are signs of these closed forms; their content is that they are k′ and k″
  using R = mpfr50;
  auto k = [](const R& r) { return R(sqrt(R(1) - r * r) + (boost::math::constants::pi<R>() - acos(r)) * r); };
  const R h("1e-12");
  for (const char* at : {"-0.999", "-0.5", "0", "0.3", "0.99"}) {
    const R r(at);
    const R slope = (k(r + h) - k(r - h)) / (2 * h);
    const R curvature = (k(r + h) - 2 * k(r) + k(r - h)) / (h * h);
    INFO("rho = " << at);
    // truncation O(h² k⁗), largest at −0.999 (about 1e-18 of 22): 15 digits asked
    CHECK(abs(slope - acos(R(-r))) < R("1e-15") * acos(R(-r)));
    CHECK(abs(curvature - R(1) / sqrt(R(1) - r * r)) < R("1e-15") / sqrt(R(1) - r * r));
  }
}

TEST_CASE("at the simplex ETF the maximum over nonnegative scales is Phi_ETF, attained at equal scales", "[nonnegative_scales]")
{
  for (int M = 2; M <= 7; ++M) {
    const matrix<double> etf = simplex_etf<double>(M, M - 1 < 2 ? 2 : M - 1);
    const auto best = max_over_nonnegative_scales(arc_cosine_gram(etf), 1e-12);
    const double phi = static_cast<double>(simplex_etf_phi<mpfr50>(M));
    INFO("M = " << M << ": max " << best.value << ", Phi_ETF " << phi);
    CHECK(std::abs(best.value - phi) < 1e-14);
    CHECK((best.scales.array() - best.scales(0)).abs().maxCoeff() < 1e-12);
  }
}

TEST_CASE("no configuration with nonnegative scales beats the simplex ETF: random configurations, M <= d + 1 and beyond",
          "[nonnegative_scales]")
{
  double closest = 1;  // the smallest (Phi_ETF − max) / Phi_ETF
  for (int d = 2; d <= 6; ++d)
    for (int M = 2; M <= d + 3; ++M) {
      const double phi = static_cast<double>(simplex_etf_phi<mpfr50>(M));
      for (int k = 0; k < 60; ++k) {
        const matrix<double> U = random_unit_columns<double>(d, M, static_cast<std::uint64_t>(1000 * d + 100 * M + k));
        const auto best = max_over_nonnegative_scales(arc_cosine_gram(U), 1e-12);
        INFO("d = " << d << ", M = " << M << ", sample " << k << ": max over s >= 0 " << best.value << ", Phi_ETF " << phi);
        CHECK(best.value <= phi * (1 + 1e-13));
        closest = std::min(closest, (phi - best.value) / phi);
      }
    }
  INFO("closest approach " << closest);
  CHECK(closest >= 0);
}

TEST_CASE("near the simplex ETF the maximum over nonnegative scales comes within 1e-5 of Phi_ETF and stays below it",
          "[nonnegative_scales]")
{
  // Random configurations sit 2-10 % below Phi_ETF for M >= 3; a perturbation of 1e-3 of the ETF
  // comes close enough that an enumerator or a bound off by more than that would show.
  for (int d = 2; d <= 5; ++d)
    for (int M = 3; M <= d + 1; ++M) {
      const double phi = static_cast<double>(simplex_etf_phi<mpfr50>(M));
      for (int k = 0; k < 20; ++k) {
        matrix<double> U = simplex_etf<double>(M, d, static_cast<std::uint64_t>(50 * d + M)) +
                           1e-3 * random_unit_columns<double>(d, M, static_cast<std::uint64_t>(900 * d + 10 * M + k));
        U.colwise().normalize();
        const auto best = max_over_nonnegative_scales(arc_cosine_gram(U), 1e-12);
        INFO("d = " << d << ", M = " << M << ", sample " << k << ": " << best.value << " against " << phi);
        CHECK(best.value <= phi * (1 + 1e-13));
        CHECK(best.value >= phi * (1 - 1e-5));
      }
    }
}

TEST_CASE("the maximum over nonnegative scales by support enumeration equals projected gradient ascent", "[nonnegative_scales]")
{
  for (int M : {3, 5, 7}) {
    const matrix<double> U = random_unit_columns<double>(3, M, 77 + M);
    const matrix<double> K = arc_cosine_gram(U);
    const auto exact = max_over_nonnegative_scales(K, 1e-12);
    const double ascent = projected_ascent(K);
    INFO("M = " << M << ": supports " << exact.value << ", ascent " << ascent);
    CHECK(std::abs(exact.value - ascent) < 1e-9 * exact.value);
  }
  CHECK_THROWS_AS(max_over_nonnegative_scales(matrix<double>(matrix<double>::Identity(21, 21)), 1e-12), std::invalid_argument);
}

}  // namespace unit_nonnegative_scales
