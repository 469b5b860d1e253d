/**
 * The package's entry point for code that extends the plugin (package.json `main` and `types`,
 * through extend.js and extend.d.ts at the package root):
 * `import { decideRecording, EVENTS } from 'strapi-plugin-call-history'`. Only pure modules
 * are re-exported, so importing it neither loads nor needs Strapi; the plugin itself is loaded
 * by Strapi through strapi-server.js. Whatever is exported here is public API: rename nothing
 * without a major version.
 */

export {
  BOT_KINDS,
  FLAG_NAMES,
  FLAG_VALUES,
  decideRecording,
  isBotKind,
  isFlagValue,
  type BotKind,
  type BotSnapshot,
  type BotSwitchName,
  type DecisionInput,
  type DecisionPart,
  type FlagName,
  type FlagValue,
  type RecordingDecision,
  type RecordingFlags,
} from './domain/recording-decision';

export { EVENTS } from './constants';
export type { CallRecordedPayload, RecordedCall } from './domain/call-events';
export type { FlagChanges, SettingsUpdatedPayload } from '../../shared/contracts/settings';
export type { PurgeCount, PurgeResult, RetentionBot } from '../../shared/contracts/retention';
export type { AuditUser } from '../../shared/contracts/audit';

export {
  CUSTOM_FIELD_UID,
  checkCustomFieldValue,
  isPluginCustomField,
  type CustomFieldCheck,
} from './domain/custom-field-values';
