/** How many hex digits of a content hash an adoption note shows (48 bits: no accidental collision within a group). */
export const SHORT_HASH_LENGTH = 12

/** The first SHORT_HASH_LENGTH hex digits of a content hash. */
export const shortHash = (hash: string): string => hash.slice(0, SHORT_HASH_LENGTH)
