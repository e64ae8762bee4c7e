// Grok (grok.com). Submit: POST /rest/app-chat/conversations/new (first
// prompt) or /rest/app-chat/conversations/<id>/responses (follow-up, edit,
// regenerate) with a JSON body ("message"; since 2026 "modeId" (auto, fast,
// expert, heavy) and sometimes "responseMetadata.requestModelDetails.modelId",
// before that "modelName" or "modelMode"; "isReasoning", "deepsearchPreset",
// "disableSearch", "enableImageGeneration").
// The answer streams as newline-delimited JSON, each line {"result": ...}:
// "conversation" (new chat), "response.userResponse" (the prompt echoed),
// "response.uiLayout" (its "steerModelId" names the model that runs),
// "response.token" deltas ("isThinking" true for reasoning, per agent with a
// "rolloutId" in Expert and Heavy; "messageTag" "final" for the answer, other
// tags for steps, tool cards and tool results), "toolUsageCard" (webSearch,
// xSearch, ...) and "webSearchResults" / "xSearchResults", image progress
// ("streamingImageGenerationResponse", or a "cardAttachment" whose jsonData
// holds an "image_chunk"), an empty token with "isSoftStop": true (or
// "finalMetadata") when the answer ends, then "response.modelResponse" with
// the whole message, generated images and request metadata, and a "title".
// On the /responses endpoint the "response" level may be missing. See
// tests/fixtures/grok/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/rest\/app-chat\/conversations\/(?:new|[^/]+\/responses)\/?$/;
// Image cards: generated or edited (a searched image is a web result, not made here).
const IMAGE_CARD = /^render_(?:generated|edited)_image$/;
// Inline citation and image placeholders inside answer tokens; the page shows a chip or the image instead.
const RENDER_TAG = /<grok:render\b[^>]*>[\s\S]*?<\/grok:render>/g;

const str = (v) => (typeof v === 'string' ? v : '');
const visible = (text) => text.replace(RENDER_TAG, '');

/** A request model id that names a model (not a mode word such as "auto"). */
function modelId(req) {
  const meta = req.responseMetadata && req.responseMetadata.requestModelDetails;
  const id = meta && str(meta.modelId);
  return /^grok-/i.test(id) ? id : null;
}

/** The parsed jsonData of a card attachment (an object, or a JSON string), or null. */
function cardData(card) {
  const data = card && typeof card === 'object' ? card.jsonData : card;
  const jd = typeof data === 'string' ? tryJson(data) : data;
  return jd && typeof jd === 'object' ? jd : null;
}

export default {
  service: 'grok',
  label: 'Grok',
  hosts: ['grok.com'],
  matches: ['https://grok.com/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || typeof req.message !== 'string') return null;
    const mode = str(req.modeId).toLowerCase();
    const heavy = mode === 'heavy' || /HEAVY/i.test(str(req.modelMode));
    const modes = [];
    // Expert and Heavy always think; Auto decides per prompt (seen in the stream).
    if (req.isReasoning || /think|reason|EXPERT|HEAVY/i.test(str(req.modelMode))
      || ['expert', 'heavy', 'reasoning'].includes(mode)) modes.push('reasoning');
    if (req.deepsearchPreset || mode === 'deepsearch') modes.push('deep_research');
    // Search is on by default ("disableSearch": false on every send), so
    // web_search is reported only when the answer used it.
    const model = modelId(req) || str(req.modelName) || (heavy ? 'grok-4-heavy' : null);
    return { model: cleanModel(model), modes: cleanModes(modes), prompt: countScripts(req.message), context: null, heavy };
  },

  createReader(request) {
    const heavy = Boolean(request && request.heavy);
    const answer = createAnswer();
    let finalMessage = null;
    const made = new Set(); // generated images, by id, once each at their final chunk
    let listed = 0; // the legacy list of generated image URLs
    let model = null;
    let requested = null;
    let parsed = false;
    let complete = false;
    let thought = false;
    let searched = false;
    const image = (key, done) => {
      if (done && key) made.add(key);
    };
    const card = (raw) => {
      const jd = cardData(raw);
      if (!jd) return;
      parsed = true;
      const chunk = jd.image_chunk;
      if (!IMAGE_CARD.test(str(jd.type)) || !chunk || typeof chunk !== 'object') return;
      // Progress climbs to 100; a chunk without progress is already the image.
      const done = chunk.progress === undefined || Number(chunk.progress) >= 100;
      image(str(chunk.imageUuid) || str(jd.id) || str(chunk.imageUrl), done);
    };
    const results = (v) => (Array.isArray(v) ? v.length > 0 : Boolean(v && Array.isArray(v.results) && v.results.length));
    const lines = createLineSplitter((line) => {
      const msg = tryJson(line.trim());
      const result = msg && msg.result;
      if (!result || typeof result !== 'object') return;
      const r = result.response && typeof result.response === 'object' ? result.response : result;
      if (result.conversation || result.title || r.userResponse || r.uiLayout || r.llmInfo) parsed = true;
      if (r.uiLayout && typeof r.uiLayout.steerModelId === 'string') model = r.uiLayout.steerModelId;
      if (typeof r.token === 'string') {
        parsed = true;
        if (r.isThinking && r.token) thought = true;
        if (r.token.includes('<xai:tool_name>web_search<')) searched = true;
        // Thinking tokens, their step headers, summaries, tool cards and results are not the answer.
        const tag = typeof r.messageTag === 'string' ? r.messageTag : 'final';
        if (!r.isThinking && (tag === 'final' || tag === 'assistant')) answer.append(visible(r.token));
        if (r.isSoftStop === true) complete = true;
      }
      const tool = r.toolUsageCard;
      if (tool && typeof tool === 'object') {
        parsed = true;
        if (tool.webSearch || tool.xSearch) searched = true;
      }
      if (results(r.webSearchResults) || results(r.xSearchResults)) {
        parsed = true;
        searched = true;
      }
      if (r.cardAttachment) card(r.cardAttachment);
      const img = r.streamingImageGenerationResponse;
      if (img && typeof img === 'object') {
        parsed = true;
        const key = str(img.imageId) || (img.imageIndex !== undefined ? `#${img.imageIndex}` : str(img.imageUrl));
        image(key, img.isFinal === true || Number(img.progress) >= 100);
      }
      if (r.finalMetadata) {
        parsed = true;
        complete = true;
      }
      const full = r.modelResponse;
      if (full && typeof full === 'object') {
        parsed = true;
        complete = true;
        if (typeof full.message === 'string') finalMessage = visible(full.message);
        if (Array.isArray(full.generatedImageUrls)) listed = full.generatedImageUrls.length;
        if (Array.isArray(full.cardAttachmentsJson)) full.cardAttachmentsJson.forEach(card);
        if (results(full.webSearchResults) || results(full.xSearchResults)) searched = true;
        const meta = full.requestMetadata || (full.metadata && full.metadata.request_metadata);
        if (meta && typeof meta.model === 'string') requested = meta.model;
        if (!requested && typeof full.model === 'string') requested = full.model;
      }
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        if (finalMessage !== null) answer.replace(finalMessage);
        // The same images may come as progress events or cards and again as URLs in modelResponse.
        const images = Math.max(made.size, listed);
        const ran = model || requested;
        return {
          response: answer.counts(),
          images,
          // Heavy runs several agents; the stream may name only the base model.
          model: cleanModel(heavy && !/heavy/i.test(str(ran)) ? 'grok-4-heavy' : ran),
          modes: cleanModes([images > 0 && 'image_generation', thought && 'reasoning', searched && 'web_search']),
          complete,
          parsed,
        };
      },
    };
  },

  dom: {
    user: '.message-bubble.bg-surface-l1, div[class*="items-end"] .message-bubble',
    assistant: 'div[class*="items-start"] .message-bubble',
    input: 'textarea, [contenteditable="true"]',
    send: 'button[type="submit"]',
  },
};
