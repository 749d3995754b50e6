// Sphere, radial and simplified-target moments (docs/mathematics.md §2), each by two or three
// independent routes at 50 digits.
#include "twolayer/gaussian/radial_moments.hpp"
#include "twolayer/gaussian/relu_target_moments.hpp"
#include "twolayer/gaussian/sphere_moments.hpp"
#include "twolayer/numeric/agreement.hpp"

#include "shared_rules.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_moments {

using namespace twolayer;
using R = mpfr50;
namespace constants = boost::math::constants;

namespace {
const quadrature_rules<R>& rules() { return testing::shared_rules<R>(); }
const std::vector<unsigned> dimensions{2, 3, 4, 5, 8, 16, 32, 64};
}  // namespace

TEST_CASE("c_2 = 1/pi and c_3 = 1/4 to precision", "[moments]")
{
  CHECK(agreeing_digits(sphere_relu_mean<R>(2), R(1 / constants::pi<R>())) >= 49);
  CHECK(agreeing_digits(sphere_relu_mean<R>(3), R(1) / 4) >= 49);
  CHECK(sphere_relu_mean_by_recurrence<R>(3) == R(1) / 4);
  CHECK(sphere_relu_mean_by_recurrence<R>(1) == R(1) / 2);
}

TEST_CASE("c_d: closed form = recurrence = quadrature over the marginal", "[moments]")
{
  for (unsigned d : dimensions) {
    const R closed = sphere_relu_mean<R>(d);
    INFO("d = " << d);
    CHECK(agreeing_digits(sphere_relu_mean_by_recurrence<R>(d), closed) >= 48);
    CHECK(agreeing_digits(sphere_relu_mean_by_quadrature<R>(d, rules()), closed) >= 45);
  }
}

TEST_CASE("E||w|| of the Gaussian law: closed form = chi quadrature", "[moments]")
{
  for (unsigned d : dimensions) {
    INFO("d = " << d);
    CHECK(agreeing_digits(gaussian_norm_mean_by_quadrature<R>(d, rules()),
                          gaussian_norm_mean<R>(d)) >= 45);
    CHECK(agreeing_digits(gaussian_norm_mean_by_quadrature<R>(d, rules(), R(3)),
                          gaussian_norm_mean<R>(d, R(3))) >= 45);
  }
  CHECK(agreeing_digits(chi_moment_by_quadrature<R>(7, 2, rules()), R(7)) >= 45);  // E‖ξ‖² = d
}

TEST_CASE("simplified relu target: E[F^2] and E[F relu(<v,x>)] by three routes", "[moments]")
{
  const R alpha = R(7) / 5;
  const R norm_v = R(3) / 4;
  for (unsigned d : dimensions) {
    INFO("d = " << d);
    const R second = relu_target_second_moment<R>(alpha, d);
    const R cross = relu_target_cross_moment<R>(alpha, d, norm_v);
    CHECK(agreeing_digits(relu_target_second_moment_by_quadrature<R>(alpha, d, rules()), second) >= 45);
    CHECK(agreeing_digits(relu_target_cross_moment_by_quadrature<R>(alpha, d, norm_v, rules()), cross) >= 45);
    // From the definition F(x) = E_w[a relu(<w,x>)]: E[F²] = α² E_{u,u'}[k(<u,u'>)]/2π.
    const R kernel_mean = sphere_relu_kernel_mean_by_quadrature<R>(d, rules());
    CHECK(agreeing_digits(R(alpha * alpha * kernel_mean), second) >= 45);
    CHECK(agreeing_digits(R(alpha * kernel_mean * norm_v), cross) >= 45);
  }
}

TEST_CASE("moments reject a dimension they are not defined for", "[moments]")
{
  CHECK_THROWS_AS(sphere_relu_mean<R>(0), std::domain_error);
  CHECK_THROWS_AS(sphere_relu_mean_by_quadrature<R>(1, rules()), std::domain_error);
}

}  // namespace unit_moments
