// Compiled instances (include/twolayer/numeric/instances.hpp): the compression pipeline of
// twolayer-compress at the run-time precision for the linear and quadratic activations.
#include "twolayer/study/compression.hpp"

namespace twolayer {
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::linear)
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::quadratic)
}  // namespace twolayer
