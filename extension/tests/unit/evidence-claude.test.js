// claude: every evidence fixture (tests/fixtures/claude/EVIDENCE.md) through the adapter,
// then the 2026 shapes one by one (thinking_mode, Research as a tool, generated files).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed } from './evidence-helpers.js';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';

evidenceTests('claude');

const claude = adapterById('claude');
const ORG = 'https://claude.ai/api/organizations/1f2e3d4c-0000-4000-8000-00000000000a';
const conv = (id) => `${ORG}/chat_conversations/9a8b7c6d-0000-4000-8000-${id}`;

/** SSE text of a list of stream events. */
const sse = (events) => events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
const start = (index, block) => ({ type: 'content_block_start', index, content_block: block });
const delta = (index, d) => ({ type: 'content_block_delta', index, delta: d });
const stop = (index) => ({ type: 'content_block_stop', index });
const pieces = (index, json, sizes) => {
  const out = [];
  for (let i = 0, k = 0; i < json.length; k += 1) {
    const n = sizes[k % sizes.length];
    out.push(delta(index, { type: 'input_json_delta', partial_json: json.slice(i, i + n) }));
    i += n;
  }
  return out;
};

function read(events) {
  const reader = claude.createReader();
  feed(reader, sse([...events, { type: 'message_stop' }]));
  return reader.finish();
}

test('claude: a thinking_mode set on the conversation is remembered; the turn\'s own one stands over it', () => {
  const id = '00000000a1b2';
  assert.equal(claude.isSubmit({ url: `${conv(id)}?rendering_mode=raw`, method: 'PUT' }), true);
  assert.equal(claude.parseRequest(JSON.stringify({ settings: { thinking_mode: 'extended' } }),
    { url: `${conv(id)}?rendering_mode=raw` }), null);
  const follow = claude.parseRequest(JSON.stringify({ prompt: 'and now?', model: 'claude-sonnet-4-6' }),
    { url: `${conv(id)}/completion` });
  assert.deepEqual(follow.modes, ['reasoning']);
  const off = claude.parseRequest(JSON.stringify({ prompt: 'quick one', thinking_mode: 'off' }),
    { url: `${conv(id)}/completion` });
  assert.deepEqual(off.modes, []);
  const auto = claude.parseRequest(JSON.stringify({ prompt: 'x', thinking_mode: 'auto', effort: 'high',
    create_conversation_params: { paprika_mode: 'auto', compass_mode: null } }), { url: `${conv('00000000a1b3')}/completion` });
  assert.deepEqual(auto.modes, [], '"auto" is left to the stream');
});

test('claude: the model-selector PATCH is not read as a submit or a setting', () => {
  assert.equal(claude.isSubmit({ url: `${ORG}/model_selector_state/chat`, method: 'PATCH' }), false);
});

test('claude: an empty thinking block is not reasoning; a summary marks it and is never answer text', () => {
  const empty = read([start(0, { type: 'thinking', thinking: '', summaries: [] }), stop(0),
    start(1, { type: 'text', text: '' }), delta(1, { type: 'text_delta', text: 'Hi.' }), stop(1)]);
  assert.deepEqual(empty.modes, []);
  assert.deepEqual(empty.response, countScripts('Hi.'));
  const summary = read([start(0, { type: 'thinking', thinking: '', summaries: [] }),
    delta(0, { type: 'thinking_summary_delta', summary: { summary: 'Weighing the options carefully' } }), stop(0),
    start(1, { type: 'text', text: '' }), delta(1, { type: 'text_delta', text: 'Hi.' }), stop(1)]);
  assert.deepEqual(summary.modes, ['reasoning']);
  assert.deepEqual(summary.response, countScripts('Hi.'));
});

test('claude: Research shows as a launch_extended_search_task tool; its command is not counted', () => {
  const out = read([start(0, { type: 'tool_use', name: 'launch_extended_search_task', input: {} }),
    ...pieces(0, '{"command": "Compare grid intensity"}', [5, 9]), stop(0)]);
  assert.deepEqual(out.modes, ['deep_research']);
  assert.deepEqual(out.response, {});
});

test('claude: generated artifact text counts, decoded across pieces; search queries do not', () => {
  const content = 'Énergie \u00e9lectrique: "1 kWh" = 3.6 MJ\n日本語 ✓';
  const json = JSON.stringify({ id: 'kwh', type: 'text/markdown', title: 'Units', command: 'create', content })
    .replace('日', '\\u65e5'); // an escaped character, cut inside its escape by the pieces below
  const out = read([
    start(0, { type: 'tool_use', name: 'web_search', input: {} }), ...pieces(0, '{"query": "kWh to MJ"}', [4]), stop(0),
    start(1, { type: 'tool_use', name: 'artifacts', input: {} }), ...pieces(1, json, [3, 1, 7, 2]), stop(1),
    start(2, { type: 'tool_use', name: 'visualize:show_widget', input: {} }),
    ...pieces(2, JSON.stringify({ title: 'chart', loading_messages: ['Drawing'], widget_code: '<svg/>' }), [6]), stop(2),
  ]);
  assert.deepEqual(out.response, countScripts(`${content}<svg/>`));
  assert.deepEqual(out.modes, ['web_search']);
});

test('claude: generated text is counted up to a bound', () => {
  const big = 'a'.repeat(1_200_000);
  const out = read([start(0, { type: 'tool_use', name: 'create_file', input: {} }),
    delta(0, { type: 'input_json_delta', partial_json: `{"path": "/x.txt", "file_text": "${big}"}` }), stop(0)]);
  assert.equal(out.response.latin, 1_000_000);
});
