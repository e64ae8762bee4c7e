// The qwen adapter over every evidence fixture of tests/fixtures/qwen/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed. Then the
// shapes its EVIDENCE.md names without a fixture of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed } from './evidence-helpers.js';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';

evidenceTests('qwen');

const adapter = adapterById('qwen');

/** The modes parseRequest gives for a last message with this chat_type and feature_config. */
function requestModes(chatType, featureConfig) {
  const body = { model: 'qwen3.7-plus', messages: [{ role: 'user', content: 'x', chat_type: chatType, feature_config: featureConfig }] };
  return adapter.parseRequest(JSON.stringify(body)).modes;
}

/** A reader fed with SSE data frames (objects), finished. */
function read(frames) {
  const reader = adapter.createReader();
  feed(reader, frames.map((f) => `data: ${JSON.stringify(f)}\n\n`).join(''));
  return reader.finish();
}

const delta = (d, extra = {}) => ({ choices: [{ delta: { role: 'assistant', ...d } }], ...extra });

test('qwen: thinking_mode decides reasoning when the page sends it; Auto waits for the stream', () => {
  assert.deepEqual(requestModes('t2t', { thinking_enabled: true, thinking_mode: 'Auto', auto_thinking: true }), []);
  assert.deepEqual(requestModes('t2t', { thinking_enabled: true, thinking_mode: 'Thinking' }), ['reasoning']);
  assert.deepEqual(requestModes('t2t', { thinking_enabled: false, thinking_mode: 'Disabled' }), []);
  assert.deepEqual(requestModes('t2t', { thinking_enabled: false, thinking_mode: 'Fast' }), []);
  // Older requests: thinking_enabled alone.
  assert.deepEqual(requestModes('t2t', { thinking_enabled: true }), ['reasoning']);
});

test('qwen: chat types map to the modes that exist; video has none', () => {
  assert.deepEqual(requestModes('image_edit'), ['image_generation']);
  assert.deepEqual(requestModes('web_dev'), ['canvas']);
  assert.deepEqual(requestModes('slides'), ['canvas']);
  assert.deepEqual(requestModes('t2v'), []);
  assert.deepEqual(requestModes('i2v'), []);
});

test('qwen: a thinking phase or reasoning tokens in usage mean the model reasoned', () => {
  assert.deepEqual(read([delta({ phase: 'think', content: 'hm', status: 'typing' }),
    delta({ phase: 'answer', content: 'Hi', status: 'finished' })]).modes, ['reasoning']);
  assert.deepEqual(read([delta({ phase: 'answer', content: 'Hi', status: 'typing' },
    { usage: { output_tokens_details: { reasoning_tokens: 12 } } })]).modes, ['reasoning']);
  assert.deepEqual(read([delta({ phase: 'image_gen_think', content: 'plan', status: 'typing' })]).modes, []);
});

test('qwen: a second response in the same stream is not counted again', () => {
  const out = read([
    { 'response.created': { response_id: 'r-1' } },
    delta({ phase: 'answer', content: 'First answer.', status: 'typing' }, { response_id: 'r-1' }),
    delta({ phase: 'answer', content: '', status: 'finished' }, { response_id: 'r-1' }),
    { 'response.created': { response_id: 'r-2' } },
    delta({ phase: 'answer', content: 'First answer, again.', status: 'typing' }, { response_id: 'r-2' }),
    delta({ phase: 'answer', content: '', status: 'finished' }, { response_id: 'r-2' }),
  ]);
  assert.deepEqual(out.response, countScripts('First answer.'));
  assert.equal(out.complete, true);
});

test('qwen: each image URL is counted once; an image step without a URL still counts', () => {
  const url = 'https://cdn.qwenlm.ai/output/u/t2i/a.png?key=k';
  const two = read([delta({ phase: 'image_gen', content: url, status: 'typing' }),
    delta({ phase: 'image_gen', content: url, status: 'finished' }),
    delta({ phase: 'image_gen', content: url.replace('a.png', 'b.png'), status: 'finished' }),
    { 'response.completed': {} }]);
  assert.equal(two.images, 2);
  assert.equal(read([delta({ phase: 'image_gen_tool', content: '', status: 'finished' })]).images, 1);
});

test('qwen: an error status or an error frame is not complete', () => {
  assert.equal(read([delta({ phase: 'answer', content: 'Hi', status: 'typing' }),
    delta({ phase: 'image_gen', content: '', status: 'error' }), { 'response.completed': {} }]).complete, false);
  const failed = read([{ success: false, data: { code: 'Bad_Request', details: 'internal error' } }]);
  assert.equal(failed.complete, false);
  assert.equal(failed.parsed, true);
});

test('qwen: a non-streamed reply is read whole; a failed or foreign one is not complete', () => {
  const reply = (text) => {
    const reader = adapter.createReader();
    reader.push(text);
    reader.push('');
    return reader.finish();
  };
  assert.equal(reply('{"success":false,"request_id":"q","data":{"code":"RateLimited","details":"x"}}').complete, false);
  assert.equal(reply('{"success":true,"data":{"messages":[{"role":"assistant","extra":{}}]}}').complete, false);
  assert.equal(reply('{"detail":"Unauthorized"}').parsed, false);
  assert.equal(reply(`{"success":true,"data":{"messages":[]},"pad":"${'x'.repeat(300000)}"}`).parsed, false);
});
