/**
 * Shows a failing seed's final document item by item, to see who wrote what where:
 *   npx tsx test/browser/monkey/showEvidence.ts bench/out/monkey-<first seed>.json <seed>
 * (the report of `npm run bench -- monkey`, or any file written with MONKEY_REPORT). Each line is one Yjs item:
 * client:clock, content, the burst it belongs to, and its left and right origins at insertion.
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { YLayout } from '../../../shared/yLayout.js'
import { checkBursts, type Burst } from './burstCheck.js'
import type { SeedOutcome } from './runMonkey.js'

const [file, seed] = process.argv.slice(2)
if (!file || !seed) throw new Error('usage: npx tsx test/browser/monkey/showEvidence.ts <report.json> <seed>')
const outcome = (JSON.parse(readFileSync(file, 'utf8')) as SeedOutcome[]).find((o) => String(o.seed) === seed)
if (!outcome?.evidence) throw new Error(`no evidence for seed ${seed} in ${file} (only failing seeds keep it)`)

const doc = new Y.Doc()
Y.applyUpdate(doc, Buffer.from(outcome.evidence.update, 'base64'))
const bursts: Burst[] = outcome.evidence.bursts
const burstOf = (id: Y.ID) => bursts.find((b) => b.client === id.client && id.clock >= b.start && id.clock < b.end)
const idText = (id: Y.ID | null) => (id ? `${id.client}:${id.clock}` : '-')

function content(item: Y.Item): string {
  if (item.content instanceof Y.ContentString) return JSON.stringify(item.content.str)
  if (item.content instanceof Y.ContentFormat) return `format ${item.content.key}=${JSON.stringify(item.content.value)}`
  if (item.content instanceof Y.ContentType) return `<${(item.content.type as Y.XmlElement).nodeName ?? 'text'}>`
  return item.content.constructor.name
}

function show(type: Y.XmlElement | Y.XmlFragment | Y.XmlText, depth: number): void {
  const indent = '  '.repeat(depth)
  if (type instanceof Y.XmlText) {
    console.log(`${indent}text ${JSON.stringify(type.toString())}`)
    for (let item = type._start; item !== null; item = item.right) {
      const burst = burstOf(item.id)
      console.log(`${indent}  ${item.deleted ? 'deleted ' : ''}${idText(item.id)} ${content(item)}${burst ? ` [${burst.label}]` : ''} after ${idText(item.origin)} before ${idText(item.rightOrigin)}`)
    }
    return
  }
  if (type instanceof Y.XmlElement) console.log(`${indent}<${type.nodeName}> ${JSON.stringify(type.getAttributes())}`)
  for (const child of type.toArray()) show(child as Y.XmlElement | Y.XmlText, depth + 1)
}

console.log(checkBursts(doc, bursts).join('\n'))
show(doc.getXmlFragment(YLayout.richTextFragment), 0)
console.log('\nbursts:')
for (const b of bursts) console.log(`  ${b.label}: client ${b.client}, clocks ${b.start}–${b.end - 1}, typed ${JSON.stringify(b.text)}`)
