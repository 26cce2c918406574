// A real OpenID Connect issuer for the contract tests: oauth2-mock-server (pinned in
// package.json) on 127.0.0.1:$OIDC_PORT, with an RS256 key generated at start. It serves
// discovery, a JWKS and the client-credentials grant; its tokens follow RFC 9068 as real
// issuers' do, so each one names its client (`client_id`, from the client's authentication)
// and carries the audience the client asked for. Started and stopped by run.sh.
import { OAuth2Server } from 'oauth2-mock-server';

const port = Number(process.env.OIDC_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('OIDC_PORT is not set');

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
server.issuer.url = `http://127.0.0.1:${port}`;

/** The client id from HTTP Basic client authentication, else from the form body. */
function clientIdOf(req) {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) return decodeURIComponent(Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0]);
  return req.body && req.body.client_id;
}

server.service.on('beforeTokenSigning', (token, req) => {
  const clientId = clientIdOf(req);
  if (clientId) token.payload.client_id = clientId;
  // A test may ask for a token that is already expired (`expired=1` in the token request).
  if (req.body && req.body.expired === '1') token.payload.exp = Math.floor(Date.now() / 1000) - 3600;
});

await server.start(port, '127.0.0.1');
console.log(`oauth2-mock-server issuing at ${server.issuer.url}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
