import type { Strapi } from '@strapi/types';

export interface GenerateOptions {
  count: number;
  from: string | Date;
  to: string | Date;
  seed?: number;
  callIdPrefix?: string;
  traceRatio?: number;
  sysErrRatio?: number;
  unknownRatio?: number;
  numberPool?: number;
  accessCodes?: string[];
  batchRows?: number;
  rowsPerTransaction?: number;
  /** Drop the search indexes during the load and build them at the end (default: count ≥ 100,000). */
  deferIndexes?: boolean;
  onProgress?: (written: number) => void;
}

export interface GenerateResult {
  stored: number;
  notRecorded: number;
  flowRecorded: number;
  numbers: string[];
}

export function generateCalls(strapi: Strapi, options: GenerateOptions): Promise<GenerateResult>;
export function ensureDemoBots(strapi: Strapi): Promise<void>;
/** Drops these indexes of `table` where they exist, on SQLite, PostgreSQL or MySQL/MariaDB. */
export function dropIndexes(
  knex: unknown,
  dialect: 'sqlite' | 'postgres' | 'mysql',
  table: string,
  indexes: Array<{ name: string }>
): Promise<void>;
export function prng(seed: number): () => number;
