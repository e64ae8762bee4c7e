// Microsoft Copilot (copilot.microsoft.com). The page talks over a WebSocket
// (wss://copilot.microsoft.com/c/api/chat?api-version=2...). A prompt is an
// outgoing frame {"event":"send","content":[{"type":"text","text":...}],
// "mode":...}; the answer arrives as "appendText" frames and ends with
// "done". A socket message usually holds one JSON object, but may hold
// several back to back (e.g. a "challenge" and the first "appendText"). See
// tests/fixtures/copilot/EVIDENCE.md.

import { tryJson } from '../capture/stream.js';
import { cleanModes, createAnswer, pathOf, hostOf, countAll } from './common.js';

const MODE_MAP = { reasoning: ['reasoning'], 'think-deeper': ['reasoning'], research: ['deep_research'], smart: [] };

/** The JSON objects of one socket message, however many it holds. */
export function framesOf(text) {
  if (typeof text !== 'string') return [];
  const one = tryJson(text);
  if (one !== undefined) return one && typeof one === 'object' && !Array.isArray(one) ? [one] : [];
  const out = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34 && depth > 0) {
      inString = true;
    } else if (c === 123) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === 125 && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        const v = tryJson(text.slice(start, i + 1));
        if (v && typeof v === 'object') out.push(v);
      }
    }
  }
  return out;
}

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
    let parsed = false;
    let complete = false;
    return {
      /** One incoming socket message; returns true once the turn is over. */
      push(frame) {
        for (const msg of framesOf(frame)) {
          if (typeof msg.event !== 'string') continue;
          if (/^(?:received|startMessage|appendText|partCompleted|done|imageGenerated|titleUpdate|suggestedFollowups|citation|error)$/.test(msg.event)) parsed = true;
          if (msg.event === 'appendText') answer.append(msg.text);
          if (msg.event === 'imageGenerated') images += 1;
          if (msg.event === 'done') complete = true;
          if (msg.event === 'done' || msg.event === 'error') done = true;
        }
        return done;
      },
      get done() {
        return done;
      },
      finish() {
        return { response: answer.counts(), images, model: null, modes: images > 0 ? ['image_generation'] : [], complete, parsed };
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
