// The copilot adapter over every evidence fixture of tests/fixtures/copilot/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed. Then the
// shapes EVIDENCE.md names that no fixture carries whole: the prompt re-sent
// after a challenge, replaced text, reasoning text, a throttled turn, a second
// "connected", "messagePreview", and image turns that end with the socket's close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterById } from '../../lib/adapters/index.js';
import { countScripts } from '../../lib/capture/scripts.js';
import { evidenceTests } from './evidence-helpers.js';

evidenceTests('copilot');

const copilot = adapterById('copilot');
const sendFrame = (text, fields = {}) => JSON.stringify({ event: 'send', conversationId: 'conv-1',
  content: [{ type: 'text', text }], mode: 'smart', context: {}, ...fields });
const send = (text, fields) => copilot.parseRequest(sendFrame(text, fields));
/** A reader fed whole socket messages: {out, ended}. */
const read = (messages, request = send('Hello there')) => {
  const reader = copilot.createReader(request);
  let ended = false;
  for (const m of messages) ended = reader.push(m) === true || ended;
  return { out: reader.finish(), ended, reader };
};
const CHALLENGE = '{"event":"challenge","method":"hashcash","parameter":"s:0","id":"0.1"}';

test('copilot: only send frames are prompts; messagePreview, challengeResponse and setup frames are not', () => {
  for (const frame of [
    '{"event":"messagePreview","conversationId":"conv-1","text":"What is two plus two?"}',
    '{"event":"challengeResponse","token":"0","method":"hashcash","id":"0.1"}',
    '{"event":"setOptions","supportedFeatures":["partial-generated-images"],"supportedCards":["image"]}',
    '{"event":"reportLocalConsents","grantedConsents":[]}',
  ]) assert.equal(copilot.parseRequest(frame), null, frame);
  // Arriving on the socket it is no answer either.
  const { out } = read(['{"event":"messagePreview","text":"What is two plus two?"}']);
  assert.deepEqual(out.response, {});
  assert.equal(out.parsed, false);
});

test('copilot: the same send frame has the same fingerprint, another prompt or conversation another', () => {
  const a = send('What is two plus two?');
  assert.equal(send('What is two plus two?').fingerprint, a.fingerprint);
  assert.notEqual(send('What is two plus three?').fingerprint, a.fingerprint);
  assert.notEqual(send('What is two plus two?', { conversationId: 'conv-2' }).fingerprint, a.fingerprint);
  assert.notEqual(send('What is two plus two?', { mode: 'reasoning' }).fingerprint, a.fingerprint);
  assert.ok(!JSON.stringify(a).includes('two plus'));
});

test('copilot: after a challenge the same prompt sent again is this turn\'s, once, and only before the answer', () => {
  const request = send('What is two plus two?');
  const again = send('What is two plus two?');
  const { reader } = read([CHALLENGE], request);
  assert.equal(reader.resend(send('Something else')), false, 'another prompt');
  assert.equal(reader.resend(again), true);
  assert.equal(reader.resend(again), false, 'a third time is a new prompt');
  // No challenge, or an answer already streaming: a new prompt.
  assert.equal(read([], request).reader.resend(again), false);
  const streaming = read([CHALLENGE, '{"event":"appendText","partId":"0","text":"Four."}'], request).reader;
  assert.equal(streaming.resend(again), false);
  // A challenge glued to the first text (challenge-glued): the answer is already there.
  assert.equal(read([`${CHALLENGE}{"event":"appendText","text":"Four."}`], request).reader.resend(again), false);
  // A reader made without a request knows no prompt to compare.
  const bare = copilot.createReader();
  bare.push(CHALLENGE);
  assert.equal(bare.resend(again), false);
});

test('copilot: replaceText rewrites its part, and the count follows it', () => {
  // The shape a Go client's test plays: a draft, then its replacement (no partId).
  let { out } = read(['{"event":"appendText","text":"draft"}', '{"event":"replaceText","text":"correct answer"}',
    '{"event":"done"}']);
  assert.deepEqual(out.response, countScripts('correct answer'));
  assert.equal(out.complete, true);
  // With parts: only the part named is replaced.
  ({ out } = read([
    '{"event":"appendText","messageId":"a","partId":"0","text":"First "}',
    '{"event":"appendText","messageId":"a","partId":"1","text":"second."}',
    '{"event":"replaceText","messageId":"a","partId":"0","text":"One "}',
    '{"event":"done","messageId":"a"}',
  ]));
  assert.deepEqual(out.response, countScripts('One second.'));
});

test('copilot: chainOfThought marks reasoning and is not counted as answer', () => {
  const { out } = read([
    '{"event":"startMessage","messageId":"a"}',
    '{"event":"chainOfThought","messageId":"a","text":"The user asks for a sum; two and two make four."}',
    '{"event":"appendText","messageId":"a","partId":"0","text":"Four."}',
    '{"event":"done","messageId":"a"}',
  ]);
  assert.deepEqual(out.modes, ['reasoning']);
  assert.deepEqual(out.response, countScripts('Four.'));
  assert.equal(out.complete, true);
});

test('copilot: a throttled turn ends at chatMessageError, incomplete and with no answer', () => {
  // As captured in 2026-08: the refusal, then a method-less challenge, in one message.
  const { out, ended } = read(['{"event":"chatMessageError","errorCode":"throttled","errorDetail":'
    + '{"type":"throttled","nextAvailableAt":"2026-08-13T15:17:13+00:00"}}'
    + '{"event":"challenge","method":null,"parameter":null,"id":"0.0002"}']);
  assert.equal(ended, true);
  assert.equal(out.complete, false);
  assert.deepEqual(out.response, {});
  assert.equal(out.images, 0);
  assert.equal(out.parsed, true, 'a frame the adapter knows: the site refused, the adapter did not break');
});

test('copilot: "connected" (first, sometimes twice) is ignored', () => {
  let { out, ended } = read(['{"event":"connected"}{"event":"connected"}']);
  assert.equal(ended, false);
  assert.equal(out.parsed, false);
  ({ out, ended } = read(['{"event":"connected"}', '{"event":"appendText","text":"hi"}{"event":"done"}']));
  assert.equal(ended, true);
  assert.deepEqual(out.response, countScripts('hi'));
});

test('copilot: an image counts once, from generatingImage or its partial frames, however many arrive', () => {
  // The frames without ids, as a proxy's tests replay them.
  let { out } = read(['{"event":"generatingImage","prompt":"a red apple"}',
    '{"event":"partialImageGenerated","content":"/9j/rough"}', '{"event":"partialImageGenerated","content":"/9j/sharper"}',
    '{"event":"imageGenerated","url":"https://example.invalid/final.png"}', '{"event":"done"}']);
  assert.equal(out.images, 1);
  assert.deepEqual(out.modes, ['image_generation']);
  // Two images, each its own part.
  ({ out } = read(['{"event":"generatingImage","partId":"p1","prompt":"a"}', '{"event":"generatingImage","partId":"p2","prompt":"b"}',
    '{"event":"partialImageGenerated","partId":"p1","content":"x"}', '{"event":"partialImageGenerated","partId":"p2","content":"y"}',
    '{"event":"imageGenerated","partId":"p1","url":"u1"}', '{"event":"imageGenerated","partId":"p2","url":"u2"}',
    '{"event":"done"}']));
  assert.equal(out.images, 2);
  // An imageGenerated alone (the older reading) still counts one.
  ({ out } = read(['{"event":"imageGenerated","url":"https://example.invalid/final.png"}', '{"event":"done"}']));
  assert.equal(out.images, 1);
});

test('copilot: an image turn the socket closes after the image frames is complete; one cut before them is not', () => {
  // Measured on 2026-08-23 (6 of 7 turns): the picture streams as partials, then the socket closes.
  const image = ['{"event":"appendText","partId":"0","text":"Sure, here it is."}',
    '{"event":"generatingImage","partId":"1","prompt":"a red apple"}',
    '{"event":"partialImageGenerated","partId":"1","content":"/9j/rough"}',
    '{"event":"partialImageGenerated","partId":"1","content":"/9j/final"}'];
  let { out, ended } = read(image);
  assert.equal(ended, false, 'the socket\'s close ends it, not a frame');
  assert.equal(out.complete, true);
  assert.equal(out.images, 1);
  assert.deepEqual(out.response, countScripts('Sure, here it is.'));
  ({ out } = read(image.slice(0, 2)));
  assert.equal(out.complete, false, 'closed while the image was only announced');
  assert.equal(out.images, 1);
  ({ out } = read([...image, '{"event":"appendText","partId":"2","text":"Want another"}']));
  assert.equal(out.complete, false, 'closed in the middle of text after the image');
});
