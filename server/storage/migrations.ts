/**
 * The one migration mechanism every engine uses: the schema is a list of numbered steps (step N is
 * `steps[N - 1]`), the database records how many have run, and each engine runs the missing ones in order,
 * each in its own transaction. Append new steps; never edit one that has shipped. Each engine keeps its own
 * SQL (`sqliteMigrations.ts`, `postgresMigrations.ts`) with the same numbering, so a version means the same
 * schema everywhere.
 */

/** The steps still to run on a database at `found`, or an error when a newer Caucus wrote it. */
export function pendingSteps(steps: readonly string[], found: number): { version: number; sql: string }[] {
  if (found > steps.length) {
    throw new Error(`The database was written by a newer Caucus (schema version ${found}; this one knows ${steps.length}). Upgrade Caucus.`)
  }
  return steps.slice(found).map((sql, index) => ({ version: found + index + 1, sql }))
}
