import { useFetchClient } from '@strapi/helper-plugin';
import { DateTime } from 'luxon';
import { useQuery } from 'react-query';

import type { AuditFilters, AuditPage } from '../api/types';
import { browserTimeZone } from '../utils/time';

import { API, queryKeys } from './queryKeys';

export const AUDIT_PAGE_SIZE = 20;

const dayStart = (day: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(day, { zone })
    .plus({ days: plusDays })
    .startOf('day')
    .toISO({ suppressMilliseconds: true }) ?? '';

/**
 * The query string of the audit routes for these filters. Built here, not with axios' params:
 * helper-plugin's fetch client writes them unencoded, and the `+` of an offset or of an email
 * would arrive as a space. The days are whole local days, `to` exclusive at the next midnight.
 */
export const auditQuery = (filters: AuditFilters, zone: string = browserTimeZone()) => {
  const params = new URLSearchParams();
  for (const action of [...filters.actions].sort()) params.append('action', action);
  if (filters.user.trim()) params.set('user', filters.user.trim());
  if (filters.from) params.set('from', dayStart(filters.from, zone));
  if (filters.to) params.set('to', dayStart(filters.to, zone, 1));
  return params;
};

export const useAuditLog = (filters: AuditFilters, cursor: string | null) => {
  const { get } = useFetchClient();
  const params = auditQuery(filters);
  params.set('pageSize', String(AUDIT_PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return useQuery(
    queryKeys.auditLog(query),
    async () => {
      const { data } = await get<AuditPage>(`${API}/audit?${query}`);
      return data;
    },
    { keepPreviousData: true, retry: false }
  );
};

const filenameOf = (disposition: unknown): string => {
  const match = typeof disposition === 'string' ? /filename="([^"]+)"/.exec(disposition) : null;
  return match ? match[1] : 'call-history-audit.csv';
};

/**
 * Fetches the CSV with the admin JWT and saves it as a file. The calls export needs a download
 * ticket because it can be any size; an audit log is small next to the calls, so the page may
 * hold it once, and no ticket route is needed.
 */
export const useExportAuditLog = () => {
  const { get } = useFetchClient();
  return async (filters: AuditFilters) => {
    const response = await get<Blob>(`${API}/audit/export?${auditQuery(filters).toString()}`, {
      responseType: 'blob',
    });
    const url = URL.createObjectURL(response.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = filenameOf(response.headers?.['content-disposition']);
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };
};
