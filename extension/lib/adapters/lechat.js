// Mistral Le Chat (chat.mistral.ai). A follow-up is one POST /api/chat with
// {"chatId", "mode": "append", "model", "messageInput", "features", ...}. The
// first prompt of a new chat is two calls: the tRPC mutation
// POST /api/trpc/message.newChat?batch=1 ({"0": {"json": {"content": [...],
// "features", "model", ...}}}) stores the prompt, then POST /api/chat with
// mode "start" and no messageInput streams the answer: the prompt counts are
// kept from the first call and reported with the second, once.
// The answer streams as lines "<tag>:<json>": tag 15 carries {"json":
// {"type": "message", "patches": [...]}} (JSON-patch-like ops on
// /contentChunks), tag 8 ends the stream. Evidence: tests/fixtures/lechat/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { cleanModes, cleanModel, pathOf, contentText, countAll } from './common.js';

const CHAT_PATH = /^\/api\/chat\/?$/;
const NEW_CHAT_PATH = /^\/api\/trpc\/(?:[\w.]+,)*message\.newChat(?:,[\w.]+)*\/?$/;

const FEATURE_MODES = [
  [/websearch|web_search/, 'web_search'],
  [/imagegen|image/, 'image_generation'],
  [/reason|think/, 'reasoning'],
  [/research/, 'deep_research'],
  [/canvas/, 'canvas'],
];

function featureModes(features) {
  const modes = [];
  for (const f of Array.isArray(features) ? features : []) {
    for (const [re, mode] of FEATURE_MODES) if (re.test(String(f))) modes.push(mode);
  }
  return modes;
}

// The prompt of the newChat call, waiting for its /api/chat "start" stream.
let pending = null;

export default {
  service: 'lechat',
  label: 'Le Chat',
  hosts: ['chat.mistral.ai'],
  matches: ['https://chat.mistral.ai/*'],

  isSubmit({ url, method }) {
    const path = pathOf(url);
    return method === 'POST' && (CHAT_PATH.test(path) || NEW_CHAT_PATH.test(path));
  },

  parseRequest(body, { url } = {}) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    if (NEW_CHAT_PATH.test(pathOf(url || ''))) {
      const input = req['0'] && req['0'].json;
      if (!input || typeof input !== 'object') return null;
      pending = {
        model: cleanModel(input.model),
        modes: cleanModes(featureModes(input.features)),
        prompt: countAll([contentText(input.content)]),
        at: Date.now(),
      };
      return null; // the answer comes on /api/chat
    }
    if (typeof req.mode !== 'string' || typeof req.chatId !== 'string') return null;
    if (req.messageInput === undefined) {
      // "start": the first answer of a chat created by message.newChat just
      // before. Without messageInput otherwise (a retry): the answer counts, no new prompt.
      const first = req.mode === 'start' && pending && Date.now() - pending.at < 120000 ? pending : null;
      if (req.mode === 'start') pending = null;
      const modes = cleanModes([...(first ? first.modes : []), ...featureModes(req.features)]);
      return { model: cleanModel(req.model) || (first && first.model), modes, prompt: first ? first.prompt : {},
        context: null };
    }
    return {
      model: cleanModel(req.model),
      modes: cleanModes(featureModes(req.features)),
      prompt: countAll([contentText(req.messageInput)]),
      context: null,
    };
  },

  createReader() {
    let chunks = [];
    let images = 0;
    let parsed = false;
    let complete = false;
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
      if (tag === '8') {
        complete = true;
        return;
      }
      const payload = tryJson(line.slice(colon + 1));
      if (tag === '0' && typeof payload === 'string') {
        // The AI-SDK text form.
        chunks.push(payload);
        parsed = true;
        return;
      }
      const obj = payload && payload.json ? payload.json : payload;
      if (!obj || typeof obj !== 'object' || !Array.isArray(obj.patches)) return;
      parsed = true;
      for (const p of obj.patches) applyPatch(p);
    });
    return {
      push: (t) => lines.push(t),
      finish() {
        lines.end();
        return { response: countAll([chunks.join('')]), images, model: null,
          modes: images > 0 ? ['image_generation'] : [], complete, parsed };
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
