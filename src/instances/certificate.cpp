// Compiled instances (include/twolayer/numeric/instances.hpp): the MPFI certificate that a
// critical point of Φ is a strict local maximum, at 50 digits (twolayer-precision, the benchmark, the tests).
#include "twolayer/check/strict_max_certificate.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_STRICT_MAX_CERTIFICATE, interval50)
}  // namespace twolayer
