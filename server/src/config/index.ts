import { yup } from '@strapi/utils';

import type { CallLimits } from '../domain/call-input/call-contract';
import { DEFAULT_NUMBER_MASK, type NumberMaskRule } from '../domain/number-mask';

/** PostgreSQL's integer, the column of durationSeconds: no longer call can be stored. */
const INT32_MAX = 2_147_483_647;
/** PostgreSQL refuses a jsonb value over 255 MB; far below it, one row is already a page. */
const MAX_TRACE_BYTES_BOUND = 64 * 1024 * 1024;

export interface PluginConfig extends CallLimits {
  /** Longest search period, in days (docs/design.md#search-contract). */
  maxPeriodDays: number;
  /** `total` of a search is exact up to this count, then reported as capped. */
  totalCap: number;
  /** Create the "Tenant Space Administrator" and "Agent" roles on the first boot. */
  createDefaultRoles: boolean;
  /**
   * Show robots, IVR flows and call records in the Content Manager. Off by default: the
   * plugin's pages and actions are the way in, and Strapi grants its default Editor and Author
   * roles the Content Manager on every type it shows at the first boot.
   */
  showInContentManager: boolean;
  /** Start the CSV export with a UTF-8 byte order mark, so Excel reads it as UTF-8. */
  csvBom: boolean;
  /**
   * How numbers are masked for anyone who has not revealed them (domain/number-mask.ts): the
   * digits kept at the start and at the end.
   */
  numberMask: NumberMaskRule;
  /**
   * When the retention purge runs, as a cron rule of Strapi's cron (node-schedule: 5 fields, or
   * 6 with seconds first); false registers no job.
   */
  purgeCron: string | false;
  /** Calls deleted per purge or erasure batch, each batch in its own short transaction. */
  purgeBatchSize: number;
  /**
   * Calls of a streamed upload (`application/x-ndjson`, docs/design.md#streaming-ingest)
   * committed per transaction: the calls read ahead of the database, and what a failed upload
   * loses at most before it is sent again.
   */
  streamChunkSize: number;
  /**
   * SQLite only: keep the day indexes (database/indexes.ts), which read a broad number filter's
   * newest matches a UTC day at a time: the statistics of 31 days of a broad prefix at 10^7
   * calls in a third of the time, for about a fifth of the ingest rate per index
   * (docs/benchmarks.md). Off, they are dropped at boot.
   */
  sqliteDayIndexes: boolean;
}

/** A stored number has at most 31 digits; keeping more of either end means nothing. */
const MAX_KEPT_DIGITS = 31;

export const defaultConfig: PluginConfig = {
  maxPeriodDays: 31,
  totalCap: 10_000,
  createDefaultRoles: true,
  showInContentManager: false,
  csvBom: true,
  numberMask: DEFAULT_NUMBER_MASK,
  // 03:30 every night, server time: after the evening peak, before the morning one.
  purgeCron: '0 30 3 * * *',
  /**
   * 1,000 calls: a batch's transaction holds its row locks (and SQLite's one writer) for tens of
   * milliseconds, so an ingest or a search waits that long at most.
   */
  purgeBatchSize: 1000,
  /** The batch route's own bound: a chunk of a stream is one batch of the batch route. */
  streamChunkSize: 1000,
  /** Off: ingest keeps its rate; a host at millions of calls on SQLite may trade some of it. */
  sqliteDayIndexes: false,
  /**
   * 256 KiB: a 1,000-step trace of ordinary steps (a node, a short input, a reply of a
   * sentence or two: ~250 bytes each) fits, about 60 times the 20-step traces of the
   * benchmark; the worst trace the step rules allow (1,000 × 2 × 4,000 characters, 24 MB
   * in Chinese) does not, and a page of 100 rows stays within 25 MB.
   */
  maxFlowTraceBytes: 256 * 1024,
  /** A day: no call lasts longer; a longer one is a clock or a year gone wrong. */
  maxCallDurationSeconds: 24 * 60 * 60,
};

/** 5 or 6 fields of what cron rules are written with: a typo fails at boot, not silently at 03:30. */
const CRON_RULE = /^\s*[\d*,/\-A-Za-z?LW#]+(\s+[\d*,/\-A-Za-z?LW#]+){4,5}\s*$/;

const schema = yup
  .object({
    maxPeriodDays: yup.number().strict().integer().min(1).max(3660).required(),
    totalCap: yup.number().strict().integer().min(1).max(10_000_000).required(),
    createDefaultRoles: yup.boolean().strict().required(),
    showInContentManager: yup.boolean().strict().required(),
    csvBom: yup.boolean().strict().required(),
    purgeCron: yup
      .mixed()
      .test(
        'cron-rule',
        'purgeCron must be a cron rule of 5 or 6 fields, or false',
        (value) => value === false || (typeof value === 'string' && CRON_RULE.test(value))
      ),
    purgeBatchSize: yup.number().strict().integer().min(1).max(100_000).required(),
    streamChunkSize: yup.number().strict().integer().min(1).max(10_000).required(),
    sqliteDayIndexes: yup.boolean().strict().required(),
    maxFlowTraceBytes: yup
      .number()
      .strict()
      .integer()
      .min(1024)
      .max(MAX_TRACE_BYTES_BOUND)
      .required(),
    maxCallDurationSeconds: yup.number().strict().integer().min(1).max(INT32_MAX).required(),
    numberMask: yup
      .object({
        keepFirst: yup.number().strict().integer().min(0).max(MAX_KEPT_DIGITS).required(),
        keepLast: yup.number().strict().integer().min(0).max(MAX_KEPT_DIGITS).required(),
      })
      .noUnknown()
      .required(),
  })
  .noUnknown();

/** Throws on a bad value so that a misconfigured host app fails at boot, naming the key. */
export const validateConfig = (config: unknown): void => {
  try {
    schema.validateSync(config, { abortEarly: false, strict: true });
  } catch (error) {
    const details = error instanceof yup.ValidationError ? error.errors.join('; ') : String(error);
    throw new Error(`Invalid call-history plugin config: ${details}`);
  }
};

export default {
  default: defaultConfig,
  validator: validateConfig,
};
