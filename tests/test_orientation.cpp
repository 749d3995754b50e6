// The orientation study's case analysis (study/orientation_case.hpp, docs/mathematics.md §2.1):
// at R = 0 it reproduces the isotropic conjecture (the optimum is the simplex ETF, every
// orientation equally good), and for a target with a mean it reports a classified optimum whose
// descriptors are consistent with each other.
#include "twolayer/study/orientation_case.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_orientation {

using namespace twolayer;
using R = mpfr50;

namespace {
orientation_options quick(long restarts)
{
  orientation_options o;
  o.restarts = restarts;
  o.search.seed = 11;
  return o;
}
}  // namespace

TEST_CASE("at R = 0 the orientation case finds the simplex ETF and the oriented ETF matches it", "[orientation]")
{
  for (int M : {2, 3}) {
    const auto r = analyse_orientation_case<R>(3, M, "0", quick(40));
    INFO("M = " << M << ": " << to_string(r.second_order.verdict) << ", gap " << r.etf_gap);
    REQUIRE(r.polished);
    CHECK(r.etf_size == M);
    CHECK(r.etf_exists);
    CHECK(abs(r.etf_gap) < R("1e-40"));
    CHECK(r.etf_gram_distance < R("1e-20"));
    // M = 3 in d = 3: a strict maximum modulo O(3); M = 2 (the antipodal pair) is degenerate (§3.6).
    if (M == 3)
      CHECK(r.second_order.verdict == critical_point_type::strict_local_max);
  }
}

TEST_CASE("for a target with a mean the case is classified modulo the rotations fixing mu, with consistent descriptors", "[orientation]")
{
  const auto r = analyse_orientation_case<R>(3, 3, "1", quick(40));
  INFO(to_string(r.second_order.verdict) << ", pattern " << r.pattern << ", gap " << r.etf_gap);
  REQUIRE(r.polished);
  CHECK(r.second_order.verdict == critical_point_type::strict_local_max);
  CHECK(r.second_order.zero_modes == r.second_order.orbit_dim);
  CHECK(r.second_order.orbit_dim <= orbit_dimension(2, 2));
  CHECK(r.etf_gap >= -R("1e-40"));  // the optimum is at least as good as the best oriented ETF
  CHECK(r.relative_loss > 0);
  CHECK(r.relative_loss < 1);
  REQUIRE(r.cosines.size() == 3);
  CHECK(r.cosines.front() >= r.cosines.back());
  CHECK(r.mean_in_span <= 1 + R("1e-40"));
  CHECK_FALSE(r.pattern.empty());
}

}  // namespace unit_orientation
