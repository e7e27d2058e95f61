/** A CONNECT proxy for tests of the action behind HTTPS_PROXY. */
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'

/**
 * A CONNECT proxy on loopback that records each tunnel's target, and can refuse them all. `toPort` opens every
 * tunnel to that loopback port instead of the named host (for a made-up host reachable only through the proxy).
 */
export async function connectProxy(
  refuse = false,
  toPort?: () => number
): Promise<{ url: string; targets: string[]; server: Server }> {
  const targets: string[] = []
  const server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, socket, head) => {
    targets.push(req.url ?? '')
    if (refuse) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const [host, port] = toPort ? ['127.0.0.1', toPort()] : (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return { url: `http://127.0.0.1:${address.port}`, targets, server }
}
