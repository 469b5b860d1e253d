import { TextInput } from '@strapi/design-system';
import { forwardRef, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { getTrad } from '../../utils/getTrad';
import type { CustomFieldInputProps } from '../types';

import { normalisePhoneNumber, PHONE_NUMBER_DIGITS, type PhoneNumberProblem } from './normalise';

const PROBLEM_MESSAGE: Record<PhoneNumberProblem, { id: string; defaultMessage: string }> = {
  type: {
    id: 'custom-fields.phone-number.error.characters',
    defaultMessage: 'Use digits only, with an optional leading + and spaces or dashes.',
  },
  characters: {
    id: 'custom-fields.phone-number.error.characters',
    defaultMessage: 'Use digits only, with an optional leading + and spaces or dashes.',
  },
  length: {
    id: 'custom-fields.phone-number.error.length',
    defaultMessage: 'A phone number has {min} to {max} digits.',
  },
};

/**
 * The `phone-number` custom field: people type a number the way they read it; the form gets the
 * normalised number (`+`, then digits: what the Call History stores and shows) and the field
 * shows it once the cursor leaves. A number that cannot be normalised is flagged here, and the
 * server refuses it whatever the browser does.
 */
export const PhoneNumberInput = forwardRef<HTMLDivElement, CustomFieldInputProps>(
  (
    {
      name,
      value,
      onChange,
      intlLabel,
      attribute,
      description,
      hint,
      error,
      disabled,
      required,
      placeholder,
    },
    ref
  ) => {
    const { formatMessage } = useIntl();
    const [text, setText] = useState(value ?? '');
    const [touched, setTouched] = useState(false);
    const check = normalisePhoneNumber(text);

    // A value changed from outside (the form reset, another locale loaded) replaces the text.
    useEffect(() => {
      setText((current) => {
        const shown = normalisePhoneNumber(current);
        return shown.ok && shown.value === (value ?? null) ? current : (value ?? '');
      });
    }, [value]);

    const localError =
      touched && !check.ok
        ? formatMessage(
            { ...PROBLEM_MESSAGE[check.problem], id: getTrad(PROBLEM_MESSAGE[check.problem].id) },
            PHONE_NUMBER_DIGITS
          )
        : undefined;
    const storedAs =
      check.ok && check.value !== null && check.value !== text.trim()
        ? formatMessage(
            {
              id: getTrad('custom-fields.phone-number.storedAs'),
              defaultMessage: 'Saved as {number}',
            },
            { number: check.value }
          )
        : undefined;

    return (
      <div
        ref={ref}
        onBlur={() => {
          setTouched(true);
          if (check.ok) setText(check.value ?? '');
        }}
      >
        <TextInput
          name={name}
          type="tel"
          label={formatMessage(intlLabel)}
          hint={storedAs ?? (description ? formatMessage(description) : hint)}
          placeholder={
            placeholder
              ? formatMessage(placeholder)
              : formatMessage({
                  id: getTrad('custom-fields.phone-number.placeholder'),
                  defaultMessage: 'e.g. +86 138 0000 1234',
                })
          }
          error={error || localError}
          required={required}
          disabled={disabled}
          value={text}
          onChange={(event: { target: { value: string } }) => {
            const typed = event.target.value;
            setText(typed);
            const next = normalisePhoneNumber(typed);
            // The form holds the normalised number; a bad one as typed, for the server to refuse.
            onChange({
              target: { name, value: next.ok ? next.value : typed, type: attribute.type },
            });
          }}
        />
      </div>
    );
  }
);
PhoneNumberInput.displayName = 'PhoneNumberInput';

export default PhoneNumberInput;
