// Prints the ReLU kernel at rho = 1/2 in 50 digits by two routes and exits 0 when they agree.
#include <twolayer/twolayer.hpp>

#include <iostream>

int main()
{
  using twolayer::mpfr50;
  const auto a = twolayer::angle<mpfr50>::from_cosine(mpfr50(1) / 2);
  const mpfr50 closed = twolayer::closed_form_kernel(twolayer::activation::relu{}, mpfr50(1), mpfr50(1), a);
  const mpfr50 series = twolayer::arc_cosine_kernel_series(mpfr50(1) / 2).value /
                        boost::math::constants::two_pi<mpfr50>();
  const int digits = twolayer::agreeing_digits(series, closed);
  std::cout << "relu kernel at rho = 1/2: " << closed.str(50) << " (" << digits << " digits agree)\n";
  return digits >= 45 ? 0 : 1;
}
