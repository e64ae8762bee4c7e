// Kimi (www.kimi.com). Submit: POST /api/chat/<chat_id>/completion/stream
// with {"model", "use_search", "use_deep_research", "messages": [...]}; the
// answer streams as SSE data objects with "event": "cmpl" (answer text),
// "k1" (thinking, not shown as the answer) and "all_done".

import { tryJson, createSseParser } from '../stream.js';
import { cleanModes, cleanModel, createAnswer, pathOf, contentText, countAll } from './common.js';

const SUBMIT_PATH = /^\/api\/chat\/[^/]+\/completion\/stream\/?$/;

export default {
  service: 'kimi',
  label: 'Kimi',
  hosts: ['www.kimi.com', 'kimi.com', 'kimi.moonshot.cn'],
  matches: ['https://www.kimi.com/*', 'https://kimi.com/*', 'https://kimi.moonshot.cn/*'],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body) {
    const req = tryJson(body);
    if (!req || !Array.isArray(req.messages)) return null;
    const users = req.messages.filter((m) => m && m.role === 'user');
    if (users.length === 0) return null;
    const modes = [];
    if (req.use_search) modes.push('web_search');
    if (req.use_deep_research) modes.push('deep_research');
    if (req.use_thinking || /k1|thinking/i.test(req.model || '')) modes.push('reasoning');
    const history = Array.isArray(req.history) ? req.history.map((m) => contentText(m && m.content)) : [];
    return {
      model: cleanModel(req.model),
      modes: cleanModes(modes),
      prompt: countAll([contentText(users[users.length - 1].content)]),
      context: history.length ? countAll(history) : null,
    };
  },

  createReader() {
    const answer = createAnswer();
    const sse = createSseParser(({ data }) => {
      const msg = tryJson(data);
      if (msg && msg.event === 'cmpl' && typeof msg.text === 'string') answer.append(msg.text);
    });
    return {
      push: (t) => sse.push(t),
      finish() {
        sse.end();
        return { response: answer.counts(), images: 0, model: null };
      },
    };
  },

  dom: {
    user: '.chat-content-item-user, [class*="segment-user"]',
    assistant: '.chat-content-item-assistant, [class*="segment-assistant"]',
    input: '.chat-input-editor, [contenteditable="true"], textarea',
    send: '.send-button, button[type="submit"]',
  },
};
