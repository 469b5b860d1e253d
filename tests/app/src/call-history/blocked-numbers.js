'use strict';

/**
 * Wraps the plugin's `recording-policy` service so that calls from blocked numbers are never
 * recorded, whatever the flags say. Every write path asks this service (the lifecycles of the
 * Query Engine, hence the Content Manager and the plugin's own services, and the batch ingest),
 * so one wrapper covers them all. The list comes from `CALL_HISTORY_BLOCKED_NUMBERS`
 * (comma-separated); without it the policy is left as it is.
 */
const digitsOf = (value) => (typeof value === 'string' ? value.replace(/[^0-9]/g, '') : '');

const blockedNumbers = () =>
  new Set(
    (process.env.CALL_HISTORY_BLOCKED_NUMBERS || '')
      .split(',')
      .map(digitsOf)
      .filter((digits) => digits !== '')
  );

const withBlockedNumbers = (policyFactory, blocked) => (context) => {
  const policy = policyFactory(context);
  return {
    ...policy,
    evaluate(call, policyContext) {
      const evaluation = policy.evaluate(call, policyContext);
      if (evaluation.outcome !== 'record' || !blocked.has(digitsOf(call.callingNumber))) {
        return evaluation;
      }
      const reason = `calling number ${call.callingNumber} is blocked by the host app`;
      return {
        outcome: 'refuse',
        reason,
        decision: { ...evaluation.decision, recordCall: false, recordFlow: false, reason },
      };
    },
  };
};

/** For `src/extensions/call-history/strapi-server.js`: returns the plugin, possibly extended. */
const blockNumbers = (plugin) => {
  const blocked = blockedNumbers();
  if (blocked.size === 0) return plugin;
  // A new services object: the plugin module is cached and shared by every Strapi instance
  // of the process, so it is never mutated.
  plugin.services = {
    ...plugin.services,
    'recording-policy': withBlockedNumbers(plugin.services['recording-policy'], blocked),
  };
  return plugin;
};

module.exports = { blockNumbers };
