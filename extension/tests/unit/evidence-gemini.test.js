// gemini: every evidence fixture (tests/fixtures/gemini/EVIDENCE.md) through the adapter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed, variants } from './evidence-helpers.js';
import { adapterById } from '../../lib/adapters/index.js';

evidenceTests('gemini');

const adapter = adapterById('gemini');
const variant = (name) => variants('gemini').find((v) => v.name === name);
const stepOf = (name) => variant(name).steps[0];
const parse = (step, headers = step.headers) => adapter.parseRequest(step.body, { url: step.url, headers });

test('gemini: the submit path is also recognised under an account prefix /u/N/', () => {
  for (const prefix of ['', '/u/0', '/u/1', '/u/12']) {
    const url = `https://gemini.google.com${prefix}/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?bl=x&rt=c`;
    assert.equal(adapter.isSubmit({ url, method: 'POST' }), true, prefix || 'no prefix');
  }
  assert.equal(adapter.isSubmit({ url: 'https://gemini.google.com/u/1/_/BardChatUi/data/batchexecute?rpcids=hNvQHb', method: 'POST' }), false);
});

test('gemini: the request alone names the tool and the thinking level', () => {
  assert.deepEqual(parse(stepOf('image-tool')).modes, ['image_generation']);
  assert.deepEqual(parse(stepOf('thinking-extended')).modes, ['reasoning']);
  // The level in the request body counts without the header, and the header's without the body's.
  assert.deepEqual(parse(stepOf('thinking-extended'), {}).modes, ['reasoning']);
  const standard = stepOf('downgraded');
  const deepThink = { 'x-goog-ext-525001261-jspb': '[1,null,null,null,"797f3d0293f288ad",null,null,1,[4,5,6,8],null,null,3,null,null,3,3,"X"]' };
  assert.deepEqual(parse(standard, deepThink).modes, ['reasoning']);
  assert.deepEqual(parse(standard).modes, []);
  // A header laid out otherwise (no mode category at element 14) is not read for a level.
  const shifted = { 'x-goog-ext-525001261-jspb': '[1,null,null,null,"9d8ca3786ebdfbea",null,null,0,[4,5,6,8],null,null,null,2,null,null,3,1,"X"]' };
  assert.deepEqual(parse(standard, shifted).modes, []);
});

test('gemini: inner[49] = 2 (canvas) is the canvas mode; video and music add none', () => {
  const body = (tool) => {
    const inner = new Array(97).fill(null);
    inner[0] = ['Baue eine Zähler-App.', 0, null, null, null, null, 0];
    inner[49] = tool;
    return `f.req=${encodeURIComponent(JSON.stringify([null, JSON.stringify(inner)]))}&`;
  };
  assert.deepEqual(adapter.parseRequest(body(2), { headers: {} }).modes, ['canvas']);
  assert.deepEqual(adapter.parseRequest(body(1), { headers: {} }).modes, ['deep_research']);
  for (const tool of [11, 21, '14', 'constructor']) assert.deepEqual(adapter.parseRequest(body(tool), { headers: {} }).modes, []);
});

test('gemini: the served model name at inner[42] reads as a catalogue name', () => {
  const served = (name) => {
    const inner = new Array(44).fill(null);
    inner[1] = ['c_1', 'r_1'];
    inner[4] = [['rc_1', ['Hallo.'], null, null, null, null, null, null, [2]]];
    inner[39] = 'fbb127bbb056c959';
    inner[42] = name;
    const line = JSON.stringify([['wrb.fr', null, JSON.stringify(inner)]]);
    const reader = adapter.createReader();
    feed(reader, `)]}'\n\n${line.length}\n${line}\n`);
    return reader.finish().model;
  };
  assert.equal(served('3.6 Flash'), 'gemini-3.6-flash');
  assert.equal(served('3.5 Flash-Lite'), 'gemini-3.5-flash-lite');
  assert.equal(served('3.1 Flash Lite'), 'gemini-3.1-flash-lite');
  assert.equal(served('3.1 Pro'), 'gemini-3.1-pro');
  assert.equal(served('Gemini 3.7 Flash'), 'gemini-3.7-flash');
  assert.equal(served('3.6 Flash 扩展'), 'gemini-3.6-flash');
  // Anything else leaves the header's code in charge.
  for (const other of ['Deep Think', 'Flash', '3.6 Flashy', 'x'.repeat(80), 42, null]) assert.equal(served(other), null, String(other));
});
