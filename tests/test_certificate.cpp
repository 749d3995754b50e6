// Certified enclosures and the strict-local-maximum certificate (MPFI, rigorous primitives
// only): the enclosures of Φ_ETF and r contain independently computed 100-digit values and
// are narrower than 1e-45; the certificate holds at the simplex ETF for (3, 2), (4, 3),
// (5, 4), with a margin below the floating-point one; it refuses M = 2 as out of scope,
// and fails — correctly — for a perturbed, non-critical ETF and for a saddle that is
// critical by symmetry (four directions on a square in a plane of R³); it refuses an orbit
// dimension that leaves no direction to certify (M = 1) or that no orbit has.
#include "twolayer/check/second_order.hpp"
#include "twolayer/check/strict_max_certificate.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/objective/etf_enclosure.hpp"
#include "twolayer/objective/phi_problem.hpp"
#include "twolayer/objective/reduced_objective.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_certificate {

using namespace twolayer;
using I = interval50;
namespace mp = boost::multiprecision;

namespace {
bool contains(const I& x, const mpfr100& value)
{
  return mpfr100(mp::lower(x)) <= value && value <= mpfr100(mp::upper(x));
}
}  // namespace

TEST_CASE("enclosures of Phi_ETF and r contain the 100-digit values, width < 1e-45", "[certificate]")
{
  for (auto [M, d] : std::vector<std::pair<int, unsigned>>{{2, 3}, {3, 2}, {4, 3}, {5, 4}, {9, 8}, {17, 16}}) {
    const I phi = simplex_etf_phi_enclosure<I>(M);
    const I r = relative_loss_enclosure<I>(M, d);
    const mpfr100 phi_100 = simplex_etf_phi<mpfr100>(M);
    const mpfr100 c = sphere_relu_mean<mpfr100>(d);
    const mpfr100 r_100 = 1 - 2 * boost::math::constants::pi<mpfr100>() * d * c * c * phi_100;
    INFO("M = " << M << ", d = " << d << ": Phi in " << phi << ", r in " << r);
    CHECK(contains(phi, phi_100));
    CHECK(contains(r, r_100));
    CHECK(mpfr100(mp::width(phi)) < mpfr100("1e-45"));
    CHECK(mpfr100(mp::width(r)) < mpfr100("1e-45"));
  }
}

TEST_CASE("the simplex ETF is certified a strict local maximum for (3,2), (4,3), (5,4)", "[certificate]")
{
  for (auto [M, d] : std::vector<std::pair<int, int>>{{3, 2}, {4, 3}, {5, 4}}) {
    const auto certificate = certify_simplex_etf<I>(M, d);
    const auto floating = second_order_test(phi_problem(mpfr50("1e-40")), simplex_etf<mpfr50>(M, d), mpfr50("1e-30"),
                                             mpfr50("1e-40"));
    INFO("M = " << M << ", d = " << d << ": " << certificate.reason << "; margin " << certificate.margin
                << ", floating-point margin " << floating.margin);
    REQUIRE(certificate.certified);
    CHECK(certificate.orbit_dim == floating.orbit_dim);
    CHECK(mp::lower(certificate.margin) > 0);
    CHECK(mpfr50(mp::upper(certificate.margin)) <= floating.margin);
    // the shift is half the floating margin by construction (stated in the report), and the
    // certified margin is the shift divided by 1 + ‖TᵀT − I‖_∞, never above it
    CHECK(abs(mpfr50(mp::median(certificate.shift)) * 2 - floating.margin) < mpfr50("1e-30") * floating.margin);
    CHECK(mp::upper(certificate.margin) <= mp::upper(certificate.shift));
    CHECK(mp::upper(certificate.basis_defect) < 1);
  }
}

TEST_CASE("r(2, d) for odd d is an exact rational, zero at d = 1, and agrees with the closed form", "[certificate]")
{
  using R100 = mpfr100;
  for (unsigned d : {1u, 3u, 5u, 7u, 15u, 31u}) {
    const auto fraction = pair_relative_loss_exact(d);
    REQUIRE(fraction.has_value());
    const R100 c = sphere_relu_mean<R100>(d);
    const R100 closed = 1 - 2 * boost::math::constants::pi<R100>() * d * c * c * simplex_etf_phi<R100>(2);
    const R100 exact = R100(fraction->first) / R100(fraction->second);
    INFO("d = " << d << ": " << fraction->first << "/" << fraction->second);
    CHECK(abs(closed - exact) < R100("1e-95"));
  }
  CHECK(*pair_relative_loss_exact(1) == std::pair<std::int64_t, std::int64_t>{0, 1});
  CHECK(*pair_relative_loss_exact(3) == std::pair<std::int64_t, std::int64_t>{1, 4});
  CHECK(*pair_relative_loss_exact(5) == std::pair<std::int64_t, std::int64_t>{19, 64});
  CHECK_FALSE(pair_relative_loss_exact(4).has_value());
}

TEST_CASE("M = 2 is outside the certificate's scope, not a failure of it", "[certificate]")
{
  const auto certificate = certify_simplex_etf<I>(2, 3);
  CHECK_FALSE(certificate.certified);
  CHECK(certificate.reason.find("outside the certificate's scope") != std::string::npos);
}

TEST_CASE("the certificate fails for a perturbed ETF and for a saddle", "[certificate]")
{
  matrix<I> perturbed = simplex_etf<I>(4, 3);
  perturbed(0, 0) += I("1e-10");
  for (int j = 0; j < 4; ++j)
    perturbed.col(j) /= sqrt(I(perturbed.col(j).squaredNorm()));
  const auto moved = certify_strict_local_max<I>(perturbed, orbit_dimension(3, 3));
  INFO(moved.reason);
  CHECK_FALSE(moved.certified);
  CHECK(moved.reason.find("not a critical point") != std::string::npos);

  // four directions on a square in a plane of R³: critical by symmetry, but leaving the
  // plane raises Φ (tests/test_second_order.cpp)
  matrix<I> square = matrix<I>::Zero(3, 4);
  square(0, 0) = 1;
  square(1, 1) = 1;
  square(0, 2) = -1;
  square(1, 3) = -1;
  const auto saddle = certify_strict_local_max<I>(square, orbit_dimension(3, 2));
  INFO(saddle.reason);
  CHECK_FALSE(saddle.certified);
  CHECK(saddle.reason.find("eigenvalue >= 0") != std::string::npos);
}

TEST_CASE("no direction off the orbit, or an impossible orbit: refused, never certified with margin 0",
          "[certificate]")
{
  // M = 1: the orbit of one direction is the whole sphere, so every eigenvalue of the
  // (vanishing) Hessian is an orbit mode and there is no curvature to certify
  matrix<I> one = matrix<I>::Zero(3, 1);
  one(2, 0) = 1;
  const auto single = certify_strict_local_max<I>(one, orbit_dimension(3, 1));
  INFO(single.reason);
  CHECK_FALSE(single.certified);
  CHECK(single.reason.find("every tangent direction is an orbit mode") != std::string::npos);
  CHECK(mp::lower(single.margin) == 0);
  CHECK(mp::upper(single.margin) == 0);

  // a caller's orbit dimension that no O(3) orbit has: refused before any arithmetic
  const auto impossible = certify_strict_local_max<I>(simplex_etf<I>(4, 3), 7);
  INFO(impossible.reason);
  CHECK_FALSE(impossible.certified);
  CHECK(impossible.reason.find("is impossible") != std::string::npos);
  CHECK_FALSE(certify_strict_local_max<I>(simplex_etf<I>(4, 3), -1).certified);
}

}  // namespace unit_certificate
