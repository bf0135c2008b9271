import type Database from 'better-sqlite3';

/**
 * A mark that moves whenever any row of the database may have changed: rows changed through this connection
 * (SQLite's total_changes(), which counts cascades and whole-table deletes) and commits by any other connection
 * (PRAGMA data_version). While the mark stands still, whatever was read or written before is still exactly what the
 * database holds, so a store may answer a read, or skip a write that would change nothing, from memory. Checking it
 * costs two tiny statements, far less than a write transaction.
 */
export class SqliteChangeMark {
  private static readonly byConnection = new WeakMap<Database.Database, SqliteChangeMark>();
  private readonly ownChanges: Database.Statement<[], number>;
  private readonly otherCommits: Database.Statement<[], number>;
  /** Rows changed through this connection by statements that said which table they changed, by table. */
  private readonly reported = new Map<string, number>();

  constructor(db: Database.Database) {
    this.ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
    this.otherCommits = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** The one mark of a connection, shared by its stores, so what one store reports the others' memories see. */
  static of(db: Database.Database): SqliteChangeMark {
    let mark = SqliteChangeMark.byConnection.get(db);
    if (mark === undefined) {
      mark = new SqliteChangeMark(db);
      SqliteChangeMark.byConnection.set(db, mark);
    }
    return mark;
  }

  /** The mark now; equal marks mean nothing in the database changed in between. */
  current(): ChangeMark {
    return { own: this.ownChanges.get() ?? 0, others: this.otherCommits.get() ?? 0 };
  }

  /**
   * Says that a statement just run through this connection changed `rows` rows of `table` (its own count of
   * changes): memories that do not read that table need not forget what they know. Rows it changed anywhere else
   * (cascades, triggers) are not in that count, so they still make every memory forget.
   */
  report(table: string, rows: number): void {
    this.reported.set(table, (this.reported.get(table) ?? 0) + rows);
  }

  /** Rows reported so far in tables other than `tables`. */
  reportedOutside(tables: ReadonlySet<string>): number {
    let rows = 0;
    for (const [table, count] of this.reported) if (!tables.has(table)) rows += count;
    return rows;
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
  /** Rows reported in tables this memory does not read, as of the mark. */
  private outside = 0;
  private readonly entries = new Map<string, V>();
  private readonly reads: ReadonlySet<string>;

  /** `reads`: the tables the remembered entries come from; reported changes to any other table are ignored. */
  constructor(
    private readonly changes: SqliteChangeMark,
    reads: readonly string[],
  ) {
    this.reads = new Set(reads);
  }

  /** The entry for `key` if nothing it comes from has changed since it was remembered. */
  get(key: string): V | undefined {
    const now = this.changes.current();
    const outside = this.changes.reportedOutside(this.reads);
    if (
      this.mark === undefined ||
      now.others !== this.mark.others ||
      now.own - outside !== this.mark.own - this.outside
    ) {
      this.entries.clear();
      this.mark = now;
      this.outside = outside;
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
      this.outside = this.changes.reportedOutside(this.reads);
    } else {
      this.mark = { own: this.mark.own + rowsChanged, others: this.mark.others };
    }
    if (this.entries.size >= MAX_REMEMBERED) this.entries.clear();
    this.entries.set(key, value);
  }
}
