// A real OpenID Connect provider for the single sign-on tests: the npm package oidc-provider with a login
// page of its own (login and password checked, no consent screen).
//
// Run it as `node tests/idp/oidc_provider.js --port 0`: it listens on 127.0.0.1, prints `READY <port>` on
// stdout once it accepts connections, and logs to stderr. The issuer is http://127.0.0.1:<port>, its
// discovery document at /.well-known/openid-configuration. Clients and users live in memory and are set at
// run time by the test (tests/idp/fixtures.py):
//
//   POST   /test/clients        {"client_id", "client_secret", "redirect_uris": [...], any client metadata}
//   PUT    /test/users/<login>  {"password", "claims": {"email", "email_verified", "name", "groups", ...}}
//   DELETE /test/users/<login>
//   GET    /test/last-auth      the parameters of the last authorization request (404 before any)
//
// Options: --port N (0 picks a free port), --claims a,b (custom claims released with the profile scope,
// default "groups"), --stop-on-stdin-eof (exit when the parent closes stdin).
//
// Clients are confidential web clients (plain http redirect URIs are fine for the code flow). PKCE (S256)
// is checked when the client sends a code_challenge, and not required; the nonce comes back in the ID token.

import crypto from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

// stdout carries the READY line and nothing else: oidc-provider prints its notices with console.info.
console.log = console.error;
console.info = console.error;
// Imported only now, because oidc-provider may print as it loads.
const { default: Provider } = await import('oidc-provider');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    claims: { type: 'string', default: 'groups' },
    'stop-on-stdin-eof': { type: 'boolean', default: false },
  },
});

const STANDARD_CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: [
    'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile',
    'picture', 'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at',
  ],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};
// oidc-provider releases only the claims its configuration names, so custom ones are named at start.
const customClaims = options.claims.split(',').map((claim) => claim.trim()).filter(Boolean);
const claimsByScope = { ...STANDARD_CLAIMS, profile: [...STANDARD_CLAIMS.profile, ...customClaims] };
const supportedClaims = new Set(Object.values(claimsByScope).flat());

const users = new Map(); // login -> { password, claims }
const store = new Map(); // "<model>:<id>" -> { payload, expiresAt }: the adapter's, clients included
let lastAuth = null;

// --- storage: oidc-provider's adapter interface over one Map, for the provider's life only ---

class MapAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
    store.set(this.key(id), { payload, expiresAt });
  }

  async find(id) {
    const entry = store.get(this.key(id));
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }

  async findBy(field, value) {
    for (const [key, { payload }] of store) {
      if (key.startsWith(`${this.model}:`) && payload[field] === value) return payload;
    }
    return undefined;
  }

  findByUid(uid) {
    return this.findBy('uid', uid);
  }

  findByUserCode(userCode) {
    return this.findBy('userCode', userCode);
  }

  async consume(id) {
    const entry = store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const [key, { payload }] of store) {
      if (key.startsWith(`${this.model}:`) && payload.grantId === grantId) store.delete(key);
    }
  }
}

// --- pages ---

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body><main>
${body}
</main></body>
</html>
`;
}

function loginPage(uid, clientId, login = '', error = '') {
  const alert = error ? `<p role="alert">${escapeHtml(error)}</p>\n` : '';
  return page('Sign in - Test OpenID Connect provider', `<h1>Sign in</h1>
<p>Test OpenID Connect provider, signing in to ${escapeHtml(clientId)}.</p>
${alert}<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="login">Login</label>
<input id="login" name="login" value="${escapeHtml(login)}" autocomplete="username" required></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>`);
}

// --- the provider ---

function providerConfiguration() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    adapter: MapAdapter,
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    claims: claimsByScope,
    scopes: ['openid', 'offline_access', ...Object.keys(claimsByScope)],
    // The scope's claims go into the ID token as well as to userinfo, so an RP may read either.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false }, // its login page takes any login; ours checks the password
      userinfo: { enabled: true },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Session: 86400, Grant: 86400 },

    // All of the user's claims; oidc-provider passes on those of the granted scopes.
    async findAccount(ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ ...user.claims, sub: id }) };
    },

    // No consent screen: the grant always holds what the client asks for now.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== session.accountId) {
        grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      }
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },

    async renderError(ctx, out) {
      ctx.type = 'html';
      const details = Object.entries(out).map(([key, value]) => `<p>${escapeHtml(key)}: ${escapeHtml(value)}</p>`);
      ctx.body = page('Error - Test OpenID Connect provider', `<h1>Error</h1>\n${details.join('\n')}`);
    },
  };
}

function makeProvider(issuer) {
  const provider = new Provider(issuer, providerConfiguration());
  provider.on('server_error', (ctx, error) => console.error('server_error', error));
  // Remember each authorization request's parameters, so a test can check what the RP asked for.
  provider.use(async (ctx, next) => {
    try {
      await next();
    } finally {
      if (ctx.oidc?.route === 'authorization') lastAuth = { ...ctx.oidc.params };
    }
  });
  return provider;
}

// --- plain HTTP around it: the test API and the login interaction ---

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req) {
  try {
    return JSON.parse(await readBody(req));
  } catch (error) {
    throw Object.assign(error, { statusCode: 400 });
  }
}

function send(res, status, body = '', type = 'text/plain; charset=utf-8') {
  res.writeHead(status, body ? { 'Content-Type': type, 'Cache-Control': 'no-store' } : {});
  res.end(body);
}

async function testApi(provider, req, res, path) {
  if (req.method === 'GET' && path === '/test/last-auth') {
    return lastAuth ? send(res, 200, JSON.stringify(lastAuth), 'application/json')
      : send(res, 404, '{"error": "no authorization request yet"}', 'application/json');
  }
  if (req.method === 'POST' && path === '/test/clients') {
    const body = await readJson(req);
    // The token endpoint takes the secret in the body or as HTTP Basic whichever is registered here;
    // client_secret_post is what allauth picks when the discovery document offers both.
    const metadata = { token_endpoint_auth_method: 'client_secret_post', ...body };
    try {
      await provider.Client.validate(metadata);
    } catch (error) {
      return send(res, 400, `${error.message}: ${error.error_description ?? ''}`);
    }
    await new MapAdapter('Client').upsert(metadata.client_id, metadata);
    return send(res, 204);
  }
  const login = decodeURIComponent(path.slice('/test/users/'.length));
  if (path.startsWith('/test/users/') && login && req.method === 'PUT') {
    const { password, claims = {} } = await readJson(req);
    const unknown = Object.keys(claims).filter((claim) => !supportedClaims.has(claim) || claim === 'sub');
    if (typeof password !== 'string' || unknown.length) {
      return send(res, 400, `a password is needed; sub is the login; claims not released: ${unknown.join(', ')}`
        + ' (custom claims are named at start with --claims)');
    }
    users.set(login, { password, claims });
    return send(res, 204);
  }
  if (path.startsWith('/test/users/') && login && req.method === 'DELETE') {
    users.delete(login);
    return send(res, 204);
  }
  return send(res, 404, 'not found');
}

async function interaction(provider, req, res, path) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    // loadExistingGrant leaves nothing to consent to; any other prompt is a mistake in this file.
    return send(res, 500, `unexpected prompt ${details.prompt.name}`);
  }
  const clientId = details.params.client_id;
  if (req.method === 'GET' && path === `/interaction/${details.uid}`) {
    return send(res, 200, loginPage(details.uid, clientId), 'text/html; charset=utf-8');
  }
  if (req.method === 'POST' && path === `/interaction/${details.uid}/login`) {
    const form = new URLSearchParams(await readBody(req));
    const login = form.get('login') ?? '';
    const user = users.get(login);
    if (!user || !safeEqual(user.password, form.get('password') ?? '')) {
      const html = loginPage(details.uid, clientId, login, 'Wrong login or password.');
      return send(res, 200, html, 'text/html; charset=utf-8');
    }
    return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }
  return send(res, 404, 'not found');
}

function safeEqual(a, b) {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

// The issuer names the port, so the provider is made once the socket is bound.
let handle = (req, res) => send(res, 503, 'starting');
const server = http.createServer((req, res) => handle(req, res));
server.listen(Number(options.port), '127.0.0.1', () => {
  const { port } = server.address();
  const provider = makeProvider(`http://127.0.0.1:${port}`);
  const providerCallback = provider.callback();
  handle = async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    try {
      if (pathname.startsWith('/test/')) return await testApi(provider, req, res, pathname);
      if (pathname.startsWith('/interaction/')) return await interaction(provider, req, res, pathname);
      return await providerCallback(req, res);
    } catch (error) {
      console.error(req.method, req.url, error);
      if (!res.headersSent) send(res, error.statusCode ?? 500, String(error.message ?? error));
    }
  };
  process.stdout.write(`READY ${port}\n`);
});

if (options['stop-on-stdin-eof']) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
process.on('SIGTERM', () => process.exit(0));
