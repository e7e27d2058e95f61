/** Shapes shared by the emulator's own services: the request as the core hands it on, and response helpers. */
import type { EmuRequest, EmuResponse } from './contracts.js'

/** Route names: what faults, the request log and the control API's counts group requests by. */
export type RouteName =
  'control' | 'oidc' | 'entra' | 'token' | 'consent' | 'graph' | 'arm' | 'keyvault' | 'unknown'

/** An EmuRequest plus what the core knows about it: the ids it answers with. */
export interface CoreRequest extends EmuRequest {
  /** sent back as `x-ms-request-id` / `request-id`; Entra's `trace_id`, Graph's `innerError.request-id` */
  requestId: string
  /** the caller's `client-request-id` header when it sent one (MSAL and the Graph client do) */
  clientRequestId: string | undefined
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, body, headers }
}

export function noContent(headers: Record<string, string> = {}): EmuResponse {
  return { status: 204, headers }
}

export function redirect(location: string): EmuResponse {
  return { status: 302, headers: { location } }
}

export function html(status: number, text: string): EmuResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(text, 'utf8') }
}

export function readJsonBody(req: EmuRequest): unknown {
  if (req.body.length === 0) return undefined
  return JSON.parse(req.body.toString('utf8'))
}

export function readFormBody(req: EmuRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'))
}

export function bearerToken(req: EmuRequest): string | undefined {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null
  return match?.[1]
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}
