/**
 * TODO(bench scenario 7, browser): keystroke → paint and remote edit → paint p50/p95 in Chromium, in a 50-page
 * statement with 500 citations while 5 and then 20 other clients type; first-load time, page memory, and the
 * gzipped size of the initial JavaScript. Not built yet: the orchestrator prints "skipped".
 */
export const browserSkipReason = 'browser scenario not implemented yet (TODO in bench/scenarios/browser.ts)'
