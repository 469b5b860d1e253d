/**
 * A prefix match as an index range: `86138*` is `>= '86138' AND < '86139'`. The upper bound
 * is computed with a decimal carry (`8619` → `862`) so it stays made of digits and sorts
 * the same way under a binary and a linguistic collation. Null when there is no upper bound
 * (`999*`): the range is then open-ended and the exact check alone bounds it.
 */
export const prefixUpperBound = (prefix: string): string | null => {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === '9') end -= 1;
  if (end === 0) return null;
  const last = prefix[end - 1];
  if (last < '0' || last > '8') return null;
  return prefix.slice(0, end - 1) + String.fromCharCode(last.charCodeAt(0) + 1);
};
