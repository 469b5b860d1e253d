/**
 * The deployment's secret for what the plugin signs (search cursors): the admin's JWT secret,
 * or else the app keys. Private to this deployment and the same on all its nodes. Pure, so the
 * rule is tested without Strapi.
 */

/** The boot refusal when no deployment secret exists to sign with. */
export const MISSING_SIGNING_KEY =
  'call-history needs a secret to sign search cursors with: set admin.auth.secret ' +
  '(config/admin.js, e.g. from ADMIN_JWT_SECRET) or server.app.keys (config/server.js, e.g. ' +
  'from APP_KEYS). Neither is set.';

const isKey = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The secret from the two settings, or null when neither holds a non-empty value: anything
 * signed then would be signed with a key anyone can compute.
 */
export const deploymentSecret = (adminSecret: unknown, appKeys: unknown): string | null => {
  if (isKey(adminSecret)) return JSON.stringify(adminSecret);
  const usable = (Array.isArray(appKeys) ? appKeys : [appKeys]).some(isKey);
  return usable ? JSON.stringify(appKeys) : null;
};

/** The key for one purpose, so that a value signed for one never passes as another. */
export const signingKey = (secret: string, purpose: string): string =>
  `call-history-${purpose}:${secret}`;
