// Gemini (gemini.google.com). Submit: POST .../BardFrontendService/StreamGenerate
// (also under an account prefix /u/N/) with a form body whose `f.req` field
// holds JSON-in-JSON; the prompt is the first string of the inner array. The
// chosen model travels in the request header x-goog-ext-525001261-jspb
// ([1,null,null,null,"<model code>",...,<mode category>,<thinking level>,"<uuid>"]);
// since 2026 each reply also names the model that ran (inner[42], a display
// name such as "3.6 Flash"), which wins over the header's code: the server
// may serve another model than the one asked for. The reply starts with the
// )]}' guard, then length-prefixed JSON chunks; each "wrb.fr" chunk carries
// the whole answer so far in its candidates. Evidence:
// tests/fixtures/gemini/EVIDENCE.md.

import { tryJson, createLineSplitter } from '../capture/stream.js';
import { countScripts } from '../capture/scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/;
const MODEL_HEADER = 'x-goog-ext-525001261-jspb';
// A placeholder the page swaps for a card whose text is elsewhere in the candidate.
const CARD_CONTENT = /^http:\/\/googleusercontent\.com\/card_content\/\d+/;
const GENERATED_IMAGE = /https:\/\/lh3\.googleusercontent\.com\/gg[^"\\\s]*/g;
// inner[49] of the request: the tool picked in the composer.
const TOOL_SLOT = 49;
// 11 (video, Veo) and 21 (music, Lyria) have no mode: their results are fetched later, not in this stream.
const TOOL_MODES = new Map([[1, 'deep_research'], [2, 'canvas'], [14, 'image_generation']]);
// inner[80] of the request and element 15 of the model header: the thinking
// level (1 standard, 2 extended, 3 Deep Think).
const THINKING_SLOT = 80;
const HEADER_THINKING = 15;
const HEADER_MODE = 14;
// The reply's inner[42]: the display name of the model that ran, e.g.
// "3.6 Flash", "3.5 Flash-Lite", "3.1 Pro", sometimes with a suffix in the
// page's language; read as gemini-<version>-<family>.
const SERVED_SLOT = 42;
const SERVED_NAME = /^(?:gemini\s+)?(\d{1,2}(?:\.\d{1,2})?)\s+(flash[\s-]lite|flash|pro)(?![\p{L}\p{N}-])/iu;

function innerRequest(body) {
  let params;
  try {
    params = new URLSearchParams(body);
  } catch {
    return null;
  }
  const outer = tryJson(params.get('f.req'));
  if (!Array.isArray(outer) || typeof outer[1] !== 'string') return null;
  const inner = tryJson(outer[1]);
  return Array.isArray(inner) ? inner : null;
}

/** The model header as an array, or null. */
function modelHeader(headers) {
  const value = headers && (headers[MODEL_HEADER] || headers[MODEL_HEADER.toUpperCase()]);
  const arr = typeof value === 'string' && value.length < 2000 ? tryJson(value) : null;
  return Array.isArray(arr) ? arr : null;
}

/** The model code of the model header, or null. */
function modelCode(header) {
  return header && typeof header[4] === 'string' && /^[0-9a-f]{8,32}$/.test(header[4]) ? header[4] : null;
}

/**
 * Whether the request asks for extended thinking or Deep Think (level 2 or
 * more). Standard thinking (1) is the default and not reported here: a model
 * that still thinks at that level shows it by its thoughts in the reply. The
 * header's level counts only where its mode category (element 14) is a number,
 * so a header laid out otherwise is not misread.
 */
function extendedThinking(header, inner) {
  const deep = (v) => Number.isInteger(v) && v >= 2;
  return deep(inner[THINKING_SLOT]) || (!!header && typeof header[HEADER_MODE] === 'number' && deep(header[HEADER_THINKING]));
}

/** The served model's display name as a catalogue name (gemini-3.6-flash), or null. */
function servedModel(name) {
  if (typeof name !== 'string' || name.length > 60) return null;
  const m = SERVED_NAME.exec(name.trim());
  return m ? `gemini-${m[1]}-${m[2].toLowerCase().replace(/\s+/, '-')}` : null;
}

const at = (value, ...path) => {
  let v = value;
  for (const k of path) {
    if (!Array.isArray(v)) return undefined;
    v = v[k];
  }
  return v;
};

/** Whether a deep research plan (an object keyed "56" or "57") is in the candidate. */
function hasResearchPlan(value, depth = 0) {
  if (depth > 12 || value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value) && (Array.isArray(value['56']) || Array.isArray(value['57']))) return true;
  return Object.values(value).some((v) => hasResearchPlan(v, depth + 1));
}

export default {
  service: 'gemini',
  label: 'Gemini',
  hosts: ['gemini.google.com'],
  matches: ['https://gemini.google.com/*'],
  requestHeaders: [MODEL_HEADER],

  isSubmit({ url, method }) {
    return method === 'POST' && SUBMIT_PATH.test(pathOf(url));
  },

  parseRequest(body, { headers } = {}) {
    const inner = innerRequest(body);
    if (!inner || !Array.isArray(inner[0]) || typeof inner[0][0] !== 'string') return null;
    const header = modelHeader(headers);
    const modes = [];
    const tool = TOOL_MODES.get(inner[TOOL_SLOT]);
    if (tool) modes.push(tool);
    if (extendedThinking(header, inner)) modes.push('reasoning');
    return { model: cleanModel(modelCode(header)), modes: cleanModes(modes), prompt: countScripts(inner[0][0]),
      context: null };
  },

  createReader() {
    const answer = createAnswer();
    const images = new Set();
    const modes = new Set();
    let parsed = false;
    let complete = false;
    let served = null;
    const onCandidate = (candidate, raw) => {
      let text = at(candidate, 1, 0);
      if (typeof text === 'string' && CARD_CONTENT.test(text)) {
        const card = at(candidate, 22, 0);
        if (typeof card === 'string') text = card;
      }
      if (typeof text === 'string') answer.replace(text);
      const thoughts = at(candidate, 37, 0, 0);
      if (typeof thoughts === 'string' && thoughts) modes.add('reasoning');
      const generated = at(candidate, 12, 7, 0);
      for (const img of Array.isArray(generated) ? generated : []) {
        const url = at(img, 0, 3, 3);
        if (typeof url === 'string') images.add(url);
      }
      if (images.size === 0) for (const url of raw.match(GENERATED_IMAGE) || []) images.add(url);
      if (hasResearchPlan(candidate)) modes.add('deep_research');
      if (at(candidate, 8, 0) === 2) complete = true;
    };
    const onLine = (raw) => {
      const line = raw.replace(/^\d+(?=\[)/, '');
      if (!line.startsWith('[')) return;
      const chunk = tryJson(line);
      if (!Array.isArray(chunk)) return;
      for (const entry of chunk) {
        if (!Array.isArray(entry) || entry[0] !== 'wrb.fr' || typeof entry[2] !== 'string') continue;
        const inner = tryJson(entry[2]);
        if (!Array.isArray(inner)) continue;
        served = servedModel(inner[SERVED_SLOT]) || served;
        // inner[25]: the turn's context token, sent once the turn is stored.
        if (typeof inner[25] === 'string') complete = true;
        if (!Array.isArray(inner[4])) {
          if (Array.isArray(inner[1]) || typeof inner[25] === 'string') parsed = true;
          continue;
        }
        parsed = true;
        if (Array.isArray(inner[4][0])) onCandidate(inner[4][0], entry[2]);
      }
    };
    const lines = createLineSplitter(onLine);
    return {
      push: (text) => lines.push(text),
      finish() {
        lines.end();
        if (images.size > 0) modes.add('image_generation');
        return { response: answer.counts(), images: images.size, model: served, modes: cleanModes([...modes]),
          complete, parsed };
      },
    };
  },

  dom: {
    user: 'user-query',
    assistant: 'model-response',
    input: 'rich-textarea [contenteditable="true"], .ql-editor',
    send: 'button.send-button, button[aria-label*="Send" i]',
  },
};
