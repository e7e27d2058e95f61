/** Raw HTTPS for conformance tests that must see exact status codes, headers and bodies. */
import { request } from 'node:https'
import type { RestError } from '@azure/core-rest-pipeline'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json(): Record<string, unknown>
}

export function rawRequest(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8')
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        ca,
        headers: { ...(payload ? { 'content-length': String(payload.length) } : {}), ...init.headers }
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>
          })
        })
      }
    )
    req.on('error', reject)
    req.end(payload)
  })
}

export function postForm(url: string, ca: string, form: Record<string, string>): Promise<RawResponse> {
  return rawRequest(url, ca, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString()
  })
}

/** The payload of a JWT, unverified. */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/** The error an SDK call was expected to fail with; the test fails if the call succeeds. */
export async function restError(p: Promise<unknown>): Promise<RestError> {
  try {
    await p
  } catch (e) {
    return e as RestError
  }
  throw new Error('expected the call to fail')
}
