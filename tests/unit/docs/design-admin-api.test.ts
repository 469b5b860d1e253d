import fs from 'fs';
import path from 'path';

import adminRoutes from '../../../server/src/routes/admin';

const DESIGN = path.resolve(__dirname, '..', '..', '..', 'docs', 'design.md');
const PREFIX = 'plugin::call-history.';

interface Row {
  route: string;
  actions: string[];
  policy: string | null;
}

/** The rows of the route table under `### Admin API`, read as route, actions and policy. */
const documentedRows = (): Row[] => {
  const text = fs.readFileSync(DESIGN, 'utf8');
  const start = text.indexOf('### Admin API');
  const section = text.slice(start, text.indexOf('\n### ', start + 1));
  return section
    .split('\n')
    .map((line) => /^\| `((?:GET|POST|PUT|DELETE) \S+)`\s*\|[^|]*\|\s*(.*?)\s*\|$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, route, cell]) => {
      const names = [...cell.matchAll(/`([^`]+)`/g)].map(([, name]) => name);
      return cell.startsWith('none')
        ? { route, actions: [], policy: names[0] ?? null }
        : { route, actions: names, policy: null };
    });
};

type Policy = string | { name: string; config: { actions: string[] } };

/** The same, read from the routes Strapi registers. */
const declaredRows = (): Row[] =>
  adminRoutes.routes.map((route) => {
    const policies = route.config.policies as Policy[];
    const permission = policies.find(
      (policy): policy is Exclude<Policy, string> =>
        typeof policy !== 'string' && policy.name === 'admin::hasPermissions'
    );
    const other = policies.find(
      (policy): policy is string => typeof policy === 'string' && policy.startsWith(PREFIX)
    );
    return {
      route: `${route.method} ${route.path}`,
      actions: (permission?.config.actions ?? []).map((action) => action.replace(PREFIX, '')),
      policy: other ? other.replace(PREFIX, '') : null,
    };
  });

describe("docs/design.md's admin API table", () => {
  it('lists every admin route with its actions, in the order the routes declare them', () => {
    expect(documentedRows()).toEqual(declaredRows());
  });

  it('reads a table at all (a changed layout would otherwise compare two empty lists)', () => {
    expect(documentedRows().length).toBeGreaterThan(20);
  });
});
