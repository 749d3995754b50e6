// MPFI enclosures from rigorous primitives: each contains the value computed
// independently at 100 digits, and is narrower than 1e-45 at 50-digit precision.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/enclosure.hpp"
#include "twolayer/numeric/agreement.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_enclosure {

using namespace twolayer;
using boost::multiprecision::lower;
using boost::multiprecision::upper;
using boost::multiprecision::width;

namespace {
// The 100-digit value carries its own rounding error (a few units in its 100th digit),
// while an enclosure of a rational c_d can be a single point: containment is judged up to
// that error, 1e-97 relative, which is 10^48 times narrower than the enclosures tested.
bool contains(const interval50& x, const mpfr100& value)
{
  const mpfr100 slack = abs(value) * mpfr100("1e-97");
  return mpfr100(lower(x)) - slack <= value && value <= mpfr100(upper(x)) + slack;
}
}  // namespace

TEST_CASE("c_d enclosure contains the 100-digit closed form", "[enclosure]")
{
  for (unsigned d = 1; d <= 64; ++d) {
    const interval50 enclosure = sphere_relu_mean_enclosure<interval50>(d);
    const mpfr100 value = sphere_relu_mean<mpfr100>(d);
    INFO("d = " << d << ": [" << lower(enclosure) << ", " << upper(enclosure) << "]");
    CHECK(contains(enclosure, value));
    CHECK(width(enclosure) < mpfr50("1e-45"));
  }
}

TEST_CASE("relu kernel enclosure at rational rho contains the 100-digit value", "[enclosure]")
{
  const std::vector<std::pair<long, long>> cosines{{-1, 1},  {-999999, 1000000}, {-2, 3}, {-1, 2},
                                                   {0, 1},   {1, 3},             {3, 10}, {3, 4},
                                                   {99, 100}, {9999999, 10000000}, {1, 1}};
  for (const auto& [p, q] : cosines) {
    const interval50 k = arc_cosine_kernel_enclosure<interval50>(p, q);
    const interval50 kernel = relu_kernel_enclosure<interval50>(p, q);
    const mpfr100 rho = mpfr100(p) / q;
    INFO("rho = " << p << "/" << q << ": [" << lower(kernel) << ", " << upper(kernel) << "]");
    CHECK(contains(k, arc_cosine_kernel(rho)));
    CHECK(contains(kernel, closed_form_kernel(activation::relu{}, mpfr100(1), mpfr100(1),
                                              angle<mpfr100>::from_cosine(rho))));
    CHECK(width(kernel) < mpfr50("1e-45"));
  }
}

TEST_CASE("an enclosure is not a rubber band: a perturbed value falls outside", "[enclosure]")
{
  const interval50 enclosure = sphere_relu_mean_enclosure<interval50>(7);
  const mpfr100 value = sphere_relu_mean<mpfr100>(7);
  CHECK_FALSE(contains(enclosure, mpfr100(value + mpfr100("1e-44"))));
  CHECK_FALSE(contains(enclosure, mpfr100(value - mpfr100("1e-44"))));
}

TEST_CASE("enclosures at run-time interval precision narrow with the precision", "[enclosure]")
{
  scoped_precision precision(120);
  const interval_dynamic enclosure = sphere_relu_mean_enclosure<interval_dynamic>(10);
  CHECK(width(enclosure) < mpfr_dynamic("1e-115"));
}

}  // namespace unit_enclosure
