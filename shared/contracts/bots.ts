/**
 * Robots and IVR flows (`/bots` routes): their kinds, the fields an admin writes and the shape
 * the list answers. Shared by the server and the admin.
 */

export const BOT_KINDS = ['INTELLIGENT_ROBOT', 'COMMON_IVR'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

export const isBotKind = (value: unknown): value is BotKind =>
  typeof value === 'string' && (BOT_KINDS as readonly string[]).includes(value);

/** The two switches a robot or IVR flow has, consulted when a flag is BOT_LEVEL. */
export type BotSwitchName = 'historicalCallRecord' | 'flowCallRecording';

/** The robot or IVR flow that owns a call's access code, as far as the decision needs it. */
export interface BotSnapshot {
  kind: BotKind;
  id: number;
  name: string;
  accessCode: string;
  historicalCallRecord: boolean;
  flowCallRecording: boolean;
}

/** The fields an admin may write on a robot or IVR flow (`POST` / `PUT /bots/...`). */
export interface BotInput {
  name?: string;
  accessCode?: string;
  description?: string | null;
  historicalCallRecord?: boolean;
  flowCallRecording?: boolean;
  /** Days its calls are kept; null (the default) follows the tenant's period. */
  retentionDays?: number | null;
}

export type DecidedBy = 'tenant-flag' | 'bot-switch';

/** A robot or IVR flow as `GET /bots` answers it: with the state a new call would get now. */
export interface Bot extends BotSnapshot {
  description: string | null;
  retentionDays: number | null;
  effective: {
    call: boolean;
    flow: boolean;
    reason: string;
    callDecidedBy: DecidedBy;
    flowDecidedBy: DecidedBy;
  };
}
