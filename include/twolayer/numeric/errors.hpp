// The one error type that means "the input cannot be used" (a malformed network file, a
// restart log of other settings or corrupted): the executables turn it into exit status 2
// (a usage error), every other exception into 1 (a failed run). Library code throws a type
// derived from it, naming the file and the fault; it never exits.
#pragma once

#include <stdexcept>

namespace twolayer {

struct bad_input : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace twolayer
