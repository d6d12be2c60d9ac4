import * as Y from 'yjs'

/**
 * The entry that replaces `entries` (the oldest part of a document's log) in a compaction: `snapshot`, plus
 * whatever those entries hold that it lacks. A snapshot is encoded from one process's document, which may lack an
 * update another process appended (one it never received); storing the snapshot alone would then lose that
 * update for good. What the snapshot already covers is taken from the snapshot, so the garbage collection it
 * did (deleted text reduced to its length) is kept and the entry stays as small as the snapshot.
 */
export function foldLogEntries(entries: readonly Uint8Array[], snapshot: Uint8Array): Uint8Array {
  if (entries.length === 0) return snapshot
  const covered = Y.encodeStateVectorFromUpdate(snapshot)
  // Each entry's inserts beyond what the snapshot holds, and all its deletions (cheap to keep: a delete set is
  // a list of ranges, and those the snapshot already has merge away).
  const missing = entries.map((entry) => Y.diffUpdate(entry, covered))
  return Y.mergeUpdates([snapshot, ...missing])
}
