// check/route_agreement.hpp: the one policy by which twolayer-kernels and twolayer-precision
// judge a route against its reference. Each claim is shown to pass at its limit and to fail
// just beyond it.
#include "twolayer/check/route_agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_route_agreement {

using namespace twolayer;
using R = mpfr50;

namespace {

route_value<R> rounded(const R& value, int lost, int cancellation = 0)
{
  route_value<R> r;
  r.claim = route_claim::rounding;
  r.precision = 50;
  r.value = value;
  r.digits_lost = lost;
  r.cancellation = cancellation;
  return r;
}

R power_of_ten(int e) { return pow(R(10), e); }

}  // namespace

TEST_CASE("rounding: all but the digits lost, and no fewer", "[agreement]")
{
  const route_reference<R> reference{R(2) / 3, 50};
  const R v45 = reference.value * (1 + 3 * power_of_ten(-46));  // agrees to 45 digits
  const R v44 = reference.value * (1 + 3 * power_of_ten(-45));  // agrees to 44 digits
  const auto pass = judge_route(rounded(v45, 5), reference);
  CHECK(pass.agreeing_digits == 45);
  CHECK(pass.expected_digits == 45);
  CHECK(pass.pass);
  const auto fail = judge_route(rounded(v44, 5), reference);
  CHECK(fail.agreeing_digits == 44);
  CHECK_FALSE(fail.pass);
  // cancellation lowers the requirement by its digits
  CHECK(judge_route(rounded(v44, 5, 1), reference).pass);
  // a route at lower precision is held to its own digits, not the reference's
  route_value<R> low = rounded(R(reference.value * (1 + 3 * power_of_ten(-14))), 3);
  low.precision = 16;
  CHECK(judge_route(low, reference).expected_digits == 13);
  CHECK(judge_route(low, reference).pass);
}

TEST_CASE("rounding against a reference that is zero to its digits counts absolute digits", "[agreement]")
{
  const route_reference<R> zero{R(0), 50};
  const auto tiny = judge_route(rounded(power_of_ten(-48), 5), zero);  // below the reference's error
  CHECK(tiny.absolute);
  CHECK(tiny.agreeing_digits == 50);
  CHECK(tiny.pass);
  const auto off = judge_route(rounded(R(3 * power_of_ten(-44)), 5), zero);
  CHECK(off.agreeing_digits == 43);
  CHECK(off.expected_digits == 44);
  CHECK_FALSE(off.pass);
}

TEST_CASE("truncation bound, standard error and enclosure claims", "[agreement]")
{
  const route_reference<R> reference{R(1) / 7, 50};
  route_value<R> series;
  series.claim = route_claim::truncation_bound;
  series.precision = 50;
  series.uncertainty = power_of_ten(-20);
  series.value = reference.value + power_of_ten(-20) / 2;
  CHECK(judge_route(series, reference).pass);
  series.value = reference.value + 2 * power_of_ten(-20);
  CHECK_FALSE(judge_route(series, reference).pass);

  const route_reference<double> sampled_reference{1.0 / 7, 15};
  route_value<double> sampled;
  sampled.claim = route_claim::standard_error;
  sampled.precision = 15;
  sampled.uncertainty = 1e-3;
  sampled.value = 1.0 / 7 + 3.9e-3;
  CHECK(judge_route(sampled, sampled_reference).pass);
  sampled.value = 1.0 / 7 - 4.1e-3;
  CHECK_FALSE(judge_route(sampled, sampled_reference).pass);

  route_value<R> enclosure;
  enclosure.claim = route_claim::enclosure;
  enclosure.precision = 50;
  enclosure.lower = reference.value - power_of_ten(-45);
  enclosure.upper = reference.value + power_of_ten(-45);
  const auto inside = judge_route(enclosure, reference);
  CHECK(inside.pass);
  CHECK(inside.agreeing_digits >= 49);
  // moved off by more than the reference's error (10^-47 (1 + 1/7)): refused
  enclosure.lower += 2 * power_of_ten(-45);
  enclosure.upper += 2 * power_of_ten(-45);
  CHECK_FALSE(judge_route(enclosure, reference).pass);
  // moved off by less than the reference's error: the reference's rounding cannot tell
  enclosure.lower = reference.value + power_of_ten(-48);
  enclosure.upper = reference.value + 2 * power_of_ten(-48);
  CHECK(judge_route(enclosure, reference).pass);
}

}  // namespace unit_route_agreement
