import { parse } from 'csv-parse/sync';

import { asText, bearer, type TestApp } from './strapi';

export type CsvRecord = Record<string, string>;

/**
 * The Call History CSV export of these filters, read back as records (one per call, keyed by
 * column). The one place the tests call the export route: only this helper changes when the
 * route does.
 */
export const exportCsv = async (
  app: TestApp,
  token: string,
  filters: Record<string, string>
): Promise<CsvRecord[]> => {
  const response = await app
    .http()
    .post('/call-history/calls/export')
    .send(filters)
    .set(bearer(token))
    .buffer(true)
    .parse(asText)
    .expect(200);
  // The BOM the export starts with is not part of the first header.
  return parse(response.body as string, { columns: true, bom: true }) as CsvRecord[];
};
