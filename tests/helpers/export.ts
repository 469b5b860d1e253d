import { parse } from 'csv-parse/sync';

import { asText, bearer, type TestApp } from './strapi';

export type CsvRecord = Record<string, string>;

/**
 * The Call History CSV export of these filters, the response's body as text (supertest leaves
 * a download unparsed). The one place the tests call the export route.
 */
export const exportRequest = (app: TestApp, token: string, filters: Record<string, unknown>) =>
  app
    .http()
    .post('/call-history/calls/export')
    .send(filters)
    .set(bearer(token))
    .buffer(true)
    .parse(asText);

/** The export of these filters read back as records (one per call, keyed by column). */
export const exportCsv = async (
  app: TestApp,
  token: string,
  filters: Record<string, string>
): Promise<CsvRecord[]> => {
  const response = await exportRequest(app, token, filters).expect(200);
  // The BOM the export starts with is not part of the first header.
  return parse(response.body as string, { columns: true, bom: true }) as CsvRecord[];
};
