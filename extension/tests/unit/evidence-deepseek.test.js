// The deepseek adapter over every evidence fixture of tests/fixtures/deepseek/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed. Then the
// shapes its EVIDENCE.md names without a fixture of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed } from './evidence-helpers.js';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';

evidenceTests('deepseek');

const adapter = adapterById('deepseek');
const COMPLETION = 'https://chat.deepseek.com/api/v0/chat/completion';
const CONTINUE = 'https://chat.deepseek.com/api/v0/chat/continue';

/** A reader fed with SSE events ([event, data] or data alone), finished. */
function read(events) {
  const reader = adapter.createReader();
  feed(reader, events.map((e) => (Array.isArray(e) ? `event: ${e[0]}\ndata: ${e[1]}\n\n` : `data: ${e}\n\n`)).join(''));
  return reader.finish();
}

const READY = ['ready', '{"request_message_id":1,"response_message_id":2,"model_type":"default"}'];
const SNAPSHOT = '{"v":{"response":{"message_id":2,"status":"WIP","fragments":[{"id":1,"type":"RESPONSE","content":"Part"}]}}}';
const CLOSE = ['close', '{"click_behavior":"none","auto_resume":false}'];

test('deepseek: model_type picks the model; without it, thinking picks the older names', () => {
  const parse = (body) => adapter.parseRequest(JSON.stringify({ prompt: 'x', ...body }), { url: COMPLETION }).model;
  assert.equal(parse({ model_type: 'expert', thinking_enabled: true }), 'deepseek-v4-pro');
  assert.equal(parse({ model_type: null, thinking_enabled: true }), 'deepseek-v4-flash');
  assert.equal(parse({ model_type: 'default' }), 'deepseek-v4-flash');
  assert.equal(parse({ model_type: 'vision' }), 'deepseek-v4-flash');
  assert.equal(parse({ thinking_enabled: true }), 'deepseek-reasoner');
  assert.equal(parse({ thinking_enabled: false }), 'deepseek-chat');
});

test('deepseek: the ready event\'s model_type names the model that ran', () => {
  assert.equal(read([['ready', '{"model_type":"expert"}'], SNAPSHOT, CLOSE]).model, 'deepseek-v4-pro');
  assert.equal(read([['ready', '{"model_type":"vision"}'], SNAPSHOT, CLOSE]).model, 'deepseek-v4-flash');
  assert.equal(read([['ready', '{"request_message_id":1}'], SNAPSHOT, CLOSE]).model, null);
});

test('deepseek: POST /chat/continue is the same turn, not a new prompt', () => {
  const body = '{"chat_session_id":"s-1","message_id":2,"fallback_to_resume":true}';
  assert.deepEqual(adapter.parseRequest(body, { url: CONTINUE }), { resume: true, model: null, modes: [], prompt: {}, context: null });
  assert.equal(adapter.parseRequest('{"message_id":2}', { url: CONTINUE }), null);
});

test('deepseek: an unfinished answer hands off; a finished one does not', () => {
  const incomplete = read([READY, SNAPSHOT, '{"p":"response/status","v":"INCOMPLETE"}', CLOSE]);
  assert.equal(incomplete.complete, false);
  assert.equal(incomplete.handoff, true);
  const auto = read([READY, SNAPSHOT, '{"p":"response/auto_continue","v":true}', CLOSE]);
  assert.equal(auto.handoff, true);
  const finished = read([READY, SNAPSHOT, '{"p":"response/status","o":"SET","v":"FINISHED"}', CLOSE]);
  assert.equal(finished.complete, true);
  assert.equal(finished.handoff, false);
});

test('deepseek: a bare terminal batch with CONTENT_FILTER (after a BATCH) is not complete', () => {
  const out = read([READY, SNAPSHOT,
    '{"p":"response","o":"BATCH","v":[{"p":"accumulated_token_usage","v":9},{"p":"quasi_status","v":"FINISHED"}]}',
    '{"v":[{"p":"status","v":"CONTENT_FILTER"},{"p":"fragments","v":[{"id":2,"type":"TEMPLATE_RESPONSE","content":"No."}]}]}',
    ['finish', '{}'], CLOSE]);
  assert.equal(out.complete, false);
  assert.equal(out.handoff, false);
  assert.deepEqual(out.response, countScripts('No.'));
});

test('deepseek: an error toast, an error frame or a FAILED status is not complete', () => {
  const toast = read([READY, ['finish', '{}'],
    ['toast', '{"type":"error","content":"limit","finish_reason":"context_length_exceeded"}'], CLOSE]);
  assert.equal(toast.complete, false);
  assert.equal(toast.parsed, true);
  const frame = read([READY, '{"type":"error","content":"limit","clear_response":true,"finish_reason":"context_length_exceeded"}', CLOSE]);
  assert.equal(frame.complete, false);
  const failed = read([READY, '{"v":{"response":{"message_id":2,"status":"FAILED","fragments":[]}}}', CLOSE]);
  assert.equal(failed.complete, false);
});

test('deepseek: the older response/content path is the answer, response/thinking_content is not', () => {
  const out = read([READY, '{"p":"response/thinking_content","v":"Let me think."}',
    '{"p":"response/content","v":"Legacy"}', '{"p":"response/content","o":"APPEND","v":" answer."}',
    '{"p":"response/status","v":"FINISHED"}', CLOSE]);
  assert.deepEqual(out.response, countScripts('Legacy answer.'));
  assert.deepEqual(out.modes, ['reasoning']);
  assert.equal(out.complete, true);
});

test('deepseek: batches nest only so deep', () => {
  let v = [{ p: 'status', v: 'FINISHED' }];
  for (let i = 0; i < 50; i += 1) v = [{ p: 'x', o: 'BATCH', v }];
  const out = read([READY, SNAPSHOT, JSON.stringify({ p: 'response', o: 'BATCH', v })]);
  assert.equal(out.complete, false);
  assert.deepEqual(out.response, countScripts('Part'));
});
