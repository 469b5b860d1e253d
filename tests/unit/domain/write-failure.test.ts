import {
  classifyWriteFailure,
  databaseMessage,
  errorCode,
} from '../../../server/src/domain/write-failure';

const failure = (code?: unknown) => Object.assign(new Error('db said no'), { code });

describe('classifyWriteFailure', () => {
  it.each([
    // PostgreSQL: deadlock and serialization failure.
    ['40P01', 'retry'],
    ['40001', 'retry'],
    // SQLSTATE class 22, data exception: NUL, bad json, too long, out of range…
    ['22P02', 'refused'],
    ['22P05', 'refused'],
    ['22021', 'refused'],
    ['22001', 'refused'],
    ['22003', 'refused'],
    // Class 23, integrity constraint violation: a CHECK, a unique index a developer added.
    ['23514', 'refused'],
    ['23505', 'refused'],
    ['23502', 'refused'],
    // SQLite.
    ['SQLITE_CONSTRAINT', 'refused'],
    ['SQLITE_CONSTRAINT_TRIGGER', 'refused'],
    ['SQLITE_CONSTRAINT_CHECK', 'refused'],
    ['SQLITE_MISMATCH', 'refused'],
    ['SQLITE_TOOBIG', 'refused'],
    // The database's own trouble: a later attempt may pass.
    ['SQLITE_BUSY', 'unavailable'],
    ['SQLITE_READONLY', 'unavailable'],
    ['SQLITE_FULL', 'unavailable'],
    ['55P03', 'unavailable'],
    ['57P01', 'unavailable'],
    ['53300', 'unavailable'],
    ['08006', 'unavailable'],
    ['ECONNREFUSED', 'unavailable'],
    ['2200', 'unavailable'],
  ])('%s is %s', (code, kind) => {
    expect(classifyWriteFailure(failure(code))).toBe(kind);
  });

  it('takes an error without a code for the database being unavailable', () => {
    expect(classifyWriteFailure(new Error('connection lost'))).toBe('unavailable');
    expect(classifyWriteFailure(failure(42))).toBe('unavailable');
    expect(classifyWriteFailure('text')).toBe('unavailable');
    expect(classifyWriteFailure(null)).toBe('unavailable');
  });

  it('reads the code', () => {
    expect(errorCode(failure('23514'))).toBe('23514');
    expect(errorCode(failure())).toBeNull();
    expect(errorCode(undefined)).toBeNull();
  });
});

describe('databaseMessage', () => {
  it('keeps what the database said, without the statement knex puts before it', () => {
    const error = new Error(
      'select * from "call_history_call_records" where "calling_number" = \'+8613912345678\' - relation "call_history_call_records" does not exist'
    );
    expect(databaseMessage(error)).toBe('relation "call_history_call_records" does not exist');
  });

  it('keeps a message that carries no statement', () => {
    expect(databaseMessage(new Error('Connection terminated'))).toBe('Connection terminated');
  });
});
