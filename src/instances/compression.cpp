// Compiled instances (include/twolayer/numeric/instances.hpp): the compression pipeline of
// twolayer-compress for every positively homogeneous activation, at the run-time precision.
#include "twolayer/study/compression.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_COMPRESSION, mpfr_dynamic)
}  // namespace twolayer
