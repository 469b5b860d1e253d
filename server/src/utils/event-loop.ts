/**
 * Waits for the event loop's next turn. A long run of batches (purge, erasure, hold of a search)
 * awaits between batches, but on SQLite the driver is synchronous: every await resolves at once
 * and the loop never reaches its I/O phase, so no HTTP request would be read until the whole run
 * ended. One turn between batches lets waiting requests in, to wait for one batch at most.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
