import { describe, expect, it } from '@jest/globals'
import { clip, md, mdCell, mdCode, mdCodeBlock, mdLink } from '../../src/report/markdown.js'
import { HOSTILE } from './fixtures/reports.js'
import { expectInert } from './structure.js'

describe('md', () => {
  it('turns Markdown and HTML punctuation into numeric references', () => {
    expect(md('*a* _b_ [c](d) <e> & | # `f`')).toBe(
      '&#42;a&#42; &#95;b&#95; &#91;c&#93;(d) &#60;e&#62; &#38; &#124; &#35; &#96;f&#96;'
    )
  })

  it('leaves letters, digits, spaces and other scripts alone', () => {
    expect(md('Fabrikam 42 Müller 東京')).toBe('Fabrikam 42 Müller 東京')
  })

  it('puts everything on one line and drops control and bidi characters', () => {
    expect(md('a\r\nb\n\nc\u0007d\u202Ee')).toBe('a b c de')
  })

  it('breaks mentions, bare URLs and www links with a zero-width space', () => {
    expect(md('@octocat')).toBe('@\u200Boctocat')
    expect(md('http://x')).toBe('http&#58;\u200B//x')
    expect(md('www.x')).toBe('www\u200B.x')
  })

  it('makes the hostile name inert', () => {
    expectInert(`| ${mdCell(HOSTILE)} |`)
  })
})

describe('mdCell', () => {
  it('never leaves a cell empty', () => {
    expect(mdCell('')).toBe('&#8203;')
  })
})

describe('mdCode', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(mdCode('a`b')).toBe('``a`b``')
    expect(mdCode('`a')).toBe('`` `a ``')
  })

  it('escapes pipes in tables only', () => {
    expect(mdCode('a|b', 'table')).toBe('`a\\|b`')
    expect(mdCode('a|b')).toBe('`a|b`')
  })
})

describe('mdCodeBlock', () => {
  it('cannot be closed by the text inside', () => {
    expect(mdCodeBlock('x\n```\ny', 'sh')).toBe('````sh\nx\n```\ny\n````')
  })
})

describe('mdLink', () => {
  it('encodes what would end the destination or split a table', () => {
    expect(mdLink('x', 'https://a.example/b(c)|d e')).toBe('[x](https://a.example/b%28c%29%7Cd%20e)')
  })

  it('never links anything but http(s)', () => {
    expect(mdLink('x', 'javascript:alert(1)')).not.toContain('](')
    expect(mdLink('x', 'not a url')).toBe('x&#58; not a url')
  })
})

describe('clip', () => {
  it('cuts long text with an ellipsis, by code point', () => {
    expect(clip('abcdef', 4)).toBe('abc…')
    expect(clip('😀😀😀', 2)).toBe('😀…')
    expect(clip('abc', 4)).toBe('abc')
  })
})
