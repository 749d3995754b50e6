// twolayer-precision's routes at 200 digits (precision_routes.hpp).
#include "precision_routes.hpp"

template void twolayer::app::precision::verification::at_precision<twolayer::app::precision::mpfr200>(int);
