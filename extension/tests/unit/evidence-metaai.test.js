// The metaai adapter over every evidence fixture of tests/fixtures/metaai/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed. Then the
// shapes the fixture files cannot hold: gateway data frames with their
// sequence byte and 0x80 flag, the prompt frame's protobuf fields, the two end
// markers, and Ecto requests told by their body alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed } from './evidence-helpers.js';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';

evidenceTests('metaai');

const adapter = adapterById('metaai');

// Protobuf, just enough to build a prompt payload.
const varint = (n) => {
  const out = [];
  let v = n;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return Buffer.from(out);
};
const field = (num, value) => {
  if (typeof value === 'number') return Buffer.concat([varint(num * 8), varint(value)]);
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
  return Buffer.concat([varint(num * 8 + 2), varint(bytes.length), bytes]);
};
const message = (...parts) => Buffer.concat(parts);

const CONV = '860dbc44-0000-4000-8000-00000000meta';

/** A prompt payload with the field layout of the 2026 evidence (prompt at 2.2, mode at 1.1.12.3). */
function payload({ prompt, mode = [1000, 'MODE_FAST'], promptField = 2 }) {
  const request = message(
    field(1, message(field(5, message(field(5, message(field(1, CONV))))),
      field(12, message(field(3, message(field(1, mode[0]), ...(mode[1] ? [field(2, mode[1])] : []))))))),
    field(5, message(field(1, 1789000000000))),
    field(6, 'ec98c671-0000-4000-8000-0000000000aa'),
    field(10, message(field(4, CONV))),
  );
  const msg = message(field(1, message(field(1, '5b1c2d3e-0000-4000-8000-0000000000bb'),
    field(2, message(field(1, CONV), field(2, 1789000000000), field(3, '7390000000000000001'))))), field(promptField, prompt));
  return message(field(1, request), field(2, msg)).toString('base64');
}

/**
 * A gateway frame as the two 2026 clients write it: type byte, 2-byte stream
 * id, 3-byte little-endian length, then (data frames) a sequence byte and a
 * 0x80 flag before the JSON; the length counts those 2 bytes.
 */
function frame(json, { type = 0x0d, seq = 1, stream = 1 } = {}) {
  const body = Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8');
  const data = type === 0x0d ? Buffer.concat([Buffer.from([seq, 0x80]), body]) : body;
  const head = Buffer.alloc(6);
  head[0] = type;
  head.writeUInt16LE(stream, 1);
  head.writeUIntLE(data.length, 3, 3);
  return Buffer.concat([head, data]);
}

function promptMessage(b64, seq = 1) {
  const open = frame({ 'x-dgw-app-x-ecto-conversation-id': CONV, 'x-dgw-app-client-payload-type': 'PROTO_INSIDE_JSON' }, { type: 0x0f });
  return new Uint8Array(Buffer.concat([open, frame({ 'req-id': 'ec98c671-0000-4000-8000-0000000000aa', payload: b64 }, { seq })]));
}

const section = (typename, extra) => ({ view_model: { __typename: 'GenAISingleLayoutViewModel', primitive: { __typename: typename, ...extra } } });

function runGateway(frames) {
  const reader = adapter.createReader({ gateway: true });
  let ended = false;
  frames.forEach((f, i) => {
    ended = reader.push(new Uint8Array(frame(f, { seq: (i + 0x7a) % 256 }))) === true || ended;
  });
  return { ended, out: reader.finish() };
}

test('metaai gateway: the prompt is read from field 2.2 and the thinking mode from 1.1.12.3, in frames with a sequence byte', () => {
  // A sequence byte of 0x7b reads as "{" just before the JSON.
  const fast = adapter.parseRequest(promptMessage(payload({ prompt: 'How warm is a GPU?' }), 0x7b));
  assert.deepEqual(fast.prompt, countScripts('How warm is a GPU?'));
  assert.deepEqual(fast.modes, []);
  assert.equal(fast.model, 'muse-spark');
  // A prompt shorter than the mode's name is still the prompt.
  const thinking = adapter.parseRequest(promptMessage(payload({ prompt: 'Hi?', mode: [1001, 'mode_thinking'] })));
  assert.deepEqual(thinking.prompt, countScripts('Hi?'));
  assert.deepEqual(thinking.modes, ['reasoning']);
  // Without the mode's name, its number says it.
  const byNumber = adapter.parseRequest(promptMessage(payload({ prompt: 'Hi?', mode: [1001] })));
  assert.deepEqual(byNumber.modes, ['reasoning']);
});

test('metaai gateway: without a text at field 2.2 the longest human text is the prompt (the old reading)', () => {
  const parsed = adapter.parseRequest(promptMessage(payload({ prompt: 'What does a heat pump draw in winter?', promptField: 7 })));
  assert.deepEqual(parsed.prompt, countScripts('What does a heat pump draw in winter?'));
});

test('metaai gateway: the bare {"response_id", "sections"} event ends the turn and its text replaces the patches', () => {
  const { ended, out } = runGateway([
    { seq: 0, type: 'full', response: { response_id: 'r', sections: [section('GenAIMarkdownTextUXPrimitive', { text: 'A kettle' })] } },
    { seq: 1, type: 'patch', operations: [{ op: 'delta', path: '/sections/0/view_model/primitive/text', value: ' draws 2 kW' }] },
    { response_id: 'r', sections: [section('GenAIMarkdownTextUXPrimitive', { text: 'A kettle draws about 2 kW.' })] },
  ]);
  assert.equal(ended, true);
  assert.equal(out.complete, true);
  assert.deepEqual(out.response, countScripts('A kettle draws about 2 kW.'));
});

test('metaai gateway: is_complete: true still ends the turn; without either end it is partial', () => {
  const first = { seq: 0, type: 'full', response: { response_id: 'r', sections: [section('GenAIMarkdownTextUXPrimitive', { text: 'Done.' })], is_complete: false } };
  assert.equal(runGateway([first, { ...first, seq: 5, response: { ...first.response, is_complete: true } }]).out.complete, true);
  const partial = runGateway([first]);
  assert.equal(partial.ended, false);
  assert.equal(partial.out.complete, false);
  assert.equal(partial.out.parsed, true);
});

test('metaai gateway: search results, thinking bodies and thinking sections are not answer text; a search result is a web search', () => {
  const { out } = runGateway([
    { seq: 0, type: 'full', response: { response_id: 'r', sections: [section('GenAIBotThinkingStatusPrimitive', { is_in_progress: true, title: 'Thinking' })] } },
    { seq: 1, type: 'patch', operations: [{ op: 'delta', path: '/embedded_screens/0/body', value: 'Weighing sources.' }] },
    { text: 'search-results://query?query=kettle%20power' },
    { seq: 2, type: 'patch', operations: [{ op: 'add', path: '/sections/1', value: section('GenAIMarkdownTextViewModel', { text: 'About 2 kW.' }) }] },
  ]);
  assert.deepEqual(out.response, countScripts('About 2 kW.'));
  assert.deepEqual(out.modes, ['reasoning', 'web_search']);
  assert.equal(out.complete, false);
  const plain = runGateway([{ response_id: 'r', sections: [section('GenAIMarkdownTextViewModel', { text: 'About 2 kW.' })] }]);
  assert.deepEqual(plain.out.modes, [], 'no search event: no web search');
});

const ECTO_URL = 'https://www.meta.ai/api/graphql';
const ectoBody = (variables) => JSON.stringify({ doc_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', variables });
const ectoVars = { content: 'Is a laptop charger warm?', conversationId: 'c.0fixture0000000000000', turnId: 't1', userMessageId: 'u1',
  assistantMessageId: 'a1', entryPoint: 'KADABRA__CHAT__UNIFIED_INPUT_BAR', isNewConversation: false, mode: 'mode_fast' };

test('metaai ecto: a send is told by its variables without the header, and a thinking mode is reasoning', () => {
  assert.ok(adapter.isSubmit({ url: ECTO_URL, method: 'POST' }));
  assert.ok(adapter.isSubmit({ url: 'https://meta.ai/api/graphql', method: 'POST' }));
  const parsed = adapter.parseRequest(ectoBody(ectoVars), { url: ECTO_URL, headers: {} });
  assert.deepEqual(parsed.prompt, countScripts(ectoVars.content));
  assert.equal(parsed.model, 'muse-spark');
  assert.deepEqual(parsed.modes, []);
  for (const mode of ['mode_thinking', 'think_hard']) {
    assert.deepEqual(adapter.parseRequest(ectoBody({ ...ectoVars, mode }), { url: ECTO_URL }).modes, ['reasoning'], mode);
  }
  // The header's name may be written in any case.
  const named = adapter.parseRequest(ectoBody({ content: 'Hi', mode: 'mode_fast' }), { url: ECTO_URL, headers: { 'X-FB-Friendly-Name': 'useEctoSendMessageSubscription' } });
  assert.deepEqual(named.prompt, countScripts('Hi'));
});

test('metaai ecto: other GraphQL calls on the same URL are not prompts', () => {
  // The warm-up call before a send, another operation named in the header, a body without content.
  assert.equal(adapter.parseRequest(ectoBody({ conversationId: 'c.0fixture0000000000000' }), { url: ECTO_URL }), null);
  assert.equal(adapter.parseRequest(ectoBody(ectoVars), { url: ECTO_URL, headers: { 'x-fb-friendly-name': 'useEctoConversationQuery' } }), null);
  assert.equal(adapter.parseRequest(ectoBody({ content: 'Hi' }), { url: ECTO_URL, headers: {} }), null);
  assert.equal(adapter.parseRequest('{}', { url: ECTO_URL }), null);
});

const ectoEvent = (msg) => `event: next\ndata: ${JSON.stringify({ data: { sendMessageStream: { __typename: 'AssistantMessage', ...msg } } })}\n\n`;

test('metaai ecto: an ERROR message is neither the answer nor complete', () => {
  const reader = adapter.createReader(adapter.parseRequest(ectoBody(ectoVars), { url: ECTO_URL }));
  feed(reader, ectoEvent({ content: 'Authentication required to send messages', streamingState: 'ERROR' }));
  const out = reader.finish();
  assert.equal(out.parsed, true);
  assert.equal(out.complete, false);
  assert.deepEqual(out.response, {});
});

test('metaai ecto: without content the rendered sections are the answer and a thinking section is reasoning', () => {
  const reader = adapter.createReader();
  feed(reader, ectoEvent({ streamingState: 'DONE', contentRenderer: { unified_response: { sections: [
    section('GenAIBotThinkingStatusViewModel', { is_in_progress: false, thought_text: 'Checking the numbers.' }),
    section('GenAIMarkdownTextUXPrimitive', { text: 'A charger runs warm, about 40 °C.' }),
  ] } } }) + 'event: complete\ndata:\n\n');
  const out = reader.finish();
  assert.equal(out.complete, true);
  assert.equal(out.model, 'muse-spark');
  assert.deepEqual(out.modes, ['reasoning']);
  assert.deepEqual(out.response, countScripts('A charger runs warm, about 40 °C.'));
});
