/**
 * The Strapi server the admin talks to (what helper-plugin's fetch client prefixes). `window.strapi`
 * is typed by @strapi/types as the server's Strapi object, which has no `backendURL`.
 */
export const backendUrl = (): string =>
  (window as unknown as { strapi: { backendURL: string } }).strapi.backendURL;
