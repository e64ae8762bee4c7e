// Microsoft Copilot (copilot.microsoft.com). The page talks over a WebSocket
// (wss://copilot.microsoft.com/c/api/chat?api-version=2...). A prompt is an
// outgoing frame {"event":"send","content":[{"type":"text","text":...}],
// "mode":...}; the answer arrives as "appendText" frames (a part's text may be
// rewritten by "replaceText"), reasoning as "chainOfThought", images as
// "generatingImage" / "partialImageGenerated" / "imageGenerated", and the
// turn ends with "done" (or "error" / "chatMessageError"). A socket message
// usually holds one JSON object, but may hold several back to back (e.g. a
// "challenge" and the first "appendText"). After a "challenge" the page
// answers it and sends its held "send" frame again: the reader's `resend`
// tells the page hook that frame is this turn's, not a new prompt. See
// tests/fixtures/copilot/EVIDENCE.md.

import { tryJson } from '../capture/stream.js';
import { cleanModes, countAll, pathOf, hostOf } from './common.js';
import { countScripts } from '../capture/scripts.js';

const MODE_MAP = { reasoning: ['reasoning'], 'think-deeper': ['reasoning'], research: ['deep_research'], smart: [] };

// Frames of an answer turn the reader knows ("connected", "pong" and the like are not the answer's).
const KNOWN = new Set(['received', 'startMessage', 'appendText', 'replaceText', 'partCompleted', 'done',
  'chainOfThought', 'generatingImage', 'partialImageGenerated', 'imageGenerated', 'titleUpdate',
  'suggestedFollowups', 'citation', 'challenge', 'error', 'chatMessageError']);
// Frames that carry the answer itself: after one of them a re-sent prompt is a new one.
const CONTENT = new Set(['appendText', 'replaceText', 'chainOfThought', 'generatingImage', 'partialImageGenerated',
  'imageGenerated', 'done']);
const IMAGE = new Set(['generatingImage', 'partialImageGenerated', 'imageGenerated']);
const MAX_PARTS = 64; // text parts kept apart for replaceText; later ones share the last
const MAX_IMAGES = 64;

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

/** A short hash of a send frame's conversation, mode and content: the same prompt sent twice has the same one. */
function fingerprintOf(msg, texts) {
  let h = 0x811c9dc5;
  const step = (c) => {
    h = Math.imul(h ^ c, 0x01000193) >>> 0;
  };
  const mix = (s) => {
    for (let i = 0; i < s.length; i += 1) step(s.charCodeAt(i));
    step(0x10000); // a separator no character has: "ab" then "c" differs from "a" then "bc"
  };
  mix(typeof msg.conversationId === 'string' ? msg.conversationId : '');
  mix(typeof msg.mode === 'string' ? msg.mode : '');
  for (const t of texts) mix(t);
  mix(String(msg.content.length));
  return h.toString(36);
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

  /**
   * An outgoing frame that submits a prompt, as a parsed request, or null.
   * Only "send" frames are prompts (not "challengeResponse", "setOptions",
   * "messagePreview" or any other).
   */
  parseRequest(frame) {
    const msg = tryJson(frame);
    if (!msg || msg.event !== 'send' || !Array.isArray(msg.content)) return null;
    const texts = msg.content.filter((p) => p && p.type === 'text').map((p) => (typeof p.text === 'string' ? p.text : ''));
    return { model: null, modes: cleanModes(MODE_MAP[msg.mode] || []), prompt: countAll(texts), context: null,
      fingerprint: fingerprintOf(msg, texts) };
  },

  createReader(request) {
    const own = request && typeof request.fingerprint === 'string' ? request.fingerprint : null;
    const parts = new Map(); // partId -> its text so far, in order of first appearance
    let lastPart = null;
    const images = new Set(); // one key per image, however many frames draw it
    let drawing = null; // the image the frames without a partId are drawing
    let anonymous = 0;
    let reasoning = false;
    let lastContent = null; // the event of the last frame that carried the answer
    let challenged = false; // a challenge came and no answer since: the page will send its prompt again
    let over = false;
    let parsed = false;
    let sawDone = false;
    let failed = false;

    const partKey = (msg) => {
      let key = typeof msg.partId === 'string' ? msg.partId : '';
      if (!parts.has(key) && parts.size >= MAX_PARTS) key = lastPart;
      lastPart = key;
      return key;
    };
    const image = (msg) => {
      let key = typeof msg.partId === 'string' && msg.partId ? `p${msg.partId}` : null;
      if (key === null) {
        if (msg.event === 'generatingImage' || drawing === null) {
          anonymous += 1;
          key = `#${anonymous}`;
        } else {
          key = drawing;
        }
      }
      drawing = msg.event === 'imageGenerated' ? null : key;
      if (images.size < MAX_IMAGES) images.add(key);
    };

    return {
      /** One incoming socket message; returns true once the turn is over. */
      push(frame) {
        for (const msg of framesOf(frame)) {
          const event = msg.event;
          if (typeof event !== 'string' || !KNOWN.has(event)) continue;
          parsed = true;
          if (CONTENT.has(event)) {
            lastContent = event;
            challenged = false;
          }
          if (event === 'appendText' || event === 'replaceText') {
            if (typeof msg.text === 'string') {
              const key = partKey(msg);
              parts.set(key, event === 'appendText' ? (parts.get(key) || '') + msg.text : msg.text);
            }
          } else if (event === 'chainOfThought') {
            reasoning = true;
          } else if (IMAGE.has(event)) {
            image(msg);
          } else if (event === 'challenge') {
            challenged = true;
          } else if (event === 'done') {
            sawDone = true;
            over = true;
          } else if (event === 'error' || event === 'chatMessageError') {
            failed = true;
            over = true;
          }
        }
        return over;
      },
      /**
       * Whether an outgoing request is this turn's own prompt sent again (the
       * page re-sends its held "send" after answering a challenge, before any
       * answer arrived): the page hook then starts no new turn.
       */
      resend(next) {
        if (!challenged || over || own === null || !next || next.fingerprint !== own) return false;
        challenged = false;
        return true;
      },
      get done() {
        return over;
      },
      finish() {
        // An image turn often ends with the socket's close after the image's
        // frames (no "imageGenerated" or "done"): the picture is in hand, so
        // the turn is complete. A text answer cut off stays incomplete.
        const pictured = lastContent === 'partialImageGenerated' || lastContent === 'imageGenerated';
        const text = [...parts.values()].join('');
        return { response: countScripts(text), images: images.size, model: null,
          modes: cleanModes([images.size > 0 && 'image_generation', reasoning && 'reasoning']),
          complete: !failed && (sawDone || pictured), parsed };
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
