import type { Strapi } from '@strapi/types';

/** Filters shaped as server/src/domain/search-query.ts's SearchFilters. */
export declare const explainSearch: (
  strapi: Strapi,
  filters: object,
  after?: { startTime: number; id: number } | { key: number; id: number } | null,
  sort?: 'startTime:desc' | 'startTime:asc' | 'durationSeconds:desc' | 'durationSeconds:asc',
  plan?: Record<'page' | 'newest' | 'scan' | 'export', 'number' | 'period'>
) => Promise<string[]>;
