import type Database from 'better-sqlite3'
import { pendingSteps } from './migrations.js'

/**
 * The SQLite file's schema, as numbered steps (the mechanism is `migrations.ts`; `postgresMigrations.ts` has the
 * same steps in PostgreSQL's dialect). `PRAGMA user_version` records how many have run (SQLite's built-in
 * schema_version counter, which files from earlier releases already carry); each step runs once, in its own
 * transaction, so a file from any earlier version is brought up to date on open.
 */
const MIGRATIONS: readonly string[] = [
  // 1: documents and their Yjs update logs (IF NOT EXISTS: files from before versioning already have them).
  `
  CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_id, seq);
  `,
  // 2: accounts, sign-ins, access tokens, invitations, document members and share links. Secrets are stored
  // as SHA-256 hashes only; the secret itself is shown once.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE access_tokens (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
  );
  CREATE INDEX access_tokens_by_user ON access_tokens (user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email_key TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by TEXT REFERENCES users(id) ON DELETE SET NULL
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX share_links_by_doc ON share_links (doc_id);
  CREATE TABLE doc_members (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    -- Set when the membership came from a share link: revoking the link removes it.
    via_link TEXT REFERENCES share_links(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
  CREATE INDEX doc_members_by_user ON doc_members (user_id, doc_id);
  CREATE INDEX documents_by_updated ON documents (updated_at, id);
  `,
]

/** Brings the file's schema up to the latest version; returns the version it found. */
export function migrate(db: Database.Database): number {
  const found = db.pragma('user_version', { simple: true }) as number
  for (const { version, sql } of pendingSteps(MIGRATIONS, found)) {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version}`)
    })()
  }
  return found
}
