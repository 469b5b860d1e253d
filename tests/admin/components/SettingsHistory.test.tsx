import { screen } from '@testing-library/react';

import { SettingsHistory } from '../../../admin/src/components/SettingsHistory';
import { renderInAdmin } from '../render';

describe('SettingsHistory', () => {
  it('says it is loading until the history arrives, not that nothing changed', () => {
    renderInAdmin(<SettingsHistory entries={undefined} error={null} />);
    expect(screen.getByText('Loading the change history…')).toBeInTheDocument();
    expect(screen.queryByText('The flags have not been changed yet.')).not.toBeInTheDocument();
  });

  it('says when it could not be loaded', () => {
    renderInAdmin(<SettingsHistory entries={undefined} error="The server failed to answer." />);
    expect(
      screen.getByText('The change history could not be loaded: The server failed to answer.')
    ).toBeInTheDocument();
  });

  it('says nothing changed yet only once the history is known to be empty', () => {
    renderInAdmin(<SettingsHistory entries={[]} error={null} />);
    expect(screen.getByText('The flags have not been changed yet.')).toBeInTheDocument();
  });

  it('writes when in the one date format', () => {
    renderInAdmin(
      <SettingsHistory
        entries={[
          {
            at: '2026-11-02T09:00:05.000Z',
            user: { id: 1, email: 'admin@example.com' },
            changes: { CHATRECORDFLAG: { from: 'OFF', to: 'ON' } },
          },
        ]}
        error={null}
      />
    );
    expect(screen.getByText(/^11\/0[23]\/2026, \d{2}:00:05$/)).toBeInTheDocument();
  });
});
