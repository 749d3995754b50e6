// Compiled instances (include/twolayer/numeric/instances.hpp): the compression pipeline of
// twolayer-compress at the run-time precision for step, abs and leaky relu.
#include "twolayer/study/compression.hpp"

namespace twolayer {
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::step)
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::absolute)
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::leaky_relu<double>)
}  // namespace twolayer
