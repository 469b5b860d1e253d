import { useCallback } from 'react';

import type { ApiError } from '../utils/apiError';
import { describeApiError } from '../utils/serverErrors';

import { useT } from './useT';

/** Reads a failed request in the admin's language (utils/serverErrors.ts). */
export const useApiError = (): ((failure: unknown) => ApiError) => {
  const t = useT();
  return useCallback((failure: unknown) => describeApiError(failure, t), [t]);
};
