/** The fields an admin may write on a robot or IVR flow (docs/design.md#content-types). */
export interface BotInput {
  name?: string;
  accessCode?: string;
  description?: string | null;
  historicalCallRecord?: boolean;
  flowCallRecording?: boolean;
}
