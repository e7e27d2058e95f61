/**
 * Making outside text (tenant names, Graph display names, error texts) inert in GitHub-flavoured Markdown and in
 * the HTML blocks the summary uses (`<details>`, `<summary>`).
 *
 * Punctuation that Markdown or HTML could read as markup becomes a numeric character reference. CommonMark treats
 * entity and numeric character references "as literal text, not as markup" (spec §2.5, example `&#42;foo&#42;`),
 * and GFM splits table rows on the raw `|` before any reference is decoded (spec §4.10), so `&#124;` never starts
 * a new cell. The same references are decoded inside raw HTML blocks, so one escape serves both contexts, where a
 * backslash escape would show up literally inside `<summary>`.
 *
 * GitHub links `@user` mentions and bare URLs in the rendered text, after references are decoded; a zero-width
 * space after `@`, inside `://` and after `www` stops those matches without changing what a reader sees.
 */

/** U+200B ZERO WIDTH SPACE: invisible, but breaks GitHub's mention and autolink patterns. */
const ZERO_WIDTH_SPACE = '\u200B'

/**
 * ASCII punctuation with a meaning anywhere inside a line of GFM (emphasis, links, images, code, tables,
 * strikethrough, footnotes, math `$…$`, emoji `:name:`, headings) or HTML (tags, entities). Characters that are
 * markup only at the start of a line (`-`, `+`, `.` for lists and breaks) or only inside
 * an HTML attribute (quotes) stay as they are: outside text is only ever placed after text of ours on a line or
 * in a table cell, and never in an attribute, so escaping them would only make the Markdown harder to read.
 * `(` and `)` need no escape either, since a link cannot start without the `[` that is escaped. `=` is escaped
 * although only an attribute could use it, so that no `onerror=` of an injected tag survives even as text.
 */
const MARKUP_CHARACTERS = /[\\`*_{}[\]#!|<>&~:=$^]/g

/** Line breaks would end a table row or a paragraph; C0/C1 controls have no business in a report. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g

/**
 * Bidirectional overrides and isolates can make a name read differently from what it is (CVE-2021-42574,
 * "Trojan Source"); they are dropped.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/** The longest outside text one field may put into a report; longer text is cut with an ellipsis. */
export const MAX_FIELD_CHARS = 1000

/** Outside text as inert inline Markdown (also safe inside `<summary>` and other HTML blocks). */
export function md(text: string): string {
  return neutraliseLinks(flatten(text).replace(MARKUP_CHARACTERS, reference))
}

/** Outside text as the content of one GFM table cell: inert, on one line, never empty (an empty cell is fine
 * for GFM but reads as a rendering fault). */
export function mdCell(text: string): string {
  const cell = md(text)
  return cell === '' ? '&#8203;' : cell
}

/**
 * Outside text as an inline code span (commands, ids). Code spans show their content verbatim, so only the
 * fence and the table context matter: the fence is one backtick longer than the longest run inside (spec §6.1),
 * and inside a table `|` must still be written `\|` (GFM spec §4.10, example 200).
 */
export function mdCode(text: string, context: 'inline' | 'table' = 'inline'): string {
  const flat = flatten(text)
  const inner = context === 'table' ? flat.replace(/\|/g, '\\|') : flat
  const fence = '`'.repeat(longestRun(inner, '`') + 1)
  // A span that starts or ends with a backtick needs a space of padding, which the renderer strips again.
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${inner}${pad}${fence}`
}

/**
 * Outside text as a fenced code block, for multi-line commands. The fence is longer than any backtick run inside
 * (spec §4.5), so no line of the text can close it; the block must stand after a blank line.
 */
export function mdCodeBlock(text: string, language = ''): string {
  const body = text.replace(/\r\n?/g, '\n').replace(BIDI_CONTROLS, '')
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1))
  return `${fence}${language}\n${body}\n${fence}`
}

/**
 * A link we made. The label is outside text (escaped); the URL must be http(s) and is percent-encoded where
 * Markdown (parentheses, angle brackets, spaces), a table (`|`) or HTML (quotes) would read it. Anything else is
 * shown as plain text, never as a link.
 */
export function mdLink(label: string, url: string): string {
  if (!isWebUrl(url)) return md(`${label}: ${url}`)
  return `[${md(label)}](${encodeUrlForMarkdown(url)})`
}

/** Cuts text to `max` characters (by code point, so no surrogate pair is split), marking the cut. */
export function clip(text: string, max = MAX_FIELD_CHARS): string {
  const points = Array.from(text)
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`
}

function flatten(text: string): string {
  return clip(text.replace(BIDI_CONTROLS, '').replace(LINE_BREAKS_AND_CONTROLS, ' '))
}

function reference(character: string): string {
  return `&#${character.charCodeAt(0)};`
}

/** Runs after escaping, so it sees `:` as `&#58;`. */
function neutraliseLinks(escaped: string): string {
  return escaped
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/&#58;\/\//g, `&#58;${ZERO_WIDTH_SPACE}//`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
}

function longestRun(text: string, character: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === character ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}

/** Characters that are legal in a URL but would end or break a Markdown link destination, a table or HTML. */
const URL_UNSAFE = /[\s()<>|"'`\\[\]{}^]/g

function encodeUrlForMarkdown(url: string): string {
  return url.replace(URL_UNSAFE, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}
