/**
 * Text for the job log that cannot act as a workflow command. The runner reads a line as a command when, after
 * leading white space, it starts with `::` (`::error::`, `::add-mask::`, `::stop-commands::`), and — in the older
 * form — wherever `##[` appears in it (actions/runner, src/Runner.Worker/ActionCommandManager.cs, ActionCommand
 * TryParseV2 / TryParse). Outside text — tenant names, names read from Graph, Entra's and ARM's error texts — goes
 * into log lines, so every line the action writes passes through here:
 * - control characters and Unicode line separators become spaces, so nothing can start a new line;
 * - `::` and `##[` are split by a zero-width space, so no part of a line can open (or close) a command.
 * The text still reads the same to a person.
 */
const ZERO_WIDTH_SPACE = '\u200b'

export function inertLogLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return inertCommandText(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '))
}

/**
 * Text for a command's title or message (an annotation): @actions/core already escapes its line breaks, so only
 * the command markers are split.
 */
export function inertCommandText(text: string): string {
  return text.replace(/:(?=:)/g, `:${ZERO_WIDTH_SPACE}`).replace(/#(?=#\[)/g, `#${ZERO_WIDTH_SPACE}`)
}
