import { normalisePhoneNumber as inBrowser } from '../../../admin/src/custom-fields/phone-number/normalise';
import { normalisePhoneNumber as onServer } from '../../../server/src/domain/phone-number';

const INPUTS: unknown[] = [
  '8613800001234',
  '+86 138 0000 1234',
  '(010) 6512.3456',
  '＋８６　１３８００００１２３４',
  '0086/138/0000/1234',
  '110',
  '12',
  '+12',
  '1'.repeat(31),
  '1'.repeat(32),
  '86138*',
  '*5678',
  '86+138',
  '400-CALL-NOW',
  '',
  '  ',
  null,
  undefined,
  8613800001234,
];

describe("the admin's copy of the phone-number rule", () => {
  it.each(INPUTS.map((input) => [input]))('agrees with the server on %j', (input) => {
    const server = onServer(input);
    const browser = inBrowser(input);
    expect(browser.ok).toBe(server.ok);
    if (server.ok && browser.ok) expect(browser.value).toBe(server.value);
  });
});
