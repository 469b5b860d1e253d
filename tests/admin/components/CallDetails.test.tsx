import { screen, within } from '@testing-library/react';

import { CallDetails } from '../../../admin/src/components/CallDetails';
import { call, recordedDecision } from '../fixtures';
import { renderInAdmin } from '../render';

const step = (seq: number, at: string, extra: object = {}) => ({
  seq,
  at,
  nodeId: `n${seq}`,
  nodeName: `Node ${seq}`,
  nodeType: 'ASK',
  ...extra,
});

describe('CallDetails', () => {
  // Marked as the details route marks every step (server/src/domain/flow-trace.ts).
  const marked = (sysErr: boolean, afterHangup: boolean) => ({
    sysErr,
    afterHangup,
    benign: sysErr && afterHangup,
  });

  it('shows the flow trace as a timeline and marks the after-hang-up sys_err as benign', () => {
    renderInAdmin(
      <CallDetails
        call={call({
          flowTrace: [
            step(1, '2026-11-02T09:00:01Z', {
              userInput: 'balance',
              botReply: 'Your balance is 5',
              ...marked(false, false),
            }),
            step(2, '2026-11-02T09:00:30Z', {
              nodeName: 'Lookup',
              nodeType: 'sys_err',
              ...marked(true, false),
            }),
            step(3, '2026-11-02T09:01:06Z', {
              nodeName: 'Cleanup',
              nodeType: 'sys_err',
              ...marked(true, true),
            }),
          ],
        })}
      />
    );
    const timeline = screen.getByRole('list', { name: 'Flow trace' });
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(within(steps[0]).getByText('User: balance')).toBeInTheDocument();
    expect(within(steps[0]).getByText('Bot: Your balance is 5')).toBeInTheDocument();
    // A sys_err during the call is a failure, not marked benign.
    expect(within(steps[1]).queryByText(/after hang-up/)).not.toBeInTheDocument();
    expect(steps[1]).toHaveAttribute('data-failed', 'true');
    expect(within(steps[2]).getByText('after hang-up — no business impact')).toBeInTheDocument();
    expect(steps[2]).not.toHaveAttribute('data-failed');
    expect(screen.queryByText(/were not recorded/)).not.toBeInTheDocument();
  });

  it('marks a sys_err the platform reported on the result code of a normal node', () => {
    renderInAdmin(
      <CallDetails
        call={call({
          flowTrace: [
            step(1, '2026-11-02T09:00:30Z', { resultCode: 'SYS_ERR', ...marked(true, false) }),
            step(2, '2026-11-02T09:01:05Z', { resultCode: 'sys_err', ...marked(true, true) }),
          ],
        })}
      />
    );
    const steps = within(screen.getByRole('list', { name: 'Flow trace' })).getAllByRole('listitem');
    expect(steps[0]).toHaveAttribute('data-failed', 'true');
    expect(within(steps[1]).getByText('after hang-up — no business impact')).toBeInTheDocument();
  });

  it('reads only the marks of the server: it keeps no second copy of the rule', () => {
    // Unmarked steps (no route marked them): nothing is guessed from the type or the time.
    renderInAdmin(
      <CallDetails
        call={call({
          flowTrace: [
            step(1, '2026-11-02T09:00:30Z', { nodeType: 'sys_err' }),
            step(2, '2026-11-02T09:01:05Z', { nodeType: 'sys_err' }),
          ],
        })}
      />
    );
    const steps = within(screen.getByRole('list', { name: 'Flow trace' })).getAllByRole('listitem');
    expect(screen.queryByText(/after hang-up/)).not.toBeInTheDocument();
    for (const item of steps) expect(item).not.toHaveAttribute('data-failed');
  });

  it('shows the line breaks of what the caller said', () => {
    renderInAdmin(
      <CallDetails
        call={call({
          flowTrace: [step(1, '2026-11-02T09:00:01Z', { userInput: '第一行\n第二行' })],
        })}
      />
    );
    const said = screen.getByText(/第一行/);
    expect(said.textContent).toBe('User: 第一行\n第二行');
    expect(said).toHaveStyle({ whiteSpace: 'pre-wrap' });
  });

  it('names the robot switch that kept the flow details out', () => {
    renderInAdmin(
      <CallDetails
        call={call({
          recordingDecision: {
            ...recordedDecision,
            recordFlow: false,
            flow: {
              recorded: false,
              flag: 'FLOWRECORDFLAG',
              flagValue: 'BOT_LEVEL',
              botSwitch: { name: 'flowCallRecording', value: false },
              reason: 'robot 1001 has flowCallRecording off',
            },
          },
        })}
      />
    );
    expect(
      screen.getByText(
        'Flow details were not recorded: FLOWRECORDFLAG was set to Bot-level control, and the robot "Sales bot" (1001) had its flow call recording switch off.'
      )
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Flow trace' })).not.toBeInTheDocument();
  });

  it('names the tenant flag when it was Off', () => {
    renderInAdmin(
      <CallDetails
        call={call({
          botKind: 'COMMON_IVR',
          recordingDecision: {
            ...recordedDecision,
            recordFlow: false,
            flow: {
              recorded: false,
              flag: 'CCIVRRECORDFLAG',
              flagValue: 'OFF',
              botSwitch: null,
              reason: 'CCIVRRECORDFLAG is OFF',
            },
          },
        })}
      />
    );
    expect(
      screen.getByText(
        'Flow details were not recorded: CCIVRRECORDFLAG was set to Off when the call was stored.'
      )
    ).toBeInTheDocument();
  });

  it('shows the attributes a developer added to the call record', () => {
    renderInAdmin(
      <CallDetails
        labels={{ queueName: 'Queue' }}
        call={call({
          queueName: 'north-1',
          CUSTOMER_SEGMENT: 'b2b',
          CUSTOMERTIER: 'silver',
          customerTier: 'gold',
          vip: false,
          answeredAt: '2026-11-02T09:00:05.000Z',
          tags: { queue: 'north' },
          createdAt: '2026-11-02',
          flowSteps: 3,
        })}
      />
    );
    // Its label from the schema when it has one, else its name in words.
    expect(screen.getByText('Queue').nextSibling).toHaveTextContent('north-1');
    expect(screen.getByText('Customer tier').nextSibling).toHaveTextContent('gold');
    expect(screen.getByText('Customer segment').nextSibling).toHaveTextContent('b2b');
    expect(screen.getByText('Customertier').nextSibling).toHaveTextContent('silver');
    // The plugin's own step count is not an attribute a developer added.
    expect(screen.queryByText('flowSteps')).not.toBeInTheDocument();
    expect(screen.getByText('gold')).toBeInTheDocument();
    expect(screen.getByText('Vip').nextSibling).toHaveTextContent(/^No$/);
    expect(screen.getByText('Answered at').nextSibling).toHaveTextContent(
      /^\d{2}\/\d{2}\/2026, \d{2}:\d{2}:05$/
    );
    expect(screen.getByText('Answered at').nextSibling).not.toHaveTextContent('T09:00:05');
    expect(screen.getByText('{"queue":"north"}')).toBeInTheDocument();
    expect(screen.queryByText('createdAt')).not.toBeInTheDocument();
  });
});
