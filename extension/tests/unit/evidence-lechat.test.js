// lechat: every evidence fixture (tests/fixtures/lechat/EVIDENCE.md) through the adapter,
// and the stream forms no fixture shows whole (see EVIDENCE.md for each).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';
import { evidenceTests, feed, variants } from './evidence-helpers.js';

evidenceTests('lechat');

const adapter = adapterById('lechat');
const CHAT = 'https://chat.mistral.ai/api/chat';
const msg = (patches, extra = {}) => `15:${JSON.stringify({ json: { type: 'message', messageId: 'm1', messageVersion: 0,
  patches, ...extra } })}\n`;
const read = (text) => {
  const reader = adapter.createReader();
  feed(reader, text);
  return reader.finish();
};

test('lechat: the Think stream alone marks reasoning and counts only the answer', () => {
  const think = variants('lechat').find((v) => v.name === 'think');
  const out = read(think.steps[1].answer);
  assert.deepEqual(out.modes, ['reasoning']);
  assert.deepEqual(out.response, countScripts(think.expected.response_text));
  assert.equal(out.complete, true);
});

test('lechat: a chunk turned into reasoning by its _context patch leaves the answer', () => {
  const out = read(msg([{ op: 'replace', path: '/contentChunks', value: [{ type: 'text', text: 'plan' }] }])
    + msg([{ op: 'append', path: '/contentChunks/0/text', value: ' more' },
      { op: 'replace', path: '/contentChunks/0/_context', value: { type: 'reasoning' } }])
    + msg([{ op: 'add', path: '/contentChunks/1', value: { type: 'text', text: 'Oui.', _context: null } }]));
  assert.deepEqual(out.response, countScripts('Oui.'));
  assert.deepEqual(out.modes, ['reasoning']);
});

test('lechat: the end of generation (/generationStatus success, or /status completed) ends the answer', () => {
  const body = msg([{ op: 'replace', path: '/contentChunks', value: [{ type: 'text', text: 'Oui.' }] }]);
  assert.equal(read(body).complete, false);
  assert.equal(read(body + msg([{ op: 'replace', path: '/generationStatus', value: 'success' }])).complete, true);
  assert.equal(read(body + msg([{ op: 'replace', path: '/status', value: 'completed' }])).complete, true);
  assert.equal(read(body + msg([{ op: 'replace', path: '/generationStatus', value: 'in-progress' }])).complete, false);
});

test('lechat: the root patch gives the model, and a root path written as a list is the root', () => {
  const root = (path, model) => msg([{ op: 'replace', path, value: { role: 'assistant', content: '', contentChunks: null,
    model } }]);
  const answer = msg([{ op: 'replace', path: '/contentChunks', value: [{ type: 'text', text: 'Oui.' }] }]);
  assert.equal(read(root('/', 'mistral-medium-3-5') + answer).model, 'mistral-medium-3-5');
  assert.equal(read(root([], null) + answer).model, null);
  // A root patch resets the chunks: an answer resent whole is not counted twice.
  const twice = answer + root('/', null) + answer;
  assert.deepEqual(read(twice).response, countScripts('Oui.'));
});

test('lechat: a line with a __context__ suffix still parses', () => {
  const line = msg([{ op: 'replace', path: '/contentChunks', value: [{ type: 'text', text: 'Oui.' }] }]).trimEnd();
  const out = read(`${line}__context__:{"traceId":"x"}\n8:null\n`);
  assert.equal(out.parsed, true);
  assert.equal(out.complete, true);
  assert.deepEqual(out.response, countScripts('Oui.'));
  const objectLine = `${JSON.stringify({ code: 0, value: 'Oui.' })}__context__:{}\n`;
  assert.deepEqual(read(objectLine).response, countScripts('Oui.'));
});

test('lechat: codes 5, 7, 12, 13 and 14 show tools used, images and reasoning', () => {
  const out = read([
    '12:"thinking about it"',
    '5:{"id":"c1","name":"web_search","publicArguments":{"query":"q"},"isDone":true}',
    '14:{"url":"https://example.org/","title":"t","favicon":null,"description":"d"}',
    '13:{"type":"plan"}',
    '7:{"url":"https://chat.mistral.ai/api/generated/a.png"}',
    '0:"Oui."',
    '8:null',
  ].join('\n'));
  assert.deepEqual(out.modes, ['deep_research', 'image_generation', 'reasoning', 'web_search']);
  assert.equal(out.images, 1);
  assert.deepEqual(out.response, countScripts('Oui.'));
  assert.equal(out.complete, true);
  assert.equal(out.parsed, true);
  const objects = read([{ code: 12, value: 'hmm' }, { code: 0, value: 'Oui.' }, { code: 8, value: null }]
    .map((o) => JSON.stringify(o)).join('\n'));
  assert.deepEqual(objects.modes, ['reasoning']);
  assert.equal(objects.complete, true);
});

test('lechat: an image chunk counts once, even when the chunks are resent', () => {
  const image = { type: 'image_url', meta: { uri: 'https://chat.mistral.ai/api/generated/a.png' } };
  const text = { type: 'text', text: 'Voici.' };
  const out = read(msg([{ op: 'add', path: '/contentChunks/0', value: image }])
    + msg([{ op: 'replace', path: '/contentChunks', value: [image, text] }])
    + msg([{ op: 'replace', path: '/contentChunks/0/meta', value: { uri: 'https://x/b.png' } }]));
  assert.equal(out.images, 1);
  assert.deepEqual(out.modes, ['image_generation']);
  assert.deepEqual(out.response, countScripts('Voici.'));
});

test('lechat: other state updates (chat title, bootstrap, another message) leave the answer alone', () => {
  const out = read(`15:${JSON.stringify({ json: { type: 'bootstrap', chat: { id: 'c' }, messages: [] } })}\n`
    + msg([{ op: 'replace', path: '/contentChunks', value: [{ type: 'text', text: 'Oui.' }] }])
    + `15:${JSON.stringify({ json: { type: 'chat', patches: [{ op: 'replace', path: '/contentChunks',
      value: [{ type: 'text', text: 'A title' }] }] } })}\n`
    + msg([{ op: 'replace', path: '/moderationCategory', value: 'safe' }])
    + msg([{ op: 'replace', path: '/', value: { role: 'user', contentChunks: [{ type: 'text', text: 'prompt' }] } }]));
  assert.deepEqual(out.response, countScripts('Oui.'));
});

test('lechat: a page-controlled chunk index never grows the reader without bound', () => {
  const out = read(msg([{ op: 'append', path: '/contentChunks/99999999/text', value: 'x' },
    { op: 'add', path: '/contentChunks/5', value: { type: 'text', text: 'Oui.' } }]));
  assert.deepEqual(out.response, countScripts('Oui.'));
});

test('lechat: tool features offered by default are no modes; Think and research are', () => {
  const body = (features, extra = {}) => JSON.stringify({ chatId: 'c', mode: 'append', model: 'mistral-medium-2508',
    messageInput: [{ type: 'text', text: 'Bonjour' }], features, ...extra });
  const modes = (features, extra) => adapter.parseRequest(body(features, extra), { url: CHAT }).modes;
  assert.deepEqual(modes(['beta-code-interpreter', 'beta-imagegen', 'beta-websearch', 'beta-trampoline']), []);
  assert.deepEqual(modes(['beta-websearch', 'beta-reasoning']), ['reasoning']);
  assert.deepEqual(modes(['beta-deep-reasoning']), ['reasoning']);
  assert.deepEqual(modes(['beta-fast-reasoning']), ['reasoning']);
  assert.deepEqual(modes(['beta-deep-research']), ['deep_research']);
  assert.deepEqual(modes([], { model: 'mistral-deepresearch-2507' }), ['deep_research']);
});

test('lechat: a tool-call confirmation is no new prompt; an edit with its text is', () => {
  const parse = (mode) => adapter.parseRequest(JSON.stringify({ chatId: 'c', mode, model: null,
    messageInput: [{ type: 'text', text: 'Bonjour' }], features: [] }), { url: CHAT });
  assert.deepEqual(parse('toolCallConfirmation').prompt, {});
  assert.deepEqual(parse('edit').prompt, countScripts('Bonjour'));
  const retry = adapter.parseRequest(JSON.stringify({ chatId: 'c', mode: 'retry', features: [] }), { url: CHAT });
  assert.deepEqual(retry.prompt, {});
});

test('lechat: /api/chat/resume is a resume of the turn in flight, never a new prompt', () => {
  const url = 'https://chat.mistral.ai/api/chat/resume';
  assert.ok(adapter.isSubmit({ url, method: 'POST' }));
  const parsed = adapter.parseRequest(JSON.stringify({ chatId: 'c', messageId: 'm', supportedTaskCallbacks: [],
    boostMode: false, callbackResults: [] }), { url });
  assert.deepEqual(parsed, { resume: true, model: null, modes: [], prompt: {}, context: null });
  assert.equal(adapter.parseRequest('{}', { url }), null);
});
