import type { ReactNode } from 'react';

export interface MessageDescriptor {
  id: string;
  defaultMessage: string;
  values?: Record<string, string | number>;
}

/** The props the Content Manager gives a custom field's input (helper-plugin GenericInput). */
export interface CustomFieldInputProps {
  name: string;
  value?: string | null;
  onChange: (event: { target: { name: string; value: string | null; type: string } }) => void;
  intlLabel: MessageDescriptor;
  attribute: { type: string; customField?: string; options?: Record<string, unknown> };
  description?: MessageDescriptor;
  /** Already translated: length hints and the like, from the content type's settings. */
  hint?: ReactNode;
  /** Already translated; empty when there is none. */
  error?: string;
  disabled?: boolean;
  required?: boolean;
  labelAction?: ReactNode;
  placeholder?: MessageDescriptor;
}
