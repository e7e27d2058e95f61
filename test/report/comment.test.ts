import { describe, expect, it, jest } from '@jest/globals'
import {
  COMMENT_MARKER,
  type CommentApi,
  MAX_COMMENT_CHARS,
  renderComment,
  upsertComment
} from '../../src/report/comment.js'
import { md } from '../../src/report/markdown.js'
import { applyRun, customersInEachState, hostileReport, manyTenants } from './fixtures/reports.js'
import { expectInert, expectTablesIntact } from './structure.js'

describe('renderComment', () => {
  it('starts with the marker and the headline', () => {
    const comment = renderComment(customersInEachState())
    expect(comment.split('\n')[0]).toBe(COMMENT_MARKER)
    expect(comment).toContain('**21 tenants**: 3 consented · 3 need consent · 15 with problems')
  })

  it('lists the tenants needing action with their consent links, and the write steps apply would take', () => {
    const report = customersInEachState()
    const comment = renderComment(report, { runUrl: 'https://github.com/contoso/onboarding/actions/runs/42' })
    for (const tenant of report.tenants.filter(t => t.consent.status === 'needs-consent')) {
      expect(comment).toContain(`](${tenant.consent.link!})`)
    }
    // The first consented customer has a missing role assignment; the other two have one too (fixture).
    expect(comment).toContain('| consented customer 1 |')
    expect(comment).toContain('**`apply` would write:**')
    expect(comment).toContain('- create a role assignment: consented customer 1 Reader at')
    expect(comment).toContain('[job summary](https://github.com/contoso/onboarding/actions/runs/42)')
    expectTablesIntact(comment)
  })

  it('says what apply wrote, with outcomes, in apply mode', () => {
    const comment = renderComment(applyRun())
    expect(comment).toContain('**Written by `apply`:**')
    expect(comment).toContain(
      '- update the app registration: application contoso-provider-access (redirect URI changed) — done'
    )
    expect(comment).toContain(`- create a role assignment: Northwind Reader (not assigned) — failed`)
    expect(comment).not.toContain('| Fabrikam |')
  })

  it('renders outside text inert', () => {
    expectInert(renderComment(hostileReport()))
  })

  it('stays under 65,536 characters at 1,000 tenants, with a note where it was cut', () => {
    const report = manyTenants(1000, 200)
    for (const tenant of report.tenants) tenant.consent = { ...tenant.consent, status: 'needs-consent' }
    const comment = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' })
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment.length).toBeGreaterThan(MAX_COMMENT_CHARS - 2000)
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true)
    expect(comment).toContain(
      `Cut to fit GitHub's comment size limit; the full report is in [the job summary](https://github.com/o/r/actions/runs/1).`
    )
    expectTablesIntact(comment)
  })

  it('is not cut when it fits', () => {
    expect(renderComment(customersInEachState())).not.toContain('Cut to fit')
  })
})

type Comment = { id: number; body?: string | null; user?: { type?: string } | null }

/** A fake of the issues API over an in-memory list of comments, paging like GitHub. */
function fakeApi(comments: Comment[]) {
  const api = {
    listComments: jest.fn<CommentApi['listComments']>(async ({ per_page, page }) => ({
      data: comments.slice((page - 1) * per_page, page * per_page)
    })),
    createComment: jest.fn<CommentApi['createComment']>(async () => ({ data: { id: 9999 } })),
    updateComment: jest.fn<CommentApi['updateComment']>(async ({ comment_id }) => ({
      data: { id: comment_id }
    }))
  }
  return api
}

const TARGET = { owner: 'contoso', repo: 'onboarding', issueNumber: 7 }
const BODY = `${COMMENT_MARKER}\nnew body`

function othersComments(count: number, firstId = 1): Comment[] {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    body: `comment ${i}`,
    user: { type: 'User' }
  }))
}

describe('upsertComment', () => {
  it('creates the comment when none has the marker', async () => {
    const api = fakeApi(othersComments(3))
    await expect(upsertComment(api, TARGET, BODY)).resolves.toEqual({ status: 'created', id: 9999 })
    expect(api.createComment).toHaveBeenCalledWith({
      owner: 'contoso',
      repo: 'onboarding',
      issue_number: 7,
      body: BODY
    })
    expect(api.updateComment).not.toHaveBeenCalled()
  })

  it('updates the comment with the marker, found on a later page', async () => {
    const comments = [
      ...othersComments(150),
      { id: 500, body: `> ${COMMENT_MARKER}\n> quoted by a reviewer`, user: { type: 'User' } },
      { id: 501, body: `${COMMENT_MARKER}\nold body`, user: { type: 'Bot' } },
      ...othersComments(10, 600)
    ]
    const api = fakeApi(comments)
    await expect(upsertComment(api, TARGET, BODY)).resolves.toEqual({ status: 'updated', id: 501 })
    expect(api.updateComment).toHaveBeenCalledWith({
      owner: 'contoso',
      repo: 'onboarding',
      comment_id: 501,
      body: BODY
    })
    expect(api.createComment).not.toHaveBeenCalled()
    expect(api.listComments.mock.calls.map(([p]) => p.page)).toEqual([1, 2])
    expect(api.listComments.mock.calls.every(([p]) => p.per_page === 100 && p.issue_number === 7)).toBe(true)
  })

  it('pages to the end when a full last page holds no marker', async () => {
    const api = fakeApi(othersComments(200))
    await upsertComment(api, TARGET, BODY)
    expect(api.listComments.mock.calls.map(([p]) => p.page)).toEqual([1, 2, 3])
    expect(api.createComment).toHaveBeenCalledTimes(1)
  })

  it('skips with a reason when GitHub answers 403 or 404', async () => {
    for (const status of [403, 404]) {
      const api = fakeApi([])
      api.createComment.mockRejectedValue(
        Object.assign(new Error('Resource not accessible by integration'), { status })
      )
      const result = await upsertComment(api, TARGET, BODY)
      expect(result).toEqual({ status: 'skipped', reason: expect.stringContaining(`HTTP ${status}`) })
      expect(result.status === 'skipped' && result.reason).toContain('forks get a read-only token')
    }
  })

  it('rethrows other failures', async () => {
    const api = fakeApi([])
    api.listComments.mockRejectedValue(Object.assign(new Error('Server Error'), { status: 500 }))
    await expect(upsertComment(api, TARGET, BODY)).rejects.toThrow('Server Error')
  })
})

describe('hostile names in the comment table', () => {
  it('escape the name cell', () => {
    const comment = renderComment(hostileReport())
    expect(comment).toContain(`| ${md('Line\nbreak\n\n# heading')} |`)
  })
})
