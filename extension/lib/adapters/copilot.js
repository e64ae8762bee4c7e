// Microsoft Copilot (copilot.microsoft.com). The page talks over a WebSocket
// (wss://copilot.microsoft.com/c/api/chat?api-version=2...). A prompt is an
// outgoing frame {"event":"send","content":[{"type":"text","text":...}],
// "mode":...}; the answer arrives as "appendText" frames and ends with
// "done". Each frame is one JSON object.

import { tryJson } from '../stream.js';
import { cleanModes, createAnswer, pathOf, hostOf, countAll } from './common.js';

const MODE_MAP = { reasoning: ['reasoning'], 'think-deeper': ['reasoning'], research: ['deep_research'], smart: [] };

export default {
  service: 'copilot',
  label: 'Microsoft Copilot',
  hosts: ['copilot.microsoft.com'],
  matches: ['https://copilot.microsoft.com/*'],
  transport: 'websocket',

  isSubmit() {
    return false;
  },

  isSocket(url) {
    return hostOf(url) === 'copilot.microsoft.com' && /^\/c\/api\/chat/.test(pathOf(url));
  },

  /** An outgoing frame that submits a prompt, as a parsed request, or null. */
  parseRequest(frame) {
    const msg = tryJson(frame);
    if (!msg || msg.event !== 'send' || !Array.isArray(msg.content)) return null;
    const texts = msg.content.filter((p) => p && p.type === 'text').map((p) => p.text || '');
    return { model: null, modes: cleanModes(MODE_MAP[msg.mode] || []), prompt: countAll(texts), context: null };
  },

  createReader() {
    const answer = createAnswer();
    let images = 0;
    let done = false;
    return {
      /** One incoming frame; returns true once the turn is over. */
      push(frame) {
        const msg = tryJson(frame);
        if (!msg || typeof msg !== 'object') return done;
        if (msg.event === 'appendText') answer.append(msg.text);
        if (msg.event === 'imageGenerated') images += 1;
        if (msg.event === 'done' || msg.event === 'error') done = true;
        return done;
      },
      get done() {
        return done;
      },
      finish() {
        return { response: answer.counts(), images, model: null, modes: images > 0 ? ['image_generation'] : [] };
      },
    };
  },

  dom: {
    user: '[data-content="user-message"], [data-testid="user-message"]',
    assistant: '[data-content="ai-message"], [data-testid="ai-message"]',
    input: 'textarea#userInput, textarea',
    send: 'button[aria-label*="Submit" i], button[type="submit"]',
  },
};
