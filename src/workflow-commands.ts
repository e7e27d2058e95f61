/**
 * The few runner interactions the cold path needs — read an input, log a line, an error annotation, fail the step —
 * without loading @actions/core, which brings its HTTP client (undici, most of its size) with it. A mistake in the
 * inputs or the tenants file is reported before anything else loads; @actions/core takes over once they are good.
 *
 * Each writes exactly what @actions/core 3.x writes (workflow-commands.test.ts compares them byte for byte): the
 * `::command key=value,…::message` format with its escapes, documented at
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands (parsed by the runner's
 * ActionCommand.cs, https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs).
 */
import { EOL } from 'node:os'

/** Where an annotation points, as @actions/core's AnnotationProperties names it. */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/**
 * An input as the runner passes it: `INPUT_<NAME>` with spaces as `_`, upper-cased, trimmed; empty when unset.
 * Source: https://docs.github.com/actions/reference/workflows-and-actions/metadata-syntax#inputs (and
 * @actions/core's getInput).
 */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** A plain line in the job log. */
export function info(message: string): void {
  process.stdout.write(message + EOL)
}

/** A line shown only when step debug logging is on. */
export function debug(message: string): void {
  issue('debug', {}, message)
}

/** An error annotation, at a file and line when the properties say so. */
export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', commandProperties(properties), message)
}

/** Fails the step: exit code 1 and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

type CommandProperties = Record<string, string | number | undefined>

/** The runner's property names for an annotation's place, in @actions/core's order. */
function commandProperties(p: AnnotationProperties): CommandProperties {
  if (Object.keys(p).length === 0) return {}
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn
  }
}

function issue(command: string, properties: CommandProperties, message: string): void {
  // As @actions/core writes it: a space after the command whenever properties were given, empty values (and 0)
  // left out.
  const pairs = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
  const head = Object.keys(properties).length > 0 ? `::${command} ${pairs.join(',')}` : `::${command}`
  process.stdout.write(`${head}::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
