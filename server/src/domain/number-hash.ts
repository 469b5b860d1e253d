import { createHmac } from 'crypto';

import { bareNumber } from './calling-number';

/**
 * What an erasure's audit entry keeps of the number (docs/design.md#erasure-by-number): an
 * HMAC-SHA256 keyed with the deployment's erasure key, in hex. The same number always gives the
 * same hash, so a later request can be matched to the entry, but without the key the hash names
 * no number: a plain SHA-256 of a phone number is reversed by trying every number of a country.
 * The number is hashed without its leading `+`, as an erasure matches both forms: one caller is
 * one hash whichever form the request named.
 */
export const numberHash = (callingNumber: string, key: string): string =>
  createHmac('sha256', key).update(bareNumber(callingNumber)).digest('hex');
