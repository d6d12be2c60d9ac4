import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Debian's openssl (`apt-get install -y openssl`), which makes the test certificates. */
export const OPENSSL = '/usr/bin/openssl'

export interface TlsCertificate {
  certPath: string
  keyPath: string
  /** The certificate itself (PEM): clients trust it as their only CA. */
  pem: string
}

/** A fresh self-signed certificate for 127.0.0.1, valid for a day, written into `dir`. */
export function selfSignedCertificate(dir: string): TlsCertificate {
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  execFileSync(
    OPENSSL,
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', certPath],
    { stdio: 'pipe' },
  )
  return { certPath, keyPath, pem: readFileSync(certPath, 'utf8') }
}
