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
  // 3: version history and adoption votes. A version holds the whole document as a Yjs state update (the live
  // document is garbage-collected, so a snapshot alone could not bring deleted text back) and its Yjs snapshot
  // (state vector + delete set), which tells whether anything changed since. Authors are kept with their name
  // as it was, so a vote reads the same after a rename.
  `
  CREATE TABLE doc_versions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'proposed')),
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by_id TEXT,
    created_by_name TEXT,
    editors TEXT NOT NULL,
    restored_from INTEGER,
    proposed_at INTEGER,
    proposed_by_id TEXT,
    proposed_by_name TEXT,
    content_hash TEXT,
    state BLOB NOT NULL,
    snapshot BLOB NOT NULL,
    PRIMARY KEY (doc_id, number)
  );
  CREATE TABLE doc_version_votes (
    doc_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('approve', 'object')),
    comment TEXT,
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, number, user_id),
    FOREIGN KEY (doc_id, number) REFERENCES doc_versions(doc_id, number) ON DELETE CASCADE
  );
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
