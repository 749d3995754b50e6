// The activations by name (docs/mathematics.md §4.1): the one list of the activations the
// toolkit integrates, and the one dispatch from a command-line name to the activation's type.
// Adding an activation means adding its struct to model/activation.hpp, its kernels to
// gaussian/, its tests, and one line to each of the two functions below.
#pragma once

#include "twolayer/model/activation.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace twolayer {

/// Every activation's name, in the order the reports list them.
inline const std::vector<std::string>& activation_names()
{
  static const std::vector<std::string> names{
      activation::relu::name(),   activation::step::name(),   activation::absolute::name(),
      activation::leaky_relu<double>::name(), activation::erf::name(), activation::linear::name(),
      activation::quadratic::name()};
  return names;
}

inline std::string activation_list()
{
  std::string list;
  for (const auto& name : activation_names())
    list += (list.empty() ? "" : ", ") + name;
  return list;
}

/// Calls f(σ, σ_double) with the activation named `name` in the scalar type Real and in double
/// (leaky relu with the given slope, converted to double for the second); an unknown name
/// throws std::invalid_argument naming the known ones.
template <class Real, class F>
decltype(auto) visit_activation(const std::string& name, const Real& slope, F&& f)
{
  using namespace activation;
  if (name == relu::name())
    return f(relu{}, relu{});
  if (name == step::name())
    return f(step{}, step{});
  if (name == absolute::name())
    return f(absolute{}, absolute{});
  if (name == leaky_relu<Real>::name())
    return f(leaky_relu<Real>{slope}, leaky_relu<double>{static_cast<double>(slope)});
  if (name == erf::name())
    return f(erf{}, erf{});
  if (name == linear::name())
    return f(linear{}, linear{});
  if (name == quadratic::name())
    return f(quadratic{}, quadratic{});
  throw std::invalid_argument("unknown activation '" + name + "' (" + activation_list() + ")");
}

}  // namespace twolayer
