// The huggingchat adapter over every evidence fixture of tests/fixtures/huggingchat/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceTests, feed, mainFixture } from './evidence-helpers.js';
import huggingchat, { answerText } from '../../lib/adapters/huggingchat.js';
import { countScripts } from '../../lib/capture/scripts.js';

evidenceTests('huggingchat');

const CONV = 'https://huggingface.co/chat/conversation/6740f0e1a2b3c4d5e6f70819';
const form = (data) => `------WebKitFormBoundaryX\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n------WebKitFormBoundaryX--\r\n`;

test('huggingchat: after tool runs the answer is merged as the server merges it', () => {
  // No tools: the final text.
  assert.equal(answerText('abc', 'abd', false), 'abd');
  // The final text was streamed last: the whole stream.
  assert.equal(answerText('Let me check. Found it.', 'Found it.', true), 'Let me check. Found it.');
  // The final text already holds the stream.
  assert.equal(answerText('Let me', 'Let me check.', true), 'Let me check.');
  // Neither: both, with a paragraph break.
  assert.equal(answerText('A story.', 'A caption.', true), 'A story.\n\nA caption.');
  // A stopped answer is cut back to what the user saw.
  assert.equal(answerText('Hello there, more', 'Hello there', true, true), 'Hello there');
  // No final text: the stream.
  assert.equal(answerText('partial', null, true), 'partial');
});

test('huggingchat: 4096 spaces after finalAnswer (no newline) hide neither the end nor what follows', () => {
  const { expected, steps } = mainFixture('huggingchat');
  const [before, after] = steps[0].answer.split(/(?<="interrupted":false\})\n/);
  for (const tail of [after, '']) {
    const reader = huggingchat.createReader();
    feed(reader, `${before}\n${' '.repeat(4096)}${tail}`);
    const out = reader.finish();
    assert.equal(out.complete, true);
    assert.equal(out.parsed, true);
    assert.deepEqual(out.response, countScripts(expected.response_text));
  }
});

test('huggingchat: keepAlive updates alone are parsed but neither an answer nor an end', () => {
  const reader = huggingchat.createReader();
  feed(reader, '{"type":"status","status":"started"}\n{"type":"status","status":"keepAlive"}\n{"type":"status","status":"keepAlive"}\n');
  const out = reader.finish();
  assert.equal(out.parsed, true);
  assert.equal(out.complete, false);
  assert.deepEqual(out.response, {});
});

test('huggingchat: a form without inputs is a new answer only for a regenerate, a continue or a resumed tool call', () => {
  const id = 'b7c6d5e4-f3a2-4b1c-8d0e-9f8a7b6c5d4e';
  assert.equal(huggingchat.parseRequest(form({ id, is_retry: false, is_continue: false })), null);
  assert.equal(huggingchat.parseRequest(form({ id })), null);
  assert.deepEqual(huggingchat.parseRequest(form({ id, is_retry: true, is_continue: false })).prompt, {});
  assert.deepEqual(huggingchat.parseRequest(form({ id, is_retry: false, is_continue: true })).prompt, {});
  const resumed = huggingchat.parseRequest(form({ id, is_retry: false, resumeElicitationId: '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f' }));
  assert.deepEqual(resumed.prompt, {});
  assert.equal(huggingchat.parseRequest('not json'), null);
});

test('huggingchat: web search is a search tool call, not any tool', () => {
  const run = (name) => {
    const reader = huggingchat.createReader();
    feed(reader, `{"type":"tool","subtype":"call","uuid":"u1","call":{"name":"${name}","parameters":{}}}\n`
      + '{"type":"finalAnswer","text":"ok","interrupted":false}\n');
    return reader.finish().modes;
  };
  assert.deepEqual(run('web_search_exa'), ['web_search']);
  assert.deepEqual(run('hf_doc_search'), []);
  assert.deepEqual(run('energy_lookup'), []);
});

test('huggingchat: the reattach stream (an EventSource GET after a reload or in another tab) is not a new prompt', () => {
  const url = `${CONV}/stream?generationId=8e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b&fromSeq=12`;
  // The page hook asks isSubmit with GET for an EventSource: no turn starts, so nothing is counted twice.
  assert.equal(huggingchat.isSubmit({ url, method: 'GET' }), false);
  assert.equal(huggingchat.isSubmit({ url, method: 'POST' }), false);
  assert.equal(huggingchat.isSubmit({ url: CONV, method: 'POST' }), true);
});
