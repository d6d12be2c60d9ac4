import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { parse } from 'yaml'
import { checkNginxConfig, NGINX, programsAvailable, rewriteConfig } from '../helpers/nginx.js'
import { tempDir } from '../helpers/tempDir.js'

// There is no docker here: these check what can be checked without running it (the file parses, the services
// are wired to each other and to the nginx configuration it mounts, and nginx accepts that configuration).
const deployDir = fileURLToPath(new URL('../../deploy/', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const CAUCUS_SERVICES = ['caucus1', 'caucus2', 'caucus3']

interface Service {
  image?: string
  build?: { context: string; dockerfile: string }
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }> | string[]
  ports?: string[]
  volumes?: string[]
}

function readCompose(): { services: Record<string, Service> } {
  // `merge`: `<<` merge keys, which docker compose resolves (aliases such as `*caucus` resolve anyway).
  return parse(readFileSync(join(deployDir, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> }
}

test('the compose file runs three Caucus processes on one PostgreSQL and one Redis, with the settings nginx needs', () => {
  const { services } = readCompose()
  const postgres = services.postgres!.environment!
  const published = /^(\d+):80$/.exec(services.nginx!.ports![0]!)?.[1]
  // The server's configuration names every variable it reads.
  const configSource = readFileSync(join(repoRoot, 'server/config.ts'), 'utf8')

  for (const name of CAUCUS_SERVICES) {
    const service = services[name]!
    expect(existsSync(join(deployDir, service.build!.context, service.build!.dockerfile)), `${name}'s Dockerfile`).toBe(true)
    const env = service.environment!
    const database = new URL(env.DATABASE_URL!)
    expect([database.hostname, database.port, database.username, database.password, database.pathname]).toEqual([
      'postgres', '5432', postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, `/${postgres.POSTGRES_DB}`,
    ])
    expect(new URL(env.REDIS_URL!).hostname).toBe('redis')
    expect(env.CAUCUS_ORIGIN).toBe(`http://localhost:${published}`)
    expect(env.CAUCUS_TRUST_PROXY).toBe('1')
    for (const variable of Object.keys(env)) expect(configSource, variable).toContain(`env.${variable}`)
    expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } })
  }

  // nginx's configuration lists exactly those services, on the port the image listens on.
  const nginxConf = readFileSync(join(deployDir, 'nginx/compose.conf'), 'utf8')
  const upstreams = [...nginxConf.matchAll(/^\s*server (\S+) /gm)].map((match) => match[1])
  const imagePort = /ENV HOST=0\.0\.0\.0 PORT=(\d+)/.exec(readFileSync(join(deployDir, 'Dockerfile'), 'utf8'))?.[1]
  expect(upstreams).toEqual(CAUCUS_SERVICES.map((name) => `${name}:${imagePort}`))
  for (const volume of services.nginx!.volumes!) expect(existsSync(join(deployDir, volume.split(':')[0]!)), volume).toBe(true)
})

test.runIf(programsAvailable([NGINX], 'the compose nginx configuration check'))('nginx accepts the configuration the compose file mounts', () => {
  const dir = tempDir('caucus-nginx-')
  // nginx looks up upstream names when it loads, and the compose services' names exist only on their network:
  // addresses stand in for them. The snippet is included from where the compose file mounts it.
  const site = rewriteConfig(readFileSync(join(deployDir, 'nginx/compose.conf'), 'utf8'), [
    ['caucus1:3000', '127.0.0.1:3001'],
    ['caucus2:3000', '127.0.0.1:3002'],
    ['caucus3:3000', '127.0.0.1:3003'],
    ['listen 80;', 'listen 127.0.0.1:8080;'],
    ['/etc/nginx/snippets/caucus-proxy.conf', join(deployDir, 'nginx/caucus-proxy.conf')],
  ])
  const { ok, output } = checkNginxConfig(dir, site)
  expect(ok, output).toBe(true)
})
