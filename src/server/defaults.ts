/**
 * The server's default bounds, in a module of their own so that `gigawatt --help` and the other
 * commands can print them without loading the server (hono, piscina, the results store).
 */

/** Time limit of one computation on the compute pool (a run, a headroom analysis, a build-out), ms. */
export const DEFAULT_COMPUTE_TIMEOUT_MS = 120_000;
/** Computations that may wait for a compute thread before the server answers 503. */
export const DEFAULT_COMPUTE_QUEUE = 16;
/** Default bound of a graceful shutdown, ms. */
export const SHUTDOWN_GRACE_MS = 10_000;
