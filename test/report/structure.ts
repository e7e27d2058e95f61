/**
 * Structural checks standing in for a Markdown parser (none is installed): what a GFM renderer would turn into
 * markup is looked for in the raw text.
 */
import { expect } from '@jest/globals'

/** Pipes that split GFM table cells: not backslash-escaped (the escape also holds inside code spans). */
export function cellCount(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length - 1
}

/** Every table (a run of lines starting with `|`) has as many cells in each row as in its header. */
export function expectTablesIntact(markdown: string): void {
  let header: number | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined
      continue
    }
    header ??= cellCount(line)
    expect({ line, cells: cellCount(line) }).toEqual({ line, cells: header })
  }
}

const OUR_TAGS = /^<(?:details|\/details|summary|\/summary|!-- entra-tenant-bridge:plan --)>/

/** No HTML but the tags the renderers write themselves, no link but https ones, no mention, no bare URL. */
export function expectInert(markdown: string): void {
  expect(markdown).not.toMatch(/<img/i)
  expect(markdown).not.toContain('](javascript:')
  expect(markdown).not.toContain('onerror=')
  for (const index of [...markdown.matchAll(/</g)].map(m => m.index ?? 0)) {
    expect(markdown.slice(index, index + 40)).toMatch(OUR_TAGS)
  }
  for (const match of markdown.matchAll(/\]\(/g)) {
    expect(markdown.slice(match.index ?? 0, (match.index ?? 0) + 10)).toBe('](https://')
  }
  expect(markdown).not.toMatch(/@octocat/)
  expect(markdown).not.toContain('http://evil')
  expect(markdown).not.toMatch(/www\.evil/)
  expect(markdown).not.toMatch(/^#+ heading/m)
  expectTablesIntact(markdown)
}
