import type Database from 'better-sqlite3';

/**
 * A mark that moves whenever any row of the database may have changed: rows changed through this connection
 * (SQLite's total_changes(), which counts cascades and whole-table deletes) and commits by any other connection
 * (PRAGMA data_version). While the mark stands still, whatever was read or written before is still exactly what the
 * database holds, so a store may answer a read, or skip a write that would change nothing, from memory. Checking it
 * costs two tiny statements, far less than a write transaction.
 */
export class SqliteChangeMark {
  private readonly ownChanges: Database.Statement<[], number>;
  private readonly otherCommits: Database.Statement<[], number>;

  constructor(db: Database.Database) {
    this.ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
    this.otherCommits = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** The mark now; equal marks mean nothing in the database changed in between. */
  current(): ChangeMark {
    return { own: this.ownChanges.get() ?? 0, others: this.otherCommits.get() ?? 0 };
  }
}

/** Rows changed through this connection, and a counter of other connections' commits. */
export interface ChangeMark {
  own: number;
  others: number;
}

/** Entries kept per memory before it starts afresh, so memory stays bounded. */
const MAX_REMEMBERED = 10_000;

/**
 * What a store knows about the database as of one change mark: entries are trusted only while the mark has not
 * moved (apart from moves the store made itself and accounted for), and forgotten as soon as it has.
 */
export class MarkedMemory<V> {
  private mark: ChangeMark | undefined;
  private readonly entries = new Map<string, V>();

  constructor(private readonly changes: SqliteChangeMark) {}

  /** The entry for `key` if nothing has changed since it was remembered. */
  get(key: string): V | undefined {
    const now = this.changes.current();
    if (now.own !== this.mark?.own || now.others !== this.mark.others) {
      this.entries.clear();
      this.mark = now;
      return undefined;
    }
    return this.entries.get(key);
  }

  /**
   * Remembers `value` for `key`. Call it straight after get(key) and the store's own statement for that key, with
   * no await in between, passing how many rows that statement changed. The mark that statement leaves is worked
   * out (the mark get() saw, moved by those rows) rather than read: if the real mark moved any other way (rows
   * changed by cascades, another connection's commit), the next get() finds it different and forgets every entry,
   * this one included, so nothing stale is ever answered.
   */
  set(key: string, value: V, rowsChanged: number): void {
    if (this.mark === undefined) {
      this.entries.clear();
      this.mark = this.changes.current();
    } else {
      this.mark = { own: this.mark.own + rowsChanged, others: this.mark.others };
    }
    if (this.entries.size >= MAX_REMEMBERED) this.entries.clear();
    this.entries.set(key, value);
  }
}
