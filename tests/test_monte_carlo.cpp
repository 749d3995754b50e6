// Monte Carlo in double, the third route: within 4 standard errors of every closed form,
// and reproducible bit for bit from its seed.
#include "twolayer/gaussian/closed_form_kernel.hpp"
#include "twolayer/gaussian/monte_carlo_kernel.hpp"

#include <catch2/catch.hpp>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_monte_carlo {

using namespace twolayer;
namespace act = twolayer::activation;

template <class Activation>
void check_monte_carlo(const Activation& sigma)
{
  std::uint64_t seed = 7;
  for (double rho : {-1.0, -0.999999, -0.5, 0.0, 0.3, 0.9999999, 1.0}) {
    const double exact = closed_form_kernel(sigma, 1.25, 0.75, angle<double>::from_cosine(rho));
    const auto mc = monte_carlo_kernel(sigma, 1.25, 0.75, rho, 200000, seed++);
    INFO(Activation::name() << " at rho = " << rho << ": " << mc.mean << " +- "
                            << mc.standard_error << " vs " << exact);
    CHECK(std::abs(mc.mean - exact) <= 4 * mc.standard_error + 1e-15);
  }
}

TEST_CASE("Monte Carlo within 4 standard errors of the closed forms", "[monte_carlo]")
{
  check_monte_carlo(act::relu{});
  check_monte_carlo(act::step{});
  check_monte_carlo(act::absolute{});
  check_monte_carlo(act::leaky_relu<double>{0.1});
  check_monte_carlo(act::erf{});
  check_monte_carlo(act::linear{});
  check_monte_carlo(act::quadratic{});
}

TEST_CASE("Monte Carlo detects a wrong formula", "[monte_carlo]")
{
  // relu's kernel without the 1/2π factor's 2 would be off by a factor 2: far outside.
  const double wrong = 1.25 * 0.75 * arc_cosine_kernel(0.3) / boost::math::constants::pi<double>();
  const auto mc = monte_carlo_kernel(act::relu{}, 1.25, 0.75, 0.3, 200000, 1);
  CHECK(std::abs(mc.mean - wrong) > 4 * mc.standard_error);
}

TEST_CASE("Monte Carlo is reproducible from its seed", "[monte_carlo]")
{
  const auto a = monte_carlo_kernel(act::relu{}, 1.0, 1.0, 0.2, 10000, 42);
  const auto b = monte_carlo_kernel(act::relu{}, 1.0, 1.0, 0.2, 10000, 42);
  const auto c = monte_carlo_kernel(act::relu{}, 1.0, 1.0, 0.2, 10000, 43);
  CHECK(a.mean == b.mean);
  CHECK(a.standard_error == b.standard_error);
  CHECK(a.mean != c.mean);
}

}  // namespace unit_monte_carlo
