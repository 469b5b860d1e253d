/**
 * Text every database here can store, on every write path: PostgreSQL refuses the NUL
 * character and an unpaired UTF-16 surrogate in text and jsonb, where SQLite takes them, so a
 * value one call gets wrong is refused as that call's `invalid` rather than failing its whole
 * batch on one database only. Pure.
 */
import { problem, type FieldProblem } from './field-problem';

/**
 * Deeper json is refused: MariaDB's JSON_VALID (the check on its json columns) refuses a value
 * nested in 32 arrays or objects, and no database or JSON encoder should have to recurse
 * without bound.
 */
export const MAX_JSON_DEPTH = 31;

/**
 * What in a string no database here can store: the NUL character (PostgreSQL refuses it in text
 * and in jsonb) or a UTF-16 surrogate without its pair (no Unicode text at all: PostgreSQL's
 * jsonb refuses it, its text columns would silently store U+FFFD instead).
 */
export const unstorableCharacter = (value: string): 'nul' | 'surrogate' | null => {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === 0) return 'nul';
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = value.charCodeAt(index + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
    index += 1;
  }
  return null;
};

const characterRule = (subject: string, found: 'nul' | 'surrogate') =>
  found === 'nul'
    ? `${subject} must not contain the NUL character (\\u0000)`
    : `${subject} must be valid Unicode text: it holds an unpaired surrogate`;

/** The string at `path`, if it holds a character no database here can store. */
export const checkCharacters = (path: string, value: string): FieldProblem | null => {
  const found = unstorableCharacter(value);
  return found ? problem(path, characterRule(path, found)) : null;
};

/**
 * Every string of a json value, object keys included, checked for unstorable characters; the
 * path of the first one at fault, e.g. `tags.labels[2]`. Iterative, so depth costs no stack.
 */
export const checkJsonValue = (path: string, value: unknown): FieldProblem | null => {
  const pending: Array<{ at: string; node: unknown; depth: number }> = [
    { at: path, node: value, depth: 0 },
  ];
  while (pending.length > 0) {
    const { at, node, depth } = pending.pop() as { at: string; node: unknown; depth: number };
    if (typeof node === 'string') {
      const found = checkCharacters(at, node);
      if (found) return found;
      continue;
    }
    if (typeof node !== 'object' || node === null || node instanceof Date) continue;
    if (depth >= MAX_JSON_DEPTH) {
      return problem(at, `${at} must not nest deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const children: Array<{ at: string; node: unknown; depth: number }> = [];
    if (Array.isArray(node)) {
      node.forEach((child, index) =>
        children.push({ at: `${at}[${index}]`, node: child, depth: depth + 1 })
      );
    } else {
      for (const [key, child] of Object.entries(node)) {
        const inKey = unstorableCharacter(key);
        if (inKey) return problem(at, characterRule(`a key of ${at}`, inKey));
        children.push({ at: `${at}.${key}`, node: child, depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so the first problem in document order is the one reported.
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]);
  }
  return null;
};
