import {
  decodeExportTicket,
  encodeExportTicket,
  type ExportTicket,
} from '../../../server/src/domain/export-ticket';
import { sealValue } from '../../../server/src/domain/signed-value';

const SECRET = 'test-secret';
const NOW = Date.parse('2026-03-01T00:00:00Z');
const ticket: ExportTicket = {
  userId: 7,
  query: { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00', tz: 'UTC' },
  expiresAt: NOW + 60_000,
};

describe('export tickets', () => {
  it('read back what they were issued with, until they expire', () => {
    const text = encodeExportTicket(ticket, SECRET);
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeExportTicket(text, SECRET, NOW)).toEqual(ticket);
    expect(decodeExportTicket(text, SECRET, NOW + 59_999)).toEqual(ticket);
    expect(decodeExportTicket(text, SECRET, NOW + 60_000)).toBeNull();
  });

  it('refuse another secret, an altered payload or signature, and malformed text', () => {
    const text = encodeExportTicket(ticket, SECRET);
    const [payload, signature] = text.split('.');
    const wider = Buffer.from(
      JSON.stringify([7, { ...ticket.query, from: '2020-01-01T00:00:00Z' }, ticket.expiresAt])
    ).toString('base64url');
    for (const bad of [
      `${wider}.${signature}`,
      `${payload}.${signature.slice(1)}`,
      `${payload}.${signature}.x`,
      payload,
      '',
      '..',
    ]) {
      expect(decodeExportTicket(bad, SECRET, NOW)).toBeNull();
    }
    expect(decodeExportTicket(text, 'another-secret', NOW)).toBeNull();
  });

  it('refuse a well-signed payload of the wrong shape', () => {
    for (const shape of [
      [7, ticket.query],
      ['7', ticket.query, ticket.expiresAt],
      [7, { from: 1 }, ticket.expiresAt],
      [7, ['from'], ticket.expiresAt],
      [7, ticket.query, String(ticket.expiresAt)],
    ]) {
      // Sealed with the right secret: only the shape is wrong.
      expect(decodeExportTicket(sealValue(shape, SECRET), SECRET, NOW)).toBeNull();
    }
  });
});
