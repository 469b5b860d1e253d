import { fireEvent, screen } from '@testing-library/react';

import type { Flags } from '../../../admin/src/api/types';
import { SettingsForm } from '../../../admin/src/components/SettingsForm';
import { renderInAdmin } from '../render';

const flags: Flags = { CHATRECORDFLAG: 'OFF', FLOWRECORDFLAG: 'BOT_LEVEL', CCIVRRECORDFLAG: 'ON' };

describe('SettingsForm', () => {
  it('shows each flag as On / Off / Bot-level control with its explanation', () => {
    renderInAdmin(<SettingsForm flags={flags} canUpdate isSaving={false} onSave={jest.fn()} />);
    expect(screen.getAllByRole('radio', { name: 'Bot-level control' })).toHaveLength(3);
    expect(
      screen.getByText('Whether the flow call details of common IVR calls are kept.')
    ).toBeInTheDocument();
    const chat = screen.getByRole('radiogroup', {
      name: 'Historical call records (CHATRECORDFLAG)',
    });
    expect(chat).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('saves only the changed flags, after confirmation', () => {
    const onSave = jest.fn();
    renderInAdmin(<SettingsForm flags={flags} canUpdate isSaving={false} onSave={onSave} />);
    fireEvent.click(screen.getAllByRole('radio', { name: 'On' })[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('CHATRECORDFLAG: Off → On')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(onSave).toHaveBeenCalledWith({ CHATRECORDFLAG: 'ON' });
  });

  it('cancelling the confirmation saves nothing', () => {
    const onSave = jest.fn();
    renderInAdmin(<SettingsForm flags={flags} canUpdate isSaving={false} onSave={onSave} />);
    fireEvent.click(screen.getAllByRole('radio', { name: 'Off' })[2]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('is read-only without the update permission', () => {
    renderInAdmin(
      <SettingsForm flags={flags} canUpdate={false} isSaving={false} onSave={jest.fn()} />
    );
    expect(
      screen.getByText(/changing them needs the "Update system settings" permission/)
    ).toBeInTheDocument();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});
