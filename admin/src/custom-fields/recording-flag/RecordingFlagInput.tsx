import { Flex, Radio, RadioGroup, TextButton, Typography } from '@strapi/design-system';
import { forwardRef, useId } from 'react';
import { useIntl } from 'react-intl';

import { FLAG_VALUES, isFlagName, isFlagValue } from '../../../../shared/contracts/settings';
import { getTrad } from '../../utils/getTrad';
import type { CustomFieldInputProps, MessageDescriptor } from '../types';

import { FLAG_EXPLANATION, VALUE_EXPLANATION, VALUE_LABEL } from './values';

/**
 * The `recording-flag` custom field: On / Off / Bot-level control, stored as ON / OFF /
 * BOT_LEVEL, with the one-line explanation of the value chosen. When the field's `flag` option
 * names one of the tenant flags, the System Settings' explanation of that flag is shown too.
 */
export const RecordingFlagInput = forwardRef<HTMLDivElement, CustomFieldInputProps>(
  (
    {
      name,
      value,
      onChange,
      intlLabel,
      attribute,
      description,
      error,
      disabled,
      required,
      labelAction,
    },
    ref
  ) => {
    const { formatMessage } = useIntl();
    const labelId = useId();
    const t = (message: MessageDescriptor) =>
      formatMessage({ ...message, id: getTrad(message.id) }, message.values);
    const current = isFlagValue(value) ? value : null;
    const flag = attribute.options?.flag;
    const change = (next: string | null) =>
      onChange({ target: { name, value: next, type: attribute.type } });

    return (
      <div ref={ref}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Flex gap={1}>
            <Typography variant="pi" fontWeight="bold" textColor="neutral800" id={labelId}>
              {formatMessage(intlLabel)}
              {required && <Typography textColor="danger600">*</Typography>}
            </Typography>
            {labelAction}
          </Flex>
          {isFlagName(flag) && (
            <Typography variant="pi" textColor="neutral600">
              {t(FLAG_EXPLANATION[flag])}
            </Typography>
          )}
          <RadioGroup
            labelledBy={labelId}
            name={name}
            value={current ?? ''}
            onChange={(event: { target: { value: string } }) => change(event.target.value)}
          >
            <Flex gap={6} wrap="wrap">
              {FLAG_VALUES.map((option) => (
                <Radio key={option} value={option} disabled={disabled}>
                  {t(VALUE_LABEL[option])}
                </Radio>
              ))}
            </Flex>
          </RadioGroup>
          <Flex gap={2}>
            <Typography variant="pi" textColor="neutral600">
              {current
                ? t(VALUE_EXPLANATION[current])
                : t({
                    id: 'custom-fields.recording-flag.none',
                    defaultMessage: 'Not set: the tenant-wide System Settings apply.',
                  })}
            </Typography>
            {current && !required && !disabled && (
              <TextButton onClick={() => change(null)}>
                {t({ id: 'custom-fields.recording-flag.clear', defaultMessage: 'Clear' })}
              </TextButton>
            )}
          </Flex>
          {description && (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(description)}
            </Typography>
          )}
          {error && (
            <Typography variant="pi" textColor="danger600" role="alert">
              {error}
            </Typography>
          )}
        </Flex>
      </div>
    );
  }
);
RecordingFlagInput.displayName = 'RecordingFlagInput';

export default RecordingFlagInput;
