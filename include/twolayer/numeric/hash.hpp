// Portable hashing for seeds: every random stream in the toolkit is seeded from a base seed
// and the coordinates of the computation (law, d, N, replicate, restart index) through
// these two functions, so a result does not depend on the order or the machine it ran on.
#pragma once

#include <cstdint>
#include <string>

namespace twolayer {

/// SplitMix64's finaliser: a bijective 64-bit mix, fixed by its published constants.
inline std::uint64_t mix64(std::uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// FNV-1a of a string: a platform-independent hash of a name.
inline std::uint64_t stable_hash(const std::string& s)
{
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace twolayer
