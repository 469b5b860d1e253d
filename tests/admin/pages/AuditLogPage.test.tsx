import { fireEvent, screen, waitFor } from '@testing-library/react';

import type { AuditEntry, AuditPage } from '../../../admin/src/api/types';
import { auditQuery } from '../../../admin/src/hooks/useAuditLog';
import { AuditLogPage } from '../../../admin/src/pages/AuditLogPage';
import { permission, renderInAdmin } from '../render';

// The network boundary only: the admin's fetch client. Everything else is the real thing.
const client = { get: jest.fn(), put: jest.fn(), post: jest.fn(), del: jest.fn() };
jest.mock('@strapi/helper-plugin', () => ({
  ...jest.requireActual('@strapi/helper-plugin'),
  useFetchClient: () => client,
}));

const entry = (id: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-03-02T10:00:00.000Z',
  action: 'bot.update',
  subject: { kind: 'INTELLIGENT_ROBOT', id: 3, name: `Robot ${id}`, accessCode: '10086' },
  changes: { flowCallRecording: { from: false, to: true } },
  reason: null,
  user: { id: 1, email: 'admin@example.com' },
  ...overrides,
});

/** Page n of an endless log: its cursor names the next page. */
const page = (params: URLSearchParams): AuditPage => {
  const cursor = params.get('cursor');
  const index = cursor ? Number(cursor.slice(1)) : 0;
  return {
    data: [entry(1000 - index)],
    pagination: { pageSize: 20, nextCursor: `c${index + 1}` },
  };
};

const requests = (): URLSearchParams[] =>
  client.get.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.startsWith('/call-history/audit?'))
    .map((url) => new URLSearchParams(url.split('?')[1]));

const renderPage = () =>
  renderInAdmin(<AuditLogPage />, { permissions: [permission('audit.read')] });

const shows = (text: string) => screen.findByText(text, {}, { timeout: 15_000 });
const next = () => screen.getByRole('button', { name: 'Next' });

beforeEach(() => {
  client.get.mockReset().mockImplementation(async (url: string) => {
    if (url.startsWith('/call-history/audit?')) {
      return { data: page(new URLSearchParams(url.split('?')[1])) };
    }
    throw new Error(`unexpected GET ${url}`);
  });
});

describe('AuditLogPage', () => {
  it('shows each entry: translated action, user, subject, old → new', async () => {
    renderPage();
    expect(await shows('Robot 1000 (10086)')).toBeInTheDocument();
    expect(screen.getByText('Robot or IVR flow changed')).toBeInTheDocument();
    expect(screen.getByText('admin@example.com')).toBeInTheDocument();
    expect(screen.getByText('flowCallRecording: false → true')).toBeInTheDocument();
  });

  it('starts again from the first page, without a cursor, when the filters change', async () => {
    renderPage();
    expect(await shows('Robot 1000 (10086)')).toBeInTheDocument();
    fireEvent.click(next());
    expect(await shows('Robot 999 (10086)')).toBeInTheDocument();
    fireEvent.click(next());
    expect(await shows('Robot 998 (10086)')).toBeInTheDocument();
    expect(requests().map((params) => params.get('cursor'))).toEqual([null, 'c1', 'c2']);

    const before = requests().length;
    fireEvent.change(screen.getByLabelText(/^User/), {
      target: { value: 'auditor+1@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await waitFor(() => expect(requests().length).toBeGreaterThan(before));
    const first = requests()[before];
    expect(first.get('user')).toBe('auditor+1@example.com');
    expect(first.get('cursor')).toBeNull();
    expect(await shows('Robot 1000 (10086)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
  });

  it('says so when no entry matches', async () => {
    client.get.mockResolvedValue({
      data: { data: [], pagination: { pageSize: 20, nextCursor: null } },
    });
    renderPage();
    expect(await shows('No audit entry matches these filters.')).toBeInTheDocument();
  });

  it('shows the error the server answered', async () => {
    client.get.mockRejectedValue({
      response: { status: 400, data: { error: { message: 'user must be an admin id or email' } } },
    });
    renderPage();
    // In the user's words, with what to do (utils/serverErrors.ts).
    expect(
      await shows(
        "The audit log could not be loaded: Type an admin's email address or id, or leave the field empty for everyone."
      )
    ).toBeInTheDocument();
  });

  it('refuses a user without audit.read', async () => {
    renderInAdmin(<AuditLogPage />, { permissions: [permission('settings.read')] });
    expect(await screen.findByText(/don't have the permissions/i)).toBeInTheDocument();
    expect(client.get).not.toHaveBeenCalled();
  });
});

describe('auditQuery', () => {
  it('writes kinds sorted, whole local days with their offsets, + encoded', () => {
    const params = auditQuery(
      {
        actions: ['calls.hold', 'bot.update'],
        user: ' a+b@x.test ',
        from: '2026-03-01',
        to: '2026-03-31',
      },
      'Asia/Shanghai'
    );
    expect(params.getAll('action')).toEqual(['bot.update', 'calls.hold']);
    expect(params.get('user')).toBe('a+b@x.test');
    expect(params.get('from')).toBe('2026-03-01T00:00:00+08:00');
    expect(params.get('to')).toBe('2026-04-01T00:00:00+08:00');
    expect(params.toString()).toContain('from=2026-03-01T00%3A00%3A00%2B08%3A00');
  });
});
