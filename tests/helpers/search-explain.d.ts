import type { Strapi } from '@strapi/types';

/** Filters shaped as server/src/domain/search-query.ts's SearchFilters. */
export declare const explainSearch: (
  strapi: Strapi,
  filters: object,
  after?: { startTime: number; id: number } | null
) => Promise<string[]>;
