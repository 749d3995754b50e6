// Compiled instances (include/twolayer/numeric/instances.hpp): the compression pipeline at the
// run-time precision for relu, the activation the tests compress with.
#include "twolayer/study/compression.hpp"

namespace twolayer {
TWOLAYER_INSTANCE_COMPRESS_NETWORK(, mpfr_dynamic, activation::relu)
}  // namespace twolayer
