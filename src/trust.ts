/**
 * Which workflow events may run `mode: apply`. Apply writes to the provider's app (its federated credentials, its
 * secret) and to customer tenants: it must only ever act on a tenants file that was reviewed and merged. Events
 * that run with the base repository's permissions on text a pull request (or its author) controls —
 * `pull_request_target`, `issue_comment`, `pull_request_review`, `workflow_run` — would let anyone able to open a
 * pull request add a federated credential of their own and then act as the app in every consented tenant
 * (https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/). So apply is an allow-list,
 * not a deny-list: a new event type is refused until someone decides it is safe.
 *
 * `merge_group` is left out on purpose: a merge-queue run tests a commit that has not reached the default branch
 * and may still be dropped from the queue; apply would act on a tenants file that never lands.
 */
export const TRUSTED_APPLY_EVENTS: ReadonlySet<string> = new Set(['push', 'schedule', 'workflow_dispatch'])

/** Why apply may not run on this event, in one line that says what to do; undefined when it may. */
export function applyRefusal(eventName: string): string | undefined {
  if (TRUSTED_APPLY_EVENTS.has(eventName)) return undefined
  const allowed = [...TRUSTED_APPLY_EVENTS].join(', ')
  return (
    `mode: apply is refused on ${eventName || 'an unknown'} events: apply runs only on ${allowed}, on a tenants ` +
    'file that was reviewed and merged. Run mode: plan here (nothing was sent to Azure).'
  )
}
