/**
 * Annotations on the tenants file: each finding points at the line that causes it, so a pull request shows it
 * next to the tenant that was added. Messages are plain text (GitHub does not render Markdown in annotations).
 */
import { clip } from './markdown.js'
import type { Report, RoleAssignmentReport, TenantReport } from '../model/report.js'
import {
  APP_WORDS,
  appNextStep,
  CONSENT_WORDS,
  identityFinding,
  PROVIDER_ERROR_WORDS,
  ROLE_WORDS,
  SECRET_WORDS,
  secretNextStep
} from './words.js'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  file: string
  line: number
  column?: number
}

export function annotationsFor(report: Report): Annotation[] {
  const at = (line: number) => ({ file: report.tenantsFile, line })
  return [
    ...identityAnnotations(report).map(a => ({ ...a, ...at(report.app.line) })),
    ...appAnnotations(report).map(a => ({ ...a, ...at(report.app.line) })),
    ...secretAnnotations(report).map(a => ({ ...a, ...at(report.secret.line) })),
    ...credentialAnnotations(report).map(a => ({ ...a, ...at(report.secret.line) })),
    ...report.tenants.flatMap(tenant => [
      ...consentAnnotations(tenant).map(a => ({ ...a, ...at(tenant.line) })),
      ...tenant.roleAssignments.flatMap(assignment =>
        roleAnnotations(tenant, assignment).map(a => ({ ...a, ...at(assignment.line) }))
      ),
      ...(tenant.unmanagedUnread
        ? [
            {
              level: 'error' as const,
              title: `${clip(tenant.name, 100)}: unmanaged role assignments not read`,
              message: tenant.unmanagedUnread,
              ...at(tenant.line)
            }
          ]
        : [])
    ])
  ]
}

type Finding = Pick<Annotation, 'level' | 'title' | 'message'>

function identityAnnotations(report: Report): Finding[] {
  const finding = identityFinding(report.identity)
  return finding
    ? [{ level: 'warning', title: 'Automation identity: least privilege', message: finding }]
    : []
}

function appAnnotations(report: Report): Finding[] {
  const { app } = report
  if (app.status !== 'not-owned' && app.status !== 'error') return []
  const words = APP_WORDS[app.status]
  const next = appNextStep(app)
  const fix = app.fixCommand ? `${next}: ${app.fixCommand}` : next
  return [
    {
      level: 'error',
      title: `App ${app.uniqueName}: ${words.label}`,
      message: sentences(words.meaning, app.detail, fix)
    }
  ]
}

function secretAnnotations(report: Report): Finding[] {
  const { secret } = report
  const words = SECRET_WORDS[secret.status]
  if (secret.status === 'failed') {
    return [
      {
        level: 'error',
        title: `Secret: ${words.label}`,
        message: sentences(words.meaning, secret.detail, words.next)
      }
    ]
  }
  if (secret.status === 'invalid') {
    return [
      {
        level: 'error',
        title: `Secret: ${words.label}`,
        message: sentences(words.meaning, secret.detail, secretNextStep(secret))
      }
    ]
  }
  if (secret.status === 'missing' || secret.status === 'due') {
    return [
      {
        level: 'notice',
        title: `Secret: ${words.label}`,
        message: sentences(words.meaning, secretNextStep(secret))
      }
    ]
  }
  return []
}

/** Notices about the credential, and each orphan password with the command that removes it. */
function credentialAnnotations(report: Report): Finding[] {
  const findings: Finding[] = []
  for (const notice of report.notices)
    findings.push({ level: 'notice', title: 'Credential', message: notice })
  for (const orphan of report.credentials.filter(c => c.state === 'orphan')) {
    findings.push({
      level: 'warning',
      title: `Orphan password ${orphan.id}`,
      message: sentences(
        orphan.detail,
        orphan.fixCommand ? `Remove it by hand with: ${orphan.fixCommand}` : undefined
      )
    })
  }
  return findings
}

function consentAnnotations(tenant: TenantReport): Finding[] {
  const { consent } = tenant
  const words = CONSENT_WORDS[consent.status]
  const title = `${clip(tenant.name, 100)}: ${words.label}`
  switch (consent.status) {
    case 'consented':
      return []
    case 'needs-consent':
      return [
        {
          level: 'warning',
          title,
          message: sentences(words.meaning, consent.link ? `${words.next}: ${consent.link}` : words.next)
        }
      ]
    case 'provider-error': {
      const known = consent.code === null ? undefined : PROVIDER_ERROR_WORDS[consent.code]
      return [
        {
          level: 'error',
          title: `${title}${codeSuffix(consent.code)}`,
          message: sentences(known?.meaning ?? words.meaning, known?.next ?? words.next, consent.detail)
        }
      ]
    }
    case 'error':
      return [
        {
          level: 'error',
          title: `${title}${codeSuffix(consent.code)}`,
          message: sentences(
            words.meaning,
            consent.detail,
            consent.traceId && `Trace ID ${consent.traceId}`,
            words.next
          )
        }
      ]
    default:
      return [
        {
          level: 'warning',
          title: `${title}${codeSuffix(consent.code)}`,
          message: sentences(words.meaning, words.next)
        }
      ]
  }
}

function roleAnnotations(tenant: TenantReport, assignment: RoleAssignmentReport): Finding[] {
  const words = ROLE_WORDS[assignment.status]
  const title = `${clip(tenant.name, 100)}: ${assignment.role} ${words.label}`
  switch (assignment.status) {
    case 'missing':
    case 'awaiting-customer': {
      const command = assignment.fixCommand
      return [
        {
          level: 'warning',
          title,
          message: sentences(
            words.meaning,
            `Scope ${assignment.scope}`,
            command ? `${words.next}: ${command}` : undefined
          )
        }
      ]
    }
    case 'unverifiable':
      // Never green by silence: what could not be verified counts as drift, so it is a warning.
      return [{ level: 'warning', title, message: sentences(words.meaning, assignment.detail, words.next) }]
    case 'error':
      return [{ level: 'error', title, message: sentences(words.meaning, assignment.detail, words.next) }]
    default:
      return []
  }
}

function codeSuffix(code: number | null): string {
  return code === null ? '' : ` (AADSTS${code})`
}

/** One part per line: a line may end in a URL or a command, which a full stop would spoil. */
function sentences(...parts: (string | undefined | null | false)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .map(part => clip(part))
    .join('\n')
}
