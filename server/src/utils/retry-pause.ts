/**
 * How long a transaction the database rolled back (a deadlock) waits before it runs again:
 * longer each time and never exactly as long as the transaction it collided with, so that the
 * two do not meet again at once.
 */
export const retryPause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));

/**
 * Runs of a writing transaction in all, after deadlocks: a writer meets each concurrent
 * rebuild of the statistics rollup (MySQL/MariaDB lock its every row) or writer locking the same
 * rows the other way round at most once per run, so a few runs outlast them.
 */
export const DEADLOCK_ATTEMPTS = 5;
