// Grok (grok.com). Submit: POST /rest/app-chat/conversations/new or
// /rest/app-chat/conversations/<id>/responses with a JSON body ("message",
// "modelName", "isReasoning", "deepsearchPreset", "disableSearch",
// "enableImageGeneration"). The answer streams as newline-delimited JSON:
// {"result": {"response": {"token": ..., "isThinking": ...}}} (or without the
// "response" level on the /responses endpoint), and a final "modelResponse"
// with the full message and any generated image URLs.

import { tryJson, createLineSplitter } from '../stream.js';
import { countScripts } from '../scripts.js';
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
    if (req.isReasoning || /think|reason/i.test(req.modelMode || '')) modes.push('reasoning');
    if (req.deepsearchPreset) modes.push('deep_research');
    if (req.disableSearch === false) modes.push('web_search');
    return { model: cleanModel(req.modelName), modes: cleanModes(modes), prompt: countScripts(req.message), context: null };
  },

  createReader() {
    const answer = createAnswer();
    let finalMessage = null;
    let images = 0;
    let model = null;
    const lines = createLineSplitter((line) => {
      const msg = tryJson(line.trim());
      const result = msg && msg.result;
      if (!result || typeof result !== 'object') return;
      const r = result.response && typeof result.response === 'object' ? result.response : result;
      if (typeof r.token === 'string' && !r.isThinking) answer.append(r.token);
      const full = r.modelResponse;
      if (full && typeof full === 'object') {
        if (typeof full.message === 'string') finalMessage = full.message;
        if (Array.isArray(full.generatedImageUrls)) images = full.generatedImageUrls.length;
        if (full.model) model = full.model;
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
          model: cleanModel(model),
          modes: images > 0 ? ['image_generation'] : [],
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
