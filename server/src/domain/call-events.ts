/**
 * The payload of `call-history.call.recorded`, the same whichever path stored the calls: one
 * event per ingest batch (`source: 'batch'`, every call the batch stored) or one per call
 * created through the Query Engine (`source: 'query-engine'`: Content Manager, entity service,
 * another plugin). Strapi's webhooks forward it as `{ event, createdAt, ...payload }`.
 */
import type { BotKind } from '../../../shared/contracts/bots';

/**
 * No calling or called number, masked or not: webhooks take the payload out of the system
 * (docs/design.md#privacy); a listener that needs a call reads it through the plugin.
 */
export interface RecordedCall {
  callId: string;
  accessCode: string;
  botKind: BotKind | null;
  flowRecorded: boolean;
}

export interface CallRecordedPayload {
  source: 'batch' | 'query-engine';
  count: number;
  callIds: string[];
  calls: RecordedCall[];
}

export const callRecordedPayload = (
  source: CallRecordedPayload['source'],
  calls: RecordedCall[]
): CallRecordedPayload => ({
  source,
  count: calls.length,
  callIds: calls.map((call) => call.callId),
  calls,
});
