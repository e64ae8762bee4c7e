// perplexity: every evidence fixture (tests/fixtures/perplexity/EVIDENCE.md) through the adapter,
// then the workflow document's edge cases, the older request and stream forms, and the reconnect stream.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';
import { FIXTURES, evidenceTests, feed } from './evidence-helpers.js';

evidenceTests('perplexity');

const adapter = adapterById('perplexity');
const ANSWER = '/steps/1/items/0/payload/text_payload';

/** An SSE stream of events, each {blocks, ...top-level fields}. */
function stream(events, { end = true } = {}) {
  const base = { backend_uuid: 'b', display_model: 'claude50sonnet', mode: 'COPILOT', search_mode: 'SEARCH',
    status: 'PENDING', final_sse_message: false };
  let out = events.map((e) => `event: message\r\ndata: ${JSON.stringify({ ...base, ...e })}\r\n\r\n`).join('');
  if (end) out += 'event: end_of_stream\r\ndata: {}\r\n\r\n';
  return out;
}

const patches = (...list) => ({ blocks: [{ intended_usage: 'workflow_root',
  diff_block: { field: 'workflow_block', patches: list } }] });
const item = (variant, chunks, text = '', type = 'WORKFLOW_ITEM_TEXT') => ({ id: `i-${variant}`, type, variant,
  payload: { text_payload: { text, chunks, variant, is_streaming: true } } });
const doc = (...items) => ({ version: '1.0', status: 'WORKFLOW_EXECUTING_STEPS',
  steps: [{ status: 'WORKFLOW_COMPLETED', title: 'Searching the web', items: [] }, { status: 'WORKFLOW_PENDING', items }] });

const fixtureText = (variant, file) => readFileSync(path.join(FIXTURES, 'perplexity', variant, file), 'utf8');

function read(text) {
  const reader = adapter.createReader();
  feed(reader, text);
  return reader.finish();
}

test('perplexity: a patch delivered twice counts once', () => {
  const out = read(stream([
    patches({ op: 'replace', path: '', value: doc(item('answer', ['Heat pumps'])) }),
    patches({ op: 'add', path: `${ANSWER}/chunks/1`, value: ' save energy.' }),
    patches({ op: 'add', path: `${ANSWER}/chunks/1`, value: ' save energy.' }),
    { status: 'COMPLETED', final_sse_message: true, blocks: [] },
  ]));
  assert.deepEqual(out.response, countScripts('Heat pumps save energy.'));
  assert.equal(out.complete, true);
});

test('perplexity: the whole block sent again (a root replace, then the last event) counts once', () => {
  const whole = doc(item('answer', ['Heat pumps', ' save energy.'], 'Heat pumps save energy.'));
  const out = read(stream([
    patches({ op: 'replace', path: '', value: doc(item('answer', ['Heat pumps'])) }),
    patches({ op: 'replace', path: '', value: whole }),
    { status: 'COMPLETED', final_sse_message: true, blocks: [{ intended_usage: 'workflow_root', workflow_block: whole }] },
  ]));
  assert.deepEqual(out.response, countScripts('Heat pumps save energy.'));
});

test('perplexity: thinking items and research narration are not the answer', () => {
  const narration = { id: 'n', type: 'WORKFLOW_ITEM_CONTENT',
    payload: { content_payload: { entities: [{ entity_type: 'ENTITY_TYPE_CARD', description: 'Looking at insulation.' }] } } };
  const out = read(stream([
    patches({ op: 'replace', path: '', value: doc(item('thinking', ['Considering the climate first.']), narration) }),
    patches({ op: 'add', path: '/steps/1/items/2', value: item('answer', ['Yes, it pays off.']) }),
    { status: 'COMPLETED', final_sse_message: true, blocks: [] },
  ]));
  assert.deepEqual(out.response, countScripts('Yes, it pays off.'));
});

test('perplexity: the whole text wins over shorter chunks, and more chunks win over a stale text', () => {
  const full = read(stream([patches({ op: 'replace', path: '', value: doc(item('answer', ['Ab'], 'Abc def')) })]));
  assert.deepEqual(full.response, countScripts('Abc def'));
  const stale = read(stream([
    patches({ op: 'replace', path: '', value: doc(item('answer', ['Abc'], 'Abc')) }),
    patches({ op: 'add', path: `${ANSWER}/chunks/1`, value: ' def ghi' }),
  ]));
  assert.deepEqual(stale.response, countScripts('Abc def ghi'));
});

test('perplexity: several answer items join with one newline', () => {
  const out = read(stream([patches({ op: 'replace', path: '', value: doc(item('answer', ['One.']), item('answer', ['Two.'])) })]));
  assert.deepEqual(out.response, countScripts('One.\nTwo.'));
});

test('perplexity: patches the document cannot take are ignored (bounded)', () => {
  const out = read(stream([
    patches({ op: 'replace', path: '', value: doc(item('answer', ['Short.'])) }),
    patches({ op: 'add', path: `${ANSWER}/chunks/999999999`, value: 'far away' }),
    patches({ op: 'add', path: `${ANSWER}/chunks/99999999999999`, value: 'further' }),
    patches({ op: 'add', path: '/steps/7/items/0', value: item('answer', ['nowhere']) }),
    patches({ op: 'add', path: `/${'a/'.repeat(40)}b`, value: 'deep' }),
    patches({ op: 'add', path: '/__proto__/polluted', value: true }),
    patches({ op: 'remove', path: `${ANSWER}/chunks/0` }),
    patches({ op: 'add', path: 'steps/1', value: 'no leading slash' }),
  ]));
  assert.deepEqual(out.response, countScripts('Short.'));
  assert.equal({}.polluted, undefined);
  assert.equal(out.parsed, true);
});

test('perplexity: without workflow answer items, the markdown sections are read (joined by one newline)', () => {
  const md = (usage, answer) => ({ intended_usage: usage, markdown_block: { chunks: [answer], answer } });
  const out = read(stream([{ status: 'COMPLETED', final_sse_message: true, blocks: [
    { intended_usage: 'workflow_root', workflow_block: doc() },
    md('ask_text_0_markdown', 'Canberra.'), md('ask_text_1_markdown', '## Why'), md('ask_text', 'Canberra.\n## Why')] }]));
  assert.deepEqual(out.response, countScripts('Canberra.\n## Why'));
});

test('perplexity: the older request form mode "research" and stream mode "RESEARCH" still give deep research', () => {
  const body = fixtureText('deep-research', 'request.json').replace('"mode":"copilot"', '"mode":"research"')
    .replace('"model_preference":"pplx_alpha"', '"model_preference":"default"');
  assert.ok(adapter.parseRequest(body).modes.includes('deep_research'));
  const out = read(stream([{ mode: 'RESEARCH', search_mode: undefined, display_model: 'default', blocks: [] }]));
  assert.ok(out.modes.includes('deep_research'));
  const plain = read(stream([{ blocks: [] }]));
  assert.ok(!plain.modes.includes('deep_research'));
});

test('perplexity: models that reason, per the site\'s own catalogue, and the ones that do not', () => {
  const modes = (model) => adapter.parseRequest(JSON.stringify({ query_str: 'q', params: { model_preference: model } })).modes;
  for (const m of ['glm_5_2', 'glm_5_3_thinking', 'grok45medium', 'grok46medium', 'nv_nemotron_3_ultra', 'kimik3thinking',
    'gpt56_terra_thinking', 'gpt56_sol_thinking', 'claude50sonnetthinking', 'claude50opusthinking', 'gemini31pro_high']) {
    assert.ok(modes(m).includes('reasoning'), m);
  }
  for (const m of ['experimental', 'pplx_pro', 'turbo', 'gpt56_terra', 'gpt56_sol', 'claude50sonnet', 'claude50opus',
    'grok45low', 'grok46low', 'gemini38flash', 'grok4nonthinking', 'grok41nonreasoning']) {
    assert.ok(!modes(m).includes('reasoning'), m);
  }
});

test('perplexity: the reconnect stream is not a submit (it continues an answer already counted)', () => {
  for (const method of ['GET', 'POST']) {
    assert.equal(adapter.isSubmit({ url: 'https://www.perplexity.ai/rest/sse/perplexity_ask/reconnect/0e2853b4', method }), false);
  }
  // Its framing (LF, "data:" with no space, a comment first) parses all the same.
  const reader = adapter.createReader();
  feed(reader, `: hello\n\nevent:message\ndata:${JSON.stringify({ backend_uuid: 'b', status: 'COMPLETED', final_sse_message: true,
    blocks: [{ intended_usage: 'workflow_root', workflow_block: doc(item('answer', [], 'Done.')) }] })}\n\n`);
  const out = reader.finish();
  assert.deepEqual(out.response, countScripts('Done.'));
  assert.equal(out.complete, true);
});
