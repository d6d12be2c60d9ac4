/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof`): self time by function and by package.
 * Usage: tsx bench/profileSummary.ts FILE [--skip-ms N] [--top N] [--timeline]
 *   --skip-ms   ignore the first N ms of the profile (process start-up and module loading)
 *   --timeline  also print busy (non-idle) ms per 100 ms, to find the window worth looking at
 *   also prints inclusive time (self + callees) of the project's own functions (server/, shared/)
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'skip-ms': { type: 'string', default: '0' }, top: { type: 'string', default: '25' }, timeline: { type: 'boolean', default: false } },
})
const file = positionals[0]
if (!file) throw new Error('usage: tsx bench/profileSummary.ts FILE [--skip-ms N] [--top N]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parents = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id)
const skipUs = Number(values['skip-ms']) * 1000

/** Where a frame lives: a package name, a project path, or a V8/Node category. */
function place(url: string): string {
  if (!url) return '(native / V8)'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]!
  if (url.startsWith('node:')) return 'node core'
  const project = /\/work\/main\/(.+)$/.exec(url.replace(/^file:\/\//, ''))
  return project ? project[1]! : url
}

/** The project's own code: its sources, or the bundle the bench compiles them into (bench/out/dist/…). */
const isProjectCode = (file: string) => /^(server|shared)\//.test(file) || /^bench\/out\/dist\//.test(file)

const byFunction = new Map<string, number>()
const byPlace = new Map<string, number>()
const inclusive = new Map<string, number>()
const busyPerBucket: number[] = []
let elapsed = 0
let counted = 0
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0
  elapsed += delta
  const node = nodes.get(profile.samples[i]!)!
  const { functionName, url, lineNumber } = node.callFrame
  const bucket = Math.floor(elapsed / 100_000)
  if (functionName !== '(idle)') busyPerBucket[bucket] = (busyPerBucket[bucket] ?? 0) + delta
  if (elapsed < skipUs) continue
  const where = place(url)
  const key = `${functionName || '(anonymous)'}  ${where}${url ? `:${lineNumber + 1}` : ''}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + delta)
  byPlace.set(where, (byPlace.get(where) ?? 0) + delta)
  counted += delta
  // Each project function on the sampled stack gets the sample once (recursion is not counted twice).
  const onStack = new Set<string>()
  for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
    const frame = nodes.get(id)!.callFrame
    const file = place(frame.url)
    if (isProjectCode(file)) onStack.add(`${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`)
  }
  for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + delta)
}

const top = Number(values.top)
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / counted).toFixed(1).padStart(5)}%  ${key}`)
  }
}
console.log(`${file}: ${(counted / 1000).toFixed(0)} ms of samples after skipping ${values['skip-ms']} ms`)
if (values.timeline) {
  console.log('\nbusy ms per 100 ms:')
  console.log(Array.from(busyPerBucket, (us, i) => `${i * 100}:${((us ?? 0) / 1000).toFixed(0)}`).join(' '))
}
show('self time by function', byFunction)
show('self time by package / file', byPlace)
show('inclusive time of project functions (self + everything they call)', inclusive)
