// twolayer-precision's routes at 50 digits (precision_routes.hpp).
#include "precision_routes.hpp"

template void twolayer::app::precision::verification::at_precision<twolayer::mpfr50>(int);
