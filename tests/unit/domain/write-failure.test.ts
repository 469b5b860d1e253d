import {
  classifyWriteFailure,
  databaseMessage,
  duplicateKeyName,
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

  // mysql2's server errors: `errno`, `sqlState`, and a `code` named from MySQL's list.
  const mysqlFailure = (errno: number, sqlState: string, message = 'db said no', code = 'ER_X') =>
    Object.assign(new Error(message), { errno, sqlState, code });

  it.each([
    // Deadlock; MariaDB's snapshot-isolation conflict; a deadlock on an AUTO-INC table lock.
    [1213, '40001', 'retry'],
    [1020, 'HY000', 'retry'],
    [1467, 'HY000', 'retry'],
    // Data errors: too long, out of range, incorrect value (HY000 on MySQL 8, 22007 on
    // MariaDB), bad datetime, invalid JSON, truncated, a CHECK (MySQL 8's and MariaDB's), NULL.
    [1406, '22001', 'refused'],
    [1264, '22003', 'refused'],
    [1690, '22003', 'refused'],
    [1366, 'HY000', 'refused'],
    [1366, '22007', 'refused'],
    [1292, '22007', 'refused'],
    [3140, '22032', 'refused'],
    [1265, '01000', 'refused'],
    [3819, 'HY000', 'refused'],
    [4025, '23000', 'refused'],
    [1048, '23000', 'refused'],
    [1452, '23000', 'refused'],
    // A trigger's SIGNAL: by the SQLSTATE it raises.
    [1644, '23000', 'refused'],
    [1644, '45000', 'unavailable'],
    // The server's own trouble: lock wait timeout, read-only, too many connections.
    [1205, 'HY000', 'unavailable'],
    [1290, 'HY000', 'unavailable'],
    [1792, '25006', 'unavailable'],
    [1040, '08004', 'unavailable'],
    [1053, '08S01', 'unavailable'],
  ])('MySQL %i (%s) is %s', (errno, sqlState, kind) => {
    expect(classifyWriteFailure(mysqlFailure(errno, sqlState))).toBe(kind);
  });

  it("takes mysql2's client-side errors (a lost connection) for the database being unavailable", () => {
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), {
      code: 'PROTOCOL_CONNECTION_LOST',
      fatal: true,
    });
    expect(classifyWriteFailure(lost)).toBe('unavailable');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      errno: -111,
    });
    expect(classifyWriteFailure(refused)).toBe('unavailable');
    expect(errorCode(refused)).toBe('ECONNREFUSED');
  });

  it('takes a duplicate of the call-id key for a race with another node, refuses any other', () => {
    const raceKey = 'call_history_call_records_call_id_uq';
    const duplicate = (key: string) =>
      mysqlFailure(
        1062,
        '23000',
        `insert into \`call_history_call_records\` … - Duplicate entry 'a-1' for key '${key}'`
      );
    expect(classifyWriteFailure(duplicate(raceKey), { raceKey })).toBe('raced');
    expect(
      classifyWriteFailure(duplicate(`call_history_call_records.${raceKey}`), { raceKey })
    ).toBe('raced');
    expect(classifyWriteFailure(duplicate('host_unique_ref'), { raceKey })).toBe('refused');
    expect(classifyWriteFailure(duplicate(raceKey))).toBe('refused');
  });

  it('reads the key a duplicate names, as MariaDB and MySQL 8 write it', () => {
    expect(duplicateKeyName("Duplicate entry 'x' for key 'k_uq'")).toBe('k_uq');
    expect(duplicateKeyName("Duplicate entry 'x' for key 't.k_uq'")).toBe('k_uq');
    expect(duplicateKeyName("Duplicate entry 'it''s' for key 'k_uq'")).toBe('k_uq');
    expect(duplicateKeyName('Deadlock found')).toBeNull();
  });

  it("reads MySQL's error number as the code, not mysql2's name for it", () => {
    // MariaDB's 4025 (a CHECK failed) is an InnoDB option's error in MySQL's list.
    expect(
      errorCode(mysqlFailure(4025, '23000', 'x', 'ER_INNODB_AUTOEXTEND_SIZE_OUT_OF_RANGE'))
    ).toBe('4025');
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
