/**
 * Which seeds the monkey plays, from the environment:
 * - MONKEY_SEED=n          replay one seed (with MONKEY_PAGES and MONKEY_ACTIONS as printed by the failing run);
 * - MONKEY_SEEDS=a,b,c     these seeds;
 * - MONKEY_PAGES=n         pages per seed (3 to 5 from the seed when not set; CI's default is 3);
 * - MONKEY_ACTIONS=n       actions per page;
 * - MONKEY_REPORT=file     write every seed's outcome there as JSON (`npm run bench -- monkey` reads it);
 * - MONKEY_TIMEOUT_MS=n    the test's timeout.
 * Without any of them: CI's short run, a few fixed seeds, so what `npm test` asserts does not change between runs.
 */
export interface MonkeySettings {
  seeds: number[]
  pages: number | undefined
  actionsPerPage: number
  reportFile: string | undefined
  timeoutMs: number
}

const CI_SEEDS = [1, 2, 3]
const CI_PAGES = 3
const CI_ACTIONS = 12

function integer(name: string, value: string): number {
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number ≥ 0, not "${value}"`)
  return number
}

export function monkeySettings(env: NodeJS.ProcessEnv = process.env): MonkeySettings {
  const seeds = env.MONKEY_SEED !== undefined
    ? [integer('MONKEY_SEED', env.MONKEY_SEED)]
    : env.MONKEY_SEEDS !== undefined
      ? env.MONKEY_SEEDS.split(',').map((seed) => integer('MONKEY_SEEDS', seed.trim()))
      : CI_SEEDS
  const custom = env.MONKEY_SEED !== undefined || env.MONKEY_SEEDS !== undefined
  const pages = env.MONKEY_PAGES !== undefined ? integer('MONKEY_PAGES', env.MONKEY_PAGES) : custom ? undefined : CI_PAGES
  if (pages !== undefined && (pages < 3 || pages > 5)) throw new Error(`MONKEY_PAGES must be 3 to 5, not ${pages}`)
  const actionsPerPage = env.MONKEY_ACTIONS !== undefined ? integer('MONKEY_ACTIONS', env.MONKEY_ACTIONS) : CI_ACTIONS
  const timeoutMs = env.MONKEY_TIMEOUT_MS !== undefined ? integer('MONKEY_TIMEOUT_MS', env.MONKEY_TIMEOUT_MS) : 60_000 + seeds.length * 90_000
  return { seeds, pages, actionsPerPage, reportFile: env.MONKEY_REPORT, timeoutMs }
}
