// Every adapter against its saved fixtures: the submit request body and the
// streamed answer as the site sends them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADAPTERS, adapterForPage, adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';
import { connectStream } from '../e2e/fixture-encoding.mjs';
import { feed } from './evidence-helpers.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const SERVICE_IDS = ['chatgpt', 'claude', 'gemini', 'copilot', 'perplexity', 'deepseek', 'lechat', 'grok', 'metaai',
  'qwen', 'huggingchat', 'kimi'];

function load(service) {
  const dir = path.join(FIXTURES, service);
  const requestFile = readdirSync(dir).find((f) => f.startsWith('request.'));
  // A binary stream (Kimi's Connect envelopes) is kept as readable text and encoded here.
  const connect = existsSync(path.join(dir, 'response.connect.txt'));
  return {
    expected: JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')),
    request: readFileSync(path.join(dir, requestFile), 'utf8'),
    response: connect ? new Uint8Array(connectStream(readFileSync(path.join(dir, 'response.connect.txt'), 'utf8')))
      : readFileSync(path.join(dir, 'response.txt'), 'utf8'),
  };
}

test('adapter ids match the host catalogue', () => {
  assert.deepEqual(ADAPTERS.map((a) => a.service), SERVICE_IDS);
});

for (const adapter of ADAPTERS) {
  test(`${adapter.service}: fixtures exist`, () => {
    for (const f of ['expected.json', 'page.html']) {
      assert.ok(existsSync(path.join(FIXTURES, adapter.service, f)), f);
    }
    assert.ok(['response.txt', 'response.connect.txt'].some((f) => existsSync(path.join(FIXTURES, adapter.service, f))));
  });

  test(`${adapter.service}: recognises its submit and nothing else`, () => {
    const { expected } = load(adapter.service);
    if (adapter.transport === 'websocket') {
      assert.ok(adapter.isSocket(expected.socket));
      for (const url of expected.not_socket) assert.ok(!adapter.isSocket(url), url);
      return;
    }
    assert.ok(adapter.isSubmit(expected.submit));
    assert.ok(!adapter.isSubmit({ ...expected.submit, method: 'GET' }));
    for (const other of expected.not_submit) {
      const parsedOther = adapter.isSubmit(other) ? adapter.parseRequest('{}', { url: other.url }) : null;
      assert.equal(parsedOther, null, other.url);
    }
  });

  test(`${adapter.service}: request body gives model, modes and prompt counts`, () => {
    const { expected, request, response } = load(adapter.service);
    const parsed = adapter.parseRequest(request, { url: expected.submit ? expected.submit.url : expected.socket,
      headers: expected.headers || {} });
    assert.ok(parsed, 'request not recognised');
    assert.deepEqual(parsed.prompt, countScripts(expected.prompt_text));
    if (expected.context_text !== undefined) assert.deepEqual(parsed.context, countScripts(expected.context_text));
    // The model that ran may come from the stream (ChatGPT's "auto", Grok's steerModelId): read the answer too.
    const result = adapter.createReader(parsed);
    if (adapter.transport === 'websocket') response.split('\n').filter(Boolean).forEach((f) => result.push(f));
    else feed(result, response);
    const out = result.finish();
    const model = out.model || parsed.model;
    assert.equal(model, expected.model);
    assert.deepEqual([...new Set([...parsed.modes, ...(out.modes || [])])].sort(), expected.modes);
  });

  test(`${adapter.service}: streamed answer gives response counts`, () => {
    const { expected, response } = load(adapter.service);
    const reader = adapter.createReader();
    if (adapter.transport === 'websocket') {
      let done = false;
      for (const frame of response.split('\n').filter(Boolean)) done = reader.push(frame) || done;
      assert.ok(done, 'the turn did not end');
    } else {
      feed(reader, response);
    }
    const out = reader.finish();
    assert.deepEqual(out.response, countScripts(expected.response_text));
    assert.equal(out.images, expected.images);
    if (out.model) assert.equal(out.model, expected.model);
  });

  test(`${adapter.service}: never returns text`, () => {
    const { expected, request, response } = load(adapter.service);
    const parsed = adapter.parseRequest(request, {});
    const reader = adapter.createReader();
    if (adapter.transport === 'websocket') response.split('\n').filter(Boolean).forEach((f) => reader.push(f));
    else if (typeof response === 'string') reader.push(response);
    else reader.pushBytes(response);
    const json = JSON.stringify([parsed, reader.finish()]);
    for (const word of [...expected.prompt_text.split(/\s+/), ...expected.response_text.split(/\s+/)]) {
      if (word.length >= 6 && word !== expected.model) assert.ok(!json.includes(word), `leaked "${word}"`);
    }
  });
}

test('a chunk split inside a multi-byte character or line still parses', () => {
  const adapter = adapterById('deepseek');
  const { expected, response } = load('deepseek');
  const reader = adapter.createReader();
  for (const ch of response) reader.push(ch);
  assert.deepEqual(reader.finish().response, countScripts(expected.response_text));
});

test('unrelated bodies are not prompts', () => {
  for (const adapter of ADAPTERS) {
    assert.equal(adapter.parseRequest('not json at all', {}), null, adapter.service);
    assert.equal(adapter.parseRequest('', {}), null, adapter.service);
  }
});

test('ChatGPT legacy encoding (whole message resent) is read too', () => {
  const reader = adapterById('chatgpt').createReader();
  const msg = (text, status) => `data: ${JSON.stringify({ message: { author: { role: 'assistant' }, status,
    content: { content_type: 'text', parts: [text] }, metadata: { model_slug: 'gpt-4o' } } })}\n\n`;
  reader.push(msg('Hel', 'in_progress') + msg('Hello there', 'in_progress') + msg('Hello there!', 'finished_successfully'));
  reader.push('data: [DONE]\n\n');
  const out = reader.finish();
  assert.deepEqual(out.response, { latin: 11 });
  assert.equal(out.model, 'gpt-4o');
});

test('adapters are chosen by page host', () => {
  assert.equal(adapterForPage('chatgpt.com', '/c/123').service, 'chatgpt');
  assert.equal(adapterForPage('huggingface.co', '/chat/conversation/abc').service, 'huggingchat');
  assert.equal(adapterForPage('huggingface.co', '/models'), null);
  assert.equal(adapterForPage('example.com', '/'), null);
});
