/**
 * What every check of a call's input reports, and the one shape of input it reads: a JSON
 * object (the body, a call, a step).
 */

/** A problem with one field: `path` as Strapi's validation errors give it, e.g. `flowTrace[2].at`. */
export interface FieldProblem {
  path: string;
  message: string;
}

export const problem = (path: string, message: string): FieldProblem => ({ path, message });

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
