import type { FlagName, FlagValue } from '../../../../shared/contracts/settings';
import type { MessageDescriptor } from '../types';

// The values stored (ON / OFF / BOT_LEVEL) and the flag names are the server's: shared/contracts.

/** Labels with the System Settings page's keys, so both read the same in every language. */
export const VALUE_LABEL: Record<FlagValue, MessageDescriptor> = {
  ON: { id: 'flag.value.ON', defaultMessage: 'On' },
  OFF: { id: 'flag.value.OFF', defaultMessage: 'Off' },
  BOT_LEVEL: { id: 'flag.value.BOT_LEVEL', defaultMessage: 'Bot-level control' },
};

/** One line per value: what choosing it means. */
export const VALUE_EXPLANATION: Record<FlagValue, MessageDescriptor> = {
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

/** The System Settings page's one-line explanation of each flag (same keys, same words). */
export const FLAG_EXPLANATION: Record<FlagName, MessageDescriptor> = {
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

/** The System Settings page's title of each flag (same keys, same words). */
export const FLAG_TITLE: Record<FlagName, MessageDescriptor> = {
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
