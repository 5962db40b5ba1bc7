import { defaultStoragePolicy, type StoragePolicy } from '../privacy/storage-policy.js';
import { Contacts } from './contacts.js';
import { Groups } from './groups.js';
import { IngestState } from './ingest-state.js';
import { JobRuns } from './job-runs.js';
import { Maintenance } from './maintenance.js';
import { Messages } from './messages.js';
import { type Db, openDatabase } from './open-database.js';
import { Outbox } from './outbox.js';
import { CadrePreferences } from './preferences.js';
import { MemberPrivacy } from './privacy.js';
import { Recommendations } from './recommendations.js';
import { Snapshots } from './snapshots.js';
import { StatementCache } from './statement-cache.js';
import { Stats } from './stats.js';
import { WeekDataReader } from './week-data.js';

export interface StoreOptions {
  /** Read-only connection (the file must exist); see openDatabase. */
  readonly?: boolean;
  /** Refuse to create a database that does not exist (every command that only reads or amends). */
  mustExist?: boolean;
  /**
   * What of each message is written (src/privacy/storage-policy.ts). Default: the shipped defaults'
   * policy (minimal storage); give `createStoragePolicy(config)` to honour the configuration.
   */
  policy?: StoragePolicy;
}

/**
 * One open SQLite database and the one way to reach it: an object per table or aggregate
 * (`store.messages`, `store.groups`, `store.outbox`, …), each made on first use and holding its
 * statements in the store's one cache (`sql`, prepared lazily). Every SQL statement of qingqun
 * lives in these modules.
 *
 * Every writer is idempotent: the same message (source, id) stored twice is a no-op ('duplicate');
 * the same id with different content is refused ('conflict') and the stored row is left as it was.
 * Every message passes the storage policy first: what it drops is never written (docs/PRIVACY.md).
 */
export class Store {
  readonly db: Db;
  readonly policy: StoragePolicy;
  /** The connection's prepared statements, for the table modules (statement-cache.ts). */
  readonly sql: StatementCache;
  private readonly readonly: boolean;
  private modules: Partial<Modules> = {};

  constructor(
    readonly path: string,
    options: StoreOptions = {},
  ) {
    this.db = openDatabase(path, options);
    this.sql = new StatementCache(this.db);
    this.readonly = options.readonly ?? false;
    this.policy = options.policy ?? defaultStoragePolicy();
  }

  /** Messages: idempotent inserts through the storage policy, and the readers of stored messages. */
  get messages(): Messages {
    return this.module('messages', () => new Messages(this));
  }

  /** Groups, their room events and their life (created, dissolved). */
  get groups(): Groups {
    return this.module('groups', () => new Groups(this));
  }

  /** Contacts: names, units, addresses, the address book, who is withheld from storage. */
  get contacts(): Contacts {
    return this.module('contacts', () => new Contacts(this));
  }

  /** Membership snapshots (rosters). */
  get snapshots(): Snapshots {
    return this.module('snapshots', () => new Snapshots(this));
  }

  /** The send queue. */
  get outbox(): Outbox {
    return this.module('outbox', () => new Outbox(this));
  }

  /** Which scheduled job periods have run. */
  get jobRuns(): JobRuns {
    return this.module('jobRuns', () => new JobRuns(this));
  }

  /** What cadres told the bot in private chat (muted groups, daily digest, last listing). */
  get preferences(): CadrePreferences {
    return this.module('preferences', () => new CadrePreferences(this));
  }

  /** Recommendations issued in digests and owners' answers about them. */
  get recommendations(): Recommendations {
    return this.module('recommendations', () => new Recommendations(this));
  }

  /** One member's rights: opt-out, opt-in, forget, and what is stored about them. */
  get privacy(): MemberPrivacy {
    return this.module('privacy', () => new MemberPrivacy(this));
  }

  /** What unattended ingestion remembers between runs (cursors, watched files). */
  get ingestState(): IngestState {
    return this.module('ingestState', () => new IngestState(this));
  }

  /** Doctor, backup, retention purge, erasure and WAL checkpoints. */
  get maintenance(): Maintenance {
    return this.module('maintenance', () => new Maintenance(this));
  }

  /** What is stored, in aggregate (`qingqun stats`), and the data stamp of caches. */
  get stats(): Stats {
    return this.module('stats', () => new Stats(this));
  }

  /** Everything the detectors read for one week. */
  get weekData(): WeekDataReader {
    return this.module('weekData', () => new WeekDataReader(this));
  }

  /** Throws unless the store may write (the check every writer makes first). */
  assertWritable(): void {
    if (this.readonly) throw new Error(`${this.path}: store opened read-only`);
  }

  /**
   * Runs `fn` in one transaction. Inside an open transaction it simply runs `fn`, joining the outer
   * one (no savepoint): an error then rolls back the whole outer transaction.
   */
  transaction<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  close(): void {
    this.modules.maintenance?.stopCheckpoints();
    if (this.db.open) this.db.close();
  }

  private module<K extends keyof Modules>(name: K, make: () => Modules[K]): Modules[K] {
    const made = this.modules[name];
    if (made !== undefined) return made as Modules[K];
    const module = make();
    this.modules[name] = module;
    return module;
  }
}

interface Modules {
  messages: Messages;
  groups: Groups;
  contacts: Contacts;
  snapshots: Snapshots;
  outbox: Outbox;
  jobRuns: JobRuns;
  preferences: CadrePreferences;
  recommendations: Recommendations;
  privacy: MemberPrivacy;
  ingestState: IngestState;
  maintenance: Maintenance;
  stats: Stats;
  weekData: WeekDataReader;
}
