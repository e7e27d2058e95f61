/** The action's flow: inputs → config → observe → plan → apply → report. */
export async function run(): Promise<void> {
  throw new Error('not wired yet')
}
