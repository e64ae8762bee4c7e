// Gemini (gemini.google.com). Submit: POST .../BardFrontendService/StreamGenerate
// (a batchexecute-style endpoint) with a form body whose `f.req` field holds
// JSON-in-JSON; the prompt is the first string of the inner array. The reply
// starts with the )]}' guard, then length-prefixed JSON chunks; each
// "wrb.fr" chunk carries the whole answer so far.

import { tryJson, createLineSplitter } from '../stream.js';
import { countScripts } from '../scripts.js';
import { cleanModes, cleanModel, createAnswer, pathOf } from './common.js';

const SUBMIT_PATH = /\/(?:assistant\.lamda\.BardFrontendService\/StreamGenerate|batchexecute)$/;
const GENERATED_IMAGE = /https:\/\/lh3\.googleusercontent\.com\/gg[^"\\\s]*/g;

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

export default {
  service: 'gemini',
  label: 'Gemini',
  hosts: ['gemini.google.com'],
  matches: ['https://gemini.google.com/*'],

  isSubmit({ url, method }) {
    if (method !== 'POST' || !SUBMIT_PATH.test(pathOf(url))) return false;
    // batchexecute carries many RPCs; only StreamGenerate is a prompt.
    return /StreamGenerate/.test(pathOf(url));
  },

  parseRequest(body) {
    const inner = innerRequest(body);
    if (!inner || !Array.isArray(inner[0]) || typeof inner[0][0] !== 'string') return null;
    return { model: null, modes: [], prompt: countScripts(inner[0][0]), context: null };
  },

  createReader() {
    const answer = createAnswer();
    const images = new Set();
    let model = null;
    const onLine = (raw) => {
      const line = raw.replace(/^\d+(?=\[)/, '');
      if (!line.startsWith('[')) return;
      const chunk = tryJson(line);
      if (!Array.isArray(chunk)) return;
      for (const entry of chunk) {
        if (!Array.isArray(entry) || entry[0] !== 'wrb.fr' || typeof entry[2] !== 'string') continue;
        const inner = tryJson(entry[2]);
        if (!Array.isArray(inner) || !Array.isArray(inner[4]) || !Array.isArray(inner[4][0])) continue;
        const candidate = inner[4][0];
        if (Array.isArray(candidate[1]) && typeof candidate[1][0] === 'string') answer.replace(candidate[1][0]);
        for (const url of entry[2].match(GENERATED_IMAGE) || []) images.add(url);
        if (Array.isArray(inner[42]) && typeof inner[42][0] === 'string') model = inner[42][0];
      }
    };
    const lines = createLineSplitter(onLine);
    return {
      push: (text) => lines.push(text),
      finish() {
        lines.end();
        const modes = images.size > 0 ? ['image_generation'] : [];
        return { response: answer.counts(), images: images.size, model: cleanModel(model), modes: cleanModes(modes) };
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
