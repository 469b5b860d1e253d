import type { Event } from '@strapi/database/dist/lifecycles';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/** Strapi passes the written row to after* subscribers as `result`; its types leave it out. */
export type LifecycleEvent = Event & { result?: unknown };

/** koa-body's parsed body, which Strapi's own typings do not declare on Koa's request. */
export const requestBody = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

/** A JSON object body's fields (none without a body); any other body is a 400 saying `expected`. */
export const requestFields = (ctx: Context, expected: string): Record<string, unknown> => {
  const body = requestBody(ctx);
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError(`the body must be a JSON object ${expected}`);
  }
  return body as Record<string, unknown>;
};
