import { useNotification } from '@strapi/helper-plugin';
import { useState } from 'react';

import { useApiError } from './useApiError';

/**
 * A download started by a button: `busy` while it runs (the button shows it loading), the
 * server's message as a warning if it fails.
 */
export const useDownload = <T>(download: (input: T) => Promise<void>) => {
  const toggleNotification = useNotification();
  const readError = useApiError();
  const [busy, setBusy] = useState(false);
  const start = async (input: T) => {
    setBusy(true);
    try {
      await download(input);
    } catch (error) {
      toggleNotification({ type: 'warning', message: readError(error).message });
    } finally {
      setBusy(false);
    }
  };
  return { busy, start };
};
