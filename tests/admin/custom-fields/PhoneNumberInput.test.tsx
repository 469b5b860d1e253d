import { fireEvent, screen } from '@testing-library/react';

import { PhoneNumberInput } from '../../../admin/src/custom-fields/phone-number/PhoneNumberInput';
import type { CustomFieldInputProps } from '../../../admin/src/custom-fields/types';

import { renderInput } from './render';

const props = (overrides: Partial<CustomFieldInputProps> = {}): CustomFieldInputProps => ({
  name: 'hotline',
  value: null,
  onChange: jest.fn(),
  intlLabel: { id: 'hotline', defaultMessage: 'Hotline' },
  attribute: { type: 'string', customField: 'plugin::call-history.phone-number' },
  ...overrides,
});

const type = (text: string) =>
  fireEvent.change(screen.getByLabelText('Hotline'), { target: { value: text } });

describe('PhoneNumberInput', () => {
  it('gives the form the normalised number and shows it once the field is left', () => {
    const onChange = jest.fn();
    renderInput(<PhoneNumberInput {...props({ onChange })} />);
    type('+86 138-0000-1234');
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'hotline', value: '+8613800001234', type: 'string' },
    });
    expect(screen.getByText('Saved as +8613800001234')).toBeInTheDocument();
    fireEvent.blur(screen.getByLabelText('Hotline'));
    expect(screen.getByLabelText('Hotline')).toHaveValue('+8613800001234');
    expect(screen.queryByText(/Saved as/)).not.toBeInTheDocument();
  });

  it('normalises full-width digits as a Chinese input method types them', () => {
    const onChange = jest.fn();
    renderInput(<PhoneNumberInput {...props({ onChange })} />);
    type('１００８６');
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'hotline', value: '10086', type: 'string' },
    });
  });

  it('flags letters once the field is left, leaving them for the server to refuse', () => {
    const onChange = jest.fn();
    renderInput(<PhoneNumberInput {...props({ onChange })} />);
    type('400-CALL-NOW');
    expect(screen.queryByText(/Use digits only/)).not.toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith({
      target: { name: 'hotline', value: '400-CALL-NOW', type: 'string' },
    });
    fireEvent.blur(screen.getByLabelText('Hotline'));
    expect(
      screen.getByText('Use digits only, with an optional leading + and spaces or dashes.')
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Hotline')).toHaveValue('400-CALL-NOW');
  });

  it('flags a number too short, in Simplified Chinese too', () => {
    renderInput(<PhoneNumberInput {...props()} />, 'zh-Hans');
    fireEvent.change(screen.getByLabelText('Hotline'), { target: { value: '12' } });
    fireEvent.blur(screen.getByLabelText('Hotline'));
    expect(screen.getByText('电话号码应为 3 到 31 位数字。')).toBeInTheDocument();
  });

  it("shows the server's error", () => {
    renderInput(
      <PhoneNumberInput {...props({ value: '12', error: 'hotline must have 3 to 31 digits' })} />
    );
    expect(screen.getByText('hotline must have 3 to 31 digits')).toBeInTheDocument();
  });

  it('follows a value changed from outside, keeping what is typed when it means the same', () => {
    const { rerender } = renderInput(<PhoneNumberInput {...props({ value: '10086' })} />);
    expect(screen.getByLabelText('Hotline')).toHaveValue('10086');
    rerender(<PhoneNumberInput {...props({ value: '95555' })} />);
    expect(screen.getByLabelText('Hotline')).toHaveValue('95555');
    type('955 55');
    rerender(<PhoneNumberInput {...props({ value: '95555' })} />);
    expect(screen.getByLabelText('Hotline')).toHaveValue('955 55');
  });
});
