import { fireEvent, screen } from '@testing-library/react';

import { RecordingFlagInput } from '../../../admin/src/custom-fields/recording-flag/RecordingFlagInput';
import type { CustomFieldInputProps } from '../../../admin/src/custom-fields/types';

import { renderInput } from './render';

const props = (overrides: Partial<CustomFieldInputProps> = {}): CustomFieldInputProps => ({
  name: 'recordingFlag',
  value: null,
  onChange: jest.fn(),
  intlLabel: { id: 'recordingFlag', defaultMessage: 'Queue recording' },
  attribute: { type: 'string', customField: 'plugin::call-history.recording-flag' },
  ...overrides,
});

describe('RecordingFlagInput', () => {
  it('offers On / Off / Bot-level control, the stored value checked and explained', () => {
    renderInput(<RecordingFlagInput {...props({ value: 'BOT_LEVEL' })} />);
    expect(screen.getByRole('radiogroup', { name: 'Queue recording' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'On' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Off' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Bot-level control' })).toBeChecked();
    expect(
      screen.getByText("Bot-level control: each robot's or IVR flow's own switch decides.")
    ).toBeInTheDocument();
  });

  it('gives the form the stored value of the choice', () => {
    const onChange = jest.fn();
    renderInput(<RecordingFlagInput {...props({ onChange })} />);
    expect(screen.getByText('Not set: the tenant-wide System Settings apply.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'On' }));
    expect(onChange).toHaveBeenCalledWith({
      target: { name: 'recordingFlag', value: 'ON', type: 'string' },
    });
  });

  it("shows the System Settings' explanation of the flag the field is set to mirror", () => {
    renderInput(
      <RecordingFlagInput
        {...props({
          attribute: { type: 'string', options: { flag: 'FLOWRECORDFLAG' } },
        })}
      />
    );
    expect(
      screen.getByText('Whether the flow call details of intelligent robot calls are kept.')
    ).toBeInTheDocument();
  });

  it('clears an optional value, and offers no clearing when the field is required', () => {
    const onChange = jest.fn();
    const { rerender } = renderInput(<RecordingFlagInput {...props({ value: 'OFF', onChange })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenCalledWith({
      target: { name: 'recordingFlag', value: null, type: 'string' },
    });
    rerender(<RecordingFlagInput {...props({ value: 'OFF', onChange, required: true })} />);
    expect(screen.queryByRole('button', { name: 'Clear' })).not.toBeInTheDocument();
  });

  it("shows the server's error and respects a read-only field", () => {
    renderInput(
      <RecordingFlagInput
        {...props({
          value: 'ON',
          disabled: true,
          error: 'recordingFlag must be one of ON, OFF, BOT_LEVEL',
        })}
      />
    );
    expect(screen.getByText(/recordingFlag must be one of/)).toHaveAttribute('role', 'alert');
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
  });

  it('speaks Simplified Chinese', () => {
    renderInput(<RecordingFlagInput {...props({ value: 'ON' })} />, 'zh-Hans');
    expect(screen.getByRole('radio', { name: '开启' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '机器人级控制' })).toBeInTheDocument();
    expect(screen.getByText('开启：始终记录，不论机器人或 IVR 流程如何设置。')).toBeInTheDocument();
  });
});
