/**
 * A shallow copy of a plain object that will gain properties afterwards.
 *
 * Not `{ ...source }`: on Node 20 (V8 11.3), once optimised, an object spread whose copy then
 * gains a property (`copy.more = …`, or `{ ...source, more }`) gets a hidden class and
 * descriptor array of its own each time. Those outlive the copy in the old generation until a
 * full GC: at ingest rates, about a kilobyte per call promoted, and the heap grew to four times
 * what Strapi keeps live before V8 collected it (docs/benchmarks.md, "Streamed upload").
 * `Object.assign({}, source)` builds the copy through the shared transition tree instead.
 */
export const extensibleCopy = <T extends object>(source: T): T => Object.assign({}, source);
