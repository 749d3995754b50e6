// The activation registry: one list of names, each dispatched to the activation of that name
// (in the working type and in double), and an unknown name refused with the list.
#include "twolayer/model/activation_registry.hpp"

#include <catch2/catch.hpp>

#include <type_traits>

// Its own namespace: the tests are compiled in unity batches (tests/CMakeLists.txt).
namespace unit_activation_registry {

TEST_CASE("every registered name dispatches to the activation of that name", "[activation]")
{
  const auto& names = twolayer::activation_names();
  CHECK(names.size() == 7);
  for (const auto& name : names)
    twolayer::visit_activation(name, 0.25, [&](const auto& sigma, const auto& sigma_double) {
      using A = std::decay_t<decltype(sigma)>;
      using B = std::decay_t<decltype(sigma_double)>;
      CHECK(A::name() == name);
      CHECK(B::name() == name);
      CHECK(A::homogeneity == B::homogeneity);
    });
  twolayer::visit_activation(std::string("leaky_relu"), 0.25, [](const auto& sigma, const auto&) {
    if constexpr (requires { sigma.slope; })
      CHECK(sigma.slope == 0.25);
    else
      FAIL("leaky_relu carries no slope");
  });
  CHECK(twolayer::activation_list() == "relu, step, abs, leaky_relu, erf, linear, quadratic");
  CHECK_THROWS_WITH(twolayer::visit_activation(std::string("softplus"), 0.0, [](const auto&, const auto&) {}),
                    "unknown activation 'softplus' (relu, step, abs, leaky_relu, erf, linear, quadratic)");
}

}  // namespace unit_activation_registry
