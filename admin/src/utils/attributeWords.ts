/**
 * An attribute's name in words, for an added attribute with no label: `customerTier`,
 * `customer_tier`, `CUSTOMER_TIER` and `customer-tier` all read "Customer tier". A name that
 * gives no word boundary (`CUSTOMERTIER`, `csat`) cannot be split safely: it keeps its letters
 * with only the first one capital ("Customertier", "Csat").
 */
export const attributeWords = (name: string): string => {
  const words = name
    // camelCase and PascalCase boundaries, an acronym before a word included (callerIDType).
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length === 0) return name;
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
