import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MarkedMemory, SqliteChangeMark } from '../../storage/sqlite/change-mark';

describe('memory trusted only while the database stands still', () => {
  let dir: string;
  let db: Database.Database;
  let memory: MarkedMemory<string>;
  /** A write through the store's own statement, remembered as stores do: get, the statement, then set. */
  const save = (key: string, value: string) => {
    memory.get(key);
    const { changes } = db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)').run(key, value);
    memory.set(key, value, changes);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-mark-'));
    db = new Database(path.join(dir, 'db.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE log (key TEXT REFERENCES kv(key) ON DELETE CASCADE); CREATE TABLE notes (text TEXT)',
    );
    db.pragma('foreign_keys = ON');
    memory = new MarkedMemory(SqliteChangeMark.of(db), ['kv']);
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every entry across the store's own statements", () => {
    save('a', '1');
    save('b', '2');
    save('a', '3');
    expect(memory.get('a')).toBe('3');
    expect(memory.get('b')).toBe('2');
  });

  it('forgets everything after a change it was not told of, on this connection or another', () => {
    save('a', '1');
    db.prepare("INSERT INTO kv (key, value) VALUES ('c', 'x')").run();
    expect(memory.get('a')).toBeUndefined();
    save('a', '1');
    const other = new Database(path.join(dir, 'db.sqlite'));
    other.prepare("UPDATE kv SET value = 'changed' WHERE key = 'a'").run();
    other.close();
    expect(memory.get('a')).toBeUndefined();
  });

  it('keeps its entries across changes reported in tables it does not read, and only those', () => {
    save('a', '1');
    const mark = SqliteChangeMark.of(db);
    const note = db.prepare("INSERT INTO notes (text) VALUES ('unrelated')").run();
    mark.report('notes', note.changes);
    expect(memory.get('a')).toBe('1');
    const reportedHere = db.prepare("UPDATE kv SET value = 'changed' WHERE key = 'a'").run();
    mark.report('kv', reportedHere.changes);
    expect(memory.get('a')).toBeUndefined();
    save('a', '1');
    db.prepare("INSERT INTO notes (text) VALUES ('not reported')").run();
    expect(memory.get('a')).toBeUndefined();
  });

  it('forgets everything when a statement changed more rows than it reported (a cascade)', () => {
    save('a', '1');
    db.prepare("INSERT INTO log (key) VALUES ('a')").run();
    save('b', '2');
    memory.get('b');
    const { changes } = db.prepare("DELETE FROM kv WHERE key = 'a'").run();
    memory.set('a', 'gone', changes);
    expect(memory.get('b')).toBeUndefined();
  });
});
