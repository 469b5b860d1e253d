import { fireEvent, screen, within } from '@testing-library/react';

import type { SearchPage } from '../../../admin/src/api/types';
import { ResultsTable } from '../../../admin/src/components/ResultsTable';
import { listRow, recordedDecision } from '../fixtures';
import { renderInAdmin } from '../render';

const page = (overrides: Partial<SearchPage['pagination']> = {}): SearchPage => ({
  results: [
    listRow(),
    listRow({
      id: 2,
      callId: 'CALL-0002',
      callingNumber: '8613900001234',
      botKind: 'COMMON_IVR',
      botName: 'Main IVR',
      accessCode: '2001',
      durationSeconds: 3725,
      recordingDecision: { ...recordedDecision, recordFlow: false },
      flowRecorded: false,
      flowSteps: null,
    }),
  ],
  pagination: {
    pageSize: 2,
    sort: 'startTime:desc',
    nextCursor: 'abc',
    total: 10_000,
    totalIsCapped: true,
    ...overrides,
  },
});

const props = {
  isLoading: false,
  error: null,
  pageIndex: 0,
  canOpenDetails: true,
  onOpen: jest.fn(),
  onNext: jest.fn(),
  onPrevious: jest.fn(),
};

describe('ResultsTable', () => {
  it('lists each call with its bot, kind, duration and whether flow details exist, with their steps', () => {
    renderInAdmin(<ResultsTable {...props} page={page()} />);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = within(rows[1]);
    expect(first.getByText('CALL-0001')).toBeInTheDocument();
    expect(first.getByText('Sales bot')).toBeInTheDocument();
    expect(first.getByText('Robot')).toBeInTheDocument();
    expect(first.getByText('1001')).toBeInTheDocument();
    expect(first.getByText(/\(1:05\)$/)).toBeInTheDocument();
    expect(first.getByText('USER_HANGUP')).toBeInTheDocument();
    expect(first.getByText('Recorded')).toBeInTheDocument();
    expect(first.getByText('4 steps')).toBeInTheDocument();
    const second = within(rows[2]);
    expect(second.getByText('IVR')).toBeInTheDocument();
    expect(second.getByText(/\(1:02:05\)$/)).toBeInTheDocument();
    expect(second.getByText('Not recorded')).toBeInTheDocument();
    expect(second.queryByText(/steps?$/)).not.toBeInTheDocument();
  });

  it('marks each held row with a Held badge, and no other row', () => {
    const held = page();
    held.results[1] = { ...held.results[1], held: true };
    renderInAdmin(<ResultsTable {...props} page={held} />);
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]).queryByText('Held')).not.toBeInTheDocument();
    expect(within(rows[2]).getByText('Held')).toBeInTheDocument();
  });

  it('says Recorded from the server, without a count when no trace was sent', () => {
    renderInAdmin(
      <ResultsTable
        {...props}
        page={{
          ...page(),
          results: [listRow({ flowSteps: 1 }), listRow({ callId: 'CALL-0003', flowSteps: null })],
        }}
      />
    );
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]).getByText('1 step')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Recorded')).toBeInTheDocument();
    expect(within(rows[2]).queryByText(/steps?$/)).not.toBeInTheDocument();
  });

  it('says how many of the capped total are shown and pages with the cursor', () => {
    renderInAdmin(<ResultsTable {...props} page={page()} />);
    expect(screen.getByText('Showing 2 of 10,000+ calls')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(props.onNext).toHaveBeenCalledTimes(1);
  });

  it('disables Next on the last page and counts rows of earlier pages', () => {
    renderInAdmin(
      <ResultsTable
        {...props}
        pageIndex={1}
        page={page({ nextCursor: null, total: 4, totalIsCapped: false })}
      />
    );
    expect(screen.getByText('Showing 4 of 4 calls')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('opens Call Details only for users allowed to', () => {
    const onOpen = jest.fn();
    const { unmount } = renderInAdmin(<ResultsTable {...props} onOpen={onOpen} page={page()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Details of call CALL-0002' }));
    expect(onOpen).toHaveBeenCalledWith('CALL-0002');
    unmount();
    renderInAdmin(<ResultsTable {...props} canOpenDetails={false} page={page()} />);
    expect(screen.queryByRole('button', { name: /^Details of call/ })).not.toBeInTheDocument();
  });

  it('shows the empty and error states', () => {
    const { unmount } = renderInAdmin(
      <ResultsTable {...props} page={{ ...page(), results: [] }} />
    );
    expect(screen.getByText('No call matches these criteria in this period.')).toBeInTheDocument();
    unmount();
    renderInAdmin(<ResultsTable {...props} page={undefined} error="from must be before to" />);
    expect(screen.getByText('The search failed: from must be before to')).toBeInTheDocument();
  });
});
