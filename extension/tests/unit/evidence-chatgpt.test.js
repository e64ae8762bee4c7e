// chatgpt: every evidence fixture (tests/fixtures/chatgpt/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('chatgpt');

// The subscribe_ws_topic socket (EVIDENCE.md, handoff-websocket): what is and is not taken from its messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterById } from '../../lib/adapters/index.js';

const chatgpt = adapterById('chatgpt');
const envelope = (item) => ({ type: 'message', payload: { type: 'conversation-turn-stream', payload: { encoded_item: item } } });

test('chatgpt continuation: the SSE text of every envelope, in order; nothing from anything else', () => {
  const two = JSON.stringify([envelope('data: {"v": "a"}\n\n'), envelope('data: {"v": "b"}\n\n')]);
  assert.equal(chatgpt.continuation(two), 'data: {"v": "a"}\n\ndata: {"v": "b"}\n\n');
  for (const junk of ['', 'not json', '{"payload":{"payload":{"encoded_item":"x"}}}', '[]', '[null, 1, "x"]',
    JSON.stringify([{ payload: { payload: { encoded_item: 7 } } }]), JSON.stringify([{ payload: 'x' }]), null, 42]) {
    assert.equal(chatgpt.continuation(junk), null, String(junk));
  }
  const many = JSON.stringify(Array.from({ length: 40 }, () => envelope('data: {"v": "x"}\n\n')));
  assert.equal(chatgpt.continuation(many).split('\n\n').length - 1, 16, 'at most 16 envelopes a message');
  assert.equal(chatgpt.continuation(JSON.stringify([envelope('x'.repeat(1024 * 1024 + 1))])), null, 'an item over 1 MiB');
});

test('chatgpt: the continuation socket is on chatgpt.com only, and a message sent on it is never a prompt', () => {
  assert.equal(chatgpt.isSocket('wss://ws.chatgpt.com/ws'), true);
  assert.equal(chatgpt.isSocket('wss://chatgpt.com/backend-api/ws'), true);
  assert.equal(chatgpt.isSocket('wss://chatgpt.com.evil.example/ws'), false);
  assert.equal(chatgpt.isSocket('https://ws.chatgpt.com/ws'), false);
  assert.equal(chatgpt.isSocket('not a url'), false);
  assert.equal(chatgpt.parseRequest('{"type":"subscribe","topic_id":"conversation-turn-tx-1"}', { url: 'wss://ws.chatgpt.com/ws' }), null);
});
