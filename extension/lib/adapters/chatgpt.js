// ChatGPT (chatgpt.com). Submit: POST /backend-api/conversation or
// /backend-api/f/conversation with a JSON body; the answer streams as SSE,
// either as "v1" delta patches ({p, o, v}) or, in the older encoding, as the
// whole message resent each time.

import { tryJson, createSseParser } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText } from './common.js';

// {"v": "<text without quotes, backslashes or control characters>"}: a delta whose JSON needs no decoding.
// eslint-disable-next-line no-control-regex -- JSON strings cannot hold raw control characters
const SIMPLE_DELTA = /^\{"v": ?"([^"\\\u0000-\u001f]*)"\}$/;

const SUBMIT_PATH = /^\/backend-api\/(?:f\/)?conversation\/?$/;
const REASONING_MODEL = /(^o\d)|thinking|reason/i;

function partsText(parts) {
  return Array.isArray(parts) ? parts.map((p) => (typeof p === 'string' ? p : '')).join('') : '';
}

function imagesIn(content) {
  if (!content || !Array.isArray(content.parts)) return 0;
  return content.parts.filter((p) => p && typeof p === 'object' && p.content_type === 'image_asset_pointer').length;
}

export default {
  service: 'chatgpt',
  label: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || !Array.isArray(req.messages)) return null;
    const users = req.messages.filter((m) => m && m.author && m.author.role === 'user');
    if (users.length === 0 && req.action !== 'variant') return null;
    const last = users[users.length - 1];
    const prompt = last ? countScripts(partsText(last.content && last.content.parts) || contentText(last.content)) : {};
    const hints = Array.isArray(req.system_hints) ? req.system_hints : [];
    const modes = [];
    if (hints.includes('search') || req.force_use_search) modes.push('web_search');
    if (hints.includes('research') || hints.includes('deep_research')) modes.push('deep_research');
    if (hints.includes('picture_v2') || hints.includes('image_gen')) modes.push('image_generation');
    if (hints.includes('reason') || REASONING_MODEL.test(req.model || '')) modes.push('reasoning');
    if (req.thinking_effort && req.thinking_effort !== 'none') modes.push('reasoning');
    if (hints.includes('canvas') || hints.includes('canmore')) modes.push('canvas');
    return { model: cleanModel(req.model), modes: cleanModes(modes), prompt, context: null };
  },

  createReader() {
    const answer = createAnswer();
    let images = 0;
    let model = null;
    // v1 delta state: the message currently being patched and the last path.
    let current = null;
    let lastPath = '';
    let lastOp = '';

    const startMessage = (msg) => {
      current = msg && msg.author ? { role: msg.author.role, type: msg.content && msg.content.content_type } : null;
      if (msg && msg.metadata && msg.metadata.model_slug) model = msg.metadata.model_slug;
      if (current && current.role === 'assistant') {
        images += imagesIn(msg.content);
        if (current.type === 'text') answer.append(partsText(msg.content.parts));
      }
      if (current && current.role === 'tool') images += imagesIn(msg.content);
    };
    const isAnswer = () => current && current.role === 'assistant' && current.type === 'text';
    const applyPatch = (op) => {
      const path = op.p !== undefined ? op.p : lastPath;
      const kind = op.o !== undefined ? op.o : lastOp;
      lastPath = path;
      lastOp = kind;
      if (kind === 'patch' && Array.isArray(op.v)) {
        for (const inner of op.v) applyPatch(inner);
        return;
      }
      if (path === '' && kind === 'add' && op.v && op.v.message) return startMessage(op.v.message);
      if (kind === 'append' && path === '/message/content/parts/0' && typeof op.v === 'string' && isAnswer()) {
        answer.append(op.v);
      }
      return undefined;
    };
    const onEvent = ({ data }) => {
      if (data === '[DONE]') return;
      // Most events of a long answer are one-token deltas {"v": "..."}: read
      // those without JSON.parse (same result, a fraction of the page's time).
      const simple = SIMPLE_DELTA.exec(data);
      if (simple) return applyPatch({ v: simple[1] });
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (msg.v !== undefined || msg.o !== undefined || msg.p !== undefined) {
        if (msg.v && msg.v.message && msg.p === undefined && msg.o === undefined) return startMessage(msg.v.message);
        return applyPatch(msg);
      }
      if (msg.message && msg.message.author) {
        // Legacy encoding: the message is resent in full each time.
        const m = msg.message;
        if (m.metadata && m.metadata.model_slug) model = m.metadata.model_slug;
        if (m.author.role === 'assistant' && m.content && m.content.content_type === 'text') {
          answer.replace(partsText(m.content.parts));
        }
        if (m.status === 'finished_successfully') images += imagesIn(m.content);
      }
      return undefined;
    };
    const sse = createSseParser(onEvent);
    return {
      push: (text) => sse.push(text),
      finish() {
        sse.end();
        return { response: answer.counts(), images, model: cleanModel(model) };
      },
    };
  },

  dom: {
    user: '[data-message-author-role="user"]',
    assistant: '[data-message-author-role="assistant"]',
    input: '#prompt-textarea, form textarea, [contenteditable="true"]',
    send: '[data-testid="send-button"], button[type="submit"]',
  },
};
