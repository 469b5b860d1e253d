import { execFileSync } from 'child_process';
import path from 'path';

/**
 * The rows an ingest batch writes share one hidden class, also once V8 has optimised the path
 * (docs/benchmarks.md, "What the heap kept"). In a process of its own on the compiled server,
 * since only Node's flag `--allow-natives-syntax` lets a script ask V8.
 */
describe('the rows of ingest batches', () => {
  it('share one hidden class', () => {
    const script = path.resolve(__dirname, '..', 'helpers', 'row-hidden-classes.js');
    const answer = JSON.parse(
      execFileSync(process.execPath, ['--allow-natives-syntax', script], { encoding: 'utf8' })
    ) as { rows: number; withTheirOwn: number };
    expect(answer).toEqual({ rows: 100_000, withTheirOwn: 0 });
  });
});
