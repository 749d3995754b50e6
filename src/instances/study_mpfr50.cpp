// Compiled instances (include/twolayer/numeric/instances.hpp): the polish and second-order test
// on Φ, the catalogue of optima and a conjecture case at 50 digits (the tests' precision).
#include "twolayer/study/conjecture_case.hpp"

namespace twolayer {
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_SECOND_ORDER, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_POLISHED_OPTIMUM, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_OPTIMUM_CATALOGUE, mpfr50)
TWOLAYER_DEFINE_INSTANCES(TWOLAYER_INSTANCES_CONJECTURE_CASE, mpfr50)
}  // namespace twolayer
