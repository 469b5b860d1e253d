import type { CallRow } from './call-list';

/**
 * The CSV export reads its rows as arrays (database/array-rows.ts): a million objects built key
 * by key were half of an export's time. A layout says where each value of such a row is.
 */
export interface ExportLayout {
  /** Each attribute read, by name: its value's position in a row. */
  readonly positions: ReadonlyMap<string, number>;
  /**
   * The recording decision's two facts the CSV prints, read in place of its json: `recordFlow`
   * (a boolean, or undefined when the snapshot has none) and `reason` (a string, or undefined).
   * -1 when the row does not carry them.
   */
  readonly recordFlow: number;
  readonly reason: number;
}

export type ExportRow = unknown[];

/** A row's value at `position`; undefined where the layout has no such value (-1). */
export const valueAt = (row: readonly unknown[], position: number): unknown =>
  position < 0 ? undefined : row[position];

/** The position of an attribute, or -1 when the layout does not carry it. */
export const attributePosition = (layout: ExportLayout, name: string): number =>
  layout.positions.get(name) ?? -1;

/**
 * A call object as one export row and its layout: every attribute where the object has it, and
 * the decision's two facts from its `recordingDecision` (a CSV line of a single call, as tests
 * and callers outside the export write it).
 */
export const exportRowOf = (call: CallRow): { layout: ExportLayout; row: ExportRow } => {
  const names = Object.keys(call);
  const row: ExportRow = names.map((name) => call[name]);
  const decision = call.recordingDecision;
  const facts =
    decision !== null && typeof decision === 'object'
      ? (decision as { recordFlow?: unknown; reason?: unknown })
      : {};
  row.push(
    typeof facts.recordFlow === 'boolean' ? facts.recordFlow : undefined,
    typeof facts.reason === 'string' ? facts.reason : undefined
  );
  return {
    layout: {
      positions: new Map(names.map((name, index) => [name, index])),
      recordFlow: names.length,
      reason: names.length + 1,
    },
    row,
  };
};
