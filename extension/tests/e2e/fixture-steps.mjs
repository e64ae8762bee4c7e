// How a site's evidence fixtures are laid out, shared by the unit tests and
// the fixture server. tests/fixtures/<site>/ holds the main fixture (and the
// page.html snapshot); each variant is a folder beside it with its own
// expected.json. A fixture is a list of steps, each a request the page sends
// and the answer it gets: expected.json lists them as `steps` ({url, method,
// request, response, headers?}; e.g. Le Chat's newChat then /api/chat, or
// ChatGPT's handoff then resume), or names one `submit` (or `socket`) whose
// request.* and response.* files sit beside it. How the bytes travel is the
// fixture's `transport`: "http" (streamed text, the default), "connect"
// (Connect envelopes, binary), "socket" (one text WebSocket message a line,
// the default with `socket`) or "dgw" (one binary WebSocket message a line);
// fixture-encoding.mjs turns the readable files into those bytes.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The names of a site's variant fixtures: the folders of tests/fixtures/<site>/ with an expected.json. */
export function variantNames(service) {
  const root = path.join(FIXTURES, service);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'expected.json')))
    .map((d) => d.name).sort();
}

function stepsOf(dir, expected) {
  const transport = expected.transport || (expected.socket ? 'socket' : 'http');
  const headers = expected.headers || {};
  if (expected.steps) return expected.steps.map((s) => ({ transport, headers, socket: false, ...s }));
  const files = readdirSync(dir);
  return [{
    url: expected.submit ? expected.submit.url : expected.socket,
    method: expected.submit ? expected.submit.method : 'GET',
    socket: !expected.submit,
    headers,
    request: files.find((f) => f.startsWith('request.')),
    response: files.find((f) => f.startsWith('response.')),
    transport,
  }];
}

/**
 * A site's main fixture (variant null or "main") or one of its variants:
 * {name, dir, expected, steps}, each step with its request `body` and its
 * `answer` as the files hold them.
 */
export function loadFixture(service, variant = null) {
  const root = path.join(FIXTURES, service);
  const main = !variant || variant === 'main';
  if (!main && !variantNames(service).includes(variant)) throw new Error(`${service} has no variant ${variant}`);
  const dir = main ? root : path.join(root, variant);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const steps = stepsOf(dir, expected).map((s) => ({ ...s,
    body: readFileSync(path.join(dir, s.request), 'utf8').trim(),
    answer: readFileSync(path.join(dir, s.response), 'utf8') }));
  return { name: main ? 'main' : variant, dir, expected, steps };
}
