import { createHash } from 'crypto';

import { TICKET_ID, newTicketId, ticketHash } from '../../../server/src/domain/export-ticket';

describe('export ticket ids', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const ids = Array.from({ length: 1000 }, () => newTicketId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 20)) {
      expect(id).toMatch(TICKET_ID);
      expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    }
  });

  it('carry nothing readable: no JSON, no text', () => {
    const decoded = Buffer.from(newTicketId(), 'base64url').toString('utf8');
    expect(() => JSON.parse(decoded)).toThrow();
  });

  it('are kept as their SHA-256 only', () => {
    const id = newTicketId();
    expect(ticketHash(id)).toBe(createHash('sha256').update(id).digest('hex'));
    expect(ticketHash(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(ticketHash(id)).not.toContain(id);
  });

  it('refuse anything but an id in the format checked before any database read', () => {
    for (const bad of ['', 'x', `${newTicketId()}=`, `${newTicketId().slice(1)}.`, "' OR 1=1"]) {
      expect(TICKET_ID.test(bad)).toBe(false);
    }
  });
});
