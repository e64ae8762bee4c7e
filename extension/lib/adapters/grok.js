// Grok (grok.com). Submit: POST /rest/app-chat/conversations/new (first
// prompt) or /rest/app-chat/conversations/<id>/responses (follow-up, edit,
// regenerate) with a JSON body ("message", "modelName" or "modelMode",
// "isReasoning", "deepsearchPreset", "disableSearch", "enableImageGeneration").
// The answer streams as newline-delimited JSON, each line {"result": ...}:
// "conversation" (new chat), "response.userResponse" (the prompt echoed),
// "response.uiLayout" (its "steerModelId" names the model that runs),
// "response.token" deltas ("isThinking" true for reasoning, "messageTag"
// "final" for the answer), an empty token with "isSoftStop": true when the
// answer ends, then "response.modelResponse" with the whole message,
// generated image URLs and request metadata, and a "title". On the
// /responses endpoint the "response" level may be missing. See
// tests/fixtures/grok/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/rest\/app-chat\/conversations\/(?:new|[^/]+\/responses)\/?$/;

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
    const modes = [];
    // Expert and Heavy always think; Auto decides per prompt (seen in the stream).
    if (req.isReasoning || /think|reason|EXPERT|HEAVY/i.test(req.modelMode || '')) modes.push('reasoning');
    if (req.deepsearchPreset) modes.push('deep_research');
    // Search is on by default ("disableSearch": false on every send), so
    // web_search is reported only when the answer used it.
    return { model: cleanModel(req.modelName), modes: cleanModes(modes), prompt: countScripts(req.message), context: null };
  },

  createReader() {
    const answer = createAnswer();
    let finalMessage = null;
    let images = 0;
    let model = null;
    let requested = null;
    let parsed = false;
    let complete = false;
    let thought = false;
    let searched = false;
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
        // Thinking tokens, their step headers and tool cards are not the answer.
        const tag = typeof r.messageTag === 'string' ? r.messageTag : 'final';
        if (!r.isThinking && (tag === 'final' || tag === 'assistant')) answer.append(r.token);
        if (r.isSoftStop === true) complete = true;
      }
      const full = r.modelResponse;
      if (full && typeof full === 'object') {
        parsed = true;
        complete = true;
        if (typeof full.message === 'string') finalMessage = full.message;
        if (Array.isArray(full.generatedImageUrls)) images = full.generatedImageUrls.length;
        if (Array.isArray(full.webSearchResults) && full.webSearchResults.length > 0) searched = true;
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
        return {
          response: answer.counts(),
          images,
          model: cleanModel(model || requested),
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
