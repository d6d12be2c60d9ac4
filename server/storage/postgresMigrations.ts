import type pg from 'pg'
import { pendingSteps } from './migrations.js'

/**
 * The PostgreSQL schema, as the same numbered steps as `sqliteMigrations.ts` (the mechanism is `migrations.ts`).
 * The `schema_version` table records how many have run. Timestamps are milliseconds since the epoch in BIGINT,
 * as in SQLite, so both engines store the same values.
 */
const MIGRATIONS: readonly string[] = [
  // 1: documents and their Yjs update logs.
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
  );
  CREATE TABLE doc_updates (
    seq BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BYTEA NOT NULL
  );
  CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
  `,
  // 2: accounts, sign-ins, access tokens, invitations, document members and share links (hashes, never secrets).
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE access_tokens (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
  );
  CREATE INDEX access_tokens_by_user ON access_tokens (user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    email_key TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by TEXT REFERENCES users(id) ON DELETE SET NULL
  );
  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'viewer')),
    created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX share_links_by_doc ON share_links (doc_id);
  CREATE TABLE doc_members (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    -- Set when the membership came from a share link: revoking the link removes it.
    via_link TEXT REFERENCES share_links(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
  CREATE INDEX doc_members_by_user ON doc_members (user_id, doc_id);
  CREATE INDEX documents_by_updated ON documents (updated_at, id);
  `,
  // 3: version history and adoption votes (see sqliteMigrations.ts).
  `
  CREATE TABLE doc_versions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'proposed')),
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by_id TEXT,
    created_by_name TEXT,
    editors TEXT NOT NULL,
    restored_from INTEGER,
    proposed_at BIGINT,
    proposed_by_id TEXT,
    proposed_by_name TEXT,
    content_hash TEXT,
    state BYTEA NOT NULL,
    snapshot BYTEA NOT NULL,
    PRIMARY KEY (doc_id, number)
  );
  CREATE TABLE doc_version_votes (
    doc_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('approve', 'object')),
    comment TEXT,
    voted_at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, number, user_id),
    FOREIGN KEY (doc_id, number) REFERENCES doc_versions(doc_id, number) ON DELETE CASCADE
  );
  `,
]

/** Any fixed number: two servers starting at once on an empty database must not both run step 1. */
const MIGRATION_LOCK = 716_254_001

/** Brings the database's schema up to the latest version; returns the version it found. */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // Held to COMMIT: a second process waits here, then finds the schema current.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const rows = (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows
    const found = rows[0]?.version ?? 0
    // Every step and the new version commit together: a crash part-way leaves the previous version intact.
    for (const { sql } of pendingSteps(MIGRATIONS, found)) await client.query(sql)
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES ($1)', [MIGRATIONS.length])
    else await client.query('UPDATE schema_version SET version = $1', [MIGRATIONS.length])
    await client.query('COMMIT')
    return found
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
