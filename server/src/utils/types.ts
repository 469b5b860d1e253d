import type { Event } from '@strapi/database/dist/lifecycles';
import type { Context } from 'koa';

/** Strapi passes the written row to after* subscribers as `result`; its types leave it out. */
export type LifecycleEvent = Event & { result?: unknown };

/** koa-body's parsed body, which Strapi's own typings do not declare on Koa's request. */
export const requestBody = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;
