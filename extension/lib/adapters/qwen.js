// Qwen Chat (chat.qwen.ai). Submit: POST /api/v2/chat/completions?chat_id=...
// (or /api/chat/completions) with an OpenAI-like body; messages carry
// chat_type (t2t, search, t2i, deep_research, ...) and feature_config
// (thinking_enabled). The answer streams as SSE with choices[0].delta, whose
// "phase" separates thinking ("think", since 2026 "thinking_summary" with the
// text in extra.summary_thought), search ("web_search") and image steps from
// the answer ("answer"). The answer phase's status "finished" ends the
// stream. See tests/fixtures/qwen/EVIDENCE.md.

import { tryJson, createSseParser } from '../capture/stream.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText, countAll } from './common.js';

const SUBMIT_PATH = /^\/api(?:\/v\d+)?\/chat\/completions\/?$/;
const CHAT_TYPE_MODES = { search: 'web_search', t2i: 'image_generation', deep_research: 'deep_research', artifacts: 'canvas' };

export default {
  service: 'qwen',
  label: 'Qwen Chat',
  hosts: ['chat.qwen.ai'],
  matches: ['https://chat.qwen.ai/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || !Array.isArray(req.messages) || req.messages.length === 0) return null;
    const msgs = req.messages.filter((m) => m && typeof m === 'object');
    const last = msgs[msgs.length - 1];
    if (!last || last.role !== 'user') return null;
    const modes = [];
    if (CHAT_TYPE_MODES[last.chat_type]) modes.push(CHAT_TYPE_MODES[last.chat_type]);
    if (last.feature_config && last.feature_config.thinking_enabled) modes.push('reasoning');
    // With incremental_output the client sends only the new turn; when it
    // sends history, that is the context the model re-reads.
    const earlier = msgs.slice(0, -1).map((m) => contentText(m.content));
    return {
      model: cleanModel(req.model || (Array.isArray(last.models) ? last.models[0] : null)),
      modes: cleanModes(modes),
      prompt: countAll([contentText(last.content)]),
      context: earlier.length ? countAll(earlier) : null,
    };
  },

  createReader() {
    const answer = createAnswer();
    let images = 0;
    let parsed = false;
    let complete = false;
    let searched = false;
    let model = null;
    const sse = createSseParser(({ data }) => {
      if (data === '[DONE]') {
        complete = true;
        return;
      }
      const msg = tryJson(data);
      if (!msg || typeof msg !== 'object') return;
      if (msg['response.created'] || msg['response.completed']) parsed = true;
      if (msg['response.completed']) complete = true;
      const choice = Array.isArray(msg.choices) && msg.choices[0];
      const delta = choice && choice.delta;
      if (!delta || typeof delta !== 'object') return;
      parsed = true;
      if (typeof msg.model === 'string') model = msg.model;
      const phase = delta.phase || 'answer';
      if (phase === 'answer' && typeof delta.content === 'string') answer.append(delta.content);
      if (phase === 'answer' && delta.status === 'finished') complete = true;
      if (choice.finish_reason === 'stop') complete = true;
      if (phase === 'web_search') searched = true;
      if (phase === 'image_gen' && delta.status === 'finished') images += 1;
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        const modes = [];
        if (images > 0) modes.push('image_generation');
        if (searched) modes.push('web_search');
        return { response: answer.counts(), images, model: cleanModel(model), modes, complete, parsed };
      },
    };
  },

  dom: {
    user: '.chat-user-message, [class*="user-message"]',
    assistant: '.chat-response-message, [class*="response-message-content"]',
    input: 'textarea#chat-input, textarea',
    send: 'button#send-message-button, button[type="submit"]',
  },
};
