// DeepSeek (chat.deepseek.com). Submit: POST /api/v0/chat/completion (also
// /regenerate, /edit_message, and /resume_stream for an answer that goes on
// after a reload) with {"prompt", "thinking_enabled", "search_enabled", ...};
// the answer streams as SSE. The current encoding patches a response object:
// fragments of type THINK (reasoning, not shown as the answer), SEARCH and
// RESPONSE, with {p, o, v} where a missing p/o repeats the previous ones. The
// answer ends with "response/status" FINISHED (or quasi_status in a BATCH)
// and an "event: close". The older encoding sent OpenAI-style
// choices[0].delta.content with a "type" of thinking or text. See
// tests/fixtures/deepseek/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /^\/api\/v0\/chat\/(?:completion|regenerate|edit_message|resume_stream|continue)\/?$/;

export default {
  service: 'deepseek',
  label: 'DeepSeek',
  hosts: ['chat.deepseek.com'],
  matches: ['https://chat.deepseek.com/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || typeof req !== 'object') return null;
    const modes = [];
    if (req.thinking_enabled) modes.push('reasoning');
    if (req.search_enabled) modes.push('web_search');
    // The web app names no model; thinking runs deepseek-reasoner, else
    // deepseek-chat (the names the app's own docs and API use).
    return {
      model: cleanModel(req.thinking_enabled ? 'deepseek-reasoner' : 'deepseek-chat'),
      modes: cleanModes(modes),
      prompt: countScripts(typeof req.prompt === 'string' ? req.prompt : ''),
      context: null,
    };
  },

  createReader() {
    const answer = createAnswer();
    const fragmentTypes = [];
    let lastPath = '';
    let lastOp = 'SET';
    let model = null;
    let parsed = false;
    let complete = false;

    const addFragments = (list) => {
      for (const f of Array.isArray(list) ? list : []) {
        fragmentTypes.push(f && f.type);
        if (f && f.type === 'RESPONSE') answer.append(f.content || '');
      }
    };
    const apply = (path, op, v) => {
      if (op === 'BATCH' && Array.isArray(v)) {
        for (const inner of v) apply(inner.p ? `${path}/${inner.p}` : path, inner.o || 'SET', inner.v);
        return;
      }
      if ((path === 'response/status' || path === 'response/quasi_status') && v === 'FINISHED') complete = true;
      if (path === 'response/fragments' && op === 'APPEND') return addFragments(v);
      const m = /^response\/fragments\/(-?\d+)\/content$/.exec(path);
      if (m && op === 'APPEND' && typeof v === 'string') {
        const i = Number(m[1]);
        const type = fragmentTypes[i < 0 ? fragmentTypes.length + i : i];
        if (type === 'RESPONSE') answer.append(v);
      }
      return undefined;
    };
    const sse = createSseParser(({ event, data }) => {
      if (event === 'close') {
        complete = true;
        return;
      }
      if (event === 'ready' || event === 'title' || event === 'update_session' && !/"v"/.test(data)) {
        if (event === 'ready') parsed = true;
        return;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (Array.isArray(msg.choices)) {
        parsed = true;
        if (msg.choices[0] && msg.choices[0].finish_reason) complete = true;
        const delta = msg.choices[0] && msg.choices[0].delta;
        if (msg.model) model = msg.model;
        if (delta && typeof delta.content === 'string' && delta.type !== 'thinking') answer.append(delta.content);
        return;
      }
      if (msg.v === undefined) return;
      parsed = true;
      if (msg.v && typeof msg.v === 'object' && msg.v.response && msg.p === undefined) {
        if (msg.v.response.model) model = msg.v.response.model;
        addFragments(msg.v.response.fragments);
        lastPath = 'response/fragments/-1/content';
        lastOp = 'APPEND';
        return;
      }
      if (msg.p !== undefined) lastPath = msg.p;
      if (msg.o !== undefined) lastOp = msg.o;
      // A text value on a content path without "o" is still an append.
      else if (msg.p !== undefined) lastOp = /\/content$/.test(msg.p) && typeof msg.v === 'string' ? 'APPEND' : 'SET';
      apply(lastPath, lastOp, msg.v);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        return { response: answer.counts(), images: 0, model: cleanModel(model), complete, parsed };
      },
    };
  },

  dom: {
    user: '._9663006, [class*="fbb737a4"]',
    assistant: '.ds-markdown',
    input: 'textarea#chat-input, textarea',
    send: 'div[role="button"][aria-disabled="false"]',
  },
};
