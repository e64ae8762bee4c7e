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
  // One envelope on its own is a frame too (the 2026 clients read both forms).
  assert.equal(chatgpt.continuation('{"payload":{"payload":{"encoded_item":"x"}}}'), 'x\n\n');
  for (const junk of ['', 'not json', '{"payload":{"payload":{"encoded_item":""}}}', '[]', '[null, 1, "x"]',
    JSON.stringify([{ payload: { payload: { encoded_item: 7 } } }]), JSON.stringify([{ payload: 'x' }]), null, 42]) {
    assert.equal(chatgpt.continuation(junk), null, String(junk));
  }
  const many = JSON.stringify(Array.from({ length: 5000 }, () => envelope('data: {"v": "x"}\n\n')));
  assert.equal(chatgpt.continuation(many).split('\n\n').length - 1, 4096, 'at most 4,096 envelopes a message');
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

// Frames as the 2026 clients read them (EVIDENCE.md, "The continuation socket"): one envelope or an array, the
// subscription's reply with its catch-ups, stream items by id, heartbeats and the topic's own end.
const item = (id, text) => ({ type: 'message', topic_id: 'conversation-turn-tx', payload: { type: 'conversation-turn-stream',
  payload: { type: 'stream-item', stream_item_id: id, encoded_item: text } } });

test('chatgpt continuation: a catch-up replays the turn so far, and an item that comes again counts once', () => {
  const seen = new Set();
  const reply = { id: 2, type: 'reply', reply: { type: 'subscribe', topic_id: 'conversation-turn-tx', recovered: false,
    catchups: [item('s1', 'data: {"v": "a"}'), item('s2', 'data: {"v": "b"}\n')], last_offset: '2' } };
  assert.equal(chatgpt.continuation(JSON.stringify(reply), seen), 'data: {"v": "a"}\n\ndata: {"v": "b"}\n\n',
    'a single frame, not an array; each item ends as a whole event');
  assert.equal(chatgpt.continuation(JSON.stringify([item('s2', 'data: {"v": "b"}')]), seen), null, 'item s2 again');
  assert.equal(chatgpt.continuation(JSON.stringify(item('s3', 'data: {"v": "c"}\n\n')), seen), 'data: {"v": "c"}\n\n');
  // Without a set (no turn to keep it for), nothing is dropped.
  assert.equal(chatgpt.continuation(JSON.stringify([item('s2', 'data: {"v": "b"}\n\n')])), 'data: {"v": "b"}\n\n');
});

test('chatgpt continuation: heartbeats and other topics carry no text; an inner done or a turn-complete ends the turn', () => {
  const heartbeat = { type: 'message', topic_id: 'conversation-turn-tx', payload: { type: 'conversation-turn-stream',
    payload: { type: 'heartbeat', encoded_item: 'data: {"v": "no"}\n\n' } } };
  const update = { type: 'message', topic_id: 'conversations', payload: { type: 'conversation-update',
    payload: { type: 'add-messages', encoded_item: 'data: {"v": "no"}\n\n' } } };
  assert.equal(chatgpt.continuation(JSON.stringify([heartbeat, update])), null);
  const done = { type: 'message', topic_id: 'conversation-turn-tx', payload: { type: 'conversation-turn-stream',
    payload: { type: 'done' } } };
  const complete = { type: 'message', topic_id: 'conversation-turn-tx', payload: { type: 'conversation-turn-complete' } };
  for (const end of [done, complete]) {
    const reader = chatgpt.createReader();
    reader.push('data: {"type": "stream_handoff", "conversation_id": "c"}\n\ndata: [DONE]\n\n');
    assert.equal(reader.push(chatgpt.continuation(JSON.stringify([item('s1', 'data: {"p": "", "o": "add", "v": {"message": '
      + '{"id": "a1", "author": {"role": "assistant"}, "content": {"content_type": "text", "parts": ["Hi"]}}}}')]))), false);
    assert.equal(reader.push(chatgpt.continuation(JSON.stringify([end]))), true, 'the topic ended the turn');
    const out = reader.finish();
    assert.equal(out.complete, true);
    assert.equal(out.handoff, false);
    assert.deepEqual(out.response, { latin: 2 });
  }
});

test('chatgpt: search_model_queries in a message\'s metadata marks a web search (EVIDENCE.md, web search)', () => {
  const reader = chatgpt.createReader();
  reader.push('data: {"p": "", "o": "add", "v": {"message": {"id": "a1", "author": {"role": "assistant"}, "content": '
    + '{"content_type": "text", "parts": ["x"]}, "metadata": {"search_model_queries": {"type": "search_model_queries", '
    + '"queries": ["kettle energy"]}}}}}\n\ndata: [DONE]\n\n');
  assert.deepEqual(reader.finish().modes, ['web_search']);
  const none = chatgpt.createReader();
  none.push('data: {"p": "", "o": "add", "v": {"message": {"id": "a1", "author": {"role": "assistant"}, "content": '
    + '{"content_type": "text", "parts": ["x"]}, "metadata": {"search_model_queries": {"queries": []}}}}}\n\n');
  assert.deepEqual(none.finish().modes, []);
});
