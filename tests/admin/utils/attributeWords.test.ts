import { attributeWords } from '../../../admin/src/utils/attributeWords';

describe('attributeWords', () => {
  it.each([
    ['customerTier', 'Customer tier'],
    ['CUSTOMER_TIER', 'Customer tier'],
    ['customer_tier', 'Customer tier'],
    ['customer-tier', 'Customer tier'],
    ['CustomerTier', 'Customer tier'],
    ['callerIDType', 'Caller id type'],
    ['answeredAt', 'Answered at'],
    // No word boundary to split on: only the first letter is capital.
    ['CUSTOMERTIER', 'Customertier'],
    ['csat', 'Csat'],
  ])('%s reads "%s"', (name, words) => {
    expect(attributeWords(name)).toBe(words);
  });
});
