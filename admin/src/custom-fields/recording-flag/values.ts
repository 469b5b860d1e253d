import type { MessageDescriptor } from '../types';

/** The values stored, as the System Settings and the server (ON / OFF / BOT_LEVEL) have them. */
export const RECORDING_FLAG_VALUES = ['ON', 'OFF', 'BOT_LEVEL'] as const;
export type RecordingFlagValue = (typeof RECORDING_FLAG_VALUES)[number];

export const isRecordingFlagValue = (value: unknown): value is RecordingFlagValue =>
  typeof value === 'string' && (RECORDING_FLAG_VALUES as readonly string[]).includes(value);

/** Labels with the System Settings page's keys, so both read the same in every language. */
export const VALUE_LABEL: Record<RecordingFlagValue, MessageDescriptor> = {
  ON: { id: 'flag.value.ON', defaultMessage: 'On' },
  OFF: { id: 'flag.value.OFF', defaultMessage: 'Off' },
  BOT_LEVEL: { id: 'flag.value.BOT_LEVEL', defaultMessage: 'Bot-level control' },
};

/** One line per value: what choosing it means. */
export const VALUE_EXPLANATION: Record<RecordingFlagValue, MessageDescriptor> = {
  ON: {
    id: 'custom-fields.recording-flag.value.ON.help',
    defaultMessage: 'On: always recorded, whatever the robot or IVR flow says.',
  },
  OFF: {
    id: 'custom-fields.recording-flag.value.OFF.help',
    defaultMessage: 'Off: never recorded.',
  },
  BOT_LEVEL: {
    id: 'custom-fields.recording-flag.value.BOT_LEVEL.help',
    defaultMessage: "Bot-level control: each robot's or IVR flow's own switch decides.",
  },
};

export const TENANT_FLAGS = ['CHATRECORDFLAG', 'FLOWRECORDFLAG', 'CCIVRRECORDFLAG'] as const;
export type TenantFlag = (typeof TENANT_FLAGS)[number];

/** The System Settings page's one-line explanation of each flag (same keys, same words). */
export const FLAG_EXPLANATION: Record<TenantFlag, MessageDescriptor> = {
  CHATRECORDFLAG: {
    id: 'flag.CHATRECORDFLAG.help',
    defaultMessage:
      'Whether calls of intelligent robots and common IVRs are kept in the call history at all.',
  },
  FLOWRECORDFLAG: {
    id: 'flag.FLOWRECORDFLAG.help',
    defaultMessage: 'Whether the flow call details of intelligent robot calls are kept.',
  },
  CCIVRRECORDFLAG: {
    id: 'flag.CCIVRRECORDFLAG.help',
    defaultMessage: 'Whether the flow call details of common IVR calls are kept.',
  },
};

export const isTenantFlag = (value: unknown): value is TenantFlag =>
  typeof value === 'string' && (TENANT_FLAGS as readonly string[]).includes(value);

/** The System Settings page's title of each flag (same keys, same words). */
export const FLAG_TITLE: Record<TenantFlag, MessageDescriptor> = {
  CHATRECORDFLAG: {
    id: 'flag.CHATRECORDFLAG',
    defaultMessage: 'Historical call records (CHATRECORDFLAG)',
  },
  FLOWRECORDFLAG: {
    id: 'flag.FLOWRECORDFLAG',
    defaultMessage: 'Robot flow details (FLOWRECORDFLAG)',
  },
  CCIVRRECORDFLAG: {
    id: 'flag.CCIVRRECORDFLAG',
    defaultMessage: 'IVR flow details (CCIVRRECORDFLAG)',
  },
};
