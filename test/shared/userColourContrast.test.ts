import { describe, expect, it } from 'vitest'
import { USER_COLOURS, colourForUser } from '../../shared/userColour.js'

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
  const [r, g, b] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05)

describe('presence colours', () => {
  it('every colour an account can get carries white initials at WCAG AA (4.5:1 for small text)', () => {
    const failing = USER_COLOURS.filter((colour) => contrastWithWhite(colour) < 4.5)
    expect(failing).toEqual([])
  })

  it('an account always gets a colour from that palette', () => {
    for (const id of ['a', 'user-1', '0f9c2d4e-7d1a-4b8e-9b55-1234567890ab', '']) {
      expect(USER_COLOURS).toContain(colourForUser(id))
    }
  })
})
