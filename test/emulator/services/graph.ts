import type { Clock } from '../clock.js'
import type { EmuResponse } from '../contracts.js'
import type { CoreRequest } from '../http.js'
import { json } from '../http.js'
import type { DirectoryState } from '../state/directory.js'
import type { IssuedTokenClaims } from './entra.js'

export class GraphService {
  readonly name = 'graph'
  constructor(_directory: DirectoryState, _clock: Clock, _pageSize: number) {}
  handles(req: CoreRequest): boolean {
    return req.path.startsWith('/v1.0/')
  }
  handle(_req: CoreRequest, _caller: IssuedTokenClaims | undefined): EmuResponse {
    return json(501, { error: { code: 'notSupported', message: 'Graph is being built' } })
  }
}
