/*
 * Known-answer vectors for src/cluster/rng.ts (test/rng-known-answer.test.ts).
 *
 * next() is the reference xoshiro128** 1.1 step of Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c (public domain): output rotl(s[1] * 5, 7) * 9.
 * seed() restates the seeding described in src/cluster/rng.ts in C (a splitmix32-style counter
 * with the 0x21f0aaad / 0x735a2d97 mixer), so the TypeScript generator can be checked end to end
 * against C's native unsigned 32-bit arithmetic. uniform() takes 27 + 26 bits as rng.ts documents.
 *
 * Build and run:  gcc -std=c99 -O2 -o /tmp/xoshiro test/reference/xoshiro128starstar.c && /tmp/xoshiro
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static uint32_t s[4];

static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t sm;
static uint32_t seed_next(void) {
  sm += 0x9e3779b9u;
  uint32_t z = sm;
  z = (z ^ (z >> 16)) * 0x21f0aaadu;
  z = (z ^ (z >> 15)) * 0x735a2d97u;
  return z ^ (z >> 15);
}

static void seed(int32_t seed) {
  sm = ((uint32_t)seed) ^ 0x9e3779b9u;
  for (int i = 0; i < 4; i++) s[i] = seed_next();
  if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
}

static double uniform(void) {
  const uint32_t hi = next() >> 5; /* 27 bits */
  const uint32_t lo = next() >> 6; /* 26 bits */
  return ((double)hi * 67108864.0 + (double)lo) / 9007199254740992.0;
}

int main(void) {
  s[0] = 1, s[1] = 2, s[2] = 3, s[3] = 4;
  printf("state 1,2,3,4:");
  for (int i = 0; i < 10; i++) printf(" %" PRIu32, next());
  printf("\n");
  const int32_t seeds[] = {0, 1, 42, 2147483647, -7};
  for (int k = 0; k < 5; k++) {
    seed(seeds[k]);
    printf("seed %" PRId32 " uint32:", seeds[k]);
    for (int i = 0; i < 8; i++) printf(" %" PRIu32, next());
    printf("\n");
    seed(seeds[k]);
    printf("seed %" PRId32 " uniform:", seeds[k]);
    for (int i = 0; i < 4; i++) printf(" %.17g", uniform());
    printf("\n");
  }
  return 0;
}
