// Mistral Le Chat (chat.mistral.ai). Submit: POST /api/chat with a JSON body
// ({"chatId", "mode": "start"|"append", "model", "messageInput", "features"}).
// The answer streams as lines "<tag>:<json>"; the JSON carries "patches"
// (JSON-patch-like ops on /contentChunks) for the assistant message. Lines in
// the AI-SDK text form (0:"text") are accepted as well.

import { tryJson, createLineSplitter } from '../stream.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText, countAll } from './common.js';

const SUBMIT_PATH = /^\/api\/chat\/?$/;

const FEATURE_MODES = [
  [/websearch|web_search/, 'web_search'],
  [/imagegen|image/, 'image_generation'],
  [/reason|think/, 'reasoning'],
  [/research/, 'deep_research'],
  [/canvas/, 'canvas'],
];

export default {
  service: 'lechat',
  label: 'Le Chat',
  hosts: ['chat.mistral.ai'],
  matches: ['https://chat.mistral.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object' || req.messageInput === undefined) return null;
    const modes = [];
    for (const f of Array.isArray(req.features) ? req.features : []) {
      for (const [re, mode] of FEATURE_MODES) if (re.test(String(f))) modes.push(mode);
    }
    return {
      model: cleanModel(req.model),
      modes: cleanModes(modes),
      prompt: countAll([contentText(req.messageInput)]),
      context: null,
    };
  },

  createReader() {
    const answer = createAnswer();
    let chunks = [];
    let images = 0;
    const applyPatch = (p) => {
      if (!p || typeof p.path !== 'string') return;
      if (p.path === '/contentChunks' && Array.isArray(p.value)) {
        chunks = p.value.map((c) => (c && c.type === 'text' ? c.text || '' : ''));
        images += p.value.filter((c) => c && c.type === 'image').length;
        return;
      }
      if (/^\/contentChunks\/-?\d*$/.test(p.path) && p.value && typeof p.value === 'object') {
        chunks.push(p.value.type === 'text' ? p.value.text || '' : '');
        if (p.value.type === 'image') images += 1;
        return;
      }
      const m = /^\/contentChunks\/(\d+)\/text$/.exec(p.path);
      if (m && typeof p.value === 'string') {
        const i = Number(m[1]);
        while (chunks.length <= i) chunks.push('');
        chunks[i] = p.op === 'append' ? chunks[i] + p.value : p.value;
      }
    };
    const lines = createLineSplitter((line) => {
      const colon = line.indexOf(':');
      if (colon <= 0) return;
      const tag = line.slice(0, colon);
      const payload = tryJson(line.slice(colon + 1));
      if (tag === '0' && typeof payload === 'string') {
        chunks.push(payload);
        return;
      }
      const obj = payload && payload.json ? payload.json : payload;
      if (!obj || typeof obj !== 'object') return;
      for (const p of Array.isArray(obj.patches) ? obj.patches : []) applyPatch(p);
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        answer.replace(chunks.join(''));
        return { response: answer.counts(), images, model: null, modes: images > 0 ? ['image_generation'] : [] };
      },
    };
  },

  dom: {
    user: '[data-message-author-role="user"], div[class*="user-message"]',
    assistant: '[data-message-author-role="assistant"], div[class*="assistant-message"]',
    input: 'textarea, [contenteditable="true"]',
    send: 'button[type="submit"], button[aria-label*="Send" i]',
  },
};
