// π in any scalar the library runs on: Boost.Math's constant for numbers Boost knows
// (MPFI's rigorous one for intervals), and a constant dual number for dual numbers.
#pragma once

#include "twolayer/numeric/dual.hpp"

#include <boost/math/constants/constants.hpp>

namespace twolayer {

template <class Real>
struct constant_of {
  static Real pi() { return boost::math::constants::pi<Real>(); }
};
template <class T>
struct constant_of<dual<T>> {
  static dual<T> pi() { return dual<T>(constant_of<T>::pi()); }
};

template <class Real>
Real pi()
{
  return constant_of<Real>::pi();
}

}  // namespace twolayer
