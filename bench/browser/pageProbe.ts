/**
 * What the browser scenario runs inside the page. Plain JavaScript in strings (not serialized functions, which
 * the TypeScript loader could decorate with helpers the page lacks).
 *
 * "Paint" is taken as the first task after the next animation frame: requestAnimationFrame runs just before
 * the frame's style/layout/paint, and a MessageChannel message posted from it is delivered once that frame's
 * rendering work is done. Times are epoch ms (performance.timeOrigin + performance.now()), the same clock the
 * typists' markers carry.
 */

/** Installed before any page script: keystroke timing and the first-load detector. */
export function initScript(citations: number, endSentinel: string): string {
  return `(() => {
  const bench = (window.__bench = { keys: [], keysHandled: [], remote: [], arrived: [], seen: new Set(), loadedAt: null, measureKeys: false, observer: null, arrivalsText: null })
  const epoch = () => performance.timeOrigin + performance.now()
  const nextTask = (callback) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => callback(epoch())
    channel.port2.postMessage(0)
  }
  // A change made inside a requestAnimationFrame callback is drawn in that same frame: its paint is the next
  // task. The page's rAF callbacks are wrapped to know when a frame is being built.
  const nativeRaf = window.requestAnimationFrame.bind(window)
  bench.frameOpen = false
  window.requestAnimationFrame = (callback) =>
    nativeRaf((time) => {
      if (!bench.frameOpen) {
        bench.frameOpen = true
        nextTask(() => (bench.frameOpen = false))
      }
      callback(time)
    })
  const afterPaint = (callback) => (bench.frameOpen ? nextTask(callback) : nativeRaf(() => nextTask(callback)))
  bench.afterPaint = afterPaint
  // Keystroke → paint: from the keydown event's own timestamp (when the browser created the event).
  document.addEventListener('keydown', (event) => {
    if (!bench.measureKeys) return
    const start = performance.timeOrigin + event.timeStamp
    // Also when the keydown's own work (the editor's transaction and everything it triggers) was done.
    nextTask((handled) => bench.keysHandled.push(handled - start))
    afterPaint((painted) => bench.keys.push(painted - start))
  }, true)
  // When each marker reaches the page (network and server), read from the raw websocket frames (⁅ = E2 81 85).
  const NativeWebSocket = window.WebSocket
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (event) => {
        if (!(event.data instanceof ArrayBuffer)) return
        const bytes = new Uint8Array(event.data)
        for (let i = bytes.indexOf(0xe2); i >= 0 && i < bytes.length - 2; i = bytes.indexOf(0xe2, i + 1)) {
          if (bytes[i + 1] !== 0x81 || bytes[i + 2] !== 0x85) continue
          let text = ''
          for (let j = i + 3; j < bytes.length && ((bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] === 0x2e); j++) text += String.fromCharCode(bytes[j])
          if (!text) continue
          bench.arrived.push(epoch() - Number(text))
          // The floor for remote edit → paint: the least a page can do to show an edit, one text node changed
          // as its bytes arrive (no decoding, no editor), then the frame that draws it.
          if (bench.arrivalsText) {
            bench.arrivalsText.data = '⁅' + text + '⁆'
            afterPaint((painted) => bench.remote.push(painted - Number(text)))
          }
        }
      })
    }
  }
  // First load: navigation start → the frame in which the last paragraph and every citation (with its label,
  // not the placeholder shown while sources load) are shown: first in any form (the page the server rendered),
  // then in the editor, where it can be edited.
  const complete = (statement) => {
    const last = statement.lastElementChild
    return Boolean(last && last.textContent.includes(${JSON.stringify(endSentinel)}) && statement.querySelectorAll('.citation').length >= ${citations} && !statement.querySelector('.citation-loading') && statement.checkVisibility())
  }
  bench.editableAt = null
  let shownSeen = false
  const checkLoaded = () => {
    const shown = [...document.querySelectorAll('.statement')].filter(complete)
    if (!shownSeen && shown.length > 0) {
      shownSeen = true
      afterPaint((painted) => (bench.loadedAt = painted - performance.timeOrigin))
    }
    if (shown.some((statement) => statement.isContentEditable)) afterPaint((painted) => (bench.editableAt = painted - performance.timeOrigin))
    else nativeRaf(checkLoaded)
  }
  nativeRaf(checkLoaded)
})()`
}

/** Starts watching the statement for the typists' markers (remote edit → paint). */
export const watchMarkers = `(() => {
  const bench = window.__bench
  const pattern = /⁅(\\d+(?:\\.\\d+)?)⁆/g
  const scan = (text) => {
    if (!text || !text.includes('⁅')) return
    for (const match of text.matchAll(pattern)) {
      if (bench.seen.has(match[1])) continue
      bench.seen.add(match[1])
      const sent = Number(match[1])
      bench.afterPaint((painted) => bench.remote.push(painted - sent))
    }
  }
  // Markers typed before this moment (during the first loads, say) are not new: a keystroke next to one makes
  // its text node change again, and it must not be counted then.
  for (const match of (document.querySelector('.statement').textContent ?? '').matchAll(pattern)) bench.seen.add(match[1])
  bench.observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') scan(record.target.data)
      else for (const node of record.addedNodes) scan(node.textContent)
    }
  })
  bench.observer.observe(document.querySelector('.statement'), { subtree: true, childList: true, characterData: true })
})()`

/** Takes (and clears) the figures collected so far. */
export const takeSamples = `(() => {
  const bench = window.__bench
  const out = { keys: bench.keys, keysHandled: bench.keysHandled, remote: bench.remote, arrived: bench.arrived }
  bench.arrived = []
  bench.keys = []
  bench.keysHandled = []
  bench.remote = []
  return out
})()`
