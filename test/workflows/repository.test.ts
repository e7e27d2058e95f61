/**
 * What makes the repository a kept Action: its licence, the bundled packages' licence notices, no browser
 * launcher in dist/, and every third-party action in a workflow pinned by commit SHA with its version.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { packageDirOf, licenseNotices } from '../../scripts/bundle/licenses.js'
import { ROOT } from '../action-runner.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  license: string
  dependencies: Record<string, string>
}
const DIST = new URL('../../dist/', import.meta.url)

describe('licences', () => {
  it('LICENSE is the MIT licence package.json names', () => {
    const license = readFileSync(new URL('../../LICENSE', import.meta.url), 'utf8')
    expect(pkg.license).toBe('MIT')
    expect(license.split('\n')[0]).toBe('MIT License')
    expect(license).toContain('Permission is hereby granted, free of charge')
  })

  it('dist/licenses.txt carries a notice for every dependency, with its text', () => {
    const notices = readFileSync(new URL('licenses.txt', DIST), 'utf8')
    const entries = notices.split(`${'='.repeat(80)}\n`).slice(1)
    const names = entries.map(entry => /^(@?[^@\s]+)@/.exec(entry)?.[1])
    for (const dependency of Object.keys(pkg.dependencies)) expect(names).toContain(dependency)
    // ncc's own --license left these without text: each entry here has more than its heading.
    for (const entry of entries)
      expect(entry.split('\n').slice(2).join('\n').trim().length).toBeGreaterThan(100)
  })

  it('are gathered from the innermost package of each bundled module, and a package without a notice fails', () => {
    expect(
      packageDirOf('./node_modules/@actions/github/node_modules/@actions/http-client/lib/index.js')
    ).toBe('node_modules/@actions/github/node_modules/@actions/http-client')
    expect(packageDirOf('./node_modules/yaml/dist/index.js + 12 modules')).toBe('node_modules/yaml')
    expect(packageDirOf('./src/main.ts')).toBeUndefined()
    const text = licenseNotices(ROOT, [{ name: './node_modules/yaml/dist/index.js' }])
    expect(text).toContain('yaml@')
    expect(text).toContain('Permission to use, copy, modify')
    const root = mkdtempSync(join(tmpdir(), 'etb-licenses-'))
    try {
      mkdirSync(join(root, 'node_modules', 'unlicensed'), { recursive: true })
      writeFileSync(
        join(root, 'node_modules', 'unlicensed', 'package.json'),
        '{"name":"unlicensed","version":"1.0.0"}'
      )
      expect(() => licenseNotices(root, [{ name: './node_modules/unlicensed/index.js' }])).toThrow(
        'unlicensed@1.0.0 is bundled but ships no LICENSE file: add its notice'
      )
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('dist/', () => {
  it('ships no xdg-open (the open package is aliased away: the action never opens a browser)', () => {
    const files = readdirSync(DIST)
    expect(files.filter(file => file.includes('xdg-open'))).toEqual([])
    for (const file of files) expect(readFileSync(new URL(file, DIST), 'utf8')).not.toContain('xdg-open')
  })

  it('is checked for it by the script CI runs, which fails when it is there', () => {
    const ok = spawnSync('bash', ['.ci/check-dist-contents'], { cwd: ROOT, encoding: 'utf8' })
    expect(ok.status).toBe(0)
    const script = readFileSync(new URL('../../.ci/check-dist-contents', import.meta.url), 'utf8')
    expect(script).toContain("grep -rlq 'xdg-open' dist")
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toContain(
      'bash .ci/check-dist-contents'
    )
  })
})

describe('workflows', () => {
  const dirs = ['../../.github/workflows/', '../../examples/workflows/'].map(d => new URL(d, import.meta.url))
  const uses = dirs.flatMap(dir =>
    readdirSync(dir)
      .filter(file => file.endsWith('.yml'))
      .flatMap(file =>
        readFileSync(new URL(file, dir), 'utf8')
          .split('\n')
          .filter(line => /^\s*(-\s+)?uses:/.test(line))
          .map(line => ({ file, line: line.trim().replace(/^-\s+/, '') }))
      )
  )

  it('pin every third-party action by a full commit SHA with its version', () => {
    const thirdParty = uses.filter(({ line }) => !/uses: (\.\/|entra-tenant-bridge\/)/.test(line))
    expect(thirdParty.length).toBeGreaterThan(5)
    for (const { file, line } of thirdParty) {
      expect(`${file}: ${line}`).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)
    }
  })

  it('are kept current by Dependabot, with the npm dependencies', () => {
    const config = readFileSync(new URL('../../.github/dependabot.yml', import.meta.url), 'utf8')
    const ecosystems = [...config.matchAll(/package-ecosystem: ([\w-]+)/g)].map(match => match[1])
    expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
  })

  it('run the action itself in CI (uses: ./), against the emulator', () => {
    const ci = readFileSync(new URL('../../.github/workflows/ci.yml', import.meta.url), 'utf8')
    expect(ci).toContain('uses: ./\n')
    expect(ci).toContain('bash .github/scripts/start-emulator.sh')
    expect(ci).toContain('cloud: custom')
  })
})
