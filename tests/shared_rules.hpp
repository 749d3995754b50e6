// One quadrature rule per scalar type for all the tests of a process: its Gauss–Legendre nodes
// are tabulated once (gaussian/quadrature_rules.hpp).
#pragma once

#include "twolayer/gaussian/quadrature_rules.hpp"

namespace twolayer::testing {

template <class Real>
const quadrature_rules<Real>& shared_rules()
{
  static const quadrature_rules<Real> instance;
  return instance;
}

}  // namespace twolayer::testing
