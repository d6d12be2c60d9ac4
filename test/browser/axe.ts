import axe from 'axe-core'
import type { Page } from 'playwright-core'

/** The rules of WCAG 2.1 levels A and AA, as axe-core tags them. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One axe-core finding, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string
  impact: string | null | undefined
  help: string
  targets: string[]
}

/**
 * Runs axe-core in the page (injected from the installed package, nothing fetched; evaluated through the
 * browser's debugging protocol, since the page's Content-Security-Policy forbids inline scripts) against WCAG 2.1 A and AA,
 * and returns the violations: `expect(await axeViolations(page)).toEqual([])`. `within` limits the check to
 * one element (a dialog, say).
 */
export async function axeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.evaluate(axe.source)
  return page.evaluate(
    async ({ tags, context }) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(context ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }))
    },
    { tags: WCAG_21_AA, context: within },
  )
}
