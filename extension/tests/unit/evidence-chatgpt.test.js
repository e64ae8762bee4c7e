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

// 2026 shapes (EVIDENCE.md, "2026 audit"): each of these was read wrong before.
const ev = (obj) => `data: ${JSON.stringify(obj)}\n\n`;
const add = (id, extra = {}, c = undefined) => ({ o: 'add', v: { message: { id, author: { role: 'assistant' },
  content: { content_type: 'text', parts: [''] }, status: 'in_progress', recipient: 'all', ...extra } }, ...(c === undefined ? {} : { c }) });
const parse = (body) => chatgpt.parseRequest(JSON.stringify({ action: 'next', messages: [{ author: { role: 'user' },
  content: { content_type: 'text', parts: ['hi'] } }], ...body }), { url: 'https://chatgpt.com/backend-api/f/conversation' });

test('chatgpt request: thinking_effort "standard" or "min" is no reasoning by itself; extended and max are', () => {
  assert.deepEqual(parse({ model: 'auto', thinking_effort: 'standard' }).modes, []);
  assert.deepEqual(parse({ model: 'auto', thinking_effort: 'min' }).modes, []);
  assert.deepEqual(parse({ model: 'gpt-5-6-instant', thinking_effort: 'standard', system_hints: ['picture_v2'] }).modes, ['image_generation']);
  assert.deepEqual(parse({ model: 'auto', thinking_effort: 'extended' }).modes, ['reasoning']);
  assert.deepEqual(parse({ model: 'gpt-5-6-thinking', thinking_effort: 'max' }).modes, ['reasoning']);
  assert.deepEqual(parse({ model: 'auto', system_hints: ['reason'] }).modes, ['reasoning']);
  // Work mode slugs are reasoning models (their lightest effort is "min").
  assert.deepEqual(parse({ model: 'gpt-5.6-sol-wm', thinking_effort: 'min', conversation_origin: 'tpp' }).modes, ['reasoning']);
  assert.equal(parse({ model: 'gpt-5.6-sol-wm' }).model, 'gpt-5.6-sol-wm');
});

test('chatgpt request: deep research as the 2026 connector hint, the plugin hint, the old hint or model "research"', () => {
  for (const hints of [['connector:connector_openai_deep_research'], ['plugin:connector_openai_deep_research'], ['research']]) {
    assert.ok(parse({ model: 'gpt-5-5-pro', system_hints: hints }).modes.includes('deep_research'), hints[0]);
  }
  assert.deepEqual(parse({ model: 'research', system_hints: [] }).modes, ['deep_research']);
  // The hints repeated in the user message's metadata count too.
  const body = { action: 'next', model: 'auto', system_hints: [], messages: [{ author: { role: 'user' },
    content: { content_type: 'text', parts: ['hi'] }, metadata: { system_hints: ['search'] } }] };
  assert.deepEqual(chatgpt.parseRequest(JSON.stringify(body), {}).modes, ['web_search']);
});

test('chatgpt stream: a message added with "o" and no "p" after other patches is read', () => {
  const reader = chatgpt.createReader();
  reader.push(ev(add('a1', {}, 1)) + ev({ p: '/message/content/parts/0', o: 'append', v: 'One.' })
    + ev(add('a2', {}, 2)) + ev({ p: '/message/content/parts/0', o: 'append', v: ' Two.' }) + 'data: [DONE]\n\n');
  assert.deepEqual(reader.finish().response, { latin: 8 });
});

test('chatgpt stream: an event naming another channel patches that channel\'s message, and its bare deltas follow it', () => {
  const reader = chatgpt.createReader();
  reader.push(ev(add('a1', {}, 1)) + ev(add('t1', { content: { content_type: 'thoughts', thoughts: [] } }, 2))
    + ev({ p: '/message/content/parts/0', o: 'append', v: 'Ab', c: 1 }) + ev({ v: 'cd' })
    + ev({ p: '/message/content/thoughts', o: 'append', v: [{ summary: 's', content: 'hidden thinking' }], c: 2 })
    + ev({ v: 'ef', c: 1 }) + 'data: [DONE]\n\n');
  const out = reader.finish();
  assert.deepEqual(out.response, { latin: 6 });
  assert.deepEqual(out.modes, ['reasoning']);
});

test('chatgpt stream: a bare list of ops is a patch list; nesting is bounded', () => {
  const reader = chatgpt.createReader();
  reader.push(ev(add('a1')) + ev({ p: '/message/content/parts/0', o: 'append', v: 'Hi' })
    + ev({ v: [{ p: '/message/content/parts/0', o: 'append', v: '!' }, { p: '/message/end_turn', o: 'replace', v: true }] }));
  assert.equal(reader.push(''), true, 'end_turn inside the list ended the turn');
  const nested = (n) => `data: ${'{"p": "", "o": "patch", "v": ['.repeat(n)}{"p": "/message/content/parts/0", "o": "append", "v": "x"}${']}'.repeat(n)}\n\n`;
  reader.push(nested(10) + nested(2000));
  assert.deepEqual(reader.finish().response, { latin: 3 }, 'the deeply nested append is dropped, without a stack overflow');
});

test('chatgpt stream: text to a tool and hidden text are not the answer', () => {
  const reader = chatgpt.createReader();
  reader.push(ev(add('call', { recipient: 'api_tool.call_tool', content: { content_type: 'text', parts: ['{"path": "/x"}'] } }))
    + ev({ v: ' more call' })
    + ev(add('h', { metadata: { is_visually_hidden_from_conversation: true }, content: { content_type: 'text', parts: ['sys'] } }))
    + ev(add('a1', { content: { content_type: 'text', parts: ['Yes'] } })) + 'data: [DONE]\n\n');
  assert.deepEqual(reader.finish().response, { latin: 3 });
});

test('chatgpt stream: an async image task marks image generation before any picture arrives', () => {
  const reader = chatgpt.createReader();
  reader.push(ev({ p: '', o: 'add', v: { message: { id: 'tool1', author: { role: 'tool', name: 'image_gen' },
    content: { content_type: 'multimodal_text', parts: [] }, metadata: { async_task_type: 'image_gen' } } } }) + 'data: [DONE]\n\n');
  const out = reader.finish();
  assert.deepEqual(out.modes, ['image_generation']);
  assert.equal(out.images, 0, 'the picture itself comes later, outside this stream');
});
