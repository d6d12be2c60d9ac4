import { expect, test } from 'vitest'
import { curlyQuotes, flipInnerQuotes, punctuateInside, yearSpans } from '../../shared/typography.js'

test('straight quotes become curly: opening after a space or the start, closing elsewhere', () => {
  expect(curlyQuotes('between "Good" and "Bad" Immigrants')).toBe('between “Good” and “Bad” Immigrants')
  expect(curlyQuotes("the 'sanctuary' label")).toBe('the ‘sanctuary’ label')
  expect(curlyQuotes('("Quoted")')).toBe('(“Quoted”)')
  expect(curlyQuotes(`"'Nested' quotes"`)).toBe('“‘Nested’ quotes”')
})

test('apostrophes: in names, contractions, possessives and decades', () => {
  expect(curlyQuotes("Conan O'Brien")).toBe('Conan O’Brien')
  expect(curlyQuotes("don't")).toBe('don’t')
  expect(curlyQuotes("the workers' union")).toBe('the workers’ union')
  expect(curlyQuotes("since the '90s")).toBe('since the ’90s')
})

test('already-curly input is left alone', () => {
  const curly = 'O’Brien’s “Good” and ‘Bad’ — don’t'
  expect(curlyQuotes(curly)).toBe(curly)
})

test('inside a quoted title, double quotes become single and single become double; apostrophes stay', () => {
  expect(flipInnerQuotes(curlyQuotes('Move to Distinguish between "Good" and "Bad" Immigrants'))).toBe(
    'Move to Distinguish between ‘Good’ and ‘Bad’ Immigrants',
  )
  expect(flipInnerQuotes(curlyQuotes("Why 'Don't Ask' Failed O'Brien's Workers"))).toBe('Why “Don’t Ask” Failed O’Brien’s Workers')
  expect(flipInnerQuotes('the workers’ union')).toBe('the workers’ union')
})

test('a comma or period goes inside the closing quotation marks', () => {
  expect(punctuateInside('between ‘Good’ and ‘Bad’', ',')).toBe('between ‘Good’ and ‘Bad,’')
  expect(punctuateInside('He said “yes ‘no’”', '.')).toBe('He said “yes ‘no.’”')
  // A final apostrophe is not a quotation mark.
  expect(punctuateInside('the workers’', ',')).toBe('the workers’,')
  expect(punctuateInside('plain', '.')).toBe('plain.')
})

test('session years get an en dash, whatever was typed', () => {
  for (const typed of ['2017-2018', '2017-18', '2017 - 2018', '2017–2018', '2017—2018', '2017 – 18']) expect(yearSpans(typed)).toBe('2017–2018')
  expect(yearSpans('1999-00 1st Ex. Sess.')).toBe('1999–2000 1st Ex. Sess.')
  expect(yearSpans('2017 Reg. Sess.')).toBe('2017 Reg. Sess.')
})
