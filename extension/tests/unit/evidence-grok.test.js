// The grok adapter over every evidence fixture of tests/fixtures/grok/ (see its
// EVIDENCE.md): each variant's request, answer counts, model, modes and end
// marker; a cut-off stream is not complete and junk is not parsed. Then the
// request and stream shapes EVIDENCE.md names that no fixture carries whole:
// 2026 modeId values, images counted once whichever shape brings them, and
// search seen from tool cards and results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterById } from '../../lib/adapters/index.js';
import { evidenceTests, feed } from './evidence-helpers.js';

evidenceTests('grok');

const grok = adapterById('grok');
const send = (fields) => grok.parseRequest(JSON.stringify({ message: 'Hello there', ...fields }));
const line = (response) => `${JSON.stringify({ result: { response } })}\n`;
const read = (lines, request = send({ modeId: 'auto' })) => {
  const reader = grok.createReader(request);
  feed(reader, lines.join(''));
  return reader.finish();
};

test('grok: 2026 modeId picks the modes and Heavy its model; the older fields still work', () => {
  assert.deepEqual(send({ modeId: 'auto' }).modes, []);
  assert.deepEqual(send({ modeId: 'fast' }).modes, []);
  assert.deepEqual(send({ modeId: 'expert' }).modes, ['reasoning']);
  assert.deepEqual(send({ modeId: 'heavy' }).modes, ['reasoning']);
  assert.equal(send({ modeId: 'heavy' }).model, 'grok-4-heavy');
  assert.equal(send({ modeId: 'expert' }).model, null);
  assert.deepEqual(send({ modeId: 'deepsearch' }).modes, ['deep_research']);
  assert.deepEqual(send({ modeId: 'reasoning' }).modes, ['reasoning']);
  assert.deepEqual(send({ modeId: 'auto', deepsearchPreset: 'deeper' }).modes, ['deep_research']);
  assert.deepEqual(send({ modelMode: 'MODEL_MODE_EXPERT' }).modes, ['reasoning']);
  assert.equal(send({ modelName: 'grok-3', modelMode: 'MODEL_MODE_FAST' }).model, 'grok-3');
});

test('grok: a request model id counts only when it names a model', () => {
  const details = (modelId) => ({ modeId: 'auto', responseMetadata: { requestModelDetails: { modelId } } });
  assert.equal(send(details('grok-4-1-thinking-1129')).model, 'grok-4-1-thinking-1129');
  assert.equal(send(details('auto')).model, null);
  assert.equal(send({ modeId: 'auto', responseMetadata: {} }).model, null);
});

test('grok: Heavy reports grok-4-heavy when the stream names only the base model', () => {
  const layout = line({ uiLayout: { steerModelId: 'grok-4' } });
  assert.equal(read([layout], send({ modeId: 'heavy' })).model, 'grok-4-heavy');
  assert.equal(read([layout], send({ modeId: 'expert' })).model, 'grok-4');
});

test('grok: streamed image progress counts each image once, with or without the final URL list', () => {
  const progress = (imageId, p) => line({ streamingImageGenerationResponse: { imageId, imageIndex: imageId === 'b' ? 1 : 0,
    progress: p, imageUrl: `users/u/generated/${imageId}/image.jpg`, moderated: false, isFinal: p === 100 } });
  const events = ['a', 'b'].flatMap((id) => [0, 40, 100, 100].map((p) => progress(id, p)));
  const out = read(events);
  assert.equal(out.images, 2);
  assert.deepEqual(out.modes, ['image_generation']);
  const urls = line({ modelResponse: { message: 'Done.', generatedImageUrls: ['users/u/generated/a/image.jpg',
    'users/u/generated/b/image.jpg'] } });
  assert.equal(read([...events, urls]).images, 2);
  assert.equal(read([progress('a', 40)]).images, 0, 'an image not finished is not counted');
});

test('grok: image cards count once by their uuid, streamed or only in modelResponse; searched images are not made', () => {
  const card = (uuid, progress, type = 'render_generated_image') => JSON.stringify({ id: `card-${uuid}`, type,
    image_chunk: { imageUuid: uuid, imageUrl: `users/u/generated/${uuid}/image.jpg`, progress } });
  const streamed = [50, 100].map((p) => line({ cardAttachment: { jsonData: card('x', p) } }));
  const full = line({ modelResponse: { message: 'Done.', cardAttachmentsJson: [card('x', 50), card('x', 100)] } });
  assert.equal(read([...streamed, full]).images, 1);
  assert.equal(read([full]).images, 1);
  assert.equal(read([line({ cardAttachment: { jsonData: card('y', 100, 'render_edited_image') } })]).images, 1);
  const searched = JSON.stringify({ id: 's', type: 'render_searched_image', image: { thumbnail: 'https://example.org/t.jpg' } });
  assert.equal(read([line({ cardAttachment: { jsonData: searched } })]).images, 0);
  assert.equal(read([line({ cardAttachment: { jsonData: '{not json' } })]).images, 0);
});

test('grok: a web or X search is seen from its tool card or its results, not from other tools', () => {
  const tool = (card) => line({ messageTag: 'tool_usage_card', isThinking: true, toolUsageCard: { toolUsageCardId: 't', ...card } });
  assert.deepEqual(read([tool({ webSearch: { args: { query: 'q' } } })]).modes, ['web_search']);
  assert.deepEqual(read([tool({ xSearch: { args: { query: 'q' } } })]).modes, ['web_search']);
  assert.deepEqual(read([tool({ browsePage: { args: { url: 'https://example.org' } } })]).modes, []);
  assert.deepEqual(read([line({ xSearchResults: { results: [{ postId: '1', username: 'u' }] } })]).modes, ['web_search']);
  assert.deepEqual(read([line({ webSearchResults: { results: [] } })]).modes, []);
});

test('grok: only final tokens are the answer, without their render tags; finalMetadata ends it', () => {
  const out = read([
    line({ token: 'Planning', isThinking: true, messageTag: 'header', rolloutId: 'agent-1', messageStepId: 0 }),
    line({ token: 'call', isThinking: false, messageTag: 'function_call' }),
    line({ token: 'raw', isThinking: false, messageTag: 'raw_function_result' }),
    line({ token: 'Yes <grok:render card_id="c" card_type="citation_card" type="render_inline_citation"></grok:render>',
      isThinking: false, messageTag: 'final' }),
    line({ finalMetadata: {} }),
  ]);
  assert.deepEqual(out.response, { latin: 3 });
  assert.equal(out.complete, true);
  assert.deepEqual(out.modes, ['reasoning']);
});
