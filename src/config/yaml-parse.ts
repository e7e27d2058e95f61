/**
 * The tenants file read by the `yaml` package (https://eemeli.org/yaml/), the reference reader: every syntax error
 * it reports becomes a finding with a how-to-fix hint, and positions come from its nodes.
 */
import { LineCounter, parseDocument } from 'yaml'
import type { YAMLError } from 'yaml'
import type { Finding } from './schema.js'
import { failed, validated } from './validate.js'
import { yamlSource } from './yaml-source.js'
import type { LoadResult } from '../model/config.js'

const EMPTY_FILE_MESSAGE =
  'the file is empty — it needs an "app" mapping and a "tenants" list (see examples/tenants.yml)'

/** How to fix each YAML syntax error the parser reports, by its code. */
const SYNTAX_HINTS: Readonly<Partial<Record<YAMLError['code'], string>>> = {
  BAD_INDENT: 'check the indentation (spaces only) and that every bracket opened is closed',
  BLOCK_AS_IMPLICIT_KEY: 'put a value containing ": " in quotes',
  MULTILINE_IMPLICIT_KEY: 'write each entry as "key: value" on one line; is a ":" missing?',
  MISSING_CHAR: 'close the quote or bracket opened before this point',
  UNEXPECTED_TOKEN: 'remove these characters or put the value in quotes',
  BAD_SCALAR_START: 'put a value starting with this character in quotes',
  BAD_DQ_ESCAPE: 'use a valid escape such as \\" or \\\\, or single quotes',
  ALIAS_PROPS: 'an alias (*name) takes no tag or anchor',
  BAD_ALIAS: 'define the anchor (&name) before the alias (*name) that uses it'
}

/**
 * How much alias expansion `toJS()` allows; well above any honest tenants file, low enough to stop a
 * billion-laughs file. Source: yaml's `maxAliasCount` option (https://eemeli.org/yaml/#tojs-options).
 */
const MAX_ALIAS_COUNT = 100

/** Parses tenants-file text with the `yaml` package and validates it. Pure: no file system, no network. */
export function parseWithYaml(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter()
  // uniqueKeys off: repeated keys are reported with their path and first place, along with every other mistake.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false })
  if (doc.errors.length > 0) {
    // After a tab indent the parser misreads the lines around it; those follow-on errors vanish with the tab.
    const tabs = doc.errors.filter(error => error.code === 'TAB_AS_INDENT')
    const errors = tabs.length > 0 ? tabs : doc.errors
    return failed(
      file,
      errors.map(error => syntaxFinding(error, lineCounter))
    )
  }
  if (doc.contents === null)
    return failed(file, [{ line: 1, column: 1, pointer: '', message: EMPTY_FILE_MESSAGE }])
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch {
    const message = 'the file’s aliases (*name) expand into too many values — write the entries out instead'
    return failed(file, [{ line: 1, column: 1, pointer: '', message }])
  }
  return validated(data, yamlSource(doc, lineCounter), file)
}

function syntaxFinding(error: YAMLError, lineCounter: LineCounter): Finding {
  const { line, col } = lineCounter.linePos(error.pos[0])
  const position = { line, column: col, pointer: '' }
  if (error.code === 'TAB_AS_INDENT') {
    return {
      ...position,
      message: 'a tab is used for indentation — YAML indents with spaces only; replace it with spaces'
    }
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return {
      ...position,
      message:
        'a second YAML document starts here — the tenants file holds one document; remove this "---" or merge what follows'
    }
  }
  const hint = SYNTAX_HINTS[error.code] ?? 'fix the YAML syntax here'
  return { ...position, message: `YAML syntax error: ${firstSentence(error.message)} — ${hint}` }
}

/** yaml's message without its trailing excerpt, starting lower-case to read as part of ours. */
function firstSentence(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim()
  return first.charAt(0).toLowerCase() + first.slice(1)
}
