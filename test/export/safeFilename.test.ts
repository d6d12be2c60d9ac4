import { expect, test } from 'vitest'
import { safeFilename } from '../../shared/export/index.js'

test('safeFilename gives a <title>.md that every file system accepts and that cannot disguise its extension', () => {
  expect(safeFilename('Statement on SB 101')).toBe('Statement on SB 101.md')
  expect(safeFilename('Parks: "for all" / <now>? | yes* \\ no')).toBe('Parks- -for all- - -now-- - yes- - no.md')
  expect(safeFilename('  ..hidden. ')).toBe('hidden.md')
  expect(safeFilename('')).toBe('statement.md')
  expect(safeFilename('../../etc/passwd')).toBe('-..-etc-passwd.md')
  expect(safeFilename('line\nbreak\ttab')).toBe('line break tab.md')
  // A right-to-left override would show "report\u202Edm.exe" as "reportexe.md".
  expect(safeFilename('report\u202Egpj.exe')).toBe('reportgpj.exe.md')
  expect(safeFilename('CON')).toBe('_CON.md')
  expect(safeFilename('nul.txt')).toBe('_nul.txt.md')
  expect(safeFilename('Déclaration commune')).toBe('Déclaration commune.md')
  const long = safeFilename('🙂'.repeat(100))
  expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200)
  expect(long).toMatch(/^(🙂)+\.md$/u)
})
